"""A plain server's clients on ``FdTransport`` (its own descriptor transport), on both loops:
a slow reader (write buffering, reading paused and resumed), a reset, the peer's half-close,
our half-close and a close with bytes still queued."""

from __future__ import annotations

import asyncio
import socket
import struct
import sys
from collections.abc import Callable, Coroutine
from typing import Any

import pytest

from desktop.core.net.fd_transport import HIGH_WATER, FdTransport
from desktop.core.net.tcp_server import ServerMode, TcpServer
from tests.core.net.test_tcp_server import Sink, until

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX descriptors")

Run = Callable[[Coroutine[Any, Any, None]], None]


async def serve(mode: ServerMode = ServerMode.PLAIN) -> tuple[TcpServer, Sink]:
    sink = Sink()
    server = TcpServer(sink, mode)
    await server.start("127.0.0.1", 0)
    return server, sink


async def connected(server: TcpServer, sink: Sink) -> tuple[socket.socket, FdTransport]:
    client = socket.create_connection(("127.0.0.1", server.port))
    client.setblocking(False)
    await until(lambda: len(sink.connected) == len(server.client_ids()) >= 1)
    transport = server._clients[server.client_ids()[-1]].transport
    assert isinstance(transport, FdTransport), transport  # the path under test
    return client, transport


async def receive(client: socket.socket, count: int) -> bytes:
    """``count`` bytes, or fewer if the server closes first."""
    loop = asyncio.get_running_loop()
    got = bytearray()
    async with asyncio.timeout(10):
        while len(got) < count:
            data = await loop.sock_recv(client, 1 << 20)
            if not data:
                break
            got += data
    return bytes(got)


def test_echo_to_a_slow_reader_pauses_and_resumes(on_loop: Run) -> None:
    """Echo to a client that does not read: the echo waits in our buffer (past the high-water
    mark the server stops reading from it), and once it reads every byte comes back, in order."""
    payload = bytes(range(256)) * (8 * 4096)  # 8 MiB

    async def scenario() -> None:
        server, sink = await serve(ServerMode.ECHO)
        client, transport = await connected(server, sink)
        loop = asyncio.get_running_loop()
        try:
            sending = loop.create_task(loop.sock_sendall(client, payload))
            await until(lambda: not transport.is_reading())  # paused: our writes are blocked
            assert transport.get_write_buffer_size() > HIGH_WATER
            waiting = server._clients[1].bytes_in
            await asyncio.sleep(0.05)
            assert server._clients[1].bytes_in == waiting  # nothing read while paused
            echoed = await receive(client, len(payload))
            await sending
            assert echoed == payload
            assert transport.get_write_buffer_size() == 0 and transport.is_reading()
        finally:
            client.close()
            await server.close()

    on_loop(scenario())


def test_a_reset_is_reported(on_loop: Run) -> None:
    async def scenario() -> None:
        server, sink = await serve()
        client, _ = await connected(server, sink)
        try:
            client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            client.close()  # RST
            await until(lambda: 1 in sink.closed)
            assert sink.closed[1] == "The connection was reset by the peer."
            assert server.client_count == 0
        finally:
            await server.close()

    on_loop(scenario())


def test_the_peers_half_close_ends_after_its_bytes(on_loop: Run) -> None:
    """The peer sends, then shuts its side: every byte arrives and is echoed, then the client is
    closed as "the peer closed the connection", and the peer reads the echo, then end of file."""

    async def scenario() -> None:
        server, sink = await serve(ServerMode.ECHO)
        client, _ = await connected(server, sink)
        try:
            client.sendall(b"last words")
            client.shutdown(socket.SHUT_WR)
            await until(lambda: 1 in sink.closed)
            assert bytes(sink.data[1]) == b"last words"
            assert sink.closed[1] == "The peer closed the connection."
            assert await receive(client, 1 << 20) == b"last words"  # then EOF
        finally:
            client.close()
            await server.close()

    on_loop(scenario())


