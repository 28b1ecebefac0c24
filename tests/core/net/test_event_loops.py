"""The engines on both event loops: asyncio's own (the default) and uvloop.

The whole suite runs on ``loop_kind()``'s loop (``tests/conftest.py``); this module runs a
representative subset on each loop explicitly, whatever ``SOCKETDESK_LOOP`` says: a TCP server
echoing to a crowd, a client, a server saving to a file, TLS servers and relays, two messenger
engines talking and moving a file (the kernel's sendfile), and HTTP over TLS with a cancel.
"""

from __future__ import annotations

import asyncio
import gc
import os
import socket
import subprocess
import sys
import tracemalloc
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.core import event_loop
from desktop.core.event_loop import loop_kind, new_event_loop
from desktop.core.http.body_store import BodyStore, BufferPool
from desktop.core.http.exchange import HttpTarget, exchange
from desktop.core.ipmsg import Identity
from desktop.core.ipmsg.events import MessageDelivered, MessageReceived, PeerJoined
from desktop.core.ipmsg.node_settings import NodeSettings
from desktop.core.ipmsg.transfer import TransferState
from desktop.core.ipmsg_io.engine import MessengerEngine
from desktop.core.net.kernel_sendfile import send_file_bytes
from desktop.core.net.relay import TcpRelay
from desktop.core.net.tcp_client import TcpClient
from desktop.core.net.tcp_server import ServerMode, TcpServer
from desktop.core.net.tls import TlsClientOptions, TlsServerOptions, server_context
from desktop.core.session.file_sink import StreamFile
from tests.core.ipmsg_io.engine_files_helpers import engine_pair, offered
from tests.core.ipmsg_io.test_engine import Sink as MessengerSink
from tests.core.net.test_tcp_server import Sink as ServerSink
from tests.core.net.test_tcp_server import until
from tests.helpers.ports import messenger_port
from tests.peers.hostile_http import HUGE_HEADER_SIZE, HostileServer, running_hostile

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="uvloop exists on Linux and macOS only"
)


def test_the_environment_chooses_the_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(event_loop.ENV, "asyncio")
    assert loop_kind() == "asyncio"
    loop = new_event_loop()
    try:
        assert isinstance(loop, asyncio.SelectorEventLoop)
    finally:
        loop.close()
    monkeypatch.setenv(event_loop.ENV, "uvloop")
    assert loop_kind() == "uvloop"
    loop = new_event_loop()
    try:
        assert type(loop).__module__.startswith("uvloop")
    finally:
        loop.close()
    monkeypatch.setenv(event_loop.ENV, "auto")
    assert loop_kind() == "uvloop"  # installed (dev extra, Linux/macOS)
    monkeypatch.delenv(event_loop.ENV)
    assert loop_kind() == "uvloop"  # the default is auto
    monkeypatch.setenv(event_loop.ENV, "asyncio")
    assert loop_kind() == "asyncio"  # the stock loop, asked for


def test_asking_for_a_missing_uvloop_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "uvloop", None)  # as if not installed: import fails
    assert loop_kind("auto") == "asyncio"
    monkeypatch.delenv(event_loop.ENV, raising=False)
    assert loop_kind() == "asyncio"  # the default falls back to the stock loop
    with pytest.raises(RuntimeError, match="uvloop is not installed"):
        loop_kind("uvloop")


def test_echo_server_with_a_crowd(on_loop: Callable[[Coroutine[Any, Any, None]], None]) -> None:
    async def scenario() -> None:
        sink = ServerSink()
        server = TcpServer(sink, ServerMode.ECHO)
        await server.start("127.0.0.1", 0)
        streams = [await asyncio.open_connection("127.0.0.1", server.port) for _ in range(100)]
        for i, (_, writer) in enumerate(streams):
            writer.write(b"client %d\n" % i)
        echoes = await asyncio.gather(*(reader.readline() for reader, _ in streams))
        assert echoes == [b"client %d\n" % i for i in range(100)]
        for _, writer in streams:
            writer.close()
        await until(lambda: server.client_count == 0)
        assert set(sink.closed.values()) == {"The peer closed the connection."}
        await server.close()

    on_loop(scenario())


class _ClientSink:
    def __init__(self) -> None:
        self.data = bytearray()
        self.closed: list[str] = []

    def on_connected(self, local: str, peer: str) -> None:
        pass

    def on_data(self, data: memoryview) -> None:
        self.data.extend(data)

    def on_closed(self, reason: object) -> None:
        self.closed.append(str(reason))


