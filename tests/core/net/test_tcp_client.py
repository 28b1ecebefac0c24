"""The TCP client engine against real sockets on loopback."""

from __future__ import annotations

import asyncio
import socket

import pytest

from desktop.core.errors import ConnectRefused, ConnectTimeout, NotConnected, UnknownHost
from desktop.core.net.tcp_client import TcpClient, format_address
from desktop.core.sentence import Sentence
from tests.helpers.servers import closed_port, echo_server, sender_server, unresponsive_port


class Sink:
    def __init__(self) -> None:
        self.events: list[tuple[str, object]] = []
        self.data = bytearray()
        self.closed = asyncio.Event()

    def on_connected(self, local: str, peer: str) -> None:
        self.events.append(("connected", (local, peer)))

    def on_data(self, data: memoryview) -> None:
        self.data += data

    def on_closed(self, reason: Sentence) -> None:
        self.events.append(("closed", str(reason)))
        self.closed.set()


async def wait_for_bytes(sink: Sink, count: int) -> None:
    async with asyncio.timeout(10):
        while len(sink.data) < count:
            await asyncio.sleep(0.005)


def test_echo_round_trip_and_counters() -> None:
    async def scenario() -> None:
        with echo_server() as (host, port):
            sink = Sink()
            client = TcpClient(sink, read_size=4096)
            await client.connect(host, port)
            assert client.connected
            assert sink.events[0] == ("connected", (client.local, f"127.0.0.1:{port}"))
            payload = bytes(range(256)) * 400  # larger than one read buffer
            client.send(payload)
            await client.drain()
            await wait_for_bytes(sink, len(payload))
            assert bytes(sink.data) == payload
            assert client.bytes_out == client.bytes_in == len(payload)
            client.close()
            await client.wait_closed()
            assert sink.events[-1] == ("closed", "Disconnected.")
            assert not client.connected

    asyncio.run(scenario())


def test_ipv6_loopback() -> None:
    if not socket.has_ipv6:
        pytest.skip("no IPv6 on this machine")

    async def scenario() -> None:
        with echo_server("::1") as (_host, port):
            sink = Sink()
            client = TcpClient(sink)
            await client.connect("::1", port)
            assert client.peer == f"[::1]:{port}"
            client.send(b"six")
            await wait_for_bytes(sink, 3)
            client.abort()
            await client.wait_closed()

    asyncio.run(scenario())


def test_peer_closing_is_reported() -> None:
    async def scenario() -> None:
        with sender_server(b"bye") as port:
            sink = Sink()
            client = TcpClient(sink)
            await client.connect("127.0.0.1", port)
            async with asyncio.timeout(10):
                await sink.closed.wait()
            assert bytes(sink.data) == b"bye"
            assert sink.events[-1] == ("closed", "The peer closed the connection.")

    asyncio.run(scenario())


def test_half_close_keeps_receiving() -> None:
    """After close_write the peer sees EOF, and its answer still arrives."""

    async def scenario() -> None:
        listener = socket.socket()
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        listener.setblocking(False)
        loop = asyncio.get_running_loop()

        async def server() -> None:
            conn, _ = await loop.sock_accept(listener)
            with conn:
                got = b""
                while chunk := await loop.sock_recv(conn, 100):
                    got += chunk
                await loop.sock_sendall(conn, b"got:" + got)

        task = asyncio.create_task(server())
        sink = Sink()
        client = TcpClient(sink)
        await client.connect("127.0.0.1", listener.getsockname()[1])
        client.send(b"question")
        client.close_write()
        async with asyncio.timeout(10):
            await sink.closed.wait()
            await task
        listener.close()
        assert bytes(sink.data) == b"got:question"

    asyncio.run(scenario())


def test_refused() -> None:
    port = closed_port()
    with pytest.raises(ConnectRefused) as caught:
        asyncio.run(TcpClient(Sink()).connect("127.0.0.1", port))
    assert str(caught.value) == (
        f"Could not connect to 127.0.0.1:{port}: the connection was refused "
        "(is a server listening there?)."
    )


def test_timeout_when_nobody_answers() -> None:
    with (
        unresponsive_port() as port,
        pytest.raises(ConnectTimeout, match=r"no answer within 0\.3 s"),
    ):
        asyncio.run(TcpClient(Sink()).connect("127.0.0.1", port, timeout=0.3))


def test_unknown_host() -> None:
    with pytest.raises(UnknownHost, match="unknown"):
        asyncio.run(TcpClient(Sink()).connect("nowhere.invalid", 80))


def test_send_without_connection() -> None:
    with pytest.raises(NotConnected):
        TcpClient(Sink()).send(b"x")


def test_local_bind_address() -> None:
    async def scenario() -> None:
        with echo_server() as (host, port):
            client = TcpClient(Sink())
            await client.connect(host, port, local_addr=("127.0.0.2", 0))
            assert client.local.startswith("127.0.0.2:")
            client.close()
            await client.wait_closed()

    asyncio.run(scenario())


def test_format_address() -> None:
    assert format_address(("::1", 80, 0, 0)) == "[::1]:80"
    assert format_address(("198.18.0.1", 80)) == "198.18.0.1:80"
