"""The TCP client's and the relay's TLS, on the real engines, against ``openssl s_server``.

The server sends leaf + intermediate of a test PKI (``tests/peers/openssl_server.py``): the
whole chain must reach the engine, with the verification outcome, verification on or off; an
expired leaf and a leaf for another name fail verification with a sentence (and with
verification off, connect and say what would have failed). SNI carries an IP address only when
asked to.
"""

from __future__ import annotations

import asyncio
import ssl
from pathlib import Path

import pytest

from desktop.core.errors import TlsError
from desktop.core.net.relay import RelaySide, TcpRelay
from desktop.core.net.tcp_client import TcpClient
from desktop.core.net.tls import TlsClientOptions, TlsServerOptions, TlsSessionInfo, server_context
from desktop.core.net.tls_chain import CertificateRejected
from desktop.core.sentence import Sentence
from tests.peers.openssl_server import Pki, make_pki, running_s_server

HOST = "127.0.0.1"


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("pki"))


class Sink:
    def __init__(self) -> None:
        self.connected: list[tuple[str, str]] = []

    def on_connected(self, local: str, peer: str) -> None:
        self.connected.append((local, peer))

    def on_data(self, data: memoryview) -> None:
        pass

    def on_closed(self, reason: Sentence) -> None:
        pass


async def session_of(port: int, options: TlsClientOptions) -> TlsSessionInfo:
    client = TcpClient(Sink())
    await client.connect(HOST, port, timeout=10, tls=options)
    try:
        assert client.connected and client.tls_info is not None
        return client.tls_info
    finally:
        client.abort()


async def rejected(port: int, options: TlsClientOptions) -> CertificateRejected:
    sink = Sink()
    client = TcpClient(sink)
    with pytest.raises(CertificateRejected) as caught:
        await client.connect(HOST, port, timeout=10, tls=options)
    assert sink.connected == [] and not client.connected  # never reported as connected
    return caught.value


def subjects(info: TlsSessionInfo) -> list[str]:
    return [cert.subject for cert in info.peer_chain]


def test_the_whole_chain_verified(tmp_path: Path, pki: Pki) -> None:
    trusting = TlsClientOptions(ca_file=str(pki.root), server_name="localhost")
    with running_s_server(tmp_path, pki.leaf, pki.leaf_key, chain=pki.intermediate) as server:
        info = asyncio.run(session_of(server.port, trusting))
    assert len(info.peer_chain) == 2  # leaf and intermediate, as sent
    assert info.verified is True and info.verify_problems == ()
    assert info.verify_summary == "Verification: the chain and the name are trusted."
    assert info.server_name_sent == "localhost"
    assert len(info.verified_chain) == 3  # up to the root from the trust store


def test_the_whole_chain_with_verification_off(tmp_path: Path, pki: Pki) -> None:
    """Python's ``ssl`` gave nothing but the leaf here; the chain and outcome must show."""
    with running_s_server(tmp_path, pki.leaf, pki.leaf_key, chain=pki.intermediate) as server:
        info = asyncio.run(session_of(server.port, TlsClientOptions(verify=False)))
    assert len(info.peer_chain) == 2
    assert info.peer_chain[1].subject == info.peer_chain[0].issuer
    assert info.verified is False and not info.verification_required
    assert info.verify_summary.startswith("Verification is off; it would have failed: ")


def test_expired_leaf(tmp_path: Path, pki: Pki) -> None:
    on = TlsClientOptions(ca_file=str(pki.root), server_name="localhost")
    with running_s_server(tmp_path, pki.expired, pki.expired_key, chain=pki.intermediate) as srv:
        error = asyncio.run(rejected(srv.port, on))
        off = asyncio.run(
            session_of(srv.port, TlsClientOptions(verify=False, ca_file=str(pki.root)))
        )
    assert str(error).startswith("The server's certificate has expired")
    assert len(error.session.peer_chain) == 2
    assert [p.code for p in error.session.verify_problems] == [10]
    assert error.session.verification_required
    assert [p.code for p in off.verify_problems] == [10]
    assert off.verify_summary.startswith("Verification is off; it would have failed: ")
    assert "certificate has expired" in off.verify_summary


