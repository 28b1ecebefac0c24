"""TLS contexts, session facts and error sentences against real peers on loopback.

The client side is the real engine, ``TcpClient`` (the one connect and TLS path). Peers: our
own ``server_context`` behind ``asyncio.start_server``, ``openssl s_server`` and a plain TCP
server that answers in HTTP. Everything listens on 127.0.0.1 with OS-chosen ports.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import hashlib
import os
import socket
import ssl
import subprocess
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from desktop.core.errors import TlsError
from desktop.core.net.certs import (
    SELF_SIGNED_CERT,
    SELF_SIGNED_KEY,
    CertificateInfo,
    generate_self_signed,
    self_signed_files,
)
from desktop.core.net.tcp_client import TcpClient
from desktop.core.net.tls import (
    TlsClientOptions,
    TlsServerOptions,
    TlsSessionInfo,
    describe_ssl_error,
    server_context,
)
from desktop.core.net.tls_chain import openssl_client_context as client_context

HOST = "127.0.0.1"


# -- helpers -------------------------------------------------------------------------------------
def free_port() -> int:
    """A loopback port nothing listens on right now (the OS picks it)."""
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def write_pair(folder: Path, name: str, cert_pem: bytes, key_pem: bytes) -> tuple[Path, Path]:
    cert, key = folder / f"{name}.pem", folder / f"{name}-key.pem"
    cert.write_bytes(cert_pem)
    key.write_bytes(key_pem)
    return cert, key


def expired_pair() -> tuple[bytes, bytes]:
    """A self-signed certificate for localhost that expired yesterday."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "expired")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=30))
        .not_valid_after(now - dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False)
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return cert.public_bytes(serialization.Encoding.PEM), key_pem


