"""How fast the messenger handles datagrams: absolute rates against a fixed yardstick.

No baseline program runs here (``bench.ipmsg_iptux_roundtrip`` compares with iptux's core in one
run); the "vs storm" column is headroom over a constant, and says so in its title.

1. The sans-IO node alone: distinct SENDMSG datagrams through ``receive`` (parse, de-duplicate,
   decode, acknowledge), and a 1,000-host BR_ENTRY storm.
2. The asyncio engine on loopback: a sender thread floods it with SENDMSG; handled per second.

The yardstick is the heaviest real load: a 1,000-host LAN answering one BR_ENTRY within 1-4 s
(IPMsg's answer delay, reference §1.4), about 1,000 datagrams/s at the peak. Ratios above 1 are
headroom. Loopback only: nothing is broadcast.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import math
import socket
import threading
import time

from desktop.core.ipmsg import Identity, format_packet
from desktop.core.ipmsg import messages as m
from desktop.core.ipmsg.dialect import Dialect
from desktop.core.ipmsg.events import Event, MessageReceived
from desktop.core.ipmsg.node import MessengerNode
from desktop.core.ipmsg.node_settings import NodeSettings
from desktop.core.ipmsg.source_budget import SourceBudget
from desktop.core.ipmsg_io.engine import MessengerEngine

STORM_RATE = 1000.0  # datagrams/s: a 1,000-host LAN answering within about a second
ME = Identity("bob", "BOB-PC", "鲍勃", "研发")
PEER = Identity("amin", "AMIN-PC", "阿明", "研发部")


def _message(number: int) -> bytes:
    text = f"你好，这是第 {number} 条"
    packet = m.send_msg(
        PEER, number, to_dialect=Dialect.IPMSG, text=text, encoding="utf-8", peer_utf8=True
    )
    return format_packet(packet)


def node_rates(count: int) -> tuple[float, float]:
    """(SENDMSG/s, BR_ENTRY/s) through a bare node."""
    node = MessengerNode(ME, NodeSettings(entry_answer_delay=0), seed=1)
    node.announce(now=0)
    node.take_actions()
    datagrams = [_message(n) for n in range(1, count + 1)]
    start = time.perf_counter()
    for datagram in datagrams:
        node.receive(datagram, ("198.18.0.2", 2425), 1.0)
    messages = count / (time.perf_counter() - start)
    entries = [
        (
            format_packet(m.entry(Identity(f"u{i}", f"h{i}", f"用户{i}"), 5)),
            (f"198.18.{i // 250 + 1}.{i % 250 + 1}", 2425),  # sans-IO: never sent
        )
        for i in range(1000)
    ]
    start = time.perf_counter()
    for datagram, address in entries:
        node.receive(datagram, address, 2.0)
    return messages, len(entries) / (time.perf_counter() - start)


class _Counter:
    def __init__(self, expected: int) -> None:
        self.expected = expected
        self.count = 0
        self.last = 0.0
        self.done = asyncio.Event()

    def on_event(self, event: Event) -> None:
        if isinstance(event, MessageReceived):
            self.count += 1
            self.last = time.perf_counter()
            if self.count >= self.expected:
                self.done.set()


async def engine_rate(count: int) -> tuple[float, int]:
    """(handled SENDMSG/s, how many arrived) for a flood over loopback."""
    counter = _Counter(count)
    unlimited = SourceBudget(math.inf, math.inf, math.inf, math.inf)  # the handling path itself
    engine = MessengerEngine(
        ME, NodeSettings(port=0), counter, bind="127.0.0.1", seed=1, budget=unlimited
    )
    address = await engine.start(announce=False)
    datagrams = [_message(n) for n in range(1, count + 1)]

    def flood() -> None:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
            sock.bind(("127.0.0.1", 0))
            for index, datagram in enumerate(datagrams):
                sock.sendto(datagram, address)
                if index % 200 == 199:
                    time.sleep(0.001)  # let the receive buffer drain a little: measure handling

    start = time.perf_counter()
    sender = threading.Thread(target=flood)
    sender.start()
    with contextlib.suppress(TimeoutError):  # datagrams the kernel dropped never arrive
        await asyncio.wait_for(counter.done.wait(), 10)
    await asyncio.to_thread(sender.join)
    await engine.close(leave=False)
    elapsed = (counter.last or time.perf_counter()) - start
    return counter.count / elapsed, counter.count


def main(argv: list[str] | None = None) -> str:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=20_000, help="datagrams per measurement")
    args = parser.parse_args(argv)
    messages, entries = node_rates(args.count)
    handled, arrived = asyncio.run(engine_rate(args.count))
    lines = [
        "== IP Messenger node and engine: absolute rates (no baseline runs here) ==",
        "(the ratio is headroom over a fixed yardstick, a 1,000-host LAN's answer storm of "
        "1,000 datagrams/s,",
        " not a comparison with another program; bench.ipmsg_iptux_roundtrip compares with iptux)",
        "",
        f"{'measurement':<44} {'per second':>11} {'vs storm':>9}",
        f"{'node: SENDMSG received + RECVMSG':<44} {messages:>11,.0f} "
        f"{messages / STORM_RATE:>8.1f}x",
        f"{'node: BR_ENTRY from 1,000 hosts + ANSENTRY':<44} {entries:>11,.0f} "
        f"{entries / STORM_RATE:>8.1f}x",
        f"{'engine on loopback: SENDMSG flood handled':<44} {handled:>11,.0f} "
        f"{handled / STORM_RATE:>8.1f}x",
        "",
        f"engine: {arrived} of {args.count} datagrams arrived (the kernel drops the rest when the "
        "receive buffer is full); storm = 1,000 datagrams/s",
    ]
    text = "\n".join(lines)
    print(text)
    return text


if __name__ == "__main__":
    main()
