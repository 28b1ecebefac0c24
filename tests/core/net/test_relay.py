"""The TCP relay between real clients and real servers on loopback."""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import ssl
import struct
from collections.abc import AsyncIterator, Callable

import pytest

from desktop.core.errors import ConnectRefused, NetError, NotConnected
from desktop.core.net import relay_piping
from desktop.core.net.relay import RelaySide, TcpRelay
from desktop.core.net.tls import TlsClientOptions, TlsServerOptions, TlsSessionInfo, server_context
from desktop.core.sentence import Sentence
from tests.helpers.servers import closed_port, unresponsive_port

HOST = "127.0.0.1"
CLIENT, TARGET = RelaySide.CLIENT, RelaySide.TARGET
Event = tuple[object, ...]


class Sink:
    """Records every report in order."""

    def __init__(self) -> None:
        self.events: list[Event] = []

    def on_pair_opened(self, pair_id: int, client_peer: str, target_peer: str) -> None:
        self.events.append(("opened", pair_id, client_peer, target_peer))

    def on_pair_failed(self, pair_id: int, client_peer: str, reason: Sentence) -> None:
        self.events.append(("failed", pair_id, client_peer, str(reason)))

    def on_target_tls(self, pair_id: int, session: TlsSessionInfo) -> None:
        self.events.append(("target_tls", pair_id, session))

    def on_data(self, pair_id: int, from_side: RelaySide, data: memoryview) -> None:
        self.events.append(("data", pair_id, from_side, bytes(data)))

    def on_injected(self, pair_id: int, to_side: RelaySide, data: bytes) -> None:
        self.events.append(("injected", pair_id, to_side, data))

    def on_pair_closed(self, pair_id: int, reason: Sentence) -> None:
        self.events.append(("closed", pair_id, str(reason)))

    def of(self, kind: str) -> list[Event]:
        return [event for event in self.events if event[0] == kind]

    def data(self, pair_id: int, side: RelaySide) -> bytes:
        chunks = [e[3] for e in self.of("data") if e[1] == pair_id and e[2] is side]
        return b"".join(chunks)  # type: ignore[arg-type]

    def closed(self) -> dict[object, object]:
        return {event[1]: event[2] for event in self.of("closed")}

    def opened_ids(self) -> list[object]:
        return [event[1] for event in self.of("opened")]


class EchoTarget:
    """An asyncio echo server on loopback; at EOF it sends ``farewell`` and closes."""

    def __init__(self, farewell: bytes = b"", hold: asyncio.Event | None = None) -> None:
        self.farewell = farewell
        self.hold = hold  # after EOF and the farewell, stay open until this is set
        self.received: list[bytearray] = []
        self.eofs = 0
        self.port = 0

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        received = bytearray()
        self.received.append(received)
        # A peer dropped by a test may be gone already: the test checks what it needs itself.
        with contextlib.suppress(ConnectionError, ssl.SSLError):
            while data := await reader.read(65536):
                received.extend(data)
                writer.write(data)
                await writer.drain()
            self.eofs += 1
            writer.write(self.farewell)
            await writer.drain()
            if self.hold is not None:
                await self.hold.wait()
        writer.close()


@contextlib.asynccontextmanager
async def serving(
    handle: Callable[[asyncio.StreamReader, asyncio.StreamWriter], object],
    context: ssl.SSLContext | None = None,
) -> AsyncIterator[int]:
    server = await asyncio.start_server(handle, HOST, 0, ssl=context)  # type: ignore[arg-type]
    try:
        yield server.sockets[0].getsockname()[1]
    finally:
        server.close()
        await server.wait_closed()


@contextlib.asynccontextmanager
async def echo_target(
    farewell: bytes = b"", context: ssl.SSLContext | None = None, hold: asyncio.Event | None = None
) -> AsyncIterator[EchoTarget]:
    target = EchoTarget(farewell, hold)
    async with serving(target.handle, context) as port:
        target.port = port
        yield target


async def until(predicate: Callable[[], object], timeout: float = 10) -> None:
    async with asyncio.timeout(timeout):
        while not predicate():
            await asyncio.sleep(0.005)