@contextlib.contextmanager
def openssl_server(tmp_path: Path, cert: Path, key: Path, *extra: str) -> Iterator[int]:
    """``openssl s_server`` on 127.0.0.1; yields its port once it accepts connections."""
    port = free_port()
    log = tmp_path / f"s_server-{port}.log"
    command = ["openssl", "s_server", "-accept", f"{HOST}:{port}", "-cert", str(cert)]
    command += ["-key", str(key), "-www", *extra]
    with log.open("wb") as log_file:
        process = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=log_file, stderr=subprocess.STDOUT
        )
    try:
        deadline = time.monotonic() + 10
        while True:
            if process.poll() is not None:
                pytest.fail(f"openssl s_server exited: {log.read_text(errors='replace')}")
            try:
                socket.create_connection((HOST, port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"openssl s_server did not start: {log.read_text()}")
                time.sleep(0.02)
        yield port
    finally:
        process.kill()
        process.wait(10)


@contextlib.asynccontextmanager
async def tls_server(
    context: ssl.SSLContext, seen: list[ssl.SSLObject] | None = None
) -> AsyncIterator[int]:
    """Our TLS server on 127.0.0.1: greets, then closes. Yields the port."""

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if seen is not None:
            seen.append(writer.get_extra_info("ssl_object"))
        writer.write(b"hello\n")
        with contextlib.suppress(ssl.SSLError, OSError):  # a refused client may be gone already
            await writer.drain()
            await reader.read(100)
        writer.close()

    server = await asyncio.start_server(handle, HOST, 0, ssl=context)
    try:
        yield server.sockets[0].getsockname()[1]
    finally:
        server.close()
        await server.wait_closed()


class _Quiet:
    """A ``TcpClientSink`` that keeps nothing."""

    def on_connected(self, local: str, peer: str) -> None:
        pass

    def on_data(self, data: memoryview) -> None:
        pass

    def on_closed(self, reason: str) -> None:
        pass


async def tls_connect(host: str, port: int, options: TlsClientOptions) -> TlsSessionInfo:
    """Connect with the real ``TcpClient`` and return the session facts it got."""
    client = TcpClient(_Quiet())
    await client.connect(host, port, timeout=10, tls=options)
    try:
        assert client.tls_info is not None
        return client.tls_info
    finally:
        client.abort()


def unverified() -> ssl.SSLContext:
    """A stdlib client context that accepts any certificate (for raw socket probes)."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def colon_sha256(der: bytes) -> str:
    return ":".join(f"{b:02X}" for b in hashlib.sha256(der).digest())


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    """The cached self-signed certificate and key."""
    return self_signed_files(tmp_path / "cache")


# -- handshakes with our server ------------------------------------------------------------------
def test_self_signed_server_and_unverified_client(pair: tuple[Path, Path]) -> None:
    cert, _ = pair
    der = ssl.PEM_cert_to_DER_cert(cert.read_text())

    async def scenario() -> TlsSessionInfo:
        async with tls_server(server_context(TlsServerOptions(cache_dir=cert.parent))) as port:
            return await tls_connect(HOST, port, TlsClientOptions(verify=False))

    info = asyncio.run(scenario())
    assert info.version in {"TLSv1.2", "TLSv1.3"}
    assert info.cipher
    assert info.alpn is None
    assert len(info.peer_chain) == 1
    leaf = info.peer_chain[0]
    assert leaf.sans == ("localhost", "127.0.0.1", "::1")
    assert leaf.sha256 == colon_sha256(der)
    assert leaf.subject == leaf.issuer == "CN=SocketDesk"
    assert leaf.self_signed


def test_verified_with_the_certificate_as_ca(pair: tuple[Path, Path]) -> None:
    cert, _ = pair
    trusting = TlsClientOptions(ca_file=str(cert), server_name="localhost")

    async def scenario() -> None:
        async with tls_server(server_context(TlsServerOptions(cache_dir=cert.parent))) as port:
            info = await tls_connect(HOST, port, trusting)
            assert info.peer_chain[0].sans[0] == "localhost"
            # The address itself is in the certificate's IP entries too.
            await tls_connect(HOST, port, TlsClientOptions(ca_file=str(cert)))
            wrong = TlsClientOptions(ca_file=str(cert), server_name="wrong.example")
            with pytest.raises(TlsError) as caught:
                await tls_connect(HOST, port, wrong)
            assert "hostname mismatch" in str(caught.value)
            assert "wrong.example" in str(caught.value)

    asyncio.run(scenario())


def test_verify_without_ca_reports_self_signed(pair: tuple[Path, Path]) -> None:
    cert, _ = pair

    async def scenario() -> None:
        async with tls_server(server_context(TlsServerOptions(cache_dir=cert.parent))) as port:
            with pytest.raises(TlsError) as caught:
                await tls_connect(HOST, port, TlsClientOptions(server_name="localhost"))
            assert "self-signed" in str(caught.value)
            assert str(caught.value).startswith("The server's certificate is self-signed")

    asyncio.run(scenario())


def test_server_without_cache_dir_makes_a_fresh_certificate() -> None:
    async def scenario() -> TlsSessionInfo:
        async with tls_server(server_context(TlsServerOptions())) as port:
            return await tls_connect(HOST, port, TlsClientOptions(verify=False))

    assert asyncio.run(scenario()).peer_chain[0].subject == "CN=SocketDesk"


def read_without_certificate(port: int) -> bytes:
    """Handshake without a client certificate on a blocking socket and read what comes."""
    context = unverified()
    with (
        socket.create_connection((HOST, port), timeout=10) as raw,
        context.wrap_socket(raw) as tls,
    ):
        return tls.recv(100)


def test_client_certificate_required(tmp_path: Path) -> None:
    client_cert, client_key = write_pair(tmp_path, "client", *generate_self_signed("client"))
    options = TlsServerOptions(require_client_cert=True, ca_file=str(client_cert))
    seen: list[ssl.SSLObject] = []

    async def scenario() -> None:
        async with tls_server(server_context(replace(options, cache_dir=tmp_path)), seen) as port:
            good = TlsClientOptions(
                verify=False, cert_file=str(client_cert), key_file=str(client_key)
            )
            await tls_connect(HOST, port, good)
            # TLS 1.3: the client's handshake ends before the server checks; asyncio's server
            # then closes without sending its alert, so the client sees a bare EOF.
            assert await asyncio.to_thread(read_without_certificate, port) == b""

    asyncio.run(scenario())
    assert len(seen) == 1
    client_der = seen[0].getpeercert(binary_form=True)
    assert client_der is not None
    assert CertificateInfo.from_der(client_der).subject == "CN=client"


def test_client_certificate_required_by_openssl(tmp_path: Path, pair: tuple[Path, Path]) -> None:
    client_cert, _ = write_pair(tmp_path, "client", *generate_self_signed("client"))
    verify = ("-Verify", "1", "-CAfile", str(client_cert))
    with openssl_server(tmp_path, *pair, *verify) as port, pytest.raises(ssl.SSLError) as caught:
        read_without_certificate(port)
    assert str(describe_ssl_error(caught.value)) == (
        "A client certificate is required but none was sent."
    )


def test_client_certificate_needs_a_ca() -> None:
    with pytest.raises(TlsError, match="CA file"):
        server_context(TlsServerOptions(require_client_cert=True))


# -- other peers ---------------------------------------------------------------------------------
def test_expired_certificate_from_openssl(tmp_path: Path) -> None:
    cert, key = write_pair(tmp_path, "expired", *expired_pair())
    options = TlsClientOptions(ca_file=str(cert), server_name="localhost")
    with openssl_server(tmp_path, cert, key) as port, pytest.raises(TlsError) as caught:
        asyncio.run(tls_connect(HOST, port, options))
    assert "has expired" in str(caught.value)


def test_alpn_with_openssl(tmp_path: Path, pair: tuple[Path, Path]) -> None:
    options = TlsClientOptions(verify=False, alpn=("h2", "http/1.1"))
    with openssl_server(tmp_path, *pair, "-alpn", "http/1.1") as port:
        info = asyncio.run(tls_connect(HOST, port, options))
    assert info.alpn == "http/1.1"
    assert info.peer_chain[0].sha256 == colon_sha256(ssl.PEM_cert_to_DER_cert(pair[0].read_text()))


def test_plain_http_server_does_not_speak_tls() -> None:
    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(b"HTTP/1.1 400\r\n\r\n")
        await writer.drain()
        writer.close()

    async def scenario() -> None:
        server = await asyncio.start_server(answer, HOST, 0)
        try:
            port = server.sockets[0].getsockname()[1]
            with pytest.raises(TlsError) as caught:
                await tls_connect(HOST, port, TlsClientOptions(verify=False))
            assert str(caught.value) == "The server does not speak TLS on this port."
        finally:
            server.close()
            await server.wait_closed()

    asyncio.run(scenario())


def test_sni_is_sent_for_names_only(pair: tuple[Path, Path]) -> None:
    context = server_context(TlsServerOptions(cache_dir=pair[0].parent))
    names: list[str | None] = []

    def record(_obj: ssl.SSLObject, name: str | None, _context: ssl.SSLContext) -> None:
        names.append(name)

    context.sni_callback = record

    async def scenario() -> None:
        async with tls_server(context) as port:
            await tls_connect(HOST, port, TlsClientOptions(verify=False))
            await tls_connect(HOST, port, TlsClientOptions(verify=False, server_name="localhost"))

    asyncio.run(scenario())
    assert names == [None, "localhost"]


# -- files ---------------------------------------------------------------------------------------
def test_missing_ca_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.pem"
    with pytest.raises(TlsError) as caught:
        client_context(TlsClientOptions(ca_file=str(missing)))
    assert str(caught.value) == f"The CA file {missing} does not exist."


def test_ca_file_not_pem(tmp_path: Path) -> None:
    junk = tmp_path / "junk.pem"
    junk.write_bytes(b"not a certificate\n")
    with pytest.raises(TlsError) as caught:
        client_context(TlsClientOptions(ca_file=str(junk)))
    assert str(caught.value) == f"The CA file {junk} does not contain a PEM certificate."


def test_key_that_does_not_match(tmp_path: Path) -> None:
    cert, _ = write_pair(tmp_path, "a", *generate_self_signed())
    _, key = write_pair(tmp_path, "b", *generate_self_signed())
    expected = f"The private key in {key} does not match the certificate in {cert}."
    with pytest.raises(TlsError) as caught:
        client_context(TlsClientOptions(cert_file=str(cert), key_file=str(key)))
    assert str(caught.value) == expected
    with pytest.raises(TlsError) as caught:
        server_context(TlsServerOptions(cert_file=str(cert), key_file=str(key)))
    assert str(caught.value) == expected


def test_key_not_pem_encrypted_and_missing_cert(tmp_path: Path) -> None:
    cert_pem, key_pem = generate_self_signed()
    cert, key = write_pair(tmp_path, "a", cert_pem, key_pem)
    key.write_bytes(b"junk")
    with pytest.raises(TlsError, match="does not contain a PEM private key"):
        server_context(TlsServerOptions(cert_file=str(cert), key_file=str(key)))
    private = serialization.load_pem_private_key(key_pem, password=None)
    encrypted = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(b"secret"),
    )
    key.write_bytes(encrypted)
    with pytest.raises(TlsError, match="protected by a password"):
        server_context(TlsServerOptions(cert_file=str(cert), key_file=str(key)))
    with pytest.raises(TlsError, match="needs a certificate file"):
        client_context(TlsClientOptions(key_file=str(key)))


def test_certificate_and_key_in_one_file(tmp_path: Path) -> None:
    cert_pem, key_pem = generate_self_signed()
    both = tmp_path / "both.pem"
    both.write_bytes(cert_pem + key_pem)
    assert server_context(TlsServerOptions(cert_file=str(both))).verify_mode == ssl.CERT_NONE


def test_self_signed_files_are_reused(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cert, key = self_signed_files(cache)
    assert (cert.name, key.name) == (SELF_SIGNED_CERT, SELF_SIGNED_KEY)
    first = cert.read_bytes(), key.read_bytes()
    assert self_signed_files(cache) == (cert, key)
    assert (cert.read_bytes(), key.read_bytes()) == first
    if os.name == "posix":
        assert key.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in cache.iterdir()) == sorted([cert.name, key.name])


def test_self_signed_files_replaced_when_about_to_expire(tmp_path: Path) -> None:
    cert_pem, key_pem = generate_self_signed(days=3)
    cert, key = write_pair(tmp_path, "socketdesk-selfsigned", cert_pem, key_pem)
    assert self_signed_files(tmp_path) == (cert, key)
    assert cert.read_bytes() != cert_pem
    assert CertificateInfo.from_pem(cert.read_bytes()).not_after > dt.datetime.now(
        dt.UTC
    ) + dt.timedelta(days=800)


# -- certificate summaries and sentences ---------------------------------------------------------
def test_certificate_info_from_pem_and_der() -> None:
    cert_pem, _ = generate_self_signed("unit", sans=("example.com", "198.18.0.1"), days=10)
    info = CertificateInfo.from_pem(cert_pem)
    parsed = x509.load_pem_x509_certificate(cert_pem)
    der = parsed.public_bytes(serialization.Encoding.DER)
    assert info == CertificateInfo.from_der(der)
    assert info.subject == "CN=unit"
    assert info.sans == ("example.com", "198.18.0.1")
    assert info.serial == f"{parsed.serial_number:X}"
    assert info.not_after - info.not_before == dt.timedelta(days=10, hours=1)
    assert info.not_before.tzinfo is not None
    assert info.sha256 == colon_sha256(der)
    with pytest.raises(TlsError):
        CertificateInfo.from_der(b"junk")
    with pytest.raises(TlsError):
        CertificateInfo.from_pem(b"junk")


@pytest.mark.parametrize(
    ("error", "server_side", "sentence"),
    [
        (
            ConnectionResetError(),
            False,
            "The server closed the connection during the TLS handshake.",
        ),
        (
            ssl.SSLEOFError(8, "EOF"),
            True,
            "The client closed the connection during the TLS handshake.",
        ),
        (TimeoutError(), False, "The TLS handshake timed out."),
        (
            ConnectionAbortedError("SSL handshake is taking longer than 5 seconds: aborting"),
            False,
            "The TLS handshake timed out.",
        ),
        (OSError(5, "Input/output error"), False, "TLS failed: Input/output error."),
        (ValueError("odd"), False, "TLS failed: odd."),
    ],
)
def test_describe_ssl_error(error: BaseException, server_side: bool, sentence: str) -> None:
    assert str(describe_ssl_error(error, server_side=server_side)) == sentence
