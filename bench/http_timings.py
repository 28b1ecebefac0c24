"""Timing accuracy: the exchange engine's phases versus ``curl -w`` on the same loopback nginx.

Run: ``.venv/bin/python -m bench.http_timings [--requests N]``.
Each of N rounds makes one fresh-connection GET with curl and one with ``exchange()`` (order
alternating), over plain HTTP and over TLS (certificate not checked on either side: ``-k``).
The medians of curl's cumulative ``time_*`` values and of ours (``Timings.curl_style()``) are
printed with their difference per phase; the target is within 1 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import ssl
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from desktop.core.http.exchange import HttpTarget, exchange
from desktop.core.net.tls import TlsClientOptions
from tests.peers.nginx import Nginx, running_nginx

PHASES = ["namelookup", "connect", "appconnect", "pretransfer", "starttransfer", "total"]
REQUEST = b"GET /hello.txt HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: bench\r\nAccept: */*\r\n\r\n"


def main(argv: list[str] | None = None) -> str:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=100)
    args = parser.parse_args(argv)
    lines = [
        f"== HTTP timings: median of {args.requests} fresh connections, ours vs curl -w ==",
        "",
    ]
    with (
        tempfile.TemporaryDirectory(prefix="bench-nginx-") as folder,
        running_nginx(Path(folder)) as nginx,
    ):
        for tls in (False, True):
            ours, curl = asyncio.run(_measure(nginx, tls, args.requests))
            lines += _table("TLS (TLSv1.3, -k)" if tls else "plain HTTP", ours, curl)
        handshake = statistics.median(_blocking_handshake(nginx) for _ in range(args.requests))
    lines.append(
        f"reference: a blocking stdlib ssl handshake to the same nginx takes {handshake:.3f} ms"
        " (median): the TLS phase is the handshake itself, and curl's is slower than both."
    )
    text = "\n".join(lines)
    print(text)
    return text


async def _measure(nginx: Nginx, tls: bool, count: int) -> tuple[list[dict[str, float]], ...]:
    options = TlsClientOptions(verify=False) if tls else None
    target = HttpTarget(nginx.host, nginx.tls_port if tls else nginx.port, tls=options)
    url = nginx.url("/hello.txt", tls=tls)
    ours: list[dict[str, float]] = []
    curl: list[dict[str, float]] = []
    await _ours(target)  # warm-up: imports, CA-less context, the resolver's thread
    for index in range(count):
        for contender in ("ours", "curl") if index % 2 == 0 else ("curl", "ours"):
            if contender == "ours":
                ours.append(await _ours(target))
            else:
                curl.append(_curl(url))
    return ours, curl


async def _ours(target: HttpTarget) -> dict[str, float]:
    result = await exchange(target, [REQUEST])
    if result.error is not None:
        raise RuntimeError(result.error)
    if result.connection is not None:
        result.connection.close()
    await asyncio.sleep(0.001)
    return result.timings.curl_style()


def _curl(url: str) -> dict[str, float]:
    form = " ".join(f"%{{time_{phase}}}" for phase in PHASES)
    argv = ["curl", "-sk", "-o", "/dev/null", "-H", "User-Agent: bench", "-w", form, url]
    out = subprocess.run(argv, capture_output=True, check=True).stdout.split()
    return {f"time_{p}": float(v) * 1000 for p, v in zip(PHASES, out, strict=True)}


def _blocking_handshake(nginx: Nginx) -> float:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
    with socket.create_connection((nginx.host, nginx.tls_port)) as sock:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        started = time.perf_counter_ns()
        with context.wrap_socket(sock, server_hostname="localhost"):
            return (time.perf_counter_ns() - started) / 1e6


def _table(title: str, ours: list[dict[str, float]], curl: list[dict[str, float]]) -> list[str]:
    lines = [title, f"  {'phase':<20} {'ours ms':>9} {'curl ms':>9} {'diff ms':>9}"]
    for phase in PHASES:
        name = f"time_{phase}"
        mine = statistics.median(t[name] for t in ours)
        theirs = statistics.median(t[name] for t in curl)
        mark = "" if abs(mine - theirs) <= 1 else "  (over 1 ms)"
        lines.append(f"  {name:<20} {mine:>9.3f} {theirs:>9.3f} {mine - theirs:>+9.3f}{mark}")
    return [*lines, ""]


if __name__ == "__main__":
    main()
