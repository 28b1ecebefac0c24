"""TLS details of an exchange against ``openssl s_server``: the whole chain the server sent and
the verification outcome (with verification on or off), SNI for addresses, legacy TLS 1.0."""

from __future__ import annotations

import asyncio
import hashlib
import shutil
import socket
import ssl
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from OpenSSL import SSL, crypto

from desktop.core.http.exchange import ExchangeResult, HttpTarget, exchange
from desktop.core.net.connection import StreamConnection
from desktop.core.net.tls import TlsClientOptions
from desktop.core.net.tls_chain import HandshakeRecorder, openssl_client_context
from desktop.core.net.tls_pipe import TlsPipe
from tests.helpers.servers import sender_server
from tests.helpers.strict import require
from tests.peers.openssl_server import OPENSSL, Pki, make_pki, running_s_server

GET = b"GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    require(shutil.which(OPENSSL) is not None, "openssl is not installed")
    return make_pki(tmp_path_factory.mktemp("pki"))


def send(host: str, port: int, options: TlsClientOptions, request: bytes = GET) -> ExchangeResult:
    async def main() -> ExchangeResult:
        target = HttpTarget(host, port, tls=options, connect_timeout=5, read_timeout=5)
        result = await exchange(target, [request])
        if result.connection is not None:
            result.connection.close()
        await asyncio.sleep(0.01)
        return result

    return asyncio.run(main())


def fingerprint(pem: Path) -> str:
    der = x509.load_pem_x509_certificate(pem.read_bytes()).public_bytes(serialization.Encoding.DER)
    return ":".join(f"{b:02X}" for b in hashlib.sha256(der).digest())


