"""``socketdesk-cli http send`` against a real nginx on loopback, as a user runs it."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.servers import closed_port
from tests.peers.nginx import HELLO, Nginx, running_nginx

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def nginx(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Nginx]:
    with running_nginx(tmp_path_factory.mktemp("nginx")) as server:
        yield server


def cli(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", "http", "send", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        timeout=60,
    )


def request_file(tmp_path: Path, text: str) -> str:
    path = tmp_path / "request.http"
    path.write_bytes(text.encode())
    return str(path)


def test_raw_writes_the_exact_response_bytes(nginx: Nginx, tmp_path: Path) -> None:
    path = request_file(tmp_path, "GET /hello.txt HTTP/1.1\nHost: localhost\n\n")
    result = cli(path, "--host", nginx.host, "--port", str(nginx.port), "--raw")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(b"HTTP/1.1 200 OK\r\nServer: nginx")
    assert result.stdout.endswith(b"\r\n\r\n" + HELLO) and result.stderr == b""


def test_parsed_over_tls_shows_status_headers_decoded_body_and_timings(
    nginx: Nginx, tmp_path: Path
) -> None:
    path = request_file(
        tmp_path, "GET /big.txt HTTP/1.1\nHost: localhost\nAccept-Encoding: gzip\n\n"
    )
    args = ["--host", nginx.host, "--port", str(nginx.tls_port), "--tls", "--insecure"]
    result = cli(path, *args, "--parsed", "--timings", "-v")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.decode().splitlines()
    assert lines[0] == "HTTP/1.1 200 OK"
    assert "Content-Encoding: gzip" in lines and "Transfer-Encoding: chunked" in lines
    assert lines[lines.index("") + 1] == "line 000000: the quick brown fox jumps over the lazy dog"
    stderr = result.stderr.decode()
    assert "* TLSv1.3" in stderr and "subject CN=localhost" in stderr and " · total " in stderr


def test_host_and_port_come_from_the_host_header(nginx: Nginx) -> None:
    request = f"GET /hello.txt HTTP/1.1\r\nHost: 127.0.0.1:{nginx.port}\r\n\r\n".encode()
    result = cli("-", "--parsed", stdin=request)
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().splitlines()[0] == "HTTP/1.1 200 OK"
    assert result.stdout.endswith(HELLO)


def test_exact_sends_the_file_unchanged(nginx: Nginx, tmp_path: Path) -> None:
    path = request_file(tmp_path, "GET /hello.txt HTTP/1.1\nHost: localhost\n\n")
    result = cli(path, "--host", nginx.host, "--port", str(nginx.port), "--exact", "-v")
    assert result.returncode == 0
    assert "* The head has lines ending in LF alone (sent as typed)." in result.stderr.decode()
    assert result.stdout.startswith(b"HTTP/1.1 200")  # nginx 1.22 accepts LF-only heads


def test_unknown_host_is_one_line_and_exit_1(tmp_path: Path) -> None:
    path = request_file(tmp_path, "GET / HTTP/1.1\nHost: nowhere.invalid\n\n")
    result = cli(path)
    assert result.returncode == 1 and result.stdout == b""
    assert result.stderr.decode().splitlines() == [
        "socketdesk-cli: Could not connect to nowhere.invalid:80: the host name is unknown "
        "(names under .invalid never exist)."
    ]


def test_refused_port_is_one_line_and_exit_1(tmp_path: Path) -> None:
    port = closed_port()
    path = request_file(tmp_path, "GET / HTTP/1.1\nHost: x\n\n")
    result = cli(path, "--host", "127.0.0.1", "--port", str(port), "--parsed")
    assert result.returncode == 1 and result.stdout == b""
    assert result.stderr.decode().splitlines() == [
        f"socketdesk-cli: Could not connect to 127.0.0.1:{port}: the connection was refused "
        "(is a server listening there?)."
    ]


def test_a_missing_request_file_is_one_line_and_exit_1(tmp_path: Path) -> None:
    result = cli(str(tmp_path / "nope.http"), "--host", "127.0.0.1")
    assert result.returncode == 1
    assert len(result.stderr.decode().splitlines()) == 1
    assert "cannot be read (No such file or directory)" in result.stderr.decode()
