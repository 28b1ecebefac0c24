"""``socketdesk-cli tcp relay`` in front of real servers on loopback, as a user runs it."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.helpers.servers import closed_port, echo_server

ROOT = Path(__file__).resolve().parents[2]
STAMP = r"\d\d:\d\d:\d\d\.\d{3}"


@contextmanager
def relay_cli(*args: str) -> Iterator[tuple[subprocess.Popen[bytes], int]]:
    """Run ``tcp relay 0 …`` on 127.0.0.1; yields the process and its port; kills it at the end."""
    process = subprocess.Popen(
        [sys.executable, "-m", "desktop.cli", "tcp", "relay", "0", *args, "--host", "127.0.0.1"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert process.stderr is not None
        line = process.stderr.readline().decode()
        match = re.fullmatch(r"socketdesk-cli: listening on 127\.0\.0\.1:(\d+)\n", line)
        assert match, line
        yield process, int(match[1])
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=10)


def exchange(sock: socket.socket, data: bytes) -> bytes:
    sock.sendall(data)
    answer = b""
    while len(answer) < len(data):
        chunk = sock.recv(65536)
        assert chunk, "the relay closed early"
        answer += chunk
    return answer


def test_timeline_of_both_directions_and_the_echo() -> None:
    with (
        echo_server() as (host, port),
        relay_cli(host, str(port), "-v") as (process, relay_port),
        socket.create_connection(("127.0.0.1", relay_port), timeout=10) as client,
    ):
        assert exchange(client, b"GET / HTTP/1.1\r\n") == b"GET / HTTP/1.1\r\n"
        assert exchange(client, "你好\n".encode()) == "你好\n".encode()
        assert exchange(client, b"a" * 1000) == b"a" * 1000
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=10)
    assert process.returncode == 0, err
    lines = out.decode().splitlines()
    expected = [
        r"client→target 16 GET / HTTP/1\.1\\r\\n",
        r"target→client 16 GET / HTTP/1\.1\\r\\n",
        r"client→target 7 你好\\n",
        r"target→client 7 你好\\n",
        r"client→target 1000 a{200}…",
        r"target→client 1000 a{200}…",
    ]
    assert len(lines) == len(expected), lines
    for line, tail in zip(lines, expected, strict=True):
        assert re.fullmatch(f"{STAMP} #1 {tail}", line), line
    messages = err.decode().splitlines()
    assert re.fullmatch(r"socketdesk-cli: pair 1: 127\.0\.0\.1:\d+ ⇄ 127\.0\.0\.1:\d+", messages[0])
    assert messages[1:] == [
        "socketdesk-cli: pair 1: The relay was stopped.",
        "socketdesk-cli: relayed 1023 bytes client→target, 1023 bytes target→client",
    ]


def test_target_refused_is_reported_and_the_client_sees_eof() -> None:
    port = closed_port()
    with relay_cli("127.0.0.1", str(port)) as (process, relay_port):
        with socket.create_connection(("127.0.0.1", relay_port), timeout=10) as client:
            assert client.recv(100) == b""
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=10)
    assert process.returncode == 0
    assert out == b""
    [line] = err.decode().splitlines()
    assert re.fullmatch(
        rf"socketdesk-cli: pair 1 from 127\.0\.0\.1:\d+: Could not connect to 127\.0\.0\.1:{port}: "
        r"the connection was refused \(is a server listening there\?\)\.",
        line,
    )


def test_port_in_use_is_one_line_and_exit_1() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        argv = ["tcp", "relay", "--host", "127.0.0.1", str(port), "127.0.0.1", "9"]
        result = subprocess.run(
            [sys.executable, "-m", "desktop.cli", *argv],
            cwd=ROOT,
            capture_output=True,
            timeout=60,
        )
    assert result.returncode == 1
    assert result.stdout == b""
    [said] = result.stderr.decode().splitlines()  # one sentence, naming this test's process
    assert said.startswith(f"socketdesk-cli: 127.0.0.1:{port} is already in use by ")
    assert said.endswith(f"(pid {os.getpid()}).")


def test_bad_target_port_is_a_usage_error() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "tcp", "relay", "0", "127.0.0.1", "0"],
        cwd=ROOT,
        capture_output=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert b"port 0 is outside 1" in result.stderr


def test_output_saves_what_the_targets_sent_through_the_session_core(tmp_path: Path) -> None:
    saved = tmp_path / "answers.bin"
    payload = bytes(range(256)) * 40
    with (
        echo_server() as (host, port),
        relay_cli(host, str(port), "-v", "-o", str(saved)) as (process, relay_port),
    ):
        with socket.create_connection(("127.0.0.1", relay_port), timeout=10) as client:
            assert exchange(client, payload) == payload
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=10)
    assert process.returncode == 0, err
    assert saved.read_bytes() == payload  # exact bytes, target→client only
    messages = err.decode().splitlines()
    assert f"socketdesk-cli: Saved {len(payload)} bytes to {saved}." in messages
    assert messages[-1] == (
        f"socketdesk-cli: relayed {len(payload)} bytes client→target, "
        f"{len(payload)} bytes target→client"
    )