def test_leaf_for_another_name(tmp_path: Path, pki: Pki) -> None:
    on = TlsClientOptions(ca_file=str(pki.root), server_name="localhost")
    with running_s_server(
        tmp_path, pki.other_name, pki.other_name_key, chain=pki.intermediate
    ) as srv:
        error = asyncio.run(rejected(srv.port, on))
        off = asyncio.run(
            session_of(srv.port, TlsClientOptions(verify=False, ca_file=str(pki.root)))
        )
    assert "hostname mismatch" in str(error) or "IP address mismatch" in str(error)
    assert "is for another" in str(error)
    assert [p.code for p in error.session.verify_problems] == [62]
    assert [p.code for p in off.verify_problems] == [64]  # 127.0.0.1 is not in it either


def test_self_signed_leaf(tmp_path: Path, pki: Pki) -> None:
    with running_s_server(tmp_path, pki.self_signed, pki.self_signed_key) as srv:
        error = asyncio.run(rejected(srv.port, TlsClientOptions()))
    assert str(error).startswith("The server's certificate is self-signed")
    assert len(error.session.peer_chain) == 1


def test_sni_for_an_address_only_on_request(pki: Pki, tmp_path: Path) -> None:
    context = server_context(TlsServerOptions(cert_file=str(pki.leaf), key_file=str(pki.leaf_key)))
    names: list[str | None] = []

    def record(_obj: ssl.SSLObject, name: str | None, _context: ssl.SSLContext) -> None:
        names.append(name)

    context.sni_callback = record

    async def scenario() -> list[TlsSessionInfo]:
        async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            await reader.read()
            writer.close()

        server = await asyncio.start_server(handle, HOST, 0, ssl=context)
        port = server.sockets[0].getsockname()[1]
        try:
            return [
                await session_of(port, TlsClientOptions(verify=False)),
                await session_of(port, TlsClientOptions(verify=False, sni_for_addresses=True)),
            ]
        finally:
            server.close()

    plain, asked = asyncio.run(scenario())
    assert names == [None, HOST]
    assert plain.server_name_sent is None
    assert asked.server_name_sent == HOST
    assert asked.verified is False  # verification off: the outcome is still computed


class RelaySink:
    def __init__(self) -> None:
        self.sessions: list[TlsSessionInfo] = []
        self.failed: list[str] = []
        self.opened: list[int] = []

    def on_pair_opened(self, pair_id: int, client_peer: str, target_peer: str) -> None:
        self.opened.append(pair_id)

    def on_pair_failed(self, pair_id: int, client_peer: str, reason: Sentence) -> None:
        self.failed.append(str(reason))

    def on_target_tls(self, pair_id: int, session: TlsSessionInfo) -> None:
        self.sessions.append(session)

    def on_data(self, pair_id: int, from_side: RelaySide, data: memoryview) -> None:
        pass

    def on_injected(self, pair_id: int, to_side: RelaySide, data: bytes) -> None:
        pass

    def on_pair_closed(self, pair_id: int, reason: Sentence) -> None:
        pass


async def through_relay(port: int, options: TlsClientOptions) -> RelaySink:
    sink = RelaySink()
    relay = TcpRelay(sink, HOST, port, target_tls=options)
    await relay.start(HOST, 0)
    try:
        reader, writer = await asyncio.open_connection(HOST, relay.port)
        if options.verify:
            assert await asyncio.wait_for(reader.read(), 10) == b""  # closed: no pair
        else:
            writer.write(b"GET / HTTP/1.0\r\n\r\n")
            assert (await asyncio.wait_for(reader.read(), 10)).startswith(b"HTTP/1.0 200")
        writer.close()
    finally:
        await relay.close()
    return sink


def test_relay_target_side_reports_the_chain_and_outcome(tmp_path: Path, pki: Pki) -> None:
    on = TlsClientOptions(ca_file=str(pki.root), server_name="localhost")
    with running_s_server(tmp_path, pki.expired, pki.expired_key, chain=pki.intermediate) as srv:
        off_sink = asyncio.run(through_relay(srv.port, TlsClientOptions(verify=False)))
        on_sink = asyncio.run(through_relay(srv.port, on))
    [off] = off_sink.sessions
    assert len(off.peer_chain) == 2 and off.verified is False and off_sink.opened
    [refused] = on_sink.sessions
    assert len(refused.peer_chain) == 2 and refused.verification_required
    [reason] = on_sink.failed
    assert reason.startswith("The server's certificate has expired")
    assert not on_sink.opened


def test_a_bad_ca_file_is_a_sentence_before_connecting(tmp_path: Path) -> None:
    missing = tmp_path / "nope.pem"
    with pytest.raises(TlsError, match="does not exist"):
        asyncio.run(session_of(1, TlsClientOptions(ca_file=str(missing))))
