"""10,000 concurrent clients on one echo server: SocketDesk's server versus plain asyncio.

Run: ``.venv/bin/python -m bench.tcp_clients [--clients N]``. For each server, in turn: start it
as its own process, open N connections from this process (the load generator), then every
client sends 32 bytes at once and times its echo; report connect rate, echo latency p50/p99,
the server's CPU time for that echo round, the server's RSS (with all clients, and its peak),
open descriptors, and both again after every client has closed.

Like with like: the plain asyncio server runs on the same event loop as SocketDesk's
(``SOCKETDESK_LOOP``, uvloop by default) and, when that is not the stock loop, once more on the
stock loop (what this bench compared against before SocketDesk defaulted to uvloop: uvloop
costs ~3 MiB more idle and ~0.4 KiB less per connection, and about a third of the CPU). The
latencies are mostly the load generator's (one Python process driving every client); the
server's CPU time is the figure a busy machine disturbs least.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bench.proc import open_fds, rss_kib
from desktop.core.event_loop import ENV, loop_kind
from desktop.core.limits import raise_open_file_limit

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Result:
    name: str
    connected: int = 0
    connect_s: float = 0.0
    echoed: int = 0
    p50_ms: float = 0.0
    p99_ms: float = 0.0
    round_s: float = 0.0
    round_cpu_ms: float = 0.0
    rss_idle_kib: int = 0
    rss_loaded_kib: int = 0
    rss_peak_kib: int = 0
    rss_after_kib: int = 0
    fds_idle: int = 0
    fds_loaded: int = 0
    fds_after: int = 0


def cpu_ms(pid: int) -> float:
    """User + system CPU time of a process so far, in ms (``/proc/PID/stat``)."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


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


async def load(result: Result, pid: int, port: int, clients: int) -> None:
    await asyncio.sleep(0.3)
    result.rss_idle_kib = rss_kib(pid)[0]
    result.fds_idle = open_fds(pid)
    gate = asyncio.Semaphore(500)

    async def connect() -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        async with gate:
            return await asyncio.open_connection("127.0.0.1", port)

    start = time.perf_counter()
    streams = await asyncio.gather(*(connect() for _ in range(clients)))
    result.connect_s = time.perf_counter() - start
    result.connected = len(streams)
    await asyncio.sleep(0.5)
    result.rss_loaded_kib = rss_kib(pid)[0]
    result.fds_loaded = open_fds(pid)

    payload = b"0123456789abcdef0123456789abcdef"

    async def echo(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> float:
        t0 = time.perf_counter()
        writer.write(payload)
        got = await reader.readexactly(len(payload))
        assert got == payload
        return time.perf_counter() - t0

    start, cpu_start = time.perf_counter(), cpu_ms(pid)
    latencies = await asyncio.gather(*(echo(r, w) for r, w in streams))
    result.round_s = time.perf_counter() - start
    result.round_cpu_ms = cpu_ms(pid) - cpu_start
    result.echoed = len(latencies)
    ordered = sorted(latencies)
    result.p50_ms = statistics.median(ordered) * 1000
    result.p99_ms = ordered[int(len(ordered) * 0.99) - 1] * 1000
    result.rss_peak_kib = rss_kib(pid)[1]
    for _, writer in streams:
        writer.close()
    await asyncio.gather(*(w.wait_closed() for _, w in streams), return_exceptions=True)
    deadline = time.monotonic() + 10
    while open_fds(pid) > result.fds_idle and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
    await asyncio.sleep(0.5)
    result.rss_after_kib = rss_kib(pid)[0]
    result.fds_after = open_fds(pid)


def run(name: str, loop: str, clients: int) -> Result:
    process, port = start_server(name, loop)
    result = Result(f"{'socketdesk' if name == 'socketdesk' else 'plain asyncio'} ({loop})")
    try:
        asyncio.run(load(result, process.pid, port, clients))
    finally:
        process.terminate()
        process.wait(10)
    return result


def main(argv: list[str] | None = None) -> str:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=10_000)
    args = parser.parse_args(argv)
    raise_open_file_limit()
    loop = loop_kind()
    results = [run("baseline", loop, args.clients)]
    if loop != "asyncio":
        results.append(run("baseline", "asyncio", args.clients))
    results.append(run("socketdesk", loop, args.clients))
    ours = results[-1]
    lines = [
        f"== {args.clients} concurrent clients, one echo server, loopback, {loop} ==",
        "",
        f"{'':<24}{'connected':>10}{'echoed':>8}{'conn s':>8}{'p50 ms':>8}{'p99 ms':>8}"
        f"{'round s':>8}{'CPU ms':>8}{'RSS MiB idle/loaded/peak/after':>32}"
        f"{'fds idle/loaded/after':>24}",
    ]
    for r in results:
        rss = (
            f"{r.rss_idle_kib / 1024:.0f}/{r.rss_loaded_kib / 1024:.0f}/"
            f"{r.rss_peak_kib / 1024:.0f}/{r.rss_after_kib / 1024:.0f}"
        )
        lines.append(
            f"{r.name:<24}{r.connected:>10}{r.echoed:>8}{r.connect_s:>8.2f}"
            f"{r.p50_ms:>8.1f}{r.p99_ms:>8.1f}{r.round_s:>8.2f}{r.round_cpu_ms:>8.0f}{rss:>32}"
            f"{f'{r.fds_idle}/{r.fds_loaded}/{r.fds_after}':>24}"
        )
    lines.append("")
    for other in results[:-1]:
        lines.append(
            f"socketdesk / {other.name}: peak RSS {ours.rss_peak_kib / other.rss_peak_kib:.2f}x,"
            f" p99 {ours.p99_ms / other.p99_ms:.2f}x, p50 {ours.p50_ms / other.p50_ms:.2f}x,"
            f" echo round {ours.round_s / other.round_s:.2f}x,"
            f" its CPU {ours.round_cpu_ms / max(other.round_cpu_ms, 1):.2f}x"
        )
    text = "\n".join(lines)
    print(text)
    return text


if __name__ == "__main__":
    main()
