"""The one connect path: the same failure reads the same through every engine that connects.

One table over the TCP client, the relay's target side and the HTTP exchange, on loopback: a
refused port, a port that never answers, a name that cannot exist. Plus the one mapping from OS
errors to typed errors, by errno.
"""

from __future__ import annotations

import asyncio
import errno
import socket
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext

import pytest

from desktop.core import event_loop
from desktop.core.errors import (
    ConnectError,
    ConnectRefused,
    ConnectTimeout,
    SocketDeskError,
    UnknownHost,
)
from desktop.core.event_loop import LoopKind
from desktop.core.http.exchange import HttpTarget, exchange
from desktop.core.net import connect as connect_module
from desktop.core.net.connect import connect_error
from desktop.core.net.relay import RelaySide, TcpRelay
from desktop.core.net.tcp_client import TcpClient
from desktop.core.net.tls import TlsSessionInfo
from desktop.core.sentence import Sentence
from tests.helpers.servers import closed_port, unresponsive_port

HOST = "127.0.0.1"
TIMEOUT = 0.3


class ClientSink:
    def on_connected(self, local: str, peer: str) -> None:
        pass

    def on_data(self, data: memoryview) -> None:
        pass

    def on_closed(self, reason: Sentence) -> None:
        pass


class RelaySink:
    def __init__(self) -> None:
        self.failed: asyncio.Future[str] = asyncio.get_running_loop().create_future()

    def on_pair_opened(self, pair_id: int, client_peer: str, target_peer: str) -> None:
        pass

    def on_pair_failed(self, pair_id: int, client_peer: str, reason: Sentence) -> None:
        if not self.failed.done():
            self.failed.set_result(str(reason))

    def on_target_tls(self, pair_id: int, session: TlsSessionInfo) -> None:
        pass

    def on_data(self, pair_id: int, from_side: RelaySide, data: memoryview) -> None:
        pass

    def on_injected(self, pair_id: int, to_side: RelaySide, data: bytes) -> None:
        pass

    def on_pair_closed(self, pair_id: int, reason: Sentence) -> None:
        pass


async def through_client(host: str, port: int) -> SocketDeskError:
    with pytest.raises(SocketDeskError) as caught:
        await TcpClient(ClientSink()).connect(host, port, timeout=TIMEOUT)
    return caught.value


