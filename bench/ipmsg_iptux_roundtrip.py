"""Message round trip (SENDMSG → RECVMSG) from a SocketDesk node: to SocketDesk, and to iptux.

A test LAN of four namespaces (198.18.x.x, nothing leaves the bridge): our sending node, a
SocketDesk node (``socketdesk-cli ipmsg listen``), iptux 0.8.3 (the Debian GTK program, headless
under Xvfb) and iptux's core library alone (``tests/peers/iptux_peer``, no GUI). The sender
sends each message to each receiver in turn, one in flight at a time, and times each from
``send_text`` to the ``MessageDelivered`` its RECVMSG produces: every receiver meets the same
noise. Needs root, iptux, Xvfb and g++ (what ``.ci/run`` installs).

By default the sender runs on the first CPU and every receiver on the others, as on a LAN where
they are different machines: unpinned (``--no-pin``), the kernel often wakes a receiver on the
sender's CPU, and whatever the receiver does after its RECVMSG (showing the message) then
delays the sender's own reading of it. Both placements treat every receiver alike.

Floors (``--floor``, default ``uvloop,c``): the least a receiver can do on the same LAN, with
the same pinning, answering BR_ENTRY and SENDMSG from prebuilt templates and nothing else.
``uvloop``, ``asyncio``, ``blocking``: in Python (``bench/ipmsg_floor_receiver.py``:
``datagram_received`` → ``sendto``, or a thread blocked in ``recvfrom``); ``c``: the same in C
(``bench/ipmsg_floor_receiver.c``, a blocking ``recvfrom`` loop, built with gcc on first use;
skipped, with a line saying why, when gcc is missing). SocketDesk above the Python floor is ours
to cut; the Python floor above the C floor is the language's and the loop's; the C floor against
iptux's core says how close iptux is to the least a receiver can do. ``--floor none`` leaves
them out.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.ipmsg_floor_receiver import c_floor, c_floor_missing
from desktop.core.ipmsg.events import Event, MessageDelivered, MessageFailed, PeerJoined
from desktop.core.ipmsg.identity import Identity
from desktop.core.ipmsg.node_settings import NodeSettings
from desktop.core.ipmsg_io.engine import MessengerEngine

WARM_UP = 20  # messages per receiver before timing: first-packet costs (ARP, pal creation)
# The receivers' turn in each round. Every receiver runs on the same CPU(s), so what the one
# before it still does there decides how fast a receiver wakes: a busy CPU wakes at once, an
# idle one of this VM only after leaving its halt. In a fixed turn each receiver always follows
# the same one (iptux's core followed the GTK program, which draws each message after answering
# it; SocketDesk followed the floor, which does nothing more): "shuffled" draws a new turn each
# round (a fixed seed), so each follows each other alike; "fixed" keeps the listed one.
ORDERS = ("shuffled", "fixed")
SEED = 2425
TEXT = "往返测试 {n}：你好 😀"


class _Outcomes:
    """The sender's sink: when each message settled, and who joined."""

    def __init__(self) -> None:
        self.settled: dict[int, tuple[int, bool]] = {}
        self.joined: set[str] = set()
        self.changed = asyncio.Event()

    def on_event(self, event: Event) -> None:
        now = time.perf_counter_ns()
        if isinstance(event, MessageDelivered | MessageFailed):
            self.settled[event.message_id] = (now, isinstance(event, MessageDelivered))
        elif isinstance(event, PeerJoined):
            self.joined.add(event.peer.address[0])
        self.changed.set()

    async def until(self, done: Callable[[], bool], timeout: float = 15) -> None:
        async def wait() -> None:
            while not done():
                self.changed.clear()
                await self.changed.wait()

        await asyncio.wait_for(wait(), timeout)


async def _round_trips(
    receivers: list[str], count: int, broadcast: str, order: str
) -> dict[str, tuple[list[float], int]]:
    outcomes = _Outcomes()
    me = Identity("bench", "BENCH-PC", "测速", "基准")
    settings = NodeSettings(targets=((broadcast, 2425),), entry_answer_delay=0)
    engine = MessengerEngine(me, settings, outcomes)
    await engine.start()
    results: dict[str, tuple[list[float], int]] = {ip: ([], 0) for ip in receivers}
    try:
        for ip in receivers:
            engine.contact((ip, 2425))
        await outcomes.until(lambda: outcomes.joined >= set(receivers))
        turn = list(receivers)
        shuffle = random.Random(SEED).shuffle
        for n in range(WARM_UP + count):
            if order == "shuffled":
                shuffle(turn)
            for ip in turn:
                start = time.perf_counter_ns()
                message_id = engine.send_text((ip, 2425), TEXT.format(n=n))
                await outcomes.until(lambda m=message_id: m in outcomes.settled)
                end, delivered = outcomes.settled.pop(message_id)
                if n < WARM_UP:
                    continue
                times, failed = results[ip]
                if delivered:
                    times.append((end - start) / 1e3)  # µs
                results[ip] = (times, failed + (not delivered))
    finally:
        await engine.close(leave=True)
    return results