@pytest.fixture(scope="module")
def chain_server(pki: Pki, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    folder = tmp_path_factory.mktemp("s_server")
    with running_s_server(folder, pki.leaf, pki.leaf_key, chain=pki.intermediate) as server:
        yield server.host, server.port


def test_verify_off_shows_every_certificate_the_server_sent(
    pki: Pki, chain_server: tuple[str, int]
) -> None:
    result = send(*chain_server, TlsClientOptions(verify=False))
    assert result.error is None and b"s_server" in result.reader.raw
    info = result.tls_info
    assert info is not None
    assert [cert.sha256 for cert in info.peer_chain] == [
        fingerprint(pki.leaf),
        fingerprint(pki.intermediate),
    ]
    leaf, issuer = info.peer_chain
    assert leaf.subject == "CN=localhost" and leaf.issuer == "CN=SocketDesk Test Intermediate"
    assert issuer.issuer == "CN=SocketDesk Test Root" and "127.0.0.1" in leaf.sans
    # Not trusted (the root is nobody's), but verification was off: the outcome is still told.
    assert info.verified is False and not info.verification_required
    assert [p.message for p in info.verify_problems] == ["unable to get local issuer certificate"]
    assert "would have failed" in info.verify_summary
    assert info.alpn is None  # s_server without -alpn ignores the offer
    assert info.version in ("TLSv1.2", "TLSv1.3")


def test_a_trusted_chain_verifies_and_gives_the_chain_up_to_the_root(
    pki: Pki, chain_server: tuple[str, int]
) -> None:
    result = send(*chain_server, TlsClientOptions(ca_file=str(pki.root)))
    assert result.error is None
    info = result.tls_info
    assert info is not None and info.verified is True and info.verify_problems == ()
    assert len(info.peer_chain) == 2
    assert [c.sha256 for c in info.verified_chain] == [
        fingerprint(pki.leaf),
        fingerprint(pki.intermediate),
        fingerprint(pki.root),
    ]
    assert info.verify_summary == "Verification: the chain and the name are trusted."


def test_expired_certificate_with_verification_on_gives_the_chain_and_the_reason(
    pki: Pki, tmp_path: Path
) -> None:
    with running_s_server(tmp_path, pki.expired, pki.expired_key, chain=pki.intermediate) as srv:
        result = send(srv.host, srv.port, TlsClientOptions(ca_file=str(pki.root)))
    assert result.error is not None and "has expired" in str(result.error)
    assert result.raw_sent == b"" and result.reader.raw == b""  # not one request byte went out
    info = result.tls_info
    assert info is not None and info.verified is False and info.verification_required
    assert [p.message for p in info.verify_problems] == ["certificate has expired"]
    assert info.verify_problems[0].depth == 0
    assert [c.sha256 for c in info.peer_chain] == [
        fingerprint(pki.expired),
        fingerprint(pki.intermediate),
    ]
    assert info.verify_summary.startswith("Verification failed: certificate has expired")


def test_self_signed_certificate_with_verification_on_gives_the_certificate_and_the_reason(
    pki: Pki, tmp_path: Path
) -> None:
    with running_s_server(tmp_path, pki.self_signed, pki.self_signed_key) as srv:
        refused = send(srv.host, srv.port, TlsClientOptions())
        allowed = send(srv.host, srv.port, TlsClientOptions(verify=False))
    assert refused.error is not None and "self-signed" in str(refused.error)
    info = refused.tls_info
    assert info is not None and not info.verified
    assert [p.message for p in info.verify_problems] == ["self-signed certificate"]
    assert info.peer_chain[0].self_signed and info.peer_chain[0].sha256 == fingerprint(
        pki.self_signed
    )
    assert allowed.error is None and allowed.tls_info is not None
    assert allowed.tls_info.peer_chain == info.peer_chain


def test_hostname_mismatch_is_a_reason_of_its_own(pki: Pki, tmp_path: Path) -> None:
    trust = TlsClientOptions(ca_file=str(pki.root))
    with running_s_server(
        tmp_path, pki.other_name, pki.other_name_key, chain=pki.intermediate
    ) as srv:
        by_address = send(srv.host, srv.port, trust)
        by_name = send(
            srv.host, srv.port, TlsClientOptions(ca_file=str(pki.root), server_name="other.test")
        )
    info = by_address.tls_info
    assert info is not None and not info.verified
    assert [p.message for p in info.verify_problems] == [
        "IP address mismatch: not valid for 127.0.0.1"
    ]
    assert by_address.error is not None and "(IP address mismatch)" in str(by_address.error)
    assert by_name.error is None and by_name.tls_info is not None and by_name.tls_info.verified


def test_sni_is_sent_for_names_and_for_addresses_only_on_request(pki: Pki, tmp_path: Path) -> None:
    with running_s_server(tmp_path, pki.leaf, pki.leaf_key) as srv:
        plain = send(srv.host, srv.port, TlsClientOptions(verify=False))
        asked = send(srv.host, srv.port, TlsClientOptions(verify=False, sni_for_addresses=True))
        named = send("localhost", srv.port, TlsClientOptions(verify=False))
    assert plain.tls_info is not None and plain.tls_info.server_name_sent is None
    assert asked.tls_info is not None and asked.tls_info.server_name_sent == "127.0.0.1"
    assert named.tls_info is not None and named.tls_info.server_name_sent == "localhost"


def test_sni_reaches_the_server(pki: Pki, tmp_path: Path) -> None:
    """What the server saw: s_server answers the name given by ``-servername`` with its second
    certificate, and any other ClientHello with the first."""
    with running_s_server(
        tmp_path,
        pki.leaf,
        pki.leaf_key,
        "-servername",
        "expected.test",
        "-cert2",
        str(pki.other_name),
        "-key2",
        str(pki.other_name_key),
    ) as srv:
        without = send(srv.host, srv.port, TlsClientOptions(verify=False))
        with_name = send(
            srv.host, srv.port, TlsClientOptions(verify=False, server_name="expected.test")
        )
    assert without.tls_info is not None and with_name.tls_info is not None
    assert without.tls_info.peer_chain[0].subject == "CN=localhost"
    assert with_name.tls_info.peer_chain[0].subject == "CN=other.test"


def test_alpn_http11_is_offered(pki: Pki, tmp_path: Path) -> None:
    with running_s_server(tmp_path, pki.leaf, pki.leaf_key, "-alpn", "http/1.1") as srv:
        result = send(srv.host, srv.port, TlsClientOptions(verify=False))
    assert result.tls_info is not None and result.tls_info.alpn == "http/1.1"


def _openssl_speaks_tls1() -> bool:
    """Whether the system's openssl can serve TLS 1.0 at all (the server side of the test)."""
    done = subprocess.run(
        [OPENSSL, "s_server", "-help"], capture_output=True, text=True, check=False
    )
    return "-tls1 " in done.stdout + done.stderr or "-tls1\n" in done.stdout + done.stderr


def test_tls10_only_server_needs_legacy_tls(pki: Pki, tmp_path: Path) -> None:
    require(_openssl_speaks_tls1(), "this openssl cannot serve TLS 1.0")
    legacy = ("-tls1", "-cipher", "DEFAULT:@SECLEVEL=0")
    with running_s_server(tmp_path, pki.leaf, pki.leaf_key, *legacy) as srv:
        default = send(srv.host, srv.port, TlsClientOptions(verify=False))
        allowed = send(srv.host, srv.port, TlsClientOptions(verify=False, legacy_tls=True))
    assert default.error is not None
    assert "No TLS version in common" in str(default.error) and "legacy TLS" in str(default.error)
    assert default.tls_info is None
    assert allowed.error is None, allowed.error
    assert allowed.tls_info is not None and allowed.tls_info.version == "TLSv1"
    assert b"s_server" in allowed.reader.raw


def test_a_plain_http_server_on_the_tls_port_gives_a_sentence(tmp_path: Path) -> None:
    with sender_server(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n") as port:
        result = send("127.0.0.1", port, TlsClientOptions(verify=False))
    assert str(result.error) == "The server does not speak TLS on this port."


def test_a_name_sni_cannot_carry_is_a_sentence_and_closes_the_socket() -> None:
    with sender_server(b"", close_after=False) as port:
        options = TlsClientOptions(verify=False, server_name="a" * 70 + ".test")
        result = send("127.0.0.1", port, options)
    assert result.error is not None and "cannot be sent in SNI" in str(result.error)
    assert result.tls_info is None and result.raw_sent == b""


def test_a_response_sent_right_after_the_handshake_is_all_there(pki: Pki) -> None:
    """The server answers before the request: the bytes that arrived before the stream was
    handed to the exchange are delivered first."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(pki.leaf, pki.leaf_key)
    answer = b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nearly"
    listener = socket.create_server(("127.0.0.1", 0))

    def serve() -> None:
        conn, _ = listener.accept()
        with context.wrap_socket(conn, server_side=True) as tls:
            tls.sendall(answer)
            tls.recv(4096)  # the request, read before closing: a close with unread bytes
            # would send a reset, and a reset may discard what the client has not read yet

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        result = send("127.0.0.1", listener.getsockname()[1], TlsClientOptions(verify=False))
    finally:
        thread.join(5)
        listener.close()
    assert result.reader.raw == answer
    assert result.responses[0].body == b"early"


def test_the_tls_pipe_delivers_what_arrived_before_the_hand_over(pki: Pki) -> None:
    """Bytes (and the end of the stream) that reach the pipe between the handshake and
    ``attach`` go to the application, in order, when it is attached."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(pki.leaf, pki.leaf_key)
    answer = b"sent before anyone asked"
    listener = socket.create_server(("127.0.0.1", 0))

    def serve() -> None:
        conn, _ = listener.accept()
        with context.wrap_socket(conn, server_side=True) as tls:
            tls.sendall(answer)

    async def main() -> tuple[bytes, list[str]]:
        loop = asyncio.get_running_loop()
        tls = SSL.Connection(openssl_client_context(TlsClientOptions(verify=False)), None)
        tls.set_app_data(HandshakeRecorder())
        pipe = TlsPipe(tls)
        await loop.create_connection(lambda: pipe, "127.0.0.1", listener.getsockname()[1])
        await pipe.handshake()
        ended = asyncio.Event()
        original = pipe.eof_received

        def eof_spy() -> bool:
            ended.set()
            return original()

        pipe.eof_received = eof_spy  # type: ignore[method-assign]
        await asyncio.wait_for(ended.wait(), 10)  # everything, then the FIN, reached the pipe
        received = bytearray()
        closed: list[str] = []
        stream = StreamConnection(
            memoryview(bytearray(8)),  # smaller than the backlog: several fills
            lambda _, view: received.extend(view),
            lambda _, reason: closed.append(reason),
        )
        pipe.attach(stream)
        await asyncio.sleep(0.01)
        return bytes(received), closed

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        received, closed = asyncio.run(main())
    finally:
        thread.join(5)
        listener.close()
    assert received == answer
    assert len(closed) == 1


def test_the_chain_and_its_problems_are_read_without_a_conversion_per_connection(
    pki: Pki, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every certificate and each verify problem's subject come from OpenSSL's DER (summaries
    cached by it): no conversion to a cryptography object and back on each handshake."""
    converted: list[object] = []
    original = crypto.X509.to_cryptography

    def counted(cert: crypto.X509) -> x509.Certificate:
        converted.append(cert)
        return original(cert)

    monkeypatch.setattr(crypto.X509, "to_cryptography", counted)
    with running_s_server(tmp_path, pki.expired, pki.expired_key, chain=pki.intermediate) as srv:
        result = send(srv.host, srv.port, TlsClientOptions(ca_file=str(pki.root), verify=False))
    info = result.tls_info
    assert result.error is None and info is not None and not info.verified
    assert [p.message for p in info.verify_problems] == ["certificate has expired"]
    assert info.verify_problems[0].subject == info.peer_chain[0].subject
    assert [c.sha256 for c in info.peer_chain] == [
        fingerprint(pki.expired),
        fingerprint(pki.intermediate),
    ]
    assert converted == []
