"""The pyOpenSSL side of TLS by table: name checks, SNI rules, sentences, contexts; and the
workbench client's legacy option against a TLS 1.0-only ``openssl s_server``."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from OpenSSL import SSL

from desktop.core.errors import TlsError
from desktop.core.net import tls_chain
from desktop.core.net.tcp_client import TcpClient
from desktop.core.net.tls import (
    TlsClientOptions,
    TlsSessionInfo,
    VerifyProblem,
)
from tests.peers.openssl_server import make_pki, running_s_server


def leaf_with(*sans: x509.GeneralName) -> x509.Certificate:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "www.example.test")])
    now = dt.datetime.now(dt.UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(now)
        .not_valid_after(now + dt.timedelta(days=1))
    )
    if sans:
        builder = builder.add_extension(x509.SubjectAlternativeName(list(sans)), critical=False)
    return builder.sign(key, hashes.SHA256())


@pytest.mark.parametrize(
    ("pattern", "name", "matches"),
    [
        ("www.example.test", "www.example.test", True),
        ("WWW.Example.TEST", "www.example.test.", True),
        ("*.example.test", "www.example.test", True),
        ("*.example.test", "example.test", False),
        ("*.example.test", "a.b.example.test", False),
        ("*.test", "example.test", False),  # a wildcard needs two labels under it
        ("w*.example.test", "www.example.test", False),  # partial wildcards are refused
        ("xn--bcher-kva.test", "bücher.test", True),
    ],
)
def test_dns_name_matching(pattern: str, name: str, matches: bool) -> None:
    leaf = leaf_with(x509.DNSName(pattern))
    problem = tls_chain._check_name(leaf, name)
    assert (problem is None) is matches
    if not matches:
        assert problem is not None and problem.code == 62 and problem.depth == 0


def test_addresses_match_ip_entries_only_and_the_cn_is_never_used() -> None:
    import ipaddress

    leaf = leaf_with(x509.IPAddress(ipaddress.ip_address("198.18.0.7")), x509.DNSName("a.test"))
    assert tls_chain._check_name(leaf, "198.18.0.7") is None
    problem = tls_chain._check_name(leaf, "198.18.0.8")
    assert problem is not None and problem.code == 64
    cn_only = leaf_with()
    problem = tls_chain._check_name(cn_only, "www.example.test")
    assert problem is not None and problem.message.startswith("hostname mismatch")


@pytest.mark.parametrize(
    ("host", "options", "sent"),
    [
        ("example.test", TlsClientOptions(), b"example.test"),
        ("example.test.", TlsClientOptions(), b"example.test"),
        ("127.0.0.1", TlsClientOptions(), None),
        ("127.0.0.1", TlsClientOptions(sni_for_addresses=True), b"127.0.0.1"),
        ("[::1]", TlsClientOptions(sni_for_addresses=True), b"::1"),
        ("127.0.0.1", TlsClientOptions(server_name="other.test"), b"other.test"),
        ("bücher.test", TlsClientOptions(), b"xn--bcher-kva.test"),
    ],
)
def test_sni_rules(host: str, options: TlsClientOptions, sent: bytes | None) -> None:
    assert tls_chain.sni_name(host, options) == sent


def test_a_name_that_cannot_be_encoded_is_a_sentence() -> None:
    with pytest.raises(TlsError, match="cannot be sent in SNI"):
        tls_chain.sni_name("a" * 70 + ".test", TlsClientOptions())


def test_openssl_errors_become_sentences() -> None:
    def error(reason: str) -> SSL.Error:
        return SSL.Error([("SSL routines", "", reason)])

    strict, legacy = TlsClientOptions(), TlsClientOptions(legacy_tls=True)
    version = error("tlsv1 alert protocol version")
    assert "legacy TLS on" in str(tls_chain.describe_openssl_error(version, strict))
    assert str(tls_chain.describe_openssl_error(version, legacy)) == (
        "No TLS version in common with the server."
    )
    assert str(tls_chain.describe_openssl_error(error("wrong version number"), strict)) == (
        "The server does not speak TLS on this port."
    )
    assert str(tls_chain.describe_openssl_error(ConnectionResetError(), strict)) == (
        "The server closed the connection during the TLS handshake."
    )
    assert str(tls_chain.describe_openssl_error(error("odd thing happened"), strict)) == (
        "TLS failed: odd thing happened."
    )
    assert str(tls_chain.describe_openssl_error(error("tls alert handshake failure"), strict)) == (
        "The server refused the TLS handshake (handshake failure: often no cipher suite in common)."
    )
    assert str(tls_chain.describe_openssl_error(error("unexpected message"), strict)) == (
        "The server broke the TLS protocol (an unexpected or malformed message)."
    )


def test_verify_problems_read_as_sentences() -> None:
    problem = VerifyProblem(1, 10, "certificate has expired", "CN=Intermediate")
    assert str(problem) == "certificate has expired (certificate 1 of the chain, CN=Intermediate)"
    info = TlsSessionInfo("TLSv1.3", "X", None, (), verified=False, verify_problems=(problem,))
    assert info.verify_summary == (
        "Verification is off; it would have failed: certificate has expired (certificate 1 of "
        "the chain, CN=Intermediate)."
    )
    rejection = tls_chain.rejection(info)
    assert str(rejection) == "The server's certificate has expired: certificate has expired."
    assert rejection.session is info


def test_context_refuses_bad_files_with_a_sentence(tmp_path: Path) -> None:
    missing = str(tmp_path / "none.pem")
    with pytest.raises(TlsError, match="does not exist"):
        tls_chain.openssl_client_context(TlsClientOptions(ca_file=missing))
    with pytest.raises(TlsError, match="needs a certificate file"):
        tls_chain.openssl_client_context(TlsClientOptions(key_file=missing))
    with pytest.raises(TlsError, match="ALPN protocol list is invalid"):
        tls_chain.openssl_client_context(TlsClientOptions(alpn=("x" * 300,)))


def test_workbench_client_reaches_a_tls10_server_only_with_legacy_tls(tmp_path: Path) -> None:
    """The workbench's client (``TcpClient``, the one TLS path) honours ``legacy_tls`` too."""
    pki = make_pki(tmp_path / "pki")
    legacy = ("-tls1", "-cipher", "DEFAULT:@SECLEVEL=0")

    class Quiet:
        def on_connected(self, local: str, peer: str) -> None:
            pass

        def on_data(self, data: memoryview) -> None:
            pass

        def on_closed(self, reason: str) -> None:
            pass

    async def handshake(options: TlsClientOptions, port: int) -> str:
        client = TcpClient(Quiet())
        try:
            await client.connect("127.0.0.1", port, tls=options)
        except TlsError as error:
            return str(error)
        client.abort()
        assert client.tls_info is not None
        return client.tls_info.version

    with running_s_server(tmp_path, pki.leaf, pki.leaf_key, *legacy) as server:
        strict = asyncio.run(handshake(TlsClientOptions(verify=False), server.port))
        allowed = asyncio.run(
            handshake(TlsClientOptions(verify=False, legacy_tls=True), server.port)
        )
    assert strict.startswith("No TLS version in common with the server")
    assert allowed == "TLSv1"