def measure(
    receivers: list[str],
    count: int,
    broadcast: str,
    cpu: int | None = None,
    order: str = "shuffled",
) -> dict[str, tuple[list[float], int]]:
    """Run as the sending host (``LanHost.call``): round trips in µs, and failures, per address.
    ``cpu``: the one CPU the sender runs on (None: where the kernel puts it); ``order``: the
    receivers' turn in each round, ``shuffled`` or ``fixed`` (see ``ORDERS``)."""
    if cpu is not None:
        os.sched_setaffinity(0, {cpu})
    return asyncio.run(_round_trips(receivers, count, broadcast, order))


def _p99(values: list[float]) -> float:
    return statistics.quantiles(values, n=100)[98] if len(values) >= 2 else values[0]


def _cpus(pin: bool) -> tuple[int, set[int]] | None:
    """The sender's CPU and the receivers' CPUs when pinning (None: no pinning, or one CPU)."""
    cpus = sorted(os.sched_getaffinity(0))
    if not pin or len(cpus) < 2:
        return None
    return cpus[0], set(cpus[1:])


FLOORS = ("uvloop", "asyncio", "blocking", "c")
DEFAULT_FLOORS = "uvloop,c"
SD_NAME = "SocketDesk node (ipmsg listen)"
CORE_NAME = "iptux 0.8.3 core (libiptux-core)"
FLOOR_NAMES = {
    "uvloop": "floor: bare Python, uvloop",
    "asyncio": "floor: bare Python, asyncio",
    "blocking": "floor: bare Python, blocking",
    "c": "floor: C, blocking recvfrom",
}


def run(
    count: int,
    pin: bool = True,
    floors: tuple[str, ...] = ("uvloop", "c"),
    order: str = "shuffled",
) -> str:
    from tests.lan.netlan import lan_available
    from tests.peers.iptux import iptux_available
    from tests.peers.iptux_peer import peer_available

    for ok, reason in (lan_available(), iptux_available(), peer_available()):
        if not ok:
            return f"== iptux round trip == skipped: {reason}"
    floors, notes = floors_here(floors)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    placement = _cpus(pin)
    allowed = os.sched_getaffinity(0)
    if placement is not None:  # every receiver (started below) inherits this set
        os.sched_setaffinity(0, placement[1])
    try:
        results, names = _run_lan(count, env, placement, floors, order)
    finally:
        os.sched_setaffinity(0, allowed)
    return _report(results, names, count=count, placement=placement, order=order, notes=notes)


def floors_here(floors: tuple[str, ...]) -> tuple[tuple[str, ...], list[str]]:
    """The floors that can run here, and a line for each left out (the C one without gcc)."""
    if "c" in floors and (reason := c_floor_missing()):
        return tuple(mode for mode in floors if mode != "c"), [f"floor c skipped: {reason}"]
    return floors, []


