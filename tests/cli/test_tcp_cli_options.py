"""CLI options like ncat's: --hex, --encoding, --ssl…, and serve, against real peers."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.helpers.servers import echo_server

ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str, stdin: bytes = b"", timeout: float = 60) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        timeout=timeout,
    )


@contextmanager
def serving(
    *args: str, env: dict[str, str] | None = None
) -> Iterator[tuple[subprocess.Popen[bytes], int]]:
    process = subprocess.Popen(
        [sys.executable, "-m", "desktop.cli", "tcp", "serve", "0", "--host", "127.0.0.1", *args],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env or dict(os.environ),
    )
    try:
        assert process.stderr is not None
        line = process.stderr.readline().decode()
        match = re.search(r":(\d+)$", line.strip())
        assert match, line
        yield process, int(match.group(1))
    finally:
        if process.poll() is None:
            process.terminate()
        process.wait(10)
        for stream in (process.stdin, process.stdout, process.stderr):
            if stream:
                stream.close()


def _stderr_line(process: subprocess.Popen[bytes], timeout: float) -> str:
    """The next line the process writes to stderr; fails after ``timeout`` seconds without one."""
    assert process.stderr is not None
    stderr = process.stderr
    lines: list[bytes] = []
    reader = threading.Thread(target=lambda: lines.append(stderr.readline()), daemon=True)
    reader.start()
    reader.join(timeout)
    assert lines, f"nothing on stderr within {timeout} s"
    return lines[0].decode()


def test_hex_input_and_hexdump_output() -> None:
    with echo_server() as (host, port):
        result = cli(
            "tcp", "connect", host, str(port), "--hex", stdin=b"48 65 6c 6c 6f\n0x0d,0x0a\nzz\n"
        )
    assert result.returncode == 0
    assert result.stdout.decode().splitlines()[0].startswith("00000000  48 65 6c 6c 6f")
    assert "|Hello" in result.stdout.decode()
    assert b"'z' at column 1 is not a hex digit" in result.stderr
    assert b"(line not sent)" in result.stderr


def test_encoding_converts_both_ways() -> None:
    """A GBK peer: what we type in UTF-8 goes out in GBK, and its GBK comes back readable."""
    received: list[bytes] = []
    import socket
    import threading

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)

    def gbk_peer() -> None:
        conn, _ = listener.accept()
        with conn:
            data = b""
            while chunk := conn.recv(100):
                data += chunk
            received.append(data)
            conn.sendall("收到：".encode("gbk") + data)

    thread = threading.Thread(target=gbk_peer)
    thread.start()
    result = cli(
        "tcp",
        "connect",
        "127.0.0.1",
        str(listener.getsockname()[1]),
        "--encoding",
        "gbk",
        stdin="你好\n".encode(),
    )
    thread.join(10)
    listener.close()
    assert received == ["你好\n".encode("gbk")]
    assert result.stdout.decode("utf-8") == "收到：你好\n"


def test_unknown_encoding_is_one_line() -> None:
    result = cli("tcp", "connect", "127.0.0.1", "9", "--encoding", "klingon")
    assert result.returncode == 1
    assert result.stderr.decode().strip() == "socketdesk-cli: unknown encoding 'klingon'"


def test_ssl_client_against_ssl_serve_with_echo() -> None:
    with serving("--echo", "-k", "--ssl") as (_server, port):
        result = cli("tcp", "connect", "127.0.0.1", str(port), "--ssl", stdin="秘密\n".encode())
    assert result.returncode == 0, result.stderr
    assert result.stdout == "秘密\n".encode()


def test_ssl_verify_refuses_a_self_signed_server() -> None:
    with serving("--echo", "-k", "--ssl") as (_server, port):
        result = cli("tcp", "connect", "127.0.0.1", str(port), "--ssl-verify")
    assert result.returncode == 1
    [line] = result.stderr.decode().splitlines()
    assert line.startswith("socketdesk-cli: ") and "self-signed" in line


def test_serve_prints_what_a_client_sends_and_stdin_reaches_the_client() -> None:
    import socket

    with serving("--hex", "--verbose") as (server, port):
        client = socket.create_connection(("127.0.0.1", port))
        client.settimeout(10)
        client.sendall(b"\x00\x01AB")
        # stdin goes to the clients connected when it is read: wait until the server has
        # accepted this one (it says so with --verbose), not for an arbitrary time.
        assert "client 1 connected from 127.0.0.1:" in _stderr_line(server, timeout=10)
        assert server.stdin is not None
        server.stdin.write(b"6f 6b\n")
        server.stdin.flush()
        assert client.recv(10) == b"ok"
        client.close()
        out, _ = server.communicate(timeout=10)
    assert out.decode().startswith("00000000  00 01 41 42")


def test_serve_port_in_use_is_one_line() -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = cli("tcp", "serve", str(port), "--host", "127.0.0.1")
    assert result.returncode == 1
    [said] = result.stderr.decode().splitlines()  # one sentence, naming this test's process
    assert said.startswith(f"socketdesk-cli: 127.0.0.1:{port} is already in use by ")
    assert said.endswith(f"(pid {os.getpid()}).")


def test_serve_saves_exact_bytes_to_a_file(tmp_path: Path) -> None:
    import socket

    target = tmp_path / "capture.bin"
    payload = os.urandom(3_000_000)
    with serving("--no-stdout", "-o", str(target)) as (server, port):
        with socket.create_connection(("127.0.0.1", port)) as client:
            client.sendall(payload)
        server.wait(20)
    assert target.read_bytes() == payload
    assert not (tmp_path / "capture.bin.part").exists()
