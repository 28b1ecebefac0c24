"""Baseline: the plainest asyncio echo server (one Protocol per client). Prints its port.

It runs on the loop ``SOCKETDESK_LOOP`` chooses (``desktop.core.event_loop``), as SocketDesk's
server does, so that both are compared on the same loop; ``SOCKETDESK_LOOP=asyncio`` gives the
stock loop.
"""

from __future__ import annotations

import asyncio

from desktop.core import event_loop
from desktop.core.limits import raise_open_file_limit


class Echo(asyncio.Protocol):
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.transport.write(data)  # type: ignore[attr-defined]


async def main() -> None:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Echo, "127.0.0.1", 0, backlog=4096)
    print(server.sockets[0].getsockname()[1], flush=True)
    await asyncio.Event().wait()


if __name__ == "__main__":
    raise_open_file_limit()
    event_loop.run(main())