def _run_lan(
    count: int,
    env: dict[str, str],
    placement: tuple[int, set[int]] | None,
    floors: tuple[str, ...],
    order: str,
) -> tuple[dict[str, tuple[list[float], int]], dict[str, str]]:
    from tests.lan.netlan import ROOT, TestLan
    from tests.peers.iptux import running_iptux, virtual_display
    from tests.peers.iptux_peer import running_peer

    with (
        tempfile.TemporaryDirectory(prefix="sd-bench-iptux-") as folder,
        virtual_display() as display,
        TestLan(4 + len(floors)) as lan,
    ):
        sender, ours, gui, core, *floor_hosts = lan.hosts
        listener = ours.popen(
            [sys.executable, "-m", "desktop.cli", "ipmsg", "listen", "--name", "接收",
             "--broadcast", ours.broadcast],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        floor_processes = [
            host.popen(
                [str(c_floor()), "floor-c"]
                if mode == "c"
                else [sys.executable, "-m", "bench.ipmsg_floor_receiver", "--mode", mode],
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            for host, mode in zip(floor_hosts, floors, strict=True)
        ]
        with (
            running_iptux(gui, display, Path(folder) / "gui", "图克斯", "基准"),
            running_peer(core, Path(folder) / "core", "核心", "基准"),
        ):
            receivers = [ours.address, gui.address, core.address]
            receivers += [host.address for host in floor_hosts]
            # By module name, so it pickles the same when this file runs as __main__.
            from bench.ipmsg_iptux_roundtrip import measure as by_name

            sender_cpu = None if placement is None else placement[0]
            results = sender.call(
                by_name, receivers, count, sender.broadcast, sender_cpu, order, timeout=600
            )
        for process in (listener, *floor_processes):
            process.terminate()
        for process in (listener, *floor_processes):
            process.wait(10)
    names = {
        ours.address: SD_NAME,
        gui.address: "iptux 0.8.3 GTK program (Xvfb)",
        core.address: CORE_NAME,
    }
    for host, mode in zip(floor_hosts, floors, strict=True):
        names[host.address] = FLOOR_NAMES[mode]
    return results, names


def _report(
    results: dict[str, tuple[list[float], int]],
    names: dict[str, str],
    *,
    count: int,
    placement: tuple[int, set[int]] | None,
    order: str,
    notes: list[str] | None = None,
) -> str:
    receivers = list(names)  # SocketDesk's first
    ours = receivers[0]
    base = statistics.median(results[ours][0])
    lines = [
        "== IP Messenger round trip: SENDMSG → RECVMSG, from a SocketDesk node ==",
        "",
        f"{'receiver':<34} {'median µs':>10} {'p99 µs':>9} {'median vs SD':>13} "
        f"{'p99 vs SD':>10} {'lost':>5}",
    ]
    base_p99 = _p99(results[ours][0])
    for ip in receivers:
        times, failed = results[ip]
        median, p99 = statistics.median(times), _p99(times)
        lines.append(
            f"{names[ip]:<34} {median:>10.0f} {p99:>9.0f} {median / base:>12.2f}x "
            f"{p99 / base_p99:>9.2f}x {failed:>5}"
        )
    lines += [
        "",
        f"{count} timed messages per receiver (after {WARM_UP} untimed), interleaved, one in "
        "flight; namespaces on one bridge; 'vs SD' = time / SocketDesk receiver's time "
        "(above 1: iptux answers slower)",
        f"turn: {order}"
        + (
            " (a new order of the receivers each round: each follows each other alike)"
            if order == "shuffled"
            else " (each round in the order listed: each receiver follows the same one)"
        ),
        "floors: not messengers: BR_ENTRY -> ANSENTRY and SENDMSG -> RECVMSG from prebuilt"
        " templates, nothing else; bare Python (bench/ipmsg_floor_receiver.py: uvloop/asyncio"
        " datagram_received -> sendto, or blocking recvfrom): the least a Python receiver on"
        " that loop can do; C (bench/ipmsg_floor_receiver.c, blocking recvfrom, gcc -O2): the"
        " least any receiver can do here",
        *notes_lines(names, results, notes or []),
        "CPUs: "
        + (
            "unpinned (the kernel often wakes the receiver on the sender's CPU: its work after"
            " the answer then delays the sender)"
            if placement is None
            else f"the sender on CPU {placement[0]}, every receiver on CPU(s)"
            f" {','.join(map(str, sorted(placement[1])))} (as on a LAN, where they are"
            " different machines)"
        ),
    ]
    return "\n".join(lines)


def notes_lines(
    names: dict[str, str], results: dict[str, tuple[list[float], int]], notes: list[str]
) -> list[str]:
    """The ratios between SocketDesk, the floors and iptux's core (those that ran), then
    ``notes``."""
    by_name = {name: results[ip][0] for ip, name in names.items()}
    pairs = (
        (SD_NAME, CORE_NAME, "SocketDesk / iptux core"),
        (FLOOR_NAMES["c"], CORE_NAME, "C floor / iptux core"),
        (FLOOR_NAMES["uvloop"], FLOOR_NAMES["c"], "Python floor (uvloop) / C floor"),
        (SD_NAME, FLOOR_NAMES["uvloop"], "SocketDesk / Python floor"),
    )
    lines = [
        f"{label}: median {statistics.median(by_name[a]) / statistics.median(by_name[b]):.2f}x,"
        f" p99 {_p99(by_name[a]) / _p99(by_name[b]):.2f}x"
        for a, b, label in pairs
        if by_name.get(a) and by_name.get(b)
    ]
    return lines + notes


def main(argv: list[str] | None = None) -> str:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=500, help="timed messages per receiver")
    parser.add_argument(
        "--no-pin",
        action="store_true",
        help="let the kernel place the sender and the receivers (default: sender on the first"
        " CPU, receivers on the others)",
    )
    parser.add_argument(
        "--floor",
        default=DEFAULT_FLOORS,
        metavar="MODES",
        help="bare receivers to run as floors, comma-separated, of "
        f"{','.join(FLOORS)} (default {DEFAULT_FLOORS}; c: in C; none: no floor)",
    )
    parser.add_argument(
        "--order",
        choices=ORDERS,
        default="shuffled",
        help="the receivers' turn in each round (default shuffled; fixed: as listed, the"
        " order of earlier runs)",
    )
    args = parser.parse_args(argv)
    floors = tuple(m for m in args.floor.split(",") if m and m != "none")
    if unknown := set(floors) - set(FLOORS):
        parser.error(f"unknown floor(s): {', '.join(sorted(unknown))}")
    text = run(args.count, pin=not args.no_pin, floors=floors, order=args.order)
    print(text)
    return text


if __name__ == "__main__":
    main()