def test_client_to_server_and_file(
    on_loop: Callable[[Coroutine[Any, Any, None]], None], tmp_path: Path
) -> None:
    """A client sends 4 MiB to a server that saves every byte to a file, exactly."""
    payload = bytes(range(256)) * (4 * 4096)
    target = tmp_path / "saved.bin"

    async def scenario() -> None:
        saved = StreamFile(target)

        class Saving(ServerSink):
            def on_client_data(self, client_id: int, data: memoryview) -> None:
                saved.write(data)

        sink = Saving()
        server = TcpServer(sink)
        await server.start("127.0.0.1", 0)
        client = TcpClient(_ClientSink())
        await client.connect("127.0.0.1", server.port)
        client.send(payload)
        await until(lambda: server.bytes_in == len(payload))
        client.close()
        await client.wait_closed()
        await until(lambda: server.client_count == 0)
        await server.close()
        assert saved.close() == len(payload)

    on_loop(scenario())
    assert target.read_bytes() == payload


def test_two_messengers_talk(on_loop: Callable[[Coroutine[Any, Any, None]], None]) -> None:
    async def scenario() -> None:
        port_a, port_b = messenger_port(), messenger_port()
        sink_a, sink_b = MessengerSink(), MessengerSink()
        a = MessengerEngine(
            Identity("amin", "PC-A", "阿明"),
            NodeSettings(port=port_a, targets=(("127.0.0.1", port_b),)),
            sink_a,
            bind="127.0.0.1",
        )
        b = MessengerEngine(
            Identity("bob", "PC-B", "鲍勃"),
            NodeSettings(port=port_b, targets=(("127.0.0.1", port_a),)),
            sink_b,
            bind="127.0.0.1",
        )
        await b.start()
        await a.start()
        try:
            joined = await sink_a.wait(lambda e: isinstance(e, PeerJoined))
            message_id = a.send_text(joined.peer.key, "你好 🙂")  # type: ignore[union-attr]
            received = await sink_b.wait(lambda e: isinstance(e, MessageReceived))
            assert received.text == "你好 🙂"  # type: ignore[union-attr]
            await sink_a.wait(lambda e: e == MessageDelivered(message_id))
        finally:
            await a.close()
            await b.close()

    on_loop(scenario())


@pytest.mark.parametrize("listen_tls", [False, True], ids=["plain", "tls"])
def test_relay_keeps_what_arrives_before_the_target_answers(
    on_loop: Callable[[Coroutine[Any, Any, None]], None], listen_tls: bool
) -> None:
    """A client that writes at once: its bytes (or its TLS handshake) come before the target.

    uvloop starts reading after ``connection_made`` even when the relay paused the new client
    there: those bytes were dropped (plain) or the handshake never finished (TLS), and the test's
    loop then hung at its close (issue #15).
    """
    from tests.core.net.test_relay import HOST, Sink, echo_target, read_exactly, unverified

    payload = bytes(range(256)) * 4096

    async def scenario() -> None:
        sink = Sink()
        async with echo_target() as target:
            relay = TcpRelay(sink, HOST, target.port)
            await relay.start(HOST, 0, TlsServerOptions() if listen_tls else None)
            reader, writer = await asyncio.open_connection(
                HOST, relay.port, ssl=unverified() if listen_tls else None
            )
            writer.write(payload)  # at once: the relay is still connecting to the target
            try:
                assert await read_exactly(reader, len(payload)) == payload
                assert relay.bytes_client_to_target == relay.bytes_target_to_client == len(payload)
            finally:
                writer.close()
                await relay.close()

    on_loop(scenario())


def test_tls_server_takes_a_handshake_that_comes_at_once(
    on_loop: Callable[[Coroutine[Any, Any, None]], None],
) -> None:
    """The ClientHello arrives with the connection: uvloop reads it although the server paused
    the new client in ``connection_made`` (it then hung as "data"); counters hold data only."""
    from tests.core.net.test_relay import unverified

    payload = "加密".encode() * 1000

    async def scenario() -> None:
        sink = ServerSink()
        server = TcpServer(sink)
        await server.start("127.0.0.1", 0, TlsServerOptions())
        try:
            _reader, writer = await asyncio.wait_for(
                asyncio.open_connection("127.0.0.1", server.port, ssl=unverified()), 10
            )
            writer.write(payload)
            await until(lambda: server.bytes_in >= len(payload))
            assert sink.data == {1: bytearray(payload)}
            assert server.bytes_in == len(payload)
            writer.close()
        finally:
            await server.close()

    on_loop(scenario())


