"""Our listeners: the connections the loops accept from them have TCP_NODELAY, on both loops
(asyncio sets it only on sockets of proto IPPROTO_TCP; uvloop always)."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Callable, Coroutine
from typing import Any

from desktop.core.net.listen import open_listeners

Run = Callable[[Coroutine[Any, Any, None]], None]


def test_accepted_connections_have_no_delay(on_loop: Run) -> None:
    async def scenario() -> None:
        loop = asyncio.get_running_loop()
        made: asyncio.Future[asyncio.BaseTransport] = loop.create_future()

        class Accepted(asyncio.Protocol):
            def connection_made(self, transport: asyncio.BaseTransport) -> None:
                made.set_result(transport)

        (listener,) = open_listeners("127.0.0.1", 0)
        server = await loop.create_server(Accepted, sock=listener)
        try:
            port = listener.getsockname()[1]
            client = socket.create_connection(("127.0.0.1", port))
            try:
                async with asyncio.timeout(5):
                    transport = await made
                sock = transport.get_extra_info("socket")
                assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
                transport.close()
            finally:
                client.close()
        finally:
            server.close()
            await server.wait_closed()

    on_loop(scenario())
