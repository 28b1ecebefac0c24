"""``socketdesk-cli http send`` TLS options against ``openssl s_server``: the chain and the
verification outcome with ``-v``, ``--ca-file``, ``--cert``/``--key``, ``--sni``, ``--insecure``,
``--tls-legacy``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.peers.openssl_server import Pki, make_pki, running_s_server

ROOT = Path(__file__).resolve().parents[2]
REQUEST = b"GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("pki"))


def cli(port: int, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "desktop.cli", "http", "send", "-", "--host", "127.0.0.1"]
    return subprocess.run(
        [*command, "--port", str(port), *args],
        cwd=ROOT,
        input=REQUEST.decode(),
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_verbose_prints_every_certificate_and_the_outcome_with_verify_off(
    pki: Pki, tmp_path: Path
) -> None:
    with running_s_server(tmp_path, pki.leaf, pki.leaf_key, chain=pki.intermediate) as server:
        done = cli(server.port, "--tls", "--insecure", "-v")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("HTTP/1.0 200 ok")
    err = done.stderr
    assert "* Certificates sent: 2" in err
    assert "*   [0] leaf: subject CN=localhost" in err
    assert "*   [1] issuer 1: subject CN=SocketDesk Test Intermediate" in err
    assert "* Verification is off; it would have failed: unable to get local issuer" in err
    assert "SNI (none)" in err  # an address target sends no SNI unless asked


def test_ca_file_makes_the_chain_trusted(pki: Pki, tmp_path: Path) -> None:
    with running_s_server(tmp_path, pki.leaf, pki.leaf_key, chain=pki.intermediate) as server:
        done = cli(server.port, "--tls", "--ca-file", str(pki.root), "-v")
    assert done.returncode == 0, done.stderr
    assert "* Verification: the chain and the name are trusted." in done.stderr


def test_a_failed_verification_is_one_line_and_the_chain_with_verbose(
    pki: Pki, tmp_path: Path
) -> None:
    with running_s_server(tmp_path, pki.expired, pki.expired_key, chain=pki.intermediate) as srv:
        quiet = cli(srv.port, "--tls", "--ca-file", str(pki.root))
        verbose = cli(srv.port, "--tls", "--ca-file", str(pki.root), "-v")
    assert quiet.returncode == 1 and quiet.stdout == ""
    [line] = quiet.stderr.splitlines()
    assert "has expired" in line
    assert "* Verification failed: certificate has expired (the leaf" in verbose.stderr
    assert "problem: certificate has expired" in verbose.stderr
    assert "*   [1] issuer 1" in verbose.stderr


def test_sni_sends_a_name_or_an_address(pki: Pki, tmp_path: Path) -> None:
    with running_s_server(tmp_path, pki.leaf, pki.leaf_key) as server:
        named = cli(server.port, "--tls", "--insecure", "--sni", "example.test", "-v")
        address = cli(server.port, "--tls", "--insecure", "--sni", "127.0.0.1", "-v")
    assert "SNI example.test" in named.stderr
    assert "hostname mismatch: not valid for example.test" in named.stderr
    assert "SNI 127.0.0.1" in address.stderr


def test_client_certificate(pki: Pki, tmp_path: Path) -> None:
    chain = tmp_path / "client-chain.pem"  # the leaf and its intermediate, as --cert takes them
    chain.write_bytes(pki.leaf.read_bytes() + pki.intermediate.read_bytes())
    required = ("-Verify", "1", "-CAfile", str(pki.root), "-verify_return_error")
    with running_s_server(tmp_path, pki.leaf, pki.leaf_key, *required) as server:
        without = cli(server.port, "--tls", "--insecure")
        with_cert = cli(
            server.port, "--tls", "--insecure", "--cert", str(chain), "--key", str(pki.leaf_key)
        )
    assert without.returncode == 1
    assert without.stderr.startswith(
        "socketdesk-cli: A client certificate is required but none was sent"
    )
    assert with_cert.returncode == 0, with_cert.stderr
    assert "Client certificate" in with_cert.stdout or "CN=localhost" in with_cert.stdout


def test_legacy_tls(pki: Pki, tmp_path: Path) -> None:
    legacy = ("-tls1", "-cipher", "DEFAULT:@SECLEVEL=0")
    with running_s_server(tmp_path, pki.leaf, pki.leaf_key, *legacy) as server:
        refused = cli(server.port, "--tls", "--insecure")
        allowed = cli(server.port, "--tls", "--insecure", "--tls-legacy", "-v")
    assert refused.returncode == 1 and "--tls-legacy" not in refused.stderr
    assert "legacy TLS" in refused.stderr
    assert allowed.returncode == 0, allowed.stderr
    assert "* TLSv1, " in allowed.stderr


def test_tls_options_without_tls_are_refused(tmp_path: Path) -> None:
    done = cli(9, "--insecure", "--tls-legacy")
    assert done.returncode == 1
    assert done.stderr.strip() == "socketdesk-cli: --insecure, --tls-legacy needs --tls."
