"""Race arrival spread: how close together N copies of a request complete at the server.

Run: ``.venv/bin/python -m bench.http_race [--copies N] [--rounds N]``.
A probe server (a separate process, asyncio, 127.0.0.1) notes the moment each connection's
request is complete (its head's empty line has arrived) and answers ``200``. Per round, each
contender sends N copies of one GET; the spread is the time between the first and the last
completed request at the server. Contenders, in alternating order:

* ``curl --parallel --parallel-immediate`` (the baseline): N transfers at once, each request
  written as soon as its connection is up;
* ``exchange()`` × N with ``asyncio.gather`` (the engine without synchronisation);
* ``race()`` (the composer's "Race N"): all but the last byte on N connections, then the last
  bytes written together.

Once over plain TCP, once over TLS: there each connection's handshake costs CPU time, so a
request written as soon as its connection is ready arrives a handshake later than the previous
one; last-byte synchronisation takes the handshakes out of the spread.

Medians over the rounds are compared (ratio = baseline spread / ours: how many times tighter).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import ssl
import statistics
import subprocess
import sys
import time
from collections.abc import Callable

from desktop.core.http.exchange import HttpTarget, exchange, race
from desktop.core.net.tls import TlsClientOptions, TlsServerOptions, server_context

_PATH = "/race"
_REPORT = b"GET /report "


def main(argv: list[str] | None = None) -> str:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--serve", choices=("plain", "tls"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve:
        asyncio.run(_serve(args.serve == "tls"))
        return ""
    lines = [
        f"== HTTP race: spread of {args.copies} request arrivals at a loopback server ==",
        "",
        f"{'contender':<44} {'median ms':>10} {'min':>9} {'max':>9} {'vs curl':>8}",
    ]
    summary = []
    for tls in (False, True):
        spreads = _run(args.copies, args.rounds, tls=tls)
        medians = {name: statistics.median(values) for name, values in spreads.items()}
        baseline = medians[_CURL]
        for name, values in spreads.items():
            ratio = baseline / medians[name] if medians[name] else float("inf")
            label = f"{name} ({'TLS' if tls else 'plain'})"
            lines.append(
                f"{label:<44} {medians[name]:>10.3f} {min(values):>9.3f} {max(values):>9.3f}"
                f" {ratio:>7.1f}x"
            )
        summary.append(
            f"{'TLS' if tls else 'plain'}: race() spread is {baseline / medians[_RACE]:.1f}x"
            " tighter than curl's"
        )
    lines += [
        "",
        *summary,
        f"copies: {args.copies}; rounds: {args.rounds}; each request noted by the server when its"
        " head is complete, before any answer is written",
    ]
    text = "\n".join(lines)
    print(text)
    return text


_CURL = "curl --parallel --parallel-immediate"
_GATHERED = "exchange() x N, gathered (no sync)"
_RACE = "race() (last-byte sync)"


def _run(copies: int, rounds: int, *, tls: bool) -> dict[str, list[float]]:
    """Spreads in ms per contender, ``rounds`` each, against a fresh probe server."""
    server = subprocess.Popen(
        [sys.executable, "-m", "bench.http_race", "--serve", "tls" if tls else "plain"],
        stdout=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
    )
    contenders: dict[str, Callable[[int, int, bool], None]] = {
        _CURL: _curl,
        _GATHERED: _gathered,
        _RACE: _race,
    }
    spreads: dict[str, list[float]] = {name: [] for name in contenders}
    try:
        assert server.stdout is not None
        port = int(server.stdout.readline())
        for index in range(rounds):
            names = list(contenders) if index % 2 == 0 else list(reversed(contenders))
            for name in names:
                contenders[name](port, copies, tls)
                times = _report(port, tls)
                if len(times) != copies:
                    raise RuntimeError(f"{name}: {len(times)} of {copies} requests arrived")
                spreads[name].append((max(times) - min(times)) / 1e6)
    finally:
        server.terminate()
        server.wait(5)
    return spreads


def _request(port: int) -> bytes:
    return f"GET {_PATH} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUser-Agent: bench\r\n\r\n".encode()


def _target(port: int, tls: bool) -> HttpTarget:
    return HttpTarget("127.0.0.1", port, tls=TlsClientOptions(verify=False) if tls else None)


def _race(port: int, copies: int, tls: bool) -> None:
    async def run() -> None:
        results = await race(_target(port, tls), _request(port), copies)
        _check([r.error for r in results])

    asyncio.run(run())


def _gathered(port: int, copies: int, tls: bool) -> None:
    async def run() -> None:
        target = _target(port, tls)
        results = await asyncio.gather(*(exchange(target, [_request(port)]) for _ in range(copies)))
        _check([r.error for r in results])

    asyncio.run(run())


def _curl(port: int, copies: int, tls: bool) -> None:
    url = f"{'https' if tls else 'http'}://127.0.0.1:{port}{_PATH}"
    argv = [
        "curl",
        "-sS",
        "--no-progress-meter",
        "--parallel",
        "--parallel-immediate",
        "--parallel-max",
        str(copies),
    ]
    subprocess.run(
        [*argv, *(["-k"] if tls else []), "-H", "User-Agent: bench", *([url] * copies)],
        stdout=subprocess.DEVNULL,
        check=True,
    )


def _check(errors: list[str | None]) -> None:
    failed = [e for e in errors if e is not None]
    if failed:
        raise RuntimeError(f"{len(failed)} exchange(s) failed: {failed[0]}")


def _unverified() -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def _report(port: int, tls: bool) -> list[int]:
    async def ask() -> bytes:
        context = _unverified() if tls else None
        reader, writer = await asyncio.open_connection("127.0.0.1", port, ssl=context)
        writer.write(_REPORT + b"HTTP/1.1\r\nHost: x\r\n\r\n")
        data = await reader.read()
        writer.close()
        return data

    answer = asyncio.run(ask())
    return [int(t) for t in json.loads(answer.partition(b"\r\n\r\n")[2])]


class _Probe(asyncio.Protocol):
    """Notes the moment a request's head is complete, in ``data_received`` itself: every
    socket that became readable in one loop pass is noted before any answer is written (the
    answers go out on the next pass), so the server's own work does not widen the spread."""

    def __init__(self, arrivals: list[int]) -> None:
        self.arrivals = arrivals
        self.buffer = bytearray()
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        now = time.perf_counter_ns()
        self.buffer += data
        if b"\r\n\r\n" not in self.buffer:
            return
        if self.buffer.startswith(_REPORT):
            body = json.dumps(self.arrivals).encode()
            self.arrivals.clear()
        else:
            self.arrivals.append(now)
            body = b"ok"
        answer = b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: %d\r\n\r\n" % len(body)
        asyncio.get_running_loop().call_soon(self._answer, answer + body)

    def _answer(self, data: bytes) -> None:
        assert self.transport is not None
        self.transport.write(data)
        self.transport.close()


async def _serve(tls: bool) -> None:
    arrivals: list[int] = []
    loop = asyncio.get_running_loop()
    context = server_context(TlsServerOptions()) if tls else None
    server = await loop.create_server(
        lambda: _Probe(arrivals), "127.0.0.1", 0, backlog=4096, ssl=context
    )
    print(server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    main()
