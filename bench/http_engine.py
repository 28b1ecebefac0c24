"""The HTTP engine's own CPU per kept-alive exchange, without a network: an absolute figure.

Run: ``.venv/bin/python -m bench.http_engine [--requests N] [--rounds N]``.

``exchange()`` with ``reuse=`` on a connection whose transport is a stand-in that answers each
write with nginx's 9-header ``/hello.txt`` response in the next turn of the loop: what is left
is the engine's Python (the request written, the response read and parsed, the result built)
and the loop's turn, with no system call. No baseline runs here (curl cannot be run without its
sockets); ``bench.http_keepalive`` compares with curl over a real nginx. Printed: our CPU per
request (``time.process_time()``, least and median of the rounds) on the loop in use
(``SOCKETDESK_LOOP``).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from typing import Any

from desktop.core import event_loop
from desktop.core.http.exchange import HttpTarget, exchange
from desktop.core.http.link import Connection

REQUEST = b"GET /hello.txt HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: bench\r\nAccept: */*\r\n\r\n"
BODY = b"Hello from nginx!\n"
RESPONSE = (
    b"HTTP/1.1 200 OK\r\nServer: nginx/1.22.1\r\nDate: Sun, 06 Dec 2026 08:56:54 GMT\r\n"
    b"Content-Type: text/plain\r\nContent-Length: 18\r\n"
    b"Last-Modified: Sun, 06 Dec 2026 08:54:15 GMT\r\nConnection: keep-alive\r\n"
    b'ETag: "6b1522b7-12"\r\nAccept-Ranges: bytes\r\n\r\n' + BODY
)


class _Answering(asyncio.Transport):
    """A transport that answers every write with ``RESPONSE`` in the loop's next turn."""

    def __init__(self, protocol: asyncio.BufferedProtocol) -> None:
        super().__init__()
        self._protocol = protocol
        self._closing = False

    def write(self, data: Any) -> None:
        asyncio.get_running_loop().call_soon(self._answer)

    def _answer(self) -> None:
        buffer = self._protocol.get_buffer(-1)
        buffer[: len(RESPONSE)] = RESPONSE
        self._protocol.buffer_updated(len(RESPONSE))

    def is_closing(self) -> bool:
        return self._closing

    def get_write_buffer_size(self) -> int:
        return 0

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        return {"peername": ("127.0.0.1", 80), "sockname": ("127.0.0.1", 50000)}.get(name, default)

    def close(self) -> None:
        self._closing = True

    def abort(self) -> None:
        self._closing = True


async def _rounds(requests: int, rounds: int) -> list[float]:
    connection = Connection()
    connection.stream.connection_made(_Answering(connection.stream))
    target = HttpTarget("127.0.0.1", 80)
    for _ in range(200):  # warm-up
        await exchange(target, [REQUEST], reuse=connection)
    cpu: list[float] = []
    for _ in range(rounds):
        started = time.process_time()
        for _ in range(requests):
            result = await exchange(target, [REQUEST], reuse=connection)
            if result.connection is not connection or result.responses[0].status != 200:
                raise RuntimeError(f"exchange failed: {result.error}")
        cpu.append((time.process_time() - started) / requests)
    connection.close()
    return cpu


def main(argv: list[str] | None = None) -> str:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=20000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    cpu = event_loop.run(_rounds(args.requests, args.rounds))
    text = "\n".join(
        [
            "== HTTP engine alone: CPU per kept-alive exchange, no network (absolute) ==",
            "",
            f"loop {event_loop.loop_kind()}: least {min(cpu) * 1e6:.1f} us,"
            f" median {statistics.median(cpu) * 1e6:.1f} us per request"
            f" ({args.rounds} rounds of {args.requests})",
            "no baseline: bench.http_keepalive compares with curl over a real nginx",
        ]
    )
    print(text)
    return text


if __name__ == "__main__":
    main()
