"""TLS cost of the HTTP engine (pyOpenSSL over memory BIOs) against curl and asyncio's ``ssl``.

Run: ``.venv/bin/python -m bench.http_tls [--rounds N] [--handshakes N]``.

Two figures on a loopback nginx (certificate made by the fixture, verify off), every contender
pinned to TLS 1.3 (curl ``--tlsv1.3 --tls-max 1.3``, asyncio's context min = max = 1.3; the
engine's negotiated version is checked on every connection and the versions seen are printed):

* download: a 64 MiB file over one TLS connection. Contenders: ``curl -k -o /dev/null``
  (``%{speed_download}``), the same curl writing the body to a file on tmpfs (``/dev/shm``: it
  keeps the bytes in fresh memory pages, as the composer must), ``exchange()`` (the composer's
  engine: pyOpenSSL pipe, bytes kept in the reader), asyncio's own TLS transport reading the
  same bytes into a counting protocol (what the engine used before it needed the whole chain),
  and ``exchange()`` over plain HTTP (the engine without TLS: the reader's own cost).
* handshakes: N fresh connections, each ``GET /hello.txt`` with ``Connection: close``:
  ``exchange()`` against asyncio's ``ssl`` doing the same by hand. (curl is left out: a
  process per connection would measure process start-up.)

Each round runs every contender in rotating order; medians are compared.
"""

from __future__ import annotations

import argparse
import asyncio
import ssl
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

from desktop.core import event_loop
from desktop.core.http.exchange import HttpTarget, exchange
from desktop.core.net.tls import TlsClientOptions
from tests.peers.nginx import LARGE_SIZE, Nginx, running_nginx

CPU: dict[str, list[float]] = {}  # our process's CPU seconds per run, by contender
TLS_VERSIONS_SEEN: set[str] = set()  # what the engine and asyncio negotiated, printed at the end
LARGE = b"GET /large.bin HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
HELLO = b"GET /hello.txt HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"


def main(argv: list[str] | None = None) -> str:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--handshakes", type=int, default=200)
    args = parser.parse_args(argv)
    download: dict[str, list[float]] = {
        "curl": [],
        "curl-kept": [],
        "exchange": [],
        "asyncio-ssl": [],
        "exchange-plain": [],
    }
    shakes: dict[str, list[float]] = {"exchange": [], "asyncio-ssl": []}
    with (
        tempfile.TemporaryDirectory(prefix="bench-nginx-") as folder,
        running_nginx(Path(folder)) as nginx,
    ):
        downloads: dict[str, Callable[[Nginx], float]] = {
            "curl": _curl_download,
            "curl-kept": _curl_kept_download,
            "exchange": _exchange_download,
            "asyncio-ssl": _asyncio_download,
            "exchange-plain": _exchange_plain_download,
        }
        for index in range(args.rounds):
            names = list(downloads)
            names = names[index % len(names) :] + names[: index % len(names)]
            for name in names:
                download[name].append(downloads[name](nginx))
            for name in (
                ["exchange", "asyncio-ssl"] if index % 2 == 0 else ["asyncio-ssl", "exchange"]
            ):
                run = _exchange_handshakes if name == "exchange" else _asyncio_handshakes
                shakes[name].append(run(nginx, args.handshakes))
    med = {name: statistics.median(values) for name, values in download.items()}
    hs = {name: statistics.median(values) for name, values in shakes.items()}
    lines = [
        "== HTTP over TLS: 64 MiB download and fresh handshakes (loopback nginx, TLS 1.3) ==",
        "",
        f"{'download contender':<44} {'median MB/s':>12} {'min':>8} {'max':>8}",
    ]
    for name, label in (
        ("curl", "curl -k -o /dev/null"),
        ("curl-kept", "curl -k -o /dev/shm/… (bytes kept)"),
        ("exchange", "exchange() (pyOpenSSL pipe, bytes kept)"),
        ("asyncio-ssl", "asyncio ssl transport (bytes counted)"),
        ("exchange-plain", "exchange() over plain HTTP (no TLS at all)"),
    ):
        values = download[name]
        lines.append(f"{label:<44} {med[name]:>12.0f} {min(values):>8.0f} {max(values):>8.0f}")
    lines += [
        "",
        f"ratio exchange / curl: {med['exchange'] / med['curl']:.2f}x; "
        f"exchange / curl keeping the bytes: {med['exchange'] / med['curl-kept']:.2f}x; "
        f"exchange / asyncio ssl: {med['exchange'] / med['asyncio-ssl']:.2f}x; "
        f"exchange TLS / exchange plain: {med['exchange'] / med['exchange-plain']:.2f}x "
        "(what the TLS pipe costs the engine)",
        "",
        f"{'handshake contender':<44} {'median conn/s':>12} {'min':>8} {'max':>8}",
    ]
    for name, label in (
        ("exchange", "exchange() (chain + verification outcome)"),
        ("asyncio-ssl", "asyncio ssl, leaf only"),
    ):
        values = shakes[name]
        lines.append(f"{label:<44} {hs[name]:>12.0f} {min(values):>8.0f} {max(values):>8.0f}")
    lines += [
        "",
        f"ratio exchange / asyncio ssl: {hs['exchange'] / hs['asyncio-ssl']:.2f}x"
        "   targets (#15): download >= 1.0x curl, handshakes >= 1.0x asyncio ssl",
        f"rounds: {args.rounds}; handshakes per round: {args.handshakes};"
        f" loop for ours: {event_loop.loop_kind()} (SOCKETDESK_LOOP), asyncio ssl: asyncio",
        "our CPU, least of the rounds: "
        + ", ".join(
            f"{name} {min(values) * 1e3:.1f} ms"
            if "download" in name
            else f"{name} {min(values) / args.handshakes * 1e6:.0f} us each"
            for name, values in sorted(CPU.items())
        ),
        f"TLS version negotiated on every connection: {', '.join(sorted(TLS_VERSIONS_SEEN))}"
        " (curl: --tlsv1.3 --tls-max 1.3)",
    ]
    text = "\n".join(lines)
    print(text)
    return text


