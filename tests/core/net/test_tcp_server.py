"""The TCP server engine against real clients on loopback."""

from __future__ import annotations

import asyncio
import os
import socket
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core.errors import AddressInUse, ListenError, NetError, NotConnected
from desktop.core.net.auto_reply import AutoReplyRule, MatchKind
from desktop.core.net.connection import DEFAULT_MAX_PENDING
from desktop.core.net.tcp_server import ServerMode, TcpServer
from desktop.core.sentence import Sentence

ROOT = Path(__file__).resolve().parents[3]


class Sink:
    def __init__(self) -> None:
        self.connected: list[tuple[int, str]] = []
        self.data: dict[int, bytearray] = {}
        self.sent: dict[int, bytearray] = {}
        self.closed: dict[int, str] = {}
        self.rejected: list[str] = []
        self.changed = asyncio.Event()

    def on_client_connected(self, client_id: int, peer: str) -> None:
        self.connected.append((client_id, peer))
        self.changed.set()

    def on_client_data(self, client_id: int, data: memoryview) -> None:
        self.data.setdefault(client_id, bytearray()).extend(data)
        self.changed.set()

    def on_client_sent(self, client_id: int, data: bytes) -> None:
        self.sent.setdefault(client_id, bytearray()).extend(data)

    def on_client_closed(self, client_id: int, reason: Sentence) -> None:
        self.closed[client_id] = str(reason)
        self.changed.set()

    def on_client_rejected(self, peer: str, reason: Sentence) -> None:
        self.rejected.append(str(reason))
        self.changed.set()


async def until(predicate, timeout: float = 10) -> None:  # type: ignore[no-untyped-def]
    async with asyncio.timeout(timeout):
        while not predicate():
            await asyncio.sleep(0.005)


async def read_exactly(reader: asyncio.StreamReader, n: int) -> bytes:
    async with asyncio.timeout(10):
        return await reader.readexactly(n)


def test_echo_serves_many_clients_at_once() -> None:
    async def scenario() -> None:
        sink = Sink()
        server = TcpServer(sink, ServerMode.ECHO)
        await server.start("127.0.0.1", 0)
        streams = [await asyncio.open_connection("127.0.0.1", server.port) for _ in range(200)]
        for i, (_, writer) in enumerate(streams):
            writer.write(b"client %d\n" % i)
        echoes = await asyncio.gather(*(reader.readline() for reader, _ in streams))
        assert echoes == [b"client %d\n" % i for i in range(200)]
        assert server.client_count == 200
        assert sum(len(v) for v in sink.sent.values()) == server.bytes_out
        for _, writer in streams:
            writer.close()
        await until(lambda: server.client_count == 0)
        assert len(sink.closed) == 200
        assert set(sink.closed.values()) == {"The peer closed the connection."}
        assert (
            server.bytes_in == server.bytes_out == sum(len(b"client %d\n" % i) for i in range(200))
        )
        await server.close()

    asyncio.run(scenario())


def test_plain_mode_send_one_send_all_and_disconnect() -> None:
    async def scenario() -> None:
        sink = Sink()
        server = TcpServer(sink)
        await server.start("127.0.0.1", 0)
        a = await asyncio.open_connection("127.0.0.1", server.port)
        b = await asyncio.open_connection("127.0.0.1", server.port)
        await until(lambda: len(sink.connected) == 2)
        (id_a, _), (id_b, peer_b) = sink.connected
        a[1].write(b"from a")
        await until(lambda: bytes(sink.data.get(id_a, b"")) == b"from a")
        assert sink.sent == {}  # plain mode answers nothing by itself
        server.send(id_b, b"only b")
        assert await read_exactly(b[0], 6) == b"only b"
        assert server.send_all(b"all") == (2, [])
        assert await read_exactly(a[0], 3) == b"all"
        assert await read_exactly(b[0], 3) == b"all"
        info = server.info(id_b)
        assert info is not None and info.peer == peer_b and info.bytes_out == 9
        assert server.disconnect(id_a)
        assert await a[0].read() == b""
        await until(lambda: id_a in sink.closed)
        assert sink.closed[id_a] == "Disconnected by the server."
        with pytest.raises(NotConnected):
            server.send(id_a, b"gone")
        assert not server.disconnect(id_a)
        a[1].close()
        b[1].close()
        await server.close()

    asyncio.run(scenario())