def test_kernel_sendfile_after_bytes_the_transport_still_holds(
    on_loop: Callable[[Coroutine[Any, Any, None]], None], tmp_path: Path
) -> None:
    """``send_file_bytes`` on both loops (uvloop has no ``loop.sendfile``): what the transport
    still buffers goes first, then the range asked for, then a range past the file's end."""
    source = tmp_path / "source.bin"
    data = os.urandom(6 << 20)
    source.write_bytes(data)
    head = b"h" * (16 << 20)  # more than loopback's socket buffers take at once
    sent: list[int] = []

    async def scenario() -> None:
        async def serve(_reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            writer.write(head)
            assert writer.transport.get_write_buffer_size() > 0  # the flush is exercised
            with source.open("rb") as file:
                sent.append(await send_file_bytes(writer, file, 1000, len(data) - 2000))
                sent.append(await send_file_bytes(writer, file, len(data) - 100, 1000))
            writer.close()

        server = await asyncio.start_server(serve, "127.0.0.1", 0)
        try:
            port = server.sockets[0].getsockname()[1]
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            got = await asyncio.wait_for(reader.read(), 30)
            writer.close()
        finally:
            server.close()
        assert len(got) == len(head) + len(data) - 2000 + 100
        assert got == head + data[1000:-1000] + data[-100:]

    on_loop(scenario())
    assert sent == [len(data) - 2000, 100]  # the second one: the file ended first


def test_a_messenger_file_moves(
    on_loop: Callable[[Coroutine[Any, Any, None]], None], tmp_path: Path
) -> None:
    """Offer, accept, the file server's sendfile and the receiver's file, on both loops."""
    source = tmp_path / "out" / "报告.bin"
    source.parent.mkdir()
    source.write_bytes(os.urandom(9 << 20))

    async def scenario() -> None:
        pair = await engine_pair()
        try:
            message = await offered(pair, [source])
            assert message.offer is not None
            ids = pair.b.files.accept(message.offer, [0], tmp_path / "inbox")
            await pair.sink_b.until(lambda: pair.sink_b.rows()[ids[0]].state.finished)
            got = pair.sink_b.rows()[ids[0]]
            assert got.state is TransferState.DONE, got.reason
            assert Path(got.path).read_bytes() == source.read_bytes()
        finally:
            await pair.close()

    on_loop(asyncio.wait_for(scenario(), 60))


@pytest.fixture(scope="module", params=["plain", "tls"])
def hostile(request: pytest.FixtureRequest) -> Iterator[HostileServer]:
    tls = server_context(TlsServerOptions()) if request.param == "tls" else None
    with running_hostile(tls) as server:
        yield server


def test_http_exchange_and_a_cancel_in_an_endless_body(
    on_loop: Callable[[Coroutine[Any, Any, None]], None], hostile: HostileServer
) -> None:
    """The HTTP composer's path, plain and TLS: a 1 MB header line whole, then a cancel during
    an endless chunked body is honoured at the read it was set in (uvloop hands over up to 32
    reads per wake-up: the cap was reached first)."""
    tls = TlsClientOptions(verify=False) if hostile.tls is not None else None
    target = HttpTarget(hostile.host, hostile.port, tls=tls, read_timeout=10)
    cap = 1 << 20

    async def scenario() -> None:
        huge = await exchange(target, [HostileServer.request("huge_header")])
        assert huge.error is None and (huge.tls_info is not None) == (tls is not None)
        assert huge.responses[0].header_values(b"x-huge") == [b"h" * HUGE_HEADER_SIZE]
        if huge.connection is not None:
            huge.connection.close()
        cancel = asyncio.Event()

        def progress(received: int) -> None:
            if received >= 100_000:
                cancel.set()

        endless = await exchange(
            target,
            [HostileServer.request("endless_chunked")],
            cancel=cancel,
            max_response_bytes=cap,
            progress=progress,
        )
        assert str(endless.error).startswith("Cancelled after")
        assert 100_000 <= len(endless.reader.raw) < cap

    on_loop(scenario())


def test_server_clients_are_light_and_without_delay(
    on_loop: Callable[[Coroutine[Any, Any, None]], None],
) -> None:
    """Everything the server process holds in Python objects per plain client, the loop's share
    included (tracemalloc, every file; the clients are in another process): under 700 B
    (FdTransport in its listener's epoll set: ~500 B on both loops; each client watched by the
    loop itself: ~1,080 B on uvloop, ~800 B on the stock loop). The loops' own transports
    made it ~1,550 B on uvloop and ~1,880 B on the stock loop (the plainest asyncio echo server
    holds ~1.3 KiB on uvloop); before those, a record beside each connection, bound methods,
    address strings and TLS fields made ours ~2.1 KiB. Every accepted socket has TCP_NODELAY
    and its addresses."""
    clients = 300
    connect = (
        "import socket, sys\n"
        "port = int(sys.argv[1])\n"
        "held = [socket.create_connection(('127.0.0.1', port)) for _ in range(int(sys.argv[2]))]\n"
        "print(' '.join(str(s.getsockname()[1]) for s in held), flush=True)\n"
        "sys.stdin.read()\n"
    )

    class Quiet(ServerSink):  # keeps nothing per client (the GUI's table is not measured)
        def on_client_connected(self, client_id: int, peer: str) -> None:
            pass

    async def scenario() -> None:
        server = TcpServer(Quiet(), ServerMode.ECHO)
        await server.start("127.0.0.1", 0)
        tracemalloc.start()
        child = None
        try:
            before = tracemalloc.take_snapshot()
            child = subprocess.Popen(
                [sys.executable, "-c", connect, str(server.port), str(clients)],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            )  # fmt: skip
            assert child.stdout is not None
            async with asyncio.timeout(20):
                line = await asyncio.to_thread(child.stdout.readline)
            await until(lambda: server.client_count == clients)
            after = tracemalloc.take_snapshot()
            tracemalloc.stop()
            ports = {int(p) for p in line.split()}
            grown = sum(stat.size_diff for stat in after.compare_to(before, "filename"))
            assert grown / clients < 700, "\n".join(
                str(s) for s in after.compare_to(before, "lineno")[:14]
            )
            infos = [server.info(client_id) for client_id in server.client_ids()]
            sockets = [
                server._clients[client_id].transport.get_extra_info("socket")  # type: ignore[union-attr]
                for client_id in server.client_ids()[:3]
            ]
            delays = [s.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) for s in sockets]
        finally:
            tracemalloc.stop()
            if child is not None:
                child.kill()
                child.communicate()  # reaps it and closes its pipes
            await server.close()  # always: an open server keeps a uvloop loop from closing
        assert {info.peer for info in infos if info} == {f"127.0.0.1:{p}" for p in ports}
        assert {info.local for info in infos if info} == {f"127.0.0.1:{server.port}"}
        assert all(delays), delays

    on_loop(scenario())


