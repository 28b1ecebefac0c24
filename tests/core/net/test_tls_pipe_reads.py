"""The TLS pipe's received side (#15): OpenSSL decrypts straight into the application's buffer
(pyOpenSSL's ``recv_into``, with its temporary buffer and copy, is only the fallback)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from OpenSSL import SSL

from desktop.core.http.exchange import ExchangeResult, HttpTarget, exchange
from desktop.core.net import tls_pipe
from desktop.core.net.tls import TlsClientOptions
from tests.peers.nginx import BIG_TEXT, Nginx, running_nginx

REQUEST = b"GET /big.txt HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"


@pytest.fixture(scope="module")
def nginx(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Nginx]:
    with running_nginx(Path(tmp_path_factory.mktemp("nginx"))) as server:
        yield server


def _download(nginx: Nginx) -> ExchangeResult:
    target = HttpTarget(nginx.host, nginx.tls_port, tls=TlsClientOptions(verify=False))
    return asyncio.run(exchange(target, [REQUEST]))


def test_the_body_is_decrypted_without_recv_into(
    nginx: Nginx, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(*_args: object, **_kwargs: object) -> int:
        raise AssertionError("recv_into copies every record once more")

    monkeypatch.setattr(SSL.Connection, "recv_into", refused)
    result = _download(nginx)
    assert result.error is None
    assert result.responses[0].body == BIG_TEXT  # 440 KiB: many records, the buffer grown


def test_the_fallback_reads_the_same_bytes(nginx: Nginx, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tls_pipe, "_DIRECT", False)
    result = _download(nginx)
    assert result.error is None
    assert result.responses[0].body == BIG_TEXT


def test_a_chain_seen_before_is_not_summarised_again(
    nginx: Nginx, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same certificates on every connection: parsed, fingerprinted and checked once."""
    from desktop.core.net import tls_chain
    from desktop.core.net.certs import CertificateInfo

    tls_chain._summary.cache_clear()
    tls_chain._name_problem.cache_clear()
    made: list[bytes] = []
    original = CertificateInfo.from_der

    def counting(der: bytes) -> CertificateInfo:
        made.append(der)
        return original(der)

    monkeypatch.setattr(CertificateInfo, "from_der", counting)
    first, second = _download(nginx), _download(nginx)
    assert first.tls_info is not None and second.tls_info is not None
    assert first.tls_info.peer_chain == second.tls_info.peer_chain
    assert len(made) == len(first.tls_info.peer_chain)  # the second handshake made none


def test_pyopenssl_error_mapping_runs_once_per_read_not_per_record(
    nginx: Nginx, monkeypatch: pytest.MonkeyPatch
) -> None:
    """440 KiB are 28 or more records of 16 KiB: each decrypted by one SSL_read, and pyOpenSSL's
    error mapping (SSL_get_error, the callbacks' problems) asked only when OpenSSL stops."""
    calls: list[int] = []
    original = SSL.Connection._raise_ssl_error

    def counting(self: SSL.Connection, ssl: object, result: int) -> None:
        calls.append(result)
        original(self, ssl, result)

    monkeypatch.setattr(SSL.Connection, "_raise_ssl_error", counting)
    result = _download(nginx)
    assert result.error is None
    assert result.responses[0].body == BIG_TEXT
    successful = [got for got in calls if got > 0]
    assert len(successful) < len(BIG_TEXT) // (16 * 1024) // 4, calls


def test_received_bytes_reach_openssl_without_pyopenssls_bio_write(
    nginx: Nginx, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each socket read goes into OpenSSL's read BIO through the cffi binding (pyOpenSSL's
    ``bio_write`` checks and converts around it on every read); the same bytes arrive."""

    def refused(*_args: object, **_kwargs: object) -> int:
        raise AssertionError("pyOpenSSL's bio_write was used")

    monkeypatch.setattr(SSL.Connection, "bio_write", refused)
    result = _download(nginx)
    assert result.error is None
    assert result.responses[0].body == BIG_TEXT
