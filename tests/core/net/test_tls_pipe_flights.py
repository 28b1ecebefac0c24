"""The TLS pipe's last handshake flight (#15): the client's Finished goes out with the first
request, in one write to the socket (one send, one wake-up of the server), on both loops.

The server is pyOpenSSL over memory BIOs and the plain transport a recorder, so every write
the pipe makes is seen as made.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import pytest
from OpenSSL import SSL

from desktop.core import event_loop
from desktop.core.event_loop import LoopKind
from desktop.core.net import tls_chain
from desktop.core.net.certs import generate_self_signed
from desktop.core.net.tls import TlsClientOptions
from desktop.core.net.tls_client import client_context
from desktop.core.net.tls_pipe import TlsPipe

REQUEST = b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"


class Recorder(asyncio.Transport):
    """A plain transport that keeps every write."""

    def __init__(self) -> None:
        super().__init__()
        self.writes: list[bytes] = []
        self.aborted = False

    def write(self, data: bytes | bytearray | memoryview) -> None:
        self.writes.append(bytes(data))

    def is_closing(self) -> bool:
        return self.aborted

    def abort(self) -> None:
        self.aborted = True

    def close(self) -> None:
        self.aborted = True


class App(asyncio.Protocol):
    def __init__(self) -> None:
        self.data = b""

    def data_received(self, data: bytes) -> None:
        self.data += data


def _server(folder: Path) -> SSL.Connection:
    cert, key = generate_self_signed("localhost", ("localhost",))
    (folder / "cert.pem").write_bytes(cert)
    (folder / "key.pem").write_bytes(key)
    context = SSL.Context(SSL.TLS_SERVER_METHOD)
    context.use_certificate_chain_file(str(folder / "cert.pem"))
    context.use_privatekey_file(str(folder / "key.pem"))
    server = SSL.Connection(context, None)
    server.set_accept_state()
    return server


def _to_server(server: SSL.Connection, data: bytes) -> bytes:
    """Feed the server what the client wrote; what it answers."""
    if data:
        server.bio_write(data)
        with contextlib.suppress(SSL.WantReadError):
            server.do_handshake()
    out = b""
    while True:
        try:
            out += server.bio_read(65536)
        except SSL.WantReadError:
            return out


async def _shaken(server: SSL.Connection) -> tuple[TlsPipe, Recorder]:
    client = SSL.Connection(client_context(TlsClientOptions(verify=False)), None)
    client.set_app_data(tls_chain.HandshakeRecorder())
    pipe, raw = TlsPipe(client), Recorder()
    pipe.connection_made(raw)
    assert len(raw.writes) == 1  # the ClientHello
    pipe.data_received(_to_server(server, raw.writes[0]))
    await pipe.handshake()
    return pipe, raw


def _run(kind: LoopKind, scenario: Callable[[], Coroutine[Any, Any, None]]) -> None:
    event_loop.run(scenario(), kind)


@pytest.mark.parametrize("kind", ["asyncio", "uvloop"])
def test_the_finished_message_goes_out_with_the_first_request(
    tmp_path: Path, kind: LoopKind
) -> None:
    server = _server(tmp_path)

    async def scenario() -> None:
        pipe, raw = await _shaken(server)
        pipe.attach(App())
        pipe.transport.write(REQUEST)
        assert len(raw.writes) == 2  # the ClientHello, then the Finished and the request at once
        _to_server(server, raw.writes[1])
        assert server.get_protocol_version_name() == "TLSv1.3"
        assert server.recv(1024) == REQUEST

    _run(kind, scenario)


@pytest.mark.parametrize("kind", ["asyncio", "uvloop"])
def test_the_finished_message_goes_out_alone_when_nothing_is_written(
    tmp_path: Path, kind: LoopKind
) -> None:
    server = _server(tmp_path)

    async def scenario() -> None:
        pipe, raw = await _shaken(server)
        pipe.attach(App())
        assert len(raw.writes) == 1  # held back for this turn of the loop
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        assert len(raw.writes) == 2
        tickets = _to_server(server, raw.writes[1])  # the server's handshake ends here
        server.send(b"hello")
        pipe.data_received(tickets + _to_server(server, b""))
        app = pipe._app
        assert isinstance(app, App) and app.data == b"hello"

    _run(kind, scenario)


@pytest.mark.parametrize("kind", ["asyncio", "uvloop"])
def test_an_abort_still_sends_the_finished_message_first(tmp_path: Path, kind: LoopKind) -> None:
    """As before: a rejected server gets our Finished, then the connection is dropped."""
    server = _server(tmp_path)

    async def scenario() -> None:
        pipe, raw = await _shaken(server)
        pipe.abort()
        assert raw.aborted
        assert len(raw.writes) == 2
        _to_server(server, raw.writes[1])
        assert server.get_peer_finished() is not None  # the client's Finished arrived

    _run(kind, scenario)
