"""The self-test's checks: the app's own engines against each other, on loopback only.

Each check is a coroutine that returns when its round trip came back right and raises
``CheckFailed`` (or the engine's own typed error) with a sentence when not. ``self_test.py``
runs them, each under its own time limit.
"""

from __future__ import annotations

import asyncio
import socket
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from desktop.core.errors import SocketDeskError
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence

__all__ = ["CHECKS", "CONNECT_LIMIT_S", "LOOPBACK", "CheckFailed"]

LOOPBACK = "127.0.0.1"
CONNECT_LIMIT_S = 10.0  # a connect inside a check (the check's own limit bounds it too)
_PAYLOAD = bytes(range(256)) * 64  # 16 KiB: every byte value, several reads on a stream


class CheckFailed(SocketDeskError):
    """A check's round trip came back wrong (the sentence says how)."""


def _differs(sent: bytes, received: bytes) -> CheckFailed:
    """What a wrong echo says: where it first differed, or how long it was."""
    for index, (a, b) in enumerate(zip(sent, received, strict=False)):
        if a != b:
            return CheckFailed(
                sentence(
                    QT_TRANSLATE_NOOP(
                        "core", "The echo differed from what was sent at byte {index}."
                    ),
                    index=index,
                )
            )
    return CheckFailed(
        sentence(
            QT_TRANSLATE_NOOP("core", "{received} bytes came back for {sent} sent."),
            received=len(received),
            sent=len(sent),
        )
    )


# -- checks -------------------------------------------------------------------------------------
class _Collect:
    """A sink for a TCP client / server / UDP endpoint that keeps what arrived."""

    def __init__(self) -> None:
        self.data = bytearray()
        self.changed = asyncio.Event()
        self.closed: Sentence | None = None

    # TcpClientSink
    def on_connected(self, local: str, peer: str) -> None:
        del local, peer

    def on_data(self, data: memoryview) -> None:
        self.data += data
        self.changed.set()

    def on_closed(self, reason: Sentence) -> None:
        self.closed = reason
        self.changed.set()

    # TcpServerSink
    def on_client_connected(self, client_id: int, peer: str) -> None:
        del client_id, peer

    def on_client_data(self, client_id: int, data: memoryview) -> None:
        del client_id, data

    def on_client_sent(self, client_id: int, data: bytes) -> None:
        del client_id, data

    def on_client_closed(self, client_id: int, reason: Sentence) -> None:
        del client_id, reason

    def on_client_rejected(self, peer: str, reason: Sentence) -> None:
        del peer
        self.closed = reason

    # UdpSink
    def on_datagrams(self, datagrams: list[Any], replies: list[Any]) -> None:
        del replies
        for datagram in datagrams:
            self.data += datagram.data
        self.changed.set()

    def on_udp_error(self, error: SocketDeskError) -> None:
        raise error

    async def until(self, size: int) -> bytes:
        """The first ``size`` bytes received (fails if the peer closes first)."""
        while len(self.data) < size:
            if self.closed is not None:
                raise CheckFailed(
                    sentence(
                        QT_TRANSLATE_NOOP(
                            "core", "The connection closed after {count} bytes: {reason}"
                        ),
                        count=len(self.data),
                        reason=self.closed,
                    )
                )
            self.changed.clear()
            await self.changed.wait()
        return bytes(self.data[:size])


async def _tcp_round_trip(tls_folder: Path | None) -> None:
    from desktop.core.net.tcp_client import TcpClient  # noqa: PLC0415 (the check's own engines)
    from desktop.core.net.tcp_server import ServerMode, TcpServer  # noqa: PLC0415
    from desktop.core.net.tls import TlsClientOptions, TlsServerOptions  # noqa: PLC0415

    server_tls = client_tls = None
    if tls_folder is not None:
        cert, key = _write_identity(tls_folder)
        server_tls = TlsServerOptions(cert_file=str(cert), key_file=str(key))
        client_tls = TlsClientOptions(verify=True, ca_file=str(cert))
    server = TcpServer(_Collect(), ServerMode.ECHO)
    await server.start(LOOPBACK, 0, tls=server_tls)
    sink = _Collect()
    client = TcpClient(sink)
    try:
        await client.connect(LOOPBACK, server.port, timeout=CONNECT_LIMIT_S, tls=client_tls)
        if client_tls is not None and not (client.tls_info and client.tls_info.verified):
            outcome = client.tls_info.outcome if client.tls_info else None
            raise CheckFailed(
                outcome or sentence(QT_TRANSLATE_NOOP("core", "No TLS session was reported."))
            )
        client.send(_PAYLOAD)
        received = await sink.until(len(_PAYLOAD))
        if received != _PAYLOAD:
            raise _differs(_PAYLOAD, received)
    finally:
        client.abort()
        await server.close()


async def check_tcp() -> None:
    """The TCP server in echo mode and the TCP client: 16 KiB there and back."""
    await _tcp_round_trip(None)


async def check_tls() -> None:
    """A certificate made now, trusted by the client alone: handshake, verify, echo."""
    with tempfile.TemporaryDirectory(prefix="socketdesk-selftest-") as folder:
        await _tcp_round_trip(Path(folder))


def _write_identity(folder: Path) -> tuple[Path, Path]:
    """A fresh self-signed certificate for 127.0.0.1 (``ssl`` loads only files: a private
    temporary folder holds them for the check's length)."""
    from desktop.core.net.certs import generate_self_signed  # noqa: PLC0415 (cryptography)

    cert_pem, key_pem = generate_self_signed("SocketDesk self-test", (LOOPBACK,), days=1)
    cert, key = folder / "cert.pem", folder / "key.pem"
    key.touch(mode=0o600)
    key.write_bytes(key_pem)
    cert.write_bytes(cert_pem)
    return cert, key