def test_our_half_close_after_queued_bytes_keeps_receiving(on_loop: Run) -> None:
    """``close_write`` with bytes queued: the FIN follows them; the client can still send."""
    block = b"z" * (4 * 1024 * 1024)

    async def scenario() -> None:
        server, sink = await serve()
        client, transport = await connected(server, sink)
        try:
            server.send(1, block)
            assert transport.get_write_buffer_size() > 0  # the kernel did not take it all
            server._clients[1].close_write()
            assert await receive(client, len(block) + 1) == block  # then EOF
            client.sendall(b"still here")
            await until(lambda: bytes(sink.data.get(1, b"")) == b"still here")
            assert sink.closed == {}
        finally:
            client.close()
            await server.close()

    on_loop(scenario())


def test_close_with_bytes_pending_sends_them_first(on_loop: Run) -> None:
    block = b"q" * (4 * 1024 * 1024)

    async def scenario() -> None:
        server, sink = await serve()
        client, transport = await connected(server, sink)
        try:
            server.send(1, block)
            assert transport.get_write_buffer_size() > 0
            assert server.disconnect(1)
            assert transport.is_closing() and not transport.is_reading()
            assert sink.closed == {}  # not before the queued bytes are gone
            assert await receive(client, len(block) + 1) == block  # then EOF
            await until(lambda: 1 in sink.closed)
            assert sink.closed[1] == "Disconnected by the server."
            assert transport.get_extra_info("peername") == client.getsockname()  # kept
        finally:
            client.close()
            await server.close()

    on_loop(scenario())


def test_stopping_the_server_drops_queued_bytes_and_every_client(on_loop: Run) -> None:
    async def scenario() -> None:
        server, sink = await serve()
        client, transport = await connected(server, sink)
        server.send(1, b"w" * (4 * 1024 * 1024))
        await server.close()
        await until(lambda: 1 in sink.closed)
        assert sink.closed[1] == "The server was stopped."
        assert transport.get_write_buffer_size() == 0 and not server.listening
        assert len(await receive(client, 8 * 1024 * 1024)) < 4 * 1024 * 1024
        client.close()

    on_loop(scenario())


class _Echo(asyncio.BufferedProtocol):
    """A bare echo protocol for the listener alone; ``fail_made`` raises in connection_made."""

    fail_made = False

    def __init__(self) -> None:
        self.buffer = bytearray(4096)
        self.lost = asyncio.get_running_loop().create_future()

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport
        if self.fail_made:
            raise RuntimeError("a broken sink")

    def get_buffer(self, sizehint: int) -> bytearray:
        return self.buffer

    def buffer_updated(self, nbytes: int) -> None:
        self.transport.write(bytes(self.buffer[:nbytes]))  # type: ignore[attr-defined]

    def connection_lost(self, exc: Exception | None) -> None:
        if not self.lost.done():
            self.lost.set_result(exc)


def _open_descriptors() -> int:
    import os

    return len(os.listdir("/proc/self/fd"))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="FdListener is Linux's")
def test_a_failing_factory_or_connection_made_closes_that_client_alone(on_loop: Run) -> None:
    from desktop.core.net.fd_listener import FdListener

    async def scenario() -> None:
        loop = asyncio.get_running_loop()
        loop.set_exception_handler(lambda _loop, _context: None)  # reported, as asyncio does
        listener_socket = socket.create_server(("127.0.0.1", 0))
        port = listener_socket.getsockname()[1]
        plan = iter(["factory", "made", "fine"])
        protocols: list[_Echo] = []

        def factory() -> _Echo:
            step = next(plan)
            if step == "factory":
                raise RuntimeError("no protocol")
            protocol = _Echo()
            protocol.fail_made = step == "made"
            protocols.append(protocol)
            return protocol

        listener = FdListener(loop, listener_socket, factory, 100)
        before = _open_descriptors()
        try:
            for _ in range(2):  # each refused: the peer sees its connection closed, not a hang
                client = socket.create_connection(("127.0.0.1", port))
                client.setblocking(False)
                async with asyncio.timeout(5):
                    assert await loop.sock_recv(client, 10) == b""
                client.close()
            await protocols[0].lost
            assert not listener._clients
            assert _open_descriptors() == before  # nothing leaked
            client = socket.create_connection(("127.0.0.1", port))  # the next is served
            client.setblocking(False)
            await loop.sock_sendall(client, b"ping")
            async with asyncio.timeout(5):
                assert await loop.sock_recv(client, 10) == b"ping"
            client.close()
            await protocols[1].lost
        finally:
            listener.close()

    on_loop(scenario())
