"""Exported commands carry the target's TLS files, SNI and timeouts, and run for real."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest

from desktop.core.http.snippet import ExportOptions, to_curl, to_python
from tests.peers.nginx import HELLO, Nginx, running_nginx

REQUEST = b"GET /hello.txt HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"


@pytest.fixture(scope="module")
def nginx(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Nginx]:
    with running_nginx(tmp_path_factory.mktemp("nginx")) as server:
        yield server


def test_curl_words_for_every_option() -> None:
    options = ExportOptions(
        ca_file="ca.pem",
        cert_file="c.pem",
        key_file="k.pem",
        sni="api.test",
        connect_timeout=2.5,
        max_time=30,
        follow_redirects=True,
        max_redirects=4,
    )
    command = to_curl(REQUEST, "127.0.0.1", 8443, True, options=options)
    for words in (
        "--cacert ca.pem --cert c.pem --key k.pem",
        "--connect-to api.test:8443:127.0.0.1:8443",
        "--connect-timeout 2.5 --max-time 30 -L --max-redirs 4",
    ):
        assert words in command
    assert command.endswith("https://api.test:8443/hello.txt")
    plain = to_curl(REQUEST, "127.0.0.1", 80, False, options=options)
    assert "--cacert" not in plain and "--connect-to" not in plain
    assert plain.endswith("http://127.0.0.1:80/hello.txt")


def test_exported_curl_verifies_nginx_by_its_sni_name(nginx: Nginx) -> None:
    options = ExportOptions(ca_file=str(nginx.cert_file), sni="localhost", connect_timeout=5)
    command = to_curl(REQUEST, nginx.host, nginx.tls_port, True, options=options)
    output = subprocess.run(
        ["bash", "-c", command], capture_output=True, timeout=20, check=True
    ).stdout
    assert output == HELLO


def test_exported_python_verifies_nginx_by_its_sni_name(nginx: Nginx) -> None:
    options = ExportOptions(ca_file=str(nginx.cert_file), sni="localhost", connect_timeout=5)
    script = to_python(REQUEST, nginx.host, nginx.tls_port, True, options=options)
    output = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, timeout=20, check=True
    ).stdout
    assert output.startswith(b"HTTP/1.1 200 OK\r\n") and output.endswith(HELLO)
    wrong = to_python(REQUEST, nginx.host, nginx.tls_port, True)  # no CA: the system's only
    failed = subprocess.run([sys.executable, "-c", wrong], capture_output=True, timeout=20)
    assert failed.returncode != 0 and b"CERTIFICATE_VERIFY_FAILED" in failed.stderr
