"""UDP receive: 64-byte datagrams on loopback, counted by SocketDesk and by socat and iperf3.

Run: ``.venv/bin/python -m bench.udp_receive [--rate 150000] [--seconds 10]``.

One sender, ``socketdesk-cli udp flood`` at ``--rate`` (a separate process, paced), feeds each
receiver in turn: socat (``UDP-RECV`` into a tmpfs file), the SocketDesk UDP session bridge with
its log on (records batched to a consumer that acknowledges each batch, as the panel does) and
with the log paused, and the two receive paths the choice was made between: asyncio's
``DatagramProtocol`` and a blocking ``recvfrom_into`` thread alone. iperf3 cannot be fed by
another sender (it needs its own client), so ``iperf3 -c -u -l 64 -b`` at the same rate feeds
``iperf3 -s``. With ``--rate max`` the sender goes as fast as it can. Prints received, loss and
the ratio to socat.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZE = 64
RCVBUF = 8 * 1024 * 1024
QUIET_S = 1.0  # a receiver ends once nothing came for this long (after the first datagram)


# -- the receivers run in a child process each ----------------------------------------------------
def _child(mode: str) -> None:
    if mode.startswith("bridge"):
        if mode.endswith("-recvfrom"):  # the session without recvmmsg, for the comparison
            from desktop.core.net import udp_mmsg

            udp_mmsg.available = lambda: False
        _child_bridge(paused="paused" in mode)
    elif mode == "asyncio":
        asyncio.run(_child_asyncio())
    else:
        _child_thread()


def _announce(port: int) -> None:
    print(port, flush=True)


def _done(count: int, first: float, last: float) -> None:
    print(json.dumps({"count": count, "seconds": last - first}), flush=True)


def _child_thread() -> None:
    from desktop.core.net.udp_socket import BindOptions, open_udp

    sock = open_udp(BindOptions("127.0.0.1", 0, receive_buffer=RCVBUF))
    _announce(sock.getsockname()[1])
    buffer = bytearray(65536)
    count, first, last = 0, 0.0, 0.0
    sock.settimeout(30)
    count += 1 if sock.recvfrom_into(buffer) else 0
    first = last = time.perf_counter()
    sock.settimeout(QUIET_S)
    try:
        while True:
            sock.recvfrom_into(buffer)
            count += 1
    except TimeoutError:
        last = time.perf_counter() - QUIET_S
    _done(count, first, last)


async def _child_asyncio() -> None:
    loop = asyncio.get_running_loop()
    state = {"count": 0, "first": 0.0, "last": 0.0}

    class Receiver(asyncio.DatagramProtocol):
        def datagram_received(self, data: bytes, addr: object) -> None:
            now = time.perf_counter()
            if not state["count"]:
                state["first"] = now
            state["count"] += 1
            state["last"] = now

    from desktop.core.net.udp_socket import BindOptions, open_udp

    sock = open_udp(BindOptions("127.0.0.1", 0, receive_buffer=RCVBUF))
    sock.setblocking(False)
    transport, _ = await loop.create_datagram_endpoint(Receiver, sock=sock)
    _announce(sock.getsockname()[1])
    while not state["count"] or time.perf_counter() - state["last"] < QUIET_S:
        await asyncio.sleep(0.1)
    transport.close()
    _done(int(state["count"]), state["first"], state["last"])


def _child_bridge(paused: bool) -> None:
    from PySide6.QtCore import QCoreApplication, QTimer

    from desktop.core.net.udp import UdpOptions
    from desktop.core.net.udp_socket import BindOptions
    from desktop.workers.loop_thread import EventLoopThread
    from desktop.workers.udp_bridge import UdpBridge

    sys.setswitchinterval(0.001)  # as the app's composition root sets it (ARCHITECTURE.md)
    app = QCoreApplication([])
    io = EventLoopThread()
    io.start_and_wait()
    bridge = UdpBridge(io)
    state = {"records": 0, "first": 0.0, "last": 0.0, "count": 0}

    def batch(records: object) -> None:
        state["records"] += len(records.records)  # type: ignore[attr-defined]
        bridge.batch_consumed()

    def started(addresses: list[str]) -> None:
        _announce(int(addresses[0].rsplit(":", 1)[1]))

    def tick() -> None:
        count = bridge.totals.chunks_in  # an int read across threads: fine for a bench
        now = time.perf_counter()
        if count != state["count"]:
            if not state["count"]:
                state["first"] = now
            state["count"], state["last"] = count, now
        elif state["count"] and now - state["last"] >= QUIET_S:
            bridge.shutdown()
            io.stop(3000)
            _done(int(state["count"]), state["first"], state["last"])
            print(json.dumps({"records": state["records"]}), file=sys.stderr)
            app.quit()

    bridge.records_received.connect(batch)
    bridge.started.connect(started)
    bridge.set_log_paused(paused)
    bridge.start(UdpOptions(bind=BindOptions("127.0.0.1", 0, receive_buffer=RCVBUF)))
    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(20)
    app.exec()


# -- the parent: one sender per receiver ----------------------------------------------------------
def _flood(port: int, rate: str, seconds: float) -> int:
    result = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "udp", "flood", "127.0.0.1", str(port),
         "--rate", rate, "--seconds", str(seconds), "--size", str(SIZE)],
        cwd=ROOT, capture_output=True, text=True, timeout=seconds + 60, check=True,
    )  # fmt: skip
    match = re.match(r"Sent (\d+) datagrams", result.stdout)
    assert match, result.stdout + result.stderr
    return int(match.group(1))


def _run_child(mode: str, rate: str, seconds: float) -> tuple[int, int]:
    child = subprocess.Popen(
        [sys.executable, "-m", "bench.udp_receive", "--child", mode],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert child.stdout is not None
    port = int(child.stdout.readline())
    sent = _flood(port, rate, seconds)
    received = json.loads(child.stdout.readline())["count"]
    child.wait(30)
    return sent, received


def _run_socat(rate: str, seconds: float) -> tuple[int, int]:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with tempfile.NamedTemporaryFile(dir="/dev/shm" if Path("/dev/shm").is_dir() else None) as out:
        socat = subprocess.Popen(
            ["socat", "-u", f"UDP-RECV:{port},bind=127.0.0.1,rcvbuf={RCVBUF}", f"OPEN:{out.name}"]
        )
        time.sleep(0.3)
        sent = _flood(port, rate, seconds)
        time.sleep(QUIET_S)
        socat.terminate()
        socat.wait(10)
        return sent, os.path.getsize(out.name) // SIZE


def _run_iperf3(rate: float | None, seconds: float) -> tuple[int, int]:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        ["iperf3", "-s", "-1", "-B", "127.0.0.1", "-p", str(port)], stdout=subprocess.DEVNULL
    )
    try:
        time.sleep(0.5)
        bits = "0" if rate is None else str(int(rate * SIZE * 8))
        result = subprocess.run(
            ["iperf3", "-c", "127.0.0.1", "-p", str(port), "-u", "-l", str(SIZE), "-b", bits,
             "-t", str(seconds), "-J", "-w", str(RCVBUF)],
            capture_output=True, text=True, timeout=seconds + 60, check=True,
        )  # fmt: skip
    finally:
        server.wait(30)
    end = json.loads(result.stdout)["end"]["sum"]
    sent = int(end["packets"])
    return sent, sent - int(end["lost_packets"])


def main(argv: list[str] | None = None) -> str:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rate", default="150000", help="datagrams/s, or max")
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", nargs="*", help="run only these receivers")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(args.child)
        return ""
    rate = None if args.rate == "max" else float(args.rate)
    runs = {
        "socat": lambda: _run_socat(args.rate, args.seconds),
        "iperf3 (its own sender)": lambda: _run_iperf3(rate, args.seconds),
        "SocketDesk session, log on": lambda: _run_child("bridge", args.rate, args.seconds),
        "SocketDesk session, log paused": lambda: _run_child(
            "bridge-paused", args.rate, args.seconds
        ),
        "… log paused, recvfrom_into": lambda: _run_child(
            "bridge-paused-recvfrom", args.rate, args.seconds
        ),
        "recvfrom_into thread alone": lambda: _run_child("thread", args.rate, args.seconds),
        "asyncio DatagramProtocol": lambda: _run_child("asyncio", args.rate, args.seconds),
    }
    if shutil.which("iperf3") is None:
        del runs["iperf3 (its own sender)"]
    chosen = {
        name: run
        for name, run in runs.items()
        if not args.only or any(part in name for part in args.only)
    }
    # Interleaved rounds (the order reversed every other round), medians reported: the machine
    # is shared and one run alone says little.
    results: dict[str, list[tuple[int, int]]] = {name: [] for name in chosen}
    for round_ in range(args.rounds):
        order = list(chosen) if round_ % 2 == 0 else list(reversed(chosen))
        for name in order:
            results[name].append(chosen[name]())
    medians = {
        name: (
            statistics.median(sent for sent, _ in runs_),
            statistics.median(received for _, received in runs_),
            statistics.median(1 - received / sent if sent else 0.0 for sent, received in runs_),
        )
        for name, runs_ in results.items()
    }
    base = medians.get("socat", (0, 0, 0.0))[1]
    lines = [
        f"UDP receive, {SIZE}-byte datagrams, rate {args.rate}/s for {args.seconds:g} s "
        f"(loopback), median of {args.rounds} interleaved rounds",
        f"{'receiver':34} {'sent':>10} {'received':>10} {'per s':>10} {'loss':>7} {'× socat':>8}",
    ]
    for name, (sent, received, loss) in medians.items():
        ratio = f"{received / base:.2f}" if base else "-"
        lines.append(
            f"{name:34} {sent:>10,.0f} {received:>10,.0f} {received / args.seconds:>10,.0f} "
            f"{100 * loss:>6.2f}% {ratio:>8}"
        )
    text = "\n".join(lines)
    print(text)
    return text


if __name__ == "__main__":
    main()