def test_http_big_bodies_reuse_freed_memory_and_keep_every_byte(
    on_loop: Callable[[Coroutine[Any, Any, None]], None],
    hostile: HostileServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The composer's data path, plain and TLS: a big body is written into the buffer an
    earlier body freed (``body_store``: no fresh pages), and every byte is what was sent."""
    pool = BufferPool()
    monkeypatch.setattr(BodyStore, "pool", pool)
    tls = TlsClientOptions(verify=False) if hostile.tls is not None else None
    target = HttpTarget(hostile.host, hostile.port, tls=tls, read_timeout=10)
    line = b"b" * 1023 + b"\n"

    async def big(size: int) -> tuple[int, int]:
        got = await exchange(target, [HostileServer.request("big_body", size=size)])
        if got.connection is not None:
            # Kept alive (the server closes only after its handler ends): closed here, as a
            # caller must, so no open transport outlives the loop (a ResourceWarning later).
            got.connection.close()
        assert got.error is None and got.responses[0].complete and not got.reader.anomalies
        body = got.responses[0].body_view()
        assert body == (line * (size // 1024 + 1))[:size]
        del body
        return id(got.reader.raw), len(got.reader.raw)

    async def scenario() -> None:
        first, first_size = await big(4 << 20)
        gc.collect()
        assert pool.sizes == [first_size]
        second, second_size = await big(3 << 20)
        assert second == first  # the first body's memory, taken out of the pool
        assert pool.sizes == [second_size]  # and given back (cut to the size it held)

    on_loop(scenario())
    pool.clear()