async def read_exactly(reader: asyncio.StreamReader, n: int) -> bytes:
    async with asyncio.timeout(10):
        return await reader.readexactly(n)


async def read_to_end(reader: asyncio.StreamReader) -> bytes:
    """Everything until EOF; a reset counts as the end (a refused client may get one)."""
    async with asyncio.timeout(10):
        try:
            return await reader.read()
        except ConnectionResetError:
            return b""


async def close(writer: asyncio.StreamWriter) -> None:
    writer.close()
    with contextlib.suppress(ConnectionError, ssl.SSLError):  # the relay may have reset it
        await writer.wait_closed()


def unverified() -> ssl.SSLContext:
    """A test client's context that accepts any certificate."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


async def started(relay: TcpRelay, listen_tls: TlsServerOptions | None = None) -> TcpRelay:
    assert await relay.start(HOST, 0, listen_tls) == [f"{HOST}:{relay.port}"]
    return relay


def test_relays_both_ways_byte_exact_and_reports_in_order() -> None:
    async def scenario() -> None:
        sink = Sink()
        async with echo_target() as target:
            relay = await started(TcpRelay(sink, HOST, target.port))
            reader, writer = await asyncio.open_connection(HOST, relay.port)
            payload = os.urandom(1_000_000) + "你好，世界：中文也原样通过\n".encode()
            writer.write(payload)  # at once: the relay is still connecting to the target
            assert await read_exactly(reader, len(payload)) == payload
            [(_, pair_id, client_peer, target_peer)] = sink.of("opened")
            local = writer.get_extra_info("sockname")
            assert (client_peer, target_peer) == (f"{local[0]}:{local[1]}", f"{HOST}:{target.port}")
            assert relay.pair_count == 1 and relay.pair_ids() == [pair_id]
            assert sink.data(pair_id, CLIENT) == payload == sink.data(pair_id, TARGET)
            assert relay.bytes_client_to_target == relay.bytes_target_to_client == len(payload)
            # One timeline: the echo of a byte is never reported before the byte itself.
            sent = echoed = 0
            for event in sink.of("data"):
                size = len(event[3])  # type: ignore[arg-type]
                if event[2] is CLIENT:
                    sent += size
                else:
                    echoed += size
                    assert echoed <= sent
            assert sink.events[0][0] == "opened"
            writer.close()  # EOF to the relay, then to the echo server, which closes in turn
            await until(lambda: sink.of("closed"))
            assert sink.closed() == {pair_id: "The client closed the connection, then the target."}
            assert sink.events[-1][0] == "closed"
            assert relay.pair_count == 0 and relay.info(pair_id) is None
            assert relay.bytes_client_to_target == len(payload)
            await relay.close()

    asyncio.run(scenario())


def test_inject_toward_either_side() -> None:
    async def scenario() -> None:
        sink = Sink()
        hold = asyncio.Event()
        async with echo_target(hold=hold) as target:
            relay = await started(TcpRelay(sink, HOST, target.port))
            reader, writer = await asyncio.open_connection(HOST, relay.port)
            await until(lambda: sink.of("opened"))
            [pair_id] = relay.pair_ids()
            relay.inject(pair_id, TARGET, b"PING\n")
            assert await read_exactly(reader, 5) == b"PING\n"  # the echo server answered it
            relay.inject(pair_id, CLIENT, "只给客户端\n".encode())
            assert await read_exactly(reader, 16) == "只给客户端\n".encode()
            writer.write(b"x")
            assert await read_exactly(reader, 1) == b"x"
            assert target.received == [bytearray(b"PING\nx")]  # never the bytes for the client
            assert sink.data(pair_id, TARGET) == b"PING\nx"
            assert sink.data(pair_id, CLIENT) == b"x"
            assert sink.of("injected") == [
                ("injected", pair_id, TARGET, b"PING\n"),
                ("injected", pair_id, CLIENT, "只给客户端\n".encode()),
            ]
            with pytest.raises(NotConnected):
                relay.inject(pair_id + 1, TARGET, b"nobody")
            writer.write_eof()  # the target is half-closed now: nothing more may go to it
            await until(lambda: target.eofs == 1)
            with pytest.raises(NotConnected):
                relay.inject(pair_id, TARGET, b"too late")
            relay.inject(pair_id, CLIENT, b"the client still reads")
            assert await read_exactly(reader, 22) == b"the client still reads"
            hold.set()
            assert await read_to_end(reader) == b""
            await close(writer)
            await relay.close()

    asyncio.run(scenario())


def test_target_refused_fails_the_pair_and_the_client_sees_eof() -> None:
    async def scenario() -> None:
        sink = Sink()
        port = closed_port()
        relay = await started(TcpRelay(sink, HOST, port))
        reader, writer = await asyncio.open_connection(HOST, relay.port)
        assert await reader.read() == b""  # EOF, not a reset
        local = writer.get_extra_info("sockname")
        assert sink.events == [
            ("failed", 1, f"{HOST}:{local[1]}", str(ConnectRefused(HOST, port))),
        ]
        assert "the connection was refused" in str(sink.events[0][3])
        assert relay.pair_count == 0
        await close(writer)
        await relay.close()

    asyncio.run(scenario())


def test_unknown_host_and_timeout_fail_with_their_sentences() -> None:
    async def scenario() -> None:
        sink = Sink()
        relay = await started(TcpRelay(sink, "nowhere.invalid", 80))
        _, writer = await asyncio.open_connection(HOST, relay.port)
        await until(lambda: sink.of("failed"))
        assert str(sink.events[0][3]).startswith(
            "Could not connect to nowhere.invalid:80: the host name is unknown"
        )
        await close(writer)
        await relay.close()
        with unresponsive_port() as port:
            sink = Sink()
            relay = await started(TcpRelay(sink, HOST, port, connect_timeout=0.3))
            reader, writer = await asyncio.open_connection(HOST, relay.port)
            assert await read_to_end(reader) == b""
            timed_out = f"Could not connect to {HOST}:{port}: no answer within 0.3 s."
            assert sink.of("failed")[0][3] == timed_out
            await close(writer)
            await relay.close()

    asyncio.run(scenario())


def test_close_pair_or_stop_while_connecting() -> None:
    async def scenario() -> None:
        with unresponsive_port() as port:
            sink = Sink()
            relay = await started(TcpRelay(sink, HOST, port))
            reader, writer = await asyncio.open_connection(HOST, relay.port)
            await until(lambda: relay.pair_count == 1)
            assert relay.pair_ids() == []  # not open yet
            with pytest.raises(NotConnected):
                relay.inject(1, TARGET, b"early")
            assert relay.close_pair(1)
            await until(lambda: sink.of("failed"))
            assert sink.of("failed")[0][3] == "Closed by the user."
            assert relay.pair_count == 0
            assert await read_to_end(reader) == b""
            await close(writer)
            reader, writer = await asyncio.open_connection(HOST, relay.port)
            await until(lambda: relay.pair_count == 1)
            await relay.close()
            assert relay.pair_count == 0
            assert sink.of("failed")[1][3] == "The relay was stopped."
            assert await read_to_end(reader) == b""
            await close(writer)

    asyncio.run(scenario())


def test_half_close_is_forwarded_and_the_last_answer_arrives() -> None:
    async def scenario() -> None:
        sink = Sink()
        async with echo_target(farewell=b"final answer\n") as target:
            relay = await started(TcpRelay(sink, HOST, target.port))
            reader, writer = await asyncio.open_connection(HOST, relay.port)
            writer.write(b"question\n")
            writer.write_eof()
            assert await read_to_end(reader) == b"question\nfinal answer\n"
            assert target.eofs == 1
            await until(lambda: sink.of("closed"))
            assert sink.of("closed")[0][2] == "The client closed the connection, then the target."
            await close(writer)
            await relay.close()

    asyncio.run(scenario())


def test_a_reset_closes_the_other_side_naming_the_side() -> None:
    async def reset_at_once(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.read(100)
        sock = writer.get_extra_info("socket")
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        writer.transport.abort()  # linger 0: the kernel answers with RST

    async def scenario() -> None:
        sink = Sink()
        async with serving(reset_at_once) as port:
            relay = await started(TcpRelay(sink, HOST, port))
            reader, writer = await asyncio.open_connection(HOST, relay.port)
            writer.write(b"hello")
            assert await read_to_end(reader) == b""
            await until(lambda: sink.of("closed"))
            assert (
                sink.of("closed")[0][2]
                == "On the target side: The connection was reset by the peer."
            )
            await close(writer)
            await relay.close()

    asyncio.run(scenario())


def test_a_client_that_never_reads_pauses_the_target_instead_of_buffering() -> None:
    payload = os.urandom(30 * 1024 * 1024)
    flooders: list[asyncio.StreamWriter] = []

    async def flood(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        flooders.append(writer)
        writer.write(payload)
        await writer.drain()
        await reader.read()
        writer.close()

    async def scenario() -> None:
        sink = Sink()
        async with serving(flood) as port:
            relay = await started(TcpRelay(sink, HOST, port))
            # A fixed receive buffer: the kernel cannot grow it (autotuning) while the client
            # does not read, so what the relay may still hand to the kernel is bounded and the
            # pause below is the relay's doing, not a moment of a growing window.
            client = socket.socket()
            client.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 256 * 1024)
            client.setblocking(False)
            await asyncio.get_running_loop().sock_connect(client, (HOST, relay.port))
            reader, writer = await asyncio.open_connection(sock=client)
            await until(relay.pair_ids)
            [pair_id] = relay.pair_ids()
            most = 0

            def sample() -> bool:
                nonlocal most
                info = relay.info(pair_id)
                assert info is not None
                most = max(most, info.pending_to_client)
                return not info.target_reading

            # The target is not read any more while the flood still waits on its side.
            await until(lambda: sample() and flooders[0].transport.get_write_buffer_size() > 0)
            for _ in range(50):
                await asyncio.sleep(0.01)
                assert sample()
            assert most < 3 * 1024 * 1024
            received = bytearray()
            while len(received) < len(payload):
                received += await reader.read(1024 * 1024)
                sample()
            assert received == payload
            assert most < 3 * 1024 * 1024
            info = relay.info(pair_id)
            assert info is not None and info.target_reading
            await close(writer)
            await until(lambda: sink.of("closed"))
            await relay.close()

    asyncio.run(scenario())


def test_the_write_cap_refuses_injection_and_a_closing_pair_does_not_wait_forever(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(relay_piping, "_LINGER", 0.2)

    async def scenario() -> None:
        sink = Sink()
        async with echo_target() as target:
            relay = await started(TcpRelay(sink, HOST, target.port))
            _, writer = await asyncio.open_connection(HOST, relay.port)  # never reads
            await until(relay.pair_ids)
            [pair_id] = relay.pair_ids()
            relay.inject(pair_id, CLIENT, bytes(30 * 1024 * 1024))  # more than the kernel takes
            with pytest.raises(NetError, match="is not reading"):
                relay.inject(pair_id, CLIENT, b"more")
            assert sink.of("injected") == [("injected", pair_id, CLIENT, bytes(30 * 1024 * 1024))]
            # Meanwhile the target is not read: nothing from it could be queued for the client.
            relay.inject(pair_id, TARGET, b"ping")
            await until(lambda: target.received == [bytearray(b"ping")])
            info = relay.info(pair_id)
            assert info is not None and not info.target_reading
            assert info.bytes_target_to_client == 0
            # Closing waits for the queued bytes, but not forever: the client is dropped after
            # the linger time.
            relay.close_pair(pair_id)
            await until(lambda: sink.of("closed"))
            assert sink.closed() == {pair_id: "Closed by the user."}
            assert relay.pair_count == 0
            await close(writer)
            await relay.close()

    asyncio.run(scenario())


def test_tls_toward_the_target(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(relay_piping, "_TLS_EOF_GRACE", 0.1)

    async def scenario() -> None:
        sink = Sink()
        tls = TlsClientOptions(verify=False)
        async with echo_target(context=server_context(TlsServerOptions())) as target:
            relay = await started(TcpRelay(sink, HOST, target.port, target_tls=tls))
            reader, writer = await asyncio.open_connection(HOST, relay.port)
            payload = os.urandom(300_000) + "加密的目标\n".encode()
            writer.write(payload)
            assert await read_exactly(reader, len(payload)) == payload
            [pair_id] = relay.pair_ids()
            assert sink.data(pair_id, TARGET) == payload
            assert target.received == [bytearray(payload)]
            # TLS cannot be half-closed: the target is closed after a short grace time.
            writer.write_eof()
            assert await read_to_end(reader) == b""
            await until(lambda: sink.of("closed"))
            assert sink.of("closed")[0][2] == "The client closed the connection."
            await close(writer)
            await relay.close()

    asyncio.run(scenario())


def test_tls_toward_the_target_that_does_not_speak_it() -> None:
    async def scenario() -> None:
        sink = Sink()
        tls = TlsClientOptions(verify=False)
        async with echo_target() as target:
            relay = await started(TcpRelay(sink, HOST, target.port, target_tls=tls))
            reader, writer = await asyncio.open_connection(HOST, relay.port)
            assert await read_to_end(reader) == b""
            [(_, _, _, reason)] = sink.of("failed")
            assert "TLS" in str(reason) or "server" in str(reason)
            await close(writer)
            await relay.close()

    asyncio.run(scenario())


def test_tls_toward_the_client() -> None:
    async def scenario() -> None:
        sink = Sink()
        async with echo_target() as target:
            relay = TcpRelay(sink, HOST, target.port)
            await started(relay, TlsServerOptions())
            tls = unverified()
            reader, writer = await asyncio.open_connection(HOST, relay.port, ssl=tls)
            writer.write("客户端用 TLS\n".encode())
            assert await read_exactly(reader, 17) == "客户端用 TLS\n".encode()
            assert target.received == [bytearray("客户端用 TLS\n".encode())]
            await close(writer)  # close_notify: the TLS client's EOF ends the pair
            await until(lambda: sink.of("closed"))
            assert sink.of("closed")[0][2] == "The client closed the connection."
            # A client that does not speak TLS is refused with a sentence.
            reader, writer = await asyncio.open_connection(HOST, relay.port)
            writer.write(b"GET / HTTP/1.1\r\n\r\n")
            assert await read_to_end(reader) == b""
            await until(lambda: sink.of("failed"))
            assert sink.of("failed")[0][3] == "The client does not speak TLS on this port."
            await close(writer)
            await relay.close()

    asyncio.run(scenario())


def test_max_pairs_refuses_the_extra_client() -> None:
    async def scenario() -> None:
        sink = Sink()
        async with echo_target() as target:
            relay = await started(TcpRelay(sink, HOST, target.port, max_pairs=1))
            first = await asyncio.open_connection(HOST, relay.port)
            await until(lambda: sink.of("opened"))
            second = await asyncio.open_connection(HOST, relay.port)
            assert await read_to_end(second[0]) == b""
            [(_, _, peer, reason)] = sink.of("failed")
            assert reason == f"Refused {peer}: the limit of 1 pair is reached."
            first[1].write(b"still fine")
            assert await read_exactly(first[0], 10) == b"still fine"
            assert relay.pair_count == 1
            await close(second[1])
            await close(first[1])
            await relay.close()

    asyncio.run(scenario())


def test_close_pair_and_close_leave_nothing() -> None:
    async def scenario() -> None:
        sink = Sink()
        async with echo_target() as target:
            relay = await started(TcpRelay(sink, HOST, target.port))
            clients = [await asyncio.open_connection(HOST, relay.port) for _ in range(4)]
            await until(lambda: len(sink.of("opened")) == 4)
            first = relay.pair_ids()[0]
            assert relay.close_pair(first)
            assert await read_to_end(clients[0][0]) == b""
            await until(lambda: sink.of("closed"))
            assert sink.closed() == {first: "Closed by the user."}
            assert not relay.close_pair(first)
            await relay.close()
            assert relay.pair_count == 0 and relay.pair_ids() == []
            closed = sink.closed()
            assert closed == {first: "Closed by the user."} | {
                pair_id: "The relay was stopped." for pair_id in sink.opened_ids()[1:]
            }
            for reader, writer in clients:
                assert await read_to_end(reader) == b""
                await close(writer)
            with pytest.raises(OSError):
                await asyncio.open_connection(HOST, relay.port)

    asyncio.run(scenario())