def _timed(run: Callable[[], Coroutine[Any, Any, float]]) -> float:
    """Run ours on the loop ``SOCKETDESK_LOOP`` chooses (as the CLI and app do); note its CPU."""
    started = time.process_time()
    rate = event_loop.run(run())
    name = sys._getframe(1).f_code.co_name.lstrip("_")
    CPU.setdefault(name, []).append(time.process_time() - started)
    return rate


def _target(nginx: Nginx) -> HttpTarget:
    return HttpTarget(nginx.host, nginx.tls_port, tls=TlsClientOptions(verify=False))


def _curl_download(nginx: Nginx, output: str = "/dev/null") -> float:
    out = "%{speed_download} %{size_download}"
    done = subprocess.run(
        [
            "curl",
            "-sk",
            "--tlsv1.3",
            "--tls-max",
            "1.3",
            "-o",
            output,
            "-w",
            out,
            nginx.url("/large.bin", tls=True),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    speed, size = done.stdout.split()
    assert int(float(size)) == LARGE_SIZE
    return float(speed) / 1e6


def _curl_kept_download(nginx: Nginx) -> float:
    """curl writing the body into tmpfs: the bytes land in fresh pages of memory, as the
    composer's reader keeps them (``/dev/null`` drops them)."""
    with tempfile.TemporaryDirectory(prefix="bench-curl-", dir="/dev/shm") as folder:
        return _curl_download(nginx, str(Path(folder) / "large.bin"))


def _exchange_download(nginx: Nginx) -> float:
    async def run() -> float:
        started = time.perf_counter()
        result = await exchange(_target(nginx), [LARGE], max_response_bytes=LARGE_SIZE + 1)
        elapsed = time.perf_counter() - started
        if result.error is not None or len(result.responses[0].body_view()) != LARGE_SIZE:
            raise RuntimeError(f"download failed: {result.error}")
        _seen(result.tls_info.version if result.tls_info else "none")
        return LARGE_SIZE / elapsed / 1e6

    return _timed(run)


def _seen(version: str) -> None:
    """Record a negotiated version; anything but TLS 1.3 makes the figures meaningless."""
    TLS_VERSIONS_SEEN.add(version)
    if version != "TLSv1.3":
        raise RuntimeError(f"negotiated {version}, not TLSv1.3: the figures would compare unlike")


def _exchange_plain_download(nginx: Nginx) -> float:
    async def run() -> float:
        started = time.perf_counter()
        target = HttpTarget(nginx.host, nginx.port)
        result = await exchange(target, [LARGE], max_response_bytes=LARGE_SIZE + 1)
        elapsed = time.perf_counter() - started
        if result.error is not None or len(result.responses[0].body_view()) != LARGE_SIZE:
            raise RuntimeError(f"download failed: {result.error}")
        return LARGE_SIZE / elapsed / 1e6

    return _timed(run)


class _Counter(asyncio.BufferedProtocol):
    def __init__(self, expected: int) -> None:
        self.buffer = bytearray(256 * 1024)
        self.received = 0
        self.expected = expected
        self.done: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def get_buffer(self, sizehint: int) -> memoryview:
        return memoryview(self.buffer)

    def buffer_updated(self, nbytes: int) -> None:
        self.received += nbytes
        if self.received >= self.expected and not self.done.done():
            self.done.set_result(None)

    def connection_lost(self, exc: Exception | None) -> None:
        if not self.done.done():
            self.done.set_result(None)


def _client_ssl() -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    context.set_alpn_protocols(["http/1.1"])
    context.minimum_version = context.maximum_version = ssl.TLSVersion.TLSv1_3
    return context


async def _asyncio_get(nginx: Nginx, request: bytes, expected: int) -> int:
    loop = asyncio.get_running_loop()
    transport, protocol = await loop.create_connection(
        lambda: _Counter(expected), nginx.host, nginx.tls_port, ssl=_client_ssl()
    )
    ssl_object = transport.get_extra_info("ssl_object")
    _seen(ssl_object.version() if ssl_object is not None else "none")
    transport.write(request)
    await protocol.done
    transport.close()
    return protocol.received


def _asyncio_download(nginx: Nginx) -> float:
    async def run() -> float:
        started = time.perf_counter()
        received = await _asyncio_get(nginx, LARGE, LARGE_SIZE)
        elapsed = time.perf_counter() - started
        assert received >= LARGE_SIZE
        return LARGE_SIZE / elapsed / 1e6

    return asyncio.run(run())  # the baseline: the stock loop, always


def _exchange_handshakes(nginx: Nginx, count: int) -> float:
    async def run() -> float:
        started = time.perf_counter()
        for _ in range(count):
            result = await exchange(_target(nginx), [HELLO])
            if result.error is not None or result.tls_info is None:
                raise RuntimeError(f"exchange failed: {result.error}")
            _seen(result.tls_info.version)
        return count / (time.perf_counter() - started)

    return _timed(run)


def _asyncio_handshakes(nginx: Nginx, count: int) -> float:
    async def run() -> float:
        started = time.perf_counter()
        for _ in range(count):
            await _asyncio_get(nginx, HELLO, 1 << 30)
        return count / (time.perf_counter() - started)

    return asyncio.run(run())  # the baseline: the stock loop, always


if __name__ == "__main__":
    main()