async def check_udp() -> None:
    """One UDP endpoint echoing, another sending three datagrams to it."""
    from desktop.core.net.udp import UdpEndpoint, UdpOptions  # noqa: PLC0415
    from desktop.core.net.udp_socket import BindOptions  # noqa: PLC0415

    echo = UdpEndpoint(_Collect())
    sink = _Collect()
    sender = UdpEndpoint(sink)
    datagrams = [_PAYLOAD[i : i + 1000] for i in (0, 1000, 2000)]
    try:
        await echo.open(UdpOptions(bind=BindOptions(host=LOOPBACK), echo=True))
        port = int(echo.local.rsplit(":", 1)[1])
        await sender.open(UdpOptions(bind=BindOptions(host=LOOPBACK), peer=(LOOPBACK, port)))
        for datagram in datagrams:
            sender.send(datagram)
        expected = b"".join(datagrams)
        received = await sink.until(len(expected))  # loopback neither loses nor reorders
        if received != expected:
            raise _differs(expected, received)
    finally:
        sender.close()
        echo.close()


async def check_messenger() -> None:
    """Two IP Messenger nodes on loopback (each other's only target): meet, talk, acknowledge."""
    from desktop.core.ipmsg.events import (  # noqa: PLC0415
        Event,
        MessageDelivered,
        MessageReceived,
        PeerJoined,
    )
    from desktop.core.ipmsg.identity import Identity  # noqa: PLC0415
    from desktop.core.ipmsg.node_settings import NodeSettings  # noqa: PLC0415
    from desktop.core.ipmsg_io.engine import MessengerEngine, open_udp  # noqa: PLC0415

    class Events:
        def __init__(self) -> None:
            self.events: list[Event] = []
            self.changed = asyncio.Event()

        def on_event(self, event: Event) -> None:
            self.events.append(event)
            self.changed.set()

        async def first(self, wanted: Callable[[Event], bool]) -> Event:
            while True:
                for event in self.events:
                    if wanted(event):
                        return event
                self.changed.clear()
                await self.changed.wait()

    # Two free ports: each engine must know the other's before it starts (its only target).
    # Free for TCP too: each engine's file server listens on its UDP port's number.
    probes = [socket.create_server((LOOPBACK, 0)) for _ in range(2)]
    port_a, port_b = (int(p.getsockname()[1]) for p in probes)
    udp = [open_udp(LOOPBACK, port) for port in (port_a, port_b)]
    for probe in (*probes, *udp):
        probe.close()
    events_a, events_b = Events(), Events()
    text = "SocketDesk self-test 自检 ✓"

    def node(name: str, port: int, peer_port: int, sink: Events) -> MessengerEngine:
        settings = NodeSettings(port=port, targets=((LOOPBACK, peer_port),), entry_answer_delay=0.0)
        return MessengerEngine(Identity(name, "selftest"), settings, sink, bind=LOOPBACK)

    a = node("alice", port_a, port_b, events_a)
    b = node("bob", port_b, port_a, events_b)
    try:
        await b.start()
        await a.start()
        joined = await events_a.first(lambda e: isinstance(e, PeerJoined))
        assert isinstance(joined, PeerJoined)
        message_id = a.send_text(joined.peer.key, text)
        received = await events_b.first(lambda e: isinstance(e, MessageReceived))
        assert isinstance(received, MessageReceived)
        if received.text != text:
            raise CheckFailed(
                sentence(
                    QT_TRANSLATE_NOOP("core", "The message arrived as {got!r}, not {sent!r}."),
                    got=received.text,
                    sent=text,
                )
            )
        await events_a.first(lambda e: e == MessageDelivered(message_id))
    finally:
        await a.close()
        await b.close()


async def check_http() -> None:
    """The HTTP composer's engine against a small HTTP/1.1 server on loopback."""
    from desktop.core.http.exchange import HttpTarget, exchange  # noqa: PLC0415

    body = b"SocketDesk self-test\n"

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            await reader.readuntil(b"\r\n\r\n")
            writer.write(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
                + f"Content-Length: {len(body)}\r\n\r\n".encode()
                + body
            )
            await writer.drain()
        finally:
            writer.close()

    server = await asyncio.start_server(serve, LOOPBACK, 0)
    try:
        port = server.sockets[0].getsockname()[1]
        request = f"GET /self-test HTTP/1.1\r\nHost: {LOOPBACK}:{port}\r\n\r\n".encode()
        target = HttpTarget(LOOPBACK, port, connect_timeout=CONNECT_LIMIT_S)
        result = await exchange(target, [request])
        if result.error is not None:
            raise CheckFailed(result.error)
        responses = result.responses
        got = responses[0].body if responses else b""
        status = responses[0].status if responses else None
        if status != 200 or got != body:
            raise CheckFailed(
                sentence(
                    QT_TRANSLATE_NOOP(
                        "core", "The server answered status {status} with {size} bytes of body."
                    ),
                    status=status,
                    size=len(got),
                )
            )
        if result.connection is not None:
            result.connection.close()
    finally:
        server.close()
        await server.wait_closed()


CHECKS: tuple[tuple[str, Callable[[], Awaitable[None]]], ...] = (
    ("tcp-echo", check_tcp),
    ("udp-echo", check_udp),
    ("messenger", check_messenger),
    ("http", check_http),
    ("tls", check_tls),
)


# -- running --------------------------------------------------------------------------------------
