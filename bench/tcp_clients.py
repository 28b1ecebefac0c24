"""10,000 concurrent clients on one echo server: SocketDesk's server versus plain asyncio.

Run: ``.venv/bin/python -m bench.tcp_clients [--clients N] [--rounds R]``. Every server starts
as its own process, and a load generator (a process per server) opens N connections to it.
Then, in R rounds, every server in turn (a new shuffled turn each round, a fixed seed: each
server follows each other alike) gets one echo round: every client sends 32 bytes at once and
times its echo. Reported per server: connect rate, echo latency p50/p99 and the echo round's
length and server CPU (each the median of the rounds, with the p99's range), the server's RSS
(with all clients, and its peak), open descriptors, and both again after every client has
closed.

Like with like: the plain asyncio server runs on the same event loop as SocketDesk's
(``SOCKETDESK_LOOP``, uvloop by default) and, when that is not the stock loop, once more on the
stock loop (what this bench compared against before SocketDesk defaulted to uvloop: uvloop
costs ~3 MiB more idle and ~0.4 KiB less per connection, and about a third of the CPU).

Each server has a load generator of its own (a process: 10,000 descriptors each), whose
clients are bare protocols: all of them write in one loop turn and each
stamps its echo in ``data_received``. (Before: one generator, a task and a stream per client;
an echo was stamped only once its task ran, after every reply read in the same turn, so the
figures were mostly the generator's, and a server that answered everyone sooner looked slower.)
A single round swings ±10 % with where the scheduler placed each process, and a process here
runs faster right after another than right after itself: hence every server alive at once,
rounds in a shuffled turn, and medians. The server's CPU time
(``/proc/PID/task/*/schedstat``, nanoseconds) is the figure a busy machine disturbs least.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import multiprocessing
import os
import random
import re
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

from bench.proc import open_fds, rss_kib
from desktop.core.event_loop import ENV, loop_kind
from desktop.core.limits import raise_open_file_limit

ROOT = Path(__file__).resolve().parents[1]


SEED = 2425  # the rounds' turns (fixed: runs compare alike)
PAYLOAD = b"0123456789abcdef0123456789abcdef"


class EchoClient(asyncio.Protocol):
    """One client of the load: writes the payload and notes when its echo is whole.

    A bare protocol, stamped in ``data_received``: a task and a stream per client made the
    generator's own turn part of every figure (an echo waited for every reply read in the same
    loop turn before its task ran, so a server that answered everyone sooner looked slower).
    """

    __slots__ = ("got", "sent_at", "took", "transport", "waiter")

    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.sent_at = 0.0
        self.took = 0.0
        self.got = 0
        self.waiter: Countdown | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def send(self, waiter: Countdown) -> None:
        assert self.transport is not None
        self.waiter, self.got = waiter, 0
        self.sent_at = time.perf_counter()
        self.transport.write(PAYLOAD)

    def data_received(self, data: bytes) -> None:
        self.got += len(data)
        if self.got >= len(PAYLOAD) and self.waiter is not None:
            self.took = time.perf_counter() - self.sent_at
            self.waiter.tick()
            self.waiter = None

    def connection_lost(self, exc: Exception | None) -> None:
        if self.waiter is not None:
            self.waiter.fail(exc or ConnectionError("closed before its echo"))


class Countdown:
    """A future that is done once ``tick`` was called ``count`` times."""

    def __init__(self, count: int) -> None:
        self.left = count
        self.done: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def tick(self) -> None:
        self.left -= 1
        if not self.left and not self.done.done():
            self.done.set_result(None)

    def fail(self, error: Exception) -> None:
        if not self.done.done():
            self.done.set_exception(error)


Clients = list[EchoClient]


@dataclass
class Result:
    name: str
    pid: int = 0
    port: int = 0
    connected: int = 0
    connect_s: float = 0.0
    echoed: int = 0  # echoes back in the last round
    p50_ms: list[float] = field(default_factory=list)  # one per round
    p99_ms: list[float] = field(default_factory=list)
    round_s: list[float] = field(default_factory=list)
    round_cpu_ms: list[float] = field(default_factory=list)
    rss_idle_kib: int = 0
    rss_loaded_kib: int = 0
    rss_peak_kib: int = 0
    rss_after_kib: int = 0
    fds_idle: int = 0
    fds_loaded: int = 0
    fds_after: int = 0


def cpu_ms(pid: int) -> float:
    """CPU time of a process so far (every thread's, from ``schedstat``: ns), in ms."""
    total = 0
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/schedstat", encoding="ascii") as stat:
            total += int(stat.read().split()[0])
    return total / 1e6


def start_server(name: str, loop: str) -> tuple[subprocess.Popen[str], int]:
    env = dict(os.environ, **{ENV: loop})
    if name == "socketdesk":
        argv = [
            sys.executable,
            "-m",
            "desktop.cli",
            "tcp",
            "serve",
            "0",
            "--host",
            "127.0.0.1",
            "--echo",
            "-k",
            "--no-stdout",
        ]
        process = subprocess.Popen(
            argv, cwd=ROOT, stderr=subprocess.PIPE, text=True, stdout=subprocess.DEVNULL, env=env
        )
        assert process.stderr is not None
        line = process.stderr.readline()
        port = int(re.search(r":(\d+)$", line.strip()).group(1))  # type: ignore[union-attr]
    else:
        process = subprocess.Popen(
            [sys.executable, "-m", "bench.baseline_echo"],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert process.stdout is not None
        port = int(process.stdout.readline())
    return process, port


async def connect_all(result: Result, clients: int) -> Clients:
    """Open ``clients`` connections to the server (500 at a time)."""
    result.rss_idle_kib = rss_kib(result.pid)[0]
    result.fds_idle = open_fds(result.pid)
    gate = asyncio.Semaphore(500)
    loop = asyncio.get_running_loop()

    async def connect() -> EchoClient:
        async with gate:
            _, client = await loop.create_connection(EchoClient, "127.0.0.1", result.port)
            return client

    start = time.perf_counter()
    made = await asyncio.gather(*(connect() for _ in range(clients)))
    result.connect_s = time.perf_counter() - start
    result.connected = len(made)
    return made


async def echo_round(result: Result, clients: Clients) -> None:
    """Every client sends at once (one loop turn) and times its echo; the round's figures go
    to ``result``."""
    waiter = Countdown(len(clients))
    start, cpu_start = time.perf_counter(), cpu_ms(result.pid)
    for client in clients:
        client.send(waiter)
    await waiter.done
    result.round_s.append(time.perf_counter() - start)
    result.round_cpu_ms.append(cpu_ms(result.pid) - cpu_start)
    result.echoed = len(clients) - waiter.left
    ordered = sorted(client.took for client in clients)
    result.p50_ms.append(statistics.median(ordered) * 1000)
    result.p99_ms.append(ordered[int(len(ordered) * 0.99) - 1] * 1000)


async def close_all(result: Result, clients: Clients) -> None:
    """Every client leaves; the server's descriptors and RSS are read once it has let go."""
    result.rss_peak_kib = rss_kib(result.pid)[1]
    for client in clients:
        if client.transport is not None:
            client.transport.close()
    deadline = time.monotonic() + 10
    while open_fds(result.pid) > result.fds_idle and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
    await asyncio.sleep(0.5)
    result.rss_after_kib = rss_kib(result.pid)[0]
    result.fds_after = open_fds(result.pid)


def _generator(channel: Connection, result: Result, clients: int) -> None:
    """One server's load generator (a process of its own: 10,000 descriptors each), driven by
    the parent over ``channel``: connect, then "loaded", "round" (any number), "close"."""
    raise_open_file_limit()
    loop = asyncio.new_event_loop()
    try:
        made = loop.run_until_complete(connect_all(result, clients))
        # The generator's own collector stays out of the rounds (10,000 clients make a full
        # collection tens of ms, which would land in whichever round it fell).
        gc.collect()
        gc.freeze()
        gc.disable()
        channel.send(None)
        while (command := channel.recv()) != "close":
            if command == "loaded":
                result.rss_loaded_kib = rss_kib(result.pid)[0]
                result.fds_loaded = open_fds(result.pid)
            else:
                loop.run_until_complete(echo_round(result, made))
            channel.send(None)
        loop.run_until_complete(close_all(result, made))
        channel.send(result)
    finally:
        loop.close()


def load(results: list[Result], clients: int, rounds: int) -> list[Result]:
    """Connect to every server (one after the other), then the rounds in shuffled turns."""
    time.sleep(0.3)
    spawn = multiprocessing.get_context("spawn")
    channels = []
    workers = []
    try:
        for result in results:
            mine, theirs = spawn.Pipe()
            worker = spawn.Process(target=_generator, args=(theirs, result, clients))
            worker.start()
            workers.append(worker)
            mine.recv()  # connected
            channels.append(mine)
        time.sleep(0.5)
        for channel in channels:
            channel.send("loaded")
            channel.recv()
        turn = list(range(len(results)))
        shuffle = random.Random(SEED).shuffle
        for _ in range(rounds):
            shuffle(turn)
            for index in turn:
                channels[index].send("round")
                channels[index].recv()
        done = []
        for channel, worker in zip(channels, workers, strict=True):
            channel.send("close")
            done.append(channel.recv())
            worker.join(10)
        return done
    finally:  # a generator that failed (its traceback is printed) leaves none behind
        for worker in workers:
            if worker.is_alive():
                worker.terminate()
                worker.join(10)


def run(servers: list[tuple[str, str]], clients: int, rounds: int) -> list[Result]:
    """Start every (kind, loop) server, load them all, stop them; their results in order."""
    results: list[Result] = []
    processes: list[subprocess.Popen[str]] = []
    try:
        for name, loop in servers:
            process, port = start_server(name, loop)
            processes.append(process)
            label = "socketdesk" if name == "socketdesk" else "plain asyncio"
            results.append(Result(f"{label} ({loop})", process.pid, port))
        results = load(results, clients, rounds)
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(10)
    return results


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else 0.0


def main(argv: list[str] | None = None) -> str:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=6, help="echo rounds per server")
    args = parser.parse_args(argv)
    raise_open_file_limit()
    loop = loop_kind()
    servers = [("baseline", loop)]
    if loop != "asyncio":
        servers.append(("baseline", "asyncio"))
    servers.append(("socketdesk", loop))
    results = run(servers, args.clients, args.rounds)
    ours = results[-1]
    lines = [
        f"== {args.clients} concurrent clients, one echo server, loopback, {loop};"
        f" {args.rounds} rounds each, medians ==",
        "",
        f"{'':<24}{'connected':>10}{'echoed':>8}{'conn s':>8}{'p50 ms':>8}{'p99 ms':>8}"
        f"{'p99 range':>12}{'round s':>8}{'CPU ms':>8}{'RSS MiB idle/loaded/peak/after':>32}"
        f"{'fds idle/loaded/after':>24}",
    ]
    for r in results:
        rss = (
            f"{r.rss_idle_kib / 1024:.0f}/{r.rss_loaded_kib / 1024:.0f}/"
            f"{r.rss_peak_kib / 1024:.0f}/{r.rss_after_kib / 1024:.0f}"
        )
        spread = f"{min(r.p99_ms):.0f}-{max(r.p99_ms):.0f}" if r.p99_ms else "-"
        lines.append(
            f"{r.name:<24}{r.connected:>10}{r.echoed:>8}{r.connect_s:>8.2f}"
            f"{_median(r.p50_ms):>8.1f}{_median(r.p99_ms):>8.1f}{spread:>12}"
            f"{_median(r.round_s):>8.2f}{_median(r.round_cpu_ms):>8.1f}{rss:>32}"
            f"{f'{r.fds_idle}/{r.fds_loaded}/{r.fds_after}':>24}"
        )
    lines.append("")
    for other in results[:-1]:
        lines.append(
            f"socketdesk / {other.name}: peak RSS {ours.rss_peak_kib / other.rss_peak_kib:.2f}x,"
            f" p99 {_median(ours.p99_ms) / _median(other.p99_ms):.2f}x,"
            f" p50 {_median(ours.p50_ms) / _median(other.p50_ms):.2f}x,"
            f" echo round {_median(ours.round_s) / _median(other.round_s):.2f}x,"
            f" its CPU {_median(ours.round_cpu_ms) / max(_median(other.round_cpu_ms), 1e-3):.2f}x"
        )
    text = "\n".join(lines)
    print(text)
    return text


if __name__ == "__main__":
    main()