def test_auto_reply_rules_in_order_with_regex_groups() -> None:
    rules = [
        AutoReplyRule(MatchKind.EXACT, b"PING", b"PONG"),
        AutoReplyRule(MatchKind.STARTS, b"GET ", b"HTTP/1.0 200 OK\r\n\r\n"),
        AutoReplyRule(MatchKind.REGEX, rb"ID=(\d+)", rb"ACK \1"),
        AutoReplyRule(MatchKind.CONTAINS, "你好".encode(), "您好".encode()),
    ]

    async def scenario() -> None:
        sink = Sink()
        server = TcpServer(sink, ServerMode.RULES, rules)
        await server.start("127.0.0.1", 0)
        reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
        for message, answer in [
            (b"PING", b"PONG"),
            (b"GET / x", b"HTTP/1.0 200 OK\r\n\r\n"),
            (b"xx ID=4711 yy", b"ACK 4711"),
            ("说你好".encode(), "您好".encode()),
        ]:
            writer.write(message)
            assert await read_exactly(reader, len(answer)) == answer
        writer.write(b"PINGX")  # no rule: silence
        await until(lambda: bytes(sink.data[1]).endswith(b"PINGX"))
        writer.write(b"PING")
        assert await read_exactly(reader, 4) == b"PONG"
        writer.close()
        await server.close()

    asyncio.run(scenario())


def test_bad_regex_is_a_sentence() -> None:
    with pytest.raises(ValueError, match="regular expression is not valid"):
        AutoReplyRule(MatchKind.REGEX, b"(", b"")


def test_max_clients_refuses_the_next_one() -> None:
    async def scenario() -> None:
        sink = Sink()
        server = TcpServer(sink, max_clients=2)
        await server.start("127.0.0.1", 0)
        kept = [await asyncio.open_connection("127.0.0.1", server.port) for _ in range(2)]
        await until(lambda: len(sink.connected) == 2)
        reader, extra = await asyncio.open_connection("127.0.0.1", server.port)
        assert await reader.read() == b""  # closed at once
        extra.close()
        await until(lambda: len(sink.rejected) == 1)
        assert "limit of 2 clients is reached" in sink.rejected[0]
        assert server.client_count == 2 and server.rejected_total == 1
        for _, writer in kept:
            writer.close()
        await server.close()

    asyncio.run(scenario())


def test_port_in_use() -> None:
    async def scenario() -> None:
        first = TcpServer(Sink())
        await first.start("127.0.0.1", 0)
        with pytest.raises(AddressInUse) as caught:
            await TcpServer(Sink()).start("127.0.0.1", first.port)
        said = str(caught.value)  # the system names the holder: this very process
        assert said.startswith(f"127.0.0.1:{first.port} is already in use by ")
        assert said.endswith(f"(pid {os.getpid()}).")
        assert caught.value.owner is not None
        await first.close()

    asyncio.run(scenario())


def test_address_not_on_this_machine() -> None:
    with pytest.raises(ListenError, match="not an address of this machine"):
        asyncio.run(TcpServer(Sink()).start("198.18.255.254", 0))


def test_privileged_port_without_the_right() -> None:
    """Without CAP_NET_BIND_SERVICE, port 80 is refused with a sentence (setpriv drops the cap)."""
    code = (
        "import asyncio, sys\n"
        "from desktop.core.errors import PermissionDenied\n"
        "from desktop.core.net.tcp_server import TcpServer\n"
        "class S:\n    pass\n"
        "try:\n    asyncio.run(TcpServer(S()).start('127.0.0.1', 80))\n"
        "except PermissionDenied as e:\n    print(e)\n"
    )
    if os.geteuid() == 0:
        argv = [
            "setpriv",
            "--inh-caps=-all",
            "--bounding-set=-net_bind_service",
            sys.executable,
            "-c",
            code,
        ]
    else:
        argv = [sys.executable, "-c", code]
    result = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == (
        "No permission to listen on 127.0.0.1:80 (ports below 1024 need administrator rights)."
    )


def test_dual_stack_accepts_ipv4_and_ipv6() -> None:
    async def scenario() -> None:
        sink = Sink()
        server = TcpServer(sink, ServerMode.ECHO)
        addresses = await server.start("", 0)
        assert addresses[0].startswith("[::]:")
        for host in ("127.0.0.1", "::1"):
            reader, writer = await asyncio.open_connection(host, server.port)
            writer.write(host.encode())
            assert await read_exactly(reader, len(host)) == host.encode()
            writer.close()
        peers = [peer for _, peer in sink.connected]
        assert peers[0].startswith("[::ffff:127.0.0.1]:") and peers[1].startswith("[::1]:")
        await server.close()

    asyncio.run(scenario())


def test_reset_by_the_peer_is_reported() -> None:
    async def scenario() -> None:
        sink = Sink()
        server = TcpServer(sink)
        await server.start("127.0.0.1", 0)
        client = socket.create_connection(("127.0.0.1", server.port))
        await until(lambda: len(sink.connected) == 1)
        client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        client.close()  # RST
        await until(lambda: 1 in sink.closed)
        assert sink.closed[1] == "The connection was reset by the peer."
        await server.close()

    asyncio.run(scenario())


