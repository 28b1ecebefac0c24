"""Periodic TCP send at 1, 10 and 100 ms: SocketDesk's PeriodicSender versus a naive sleep loop.

Run: ``make bench`` or ``.venv/bin/python -m bench.periodic_send [--n1 N] [--n10 N] [--n100 N]``.
A receiver process on loopback timestamps every message as it arrives. Both senders run in this
process, one after the other for each interval (the order alternates), each on a fresh
connection:

- baseline: ``while ...: sock.send(msg); time.sleep(interval)``, what most tools do;
- SocketDesk: ``PeriodicSender`` writing to a ``TcpClient`` on an asyncio loop.

Reported per interval: jitter at the receiver (|inter-arrival time - interval|), jitter at the
sender (send time - scheduled time ``t0 + k * interval``; SocketDesk's from ``stats()``, the
same definition computed for the baseline), the rate error (time the run took versus
``(N - 1) * interval``), and the sender's CPU use. Packet Sender is not run: its documented
floor is 100 ms (shared/references/socket-tools.md, [PS#102]).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from desktop.core.net.tcp_client import TcpClient
from desktop.core.session.periodic import PeriodicSender

ROOT = Path(__file__).resolve().parents[1]
_MESSAGE = 9  # bytes per message: b"%08d\n"


@dataclass
class Run:
    """One contender at one interval."""

    name: str
    arrivals: list[float]
    send_jitter_ms: tuple[float, float, float]  # p50, p99, max
    cpu: float  # fraction of one core, the sender's process

    def arrival_jitter_ms(self, interval: float) -> tuple[float, float, float]:
        gaps = [abs(b - a - interval) * 1000 for a, b in pairwise(self.arrivals)]
        return _summary(gaps)

    def rate_error(self, interval: float) -> float:
        expected = (len(self.arrivals) - 1) * interval
        return (self.arrivals[-1] - self.arrivals[0]) / expected - 1


def _summary(values: list[float]) -> tuple[float, float, float]:
    ordered = sorted(values)
    if not ordered:
        return 0.0, 0.0, 0.0

    def rank(fraction: float) -> float:
        return ordered[max(1, math.ceil(fraction * len(ordered))) - 1]

    return rank(0.50), rank(0.99), ordered[-1]


# -- the receiver (its own process) ------------------------------------------------------------
def receive() -> None:
    """Accept connections one at a time; print each one's arrival times as a JSON line."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(4)
        print(listener.getsockname()[1], flush=True)
        while True:
            conn, _ = listener.accept()
            arrivals: list[float] = []
            received = 0
            with conn:
                while data := conn.recv(65536):
                    now = time.monotonic()
                    received += len(data)
                    arrivals.extend([now] * (received // _MESSAGE - len(arrivals)))
            print(json.dumps(arrivals), flush=True)


# -- the senders -------------------------------------------------------------------------------
def naive(port: int, interval: float, count: int) -> tuple[list[float], float]:
    """The baseline; returns (send times, CPU fraction)."""
    times: list[float] = []
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        cpu, wall = time.process_time(), time.monotonic()
        for k in range(count):
            sock.send(b"%08d\n" % k)
            times.append(time.monotonic())
            time.sleep(interval)
        cpu, wall = time.process_time() - cpu, time.monotonic() - wall
    return times, cpu / wall


class _Sink:
    def on_connected(self, local: str, peer: str) -> None:
        pass

    def on_data(self, data: memoryview) -> None:
        pass

    def on_closed(self, reason: str) -> None:
        pass


async def socketdesk(port: int, interval: float, count: int) -> tuple[PeriodicSender, float]:
    """SocketDesk; returns (the finished sender, CPU fraction)."""
    client = TcpClient(_Sink())
    await client.connect("127.0.0.1", port)
    connection = client.connection
    assert connection is not None
    finished = asyncio.Event()
    sender = PeriodicSender(
        lambda k: connection.write(b"%08d\n" % k), interval, count, lambda _: finished.set()
    )
    cpu, wall = time.process_time(), time.monotonic()
    sender.start()
    await finished.wait()
    cpu, wall = time.process_time() - cpu, time.monotonic() - wall
    client.close()
    await client.wait_closed()
    return sender, cpu / wall


def run_both(
    port: int, arrivals: subprocess.Popen[str], interval: float, count: int, flip: bool
) -> list[Run]:
    """Baseline and SocketDesk at one interval, baseline first unless ``flip``."""
    assert arrivals.stdout is not None
    runs: dict[str, Run] = {}
    for name in ("socketdesk", "naive") if flip else ("naive", "socketdesk"):
        if name == "naive":
            times, cpu = naive(port, interval, count)
            late = [(t - times[0] - k * interval) * 1000 for k, t in enumerate(times)]
            runs[name] = Run("naive send+sleep loop", [], _summary(late), cpu)
        else:
            sender, cpu = asyncio.run(socketdesk(port, interval, count))
            stats = sender.stats()
            jitter = (stats.jitter_p50_ms, stats.jitter_p99_ms, stats.jitter_max_ms)
            runs[name] = Run("SocketDesk PeriodicSender", [], jitter, cpu)
        runs[name].arrivals = json.loads(arrivals.stdout.readline())
        if len(runs[name].arrivals) != count:
            raise RuntimeError(f"{name}: {len(runs[name].arrivals)} of {count} arrived")
    return [runs["naive"], runs["socketdesk"]]


def table(interval: float, count: int, runs: list[Run]) -> list[str]:
    baseline, ours = runs
    lines = [
        f"-- every {interval * 1000:g} ms, {count} sends --",
        f"{'contender':<28} {'recv p50/p99/max ms':>22} {'send p50/p99/max ms':>24} "
        f"{'rate err':>9} {'CPU':>5}",
    ]
    for run in runs:
        recv = "/".join(f"{v:.2f}" for v in run.arrival_jitter_ms(interval))
        send = "/".join(f"{v:.2f}" for v in run.send_jitter_ms)
        lines.append(
            f"{run.name:<28} {recv:>22} {send:>24} "
            f"{run.rate_error(interval) * 100:>8.2f}% {run.cpu * 100:>4.0f}%"
        )
    recv_ratio = _ratio(
        baseline.arrival_jitter_ms(interval)[1], ours.arrival_jitter_ms(interval)[1]
    )
    send_ratio = _ratio(baseline.send_jitter_ms[1], ours.send_jitter_ms[1])
    lines.append(
        f"p99 jitter ratio (baseline / SocketDesk): receiver {recv_ratio}, sender {send_ratio}"
    )
    lines.append("")
    return lines


def _ratio(baseline: float, ours: float) -> str:
    return f"{baseline / ours:.2f}x" if ours > 0 else "inf"


def main(argv: list[str] | None = None) -> str:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n1", type=int, default=2000, help="sends at 1 ms")
    parser.add_argument("--n10", type=int, default=500, help="sends at 10 ms")
    parser.add_argument("--n100", type=int, default=50, help="sends at 100 ms")
    parser.add_argument("--receiver", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.receiver:
        receive()
        return ""
    receiver = subprocess.Popen(
        [sys.executable, "-m", "bench.periodic_send", "--receiver"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    lines = ["== Periodic TCP send on loopback: jitter and rate ==", ""]
    try:
        assert receiver.stdout is not None
        port = int(receiver.stdout.readline())
        plan = ((0.001, args.n1), (0.010, args.n10), (0.100, args.n100))
        for index, (interval, count) in enumerate(plan):
            lines += table(
                interval, count, run_both(port, receiver, interval, count, index % 2 == 1)
            )
    finally:
        receiver.kill()
        receiver.wait()
    lines += [
        "Packet Sender (not run): documented resend floor 100 ms [PS#102].",
        "recv: |inter-arrival - interval| at the receiver; send: send time - t0 - k*interval",
        "(the naive loop has no schedule, so its drift shows there); rate err: run time vs",
        "(N-1)*interval; CPU: the sender's process, fraction of one core.",
    ]
    text = "\n".join(lines)
    print(text)
    return text


if __name__ == "__main__":
    main()
