"""``socketdesk-cli tcp connect`` against real servers on loopback, as a user runs it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.helpers.servers import closed_port, echo_server, sender_server, unresponsive_port

ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str, stdin: bytes = b"", timeout: float = 60) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        timeout=timeout,
    )


def test_stdin_goes_out_and_the_echo_comes_back_like_nc() -> None:
    payload = "hello\n你好\n".encode() + bytes(range(256)) * 1000
    with echo_server() as (host, port):
        result = cli("tcp", "connect", host, str(port), stdin=payload)
    assert result.returncode == 0, result.stderr
    assert result.stdout == payload
    assert result.stderr == b""


def test_receives_until_the_server_closes() -> None:
    payload = b"x" * 3_000_000
    with sender_server(payload) as port:
        result = cli("tcp", "connect", "127.0.0.1", str(port), "--recv-only")
    assert result.returncode == 0
    assert result.stdout == payload


def test_crlf_option_converts_line_endings() -> None:
    with echo_server() as (host, port):
        result = cli("tcp", "connect", host, str(port), "-C", stdin=b"a\nb\r\nc\n")
    assert result.stdout == b"a\r\nb\r\nc\r\n"


def test_refused_is_one_line_and_exit_1() -> None:
    port = closed_port()
    result = cli("tcp", "connect", "127.0.0.1", str(port))
    assert result.returncode == 1
    assert result.stderr.decode().splitlines() == [
        f"socketdesk-cli: Could not connect to 127.0.0.1:{port}: the connection was refused "
        "(is a server listening there?)."
    ]


def test_timeout_is_one_line_and_exit_1() -> None:
    with unresponsive_port() as port:
        result = cli("tcp", "connect", "127.0.0.1", str(port), "-w", "0.5")
    assert result.returncode == 1
    assert result.stderr.decode().splitlines() == [
        f"socketdesk-cli: Could not connect to 127.0.0.1:{port}: no answer within 0.5 s."
    ]


def test_unknown_host_is_one_line_and_exit_1() -> None:
    result = cli("tcp", "connect", "nowhere.invalid", "80")
    assert result.returncode == 1
    [line] = result.stderr.decode().splitlines()
    assert line.startswith("socketdesk-cli: Could not connect to nowhere.invalid:80: the host name")


def test_bad_port_is_a_usage_error() -> None:
    result = cli("tcp", "connect", "127.0.0.1", "70000")
    assert result.returncode == 2
    assert b"port 70000 is outside 1" in result.stderr


def test_console_script_is_installed() -> None:
    script = Path(sys.executable).parent / "socketdesk-cli"
    assert script.exists()
    result = subprocess.run([str(script), "--version"], capture_output=True, text=True, check=True)
    assert result.stdout.startswith("SocketDesk ")