def test_echo_to_a_client_that_never_reads_stays_bounded() -> None:
    """Echo pauses reading from a client whose echo is not read: memory stays bounded."""

    async def scenario() -> None:
        sink = Sink()
        server = TcpServer(sink, ServerMode.ECHO)
        await server.start("127.0.0.1", 0)
        client = socket.create_connection(("127.0.0.1", server.port))
        client.setblocking(False)
        chunk = b"x" * 65536
        sent = 0
        blocked_since: float | None = None
        loop = asyncio.get_running_loop()
        # Send until the kernel has taken nothing for 0.3 s (or 64 MiB went): with reading
        # paused the buffers fill and stay full; without it the server reads everything.
        while sent < 64 * 2**20:
            try:
                sent += client.send(chunk)
                blocked_since = None
            except BlockingIOError:
                blocked_since = blocked_since or loop.time()
                if loop.time() - blocked_since > 0.3:
                    break
                await asyncio.sleep(0.01)
            await asyncio.sleep(0)
        connection = server._clients[1]
        info = server.info(1)
        assert info is not None
        assert blocked_since is not None, f"all {sent} bytes were taken: reading never paused"
        assert info.bytes_in < sent  # the rest waits in the kernel, not in our memory
        assert connection.transport is not None and not connection.transport.is_reading()
        assert connection.pending <= 2 * 1024 * 1024
        before = info.bytes_in
        await asyncio.sleep(0.1)
        after = server.info(1)
        assert after is not None and after.bytes_in == before  # reading stays paused
        client.close()
        await loop.run_in_executor(None, lambda: None)
        await server.close()

    asyncio.run(scenario())


def test_sending_to_a_client_that_never_reads_is_refused_past_the_cap() -> None:
    """At the default 16 MiB cap a send is refused, and the client stays: it gets every queued
    byte once it reads, and later sends go through again."""

    async def scenario() -> None:
        sink = Sink()
        server = TcpServer(sink)
        await server.start("127.0.0.1", 0)
        client = socket.socket()
        client.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 64 * 1024)  # no autotuning
        client.connect(("127.0.0.1", server.port))
        client.setblocking(False)
        await until(lambda: len(sink.connected) == 1)
        connection = server._clients[1]
        assert connection.max_pending == DEFAULT_MAX_PENDING == 16 * 1024 * 1024
        block = b"y" * 256 * 1024
        with pytest.raises(NetError, match="is not reading"):
            for _ in range(400):  # 100 MiB
                server.send(1, block)
                await asyncio.sleep(0)
        pending = connection.pending
        assert DEFAULT_MAX_PENDING - len(block) < pending <= DEFAULT_MAX_PENDING
        queued = connection.bytes_out
        assert queued % len(block) == 0
        await asyncio.sleep(0.1)
        assert sink.closed == {} and server.client_ids() == [1]
        loop = asyncio.get_running_loop()
        received = 0
        async with asyncio.timeout(10):
            while received < queued:
                data = await loop.sock_recv(client, 1 << 20)
                assert data, f"closed after {received} of {queued} bytes"
                received += len(data)
        assert received == queued
        server.send(1, b"again")  # the client survived: sending works once it reads
        async with asyncio.timeout(10):
            assert await loop.sock_recv(client, 16) == b"again"
        assert sink.closed == {}
        client.close()
        await server.close()

    asyncio.run(scenario())


def test_tls_server_with_a_self_signed_certificate(tmp_path: Path) -> None:
    import ssl

    from desktop.core.net.tls import TlsServerOptions

    async def scenario() -> None:
        sink = Sink()
        server = TcpServer(sink, ServerMode.ECHO)
        await server.start("127.0.0.1", 0, TlsServerOptions(cache_dir=tmp_path))
        client_side = ssl.create_default_context()
        client_side.check_hostname = False
        client_side.verify_mode = ssl.CERT_NONE
        reader, writer = await asyncio.open_connection("127.0.0.1", server.port, ssl=client_side)
        writer.write("加密 echo".encode())
        assert await read_exactly(reader, len("加密 echo".encode())) == "加密 echo".encode()
        assert writer.get_extra_info("ssl_object").version() in ("TLSv1.3", "TLSv1.2")
        info = server.info(1)
        assert info is not None and info.state == "connected"
        writer.close()

        # A plain client on the TLS port: refused with a sentence, and never a client.
        plain_reader, plain_writer = await asyncio.open_connection("127.0.0.1", server.port)
        plain_writer.write(b"GET / HTTP/1.1\r\n\r\n")
        assert await asyncio.wait_for(plain_reader.read(), 10) == b""
        plain_writer.close()
        await until(lambda: len(sink.rejected) == 1)
        assert sink.rejected[0].startswith("TLS handshake with 127.0.0.1:")
        assert [cid for cid, _ in sink.connected] == [1]
        await server.close()

    asyncio.run(scenario())