async def through_http(host: str, port: int) -> SocketDeskError:
    result = await exchange(
        HttpTarget(host, port, connect_timeout=TIMEOUT), [b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"]
    )
    assert result.failure is not None
    assert result.failure is not None and result.error == result.failure.sentence
    return result.failure


async def through_relay(host: str, port: int) -> str:
    sink = RelaySink()
    relay = TcpRelay(sink, host, port, connect_timeout=TIMEOUT)
    await relay.start(HOST, 0)
    try:
        _, writer = await asyncio.open_connection(HOST, relay.port)
        try:
            return await asyncio.wait_for(sink.failed, 10)
        finally:
            writer.close()
    finally:
        await relay.close()


@contextmanager
def refused() -> Iterator[tuple[str, int]]:
    yield HOST, closed_port()


@contextmanager
def silent() -> Iterator[tuple[str, int]]:
    with unresponsive_port() as port:
        yield HOST, port


def unknown() -> AbstractContextManager[tuple[str, int]]:
    return nullcontext(("nowhere.invalid", 80))


@pytest.mark.parametrize(
    ("target", "kind", "words"),
    [
        (refused, ConnectRefused, "the connection was refused (is a server listening there?)"),
        (silent, ConnectTimeout, f"no answer within {TIMEOUT:g} s"),
        (unknown, UnknownHost, "the host name is unknown (names under .invalid never exist)"),
    ],
    ids=["refused", "timeout", "unknown-host"],
)
def test_the_same_failure_reads_the_same_through_every_engine(
    target: Callable[[], AbstractContextManager[tuple[str, int]]],
    kind: type[ConnectError],
    words: str,
) -> None:
    async def scenario() -> tuple[SocketDeskError, SocketDeskError, str]:
        with target() as (host, port):
            return (
                await through_client(host, port),
                await through_http(host, port),
                await through_relay(host, port),
            )

    client, http, relay = asyncio.run(scenario())
    assert type(client) is type(http) is kind
    assert client.sentence == http.sentence
    assert str(client) == str(http) == relay
    assert words in str(client)


@pytest.mark.parametrize(
    ("errors", "kind", "text"),
    [
        ([ConnectionRefusedError(errno.ECONNREFUSED, "x")], ConnectRefused, "refused"),
        (
            [OSError(errno.EADDRINUSE, "Address already in use")],
            ConnectError,
            "the local address is already in use",
        ),
        (
            [OSError(errno.EADDRNOTAVAIL, "x")],
            ConnectError,
            "the local address is not an address of this machine",
        ),
        ([OSError(errno.ENETUNREACH, "x")], ConnectError, "the network is unreachable"),
        ([OSError(errno.EHOSTUNREACH, "x")], ConnectError, "the host is unreachable"),
        # One address refused, the other unreachable: not "refused", the network is at fault.
        (
            [ConnectionRefusedError(errno.ECONNREFUSED, "x"), OSError(errno.ENETUNREACH, "x")],
            ConnectError,
            "the network is unreachable",
        ),
        ([OSError(errno.EIO, "Input/output error")], ConnectError, "input/output error"),
        ([], ConnectError, "the host has no address"),
    ],
)
def test_one_mapping_from_os_errors(errors: list[OSError], kind: type, text: str) -> None:
    error = connect_error("example.test", 7, errors)
    assert type(error) is kind
    assert text in str(error)
    assert str(error).startswith("Could not connect to example.test:7: ")


def test_local_address_not_of_this_machine() -> None:
    """Binding first goes through the same mapping (192.0.2.1 is TEST-NET-1: never ours)."""

    async def scenario() -> None:
        client = TcpClient(ClientSink())
        with pytest.raises(ConnectError, match="not an address of this machine"):
            await client.connect(HOST, closed_port(), local_addr=("192.0.2.1", 0))

    asyncio.run(scenario())


@pytest.mark.parametrize("kind", ["asyncio", "uvloop"])
def test_an_ip_literal_is_not_looked_up(monkeypatch: pytest.MonkeyPatch, kind: LoopKind) -> None:
    """Not by us, and not by the loop either: uvloop's ``sock_connect`` looks every address up
    again through its thread pool (a hand-off per connection, profiled in #15). And a connect
    on loopback, done within the call, is not waited for through the loop."""

    async def no_lookup(*args: object, **kwargs: object) -> object:
        raise AssertionError("an IP literal was looked up")

    def no_wait(*args: object, **kwargs: object) -> None:
        raise AssertionError("a finished connect was waited for")

    monkeypatch.setattr(asyncio.BaseEventLoop, "getaddrinfo", no_lookup)
    monkeypatch.setattr(asyncio.selector_events.BaseSelectorEventLoop, "add_writer", no_wait)
    monkeypatch.setattr(asyncio.selector_events.BaseSelectorEventLoop, "_add_writer", no_wait)
    if kind == "uvloop":
        uvloop = pytest.importorskip("uvloop")
        monkeypatch.setattr(uvloop.Loop, "getaddrinfo", no_lookup)
        monkeypatch.setattr(uvloop.Loop, "add_writer", no_wait)

    async def scenario() -> None:
        listener = socket.create_server((HOST, 0))
        try:
            client = TcpClient(ClientSink())
            await client.connect(HOST, listener.getsockname()[1])
            assert client.connected
            client.abort()
        finally:
            listener.close()

    event_loop.run(scenario(), kind)


@pytest.mark.parametrize("kind", ["asyncio", "uvloop"])
def test_a_connect_still_under_way_is_waited_for_through_the_loop(
    monkeypatch: pytest.MonkeyPatch, kind: LoopKind
) -> None:
    """Off loopback a connect takes a round trip: the socket is then watched by the loop until
    it is writable (here forced, as loopback finishes within the call), and the stream that
    follows works on both loops; a refused one reads as refused."""
    monkeypatch.setattr(connect_module, "_poll_once", lambda fd: False)

    async def scenario() -> None:
        listener = socket.create_server((HOST, 0))
        try:
            client = TcpClient(ClientSink())
            await client.connect(HOST, listener.getsockname()[1])
            assert client.connected
            peer, _ = await asyncio.get_running_loop().sock_accept(listener)
            with peer:
                client.send(b"over the waited-for connection")
                peer.setblocking(False)
                got = await asyncio.get_running_loop().sock_recv(peer, 100)
                assert got == b"over the waited-for connection"
            client.abort()
        finally:
            listener.close()
        assert type(await through_client(HOST, closed_port())) is ConnectRefused

    event_loop.run(scenario(), kind)