def test_verification_texts_and_name_checks_are_sentences_to_translate() -> None:
    """The verification codes we know and the name check are marked templates (the UI
    translates them), whatever words this OpenSSL uses; an unknown code keeps OpenSSL's words
    as a fact."""
    expired = VerifyProblem(0, 10, "certificate has expired", "CN=x")
    assert expired.reason.template == "certificate has expired" and not expired.reason.args
    mismatch = VerifyProblem(0, 64, "IP address mismatch: not valid for 127.0.0.1", "", "127.0.0.1")
    assert mismatch.reason.template == "IP address mismatch: not valid for {name}"
    assert str(mismatch) == "IP address mismatch: not valid for 127.0.0.1 (the leaf)"
    reworded = VerifyProblem(0, 10, "something OpenSSL 9 says", "")
    assert reworded.reason.template == "certificate has expired"
    odd = VerifyProblem(0, 11, "CRL is not yet valid", "")
    assert odd.reason.template == "{text}" and str(odd.reason) == "CRL is not yet valid"
    info = TlsSessionInfo("TLSv1.3", "X", None, (), verified=False, verify_problems=(expired,))
    rejected = tls_chain.rejection(info).sentence
    rendered = rejected.render(lambda template: "<" + template + ">")
    assert rendered == ("<The server's certificate has expired: <certificate has expired>.>")
