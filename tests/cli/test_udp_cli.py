"""``socketdesk-cli udp …`` as a user runs it, on real loopback sockets."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

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
def running(*args: str) -> Iterator[tuple[subprocess.Popen[bytes], int]]:
    """A long-running udp command; yields it and the port it listens on (from its stderr)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "desktop.cli", *args],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert process.stderr is not None
        line = process.stderr.readline().decode()
        match = re.search(r"listening on UDP .*:(\d+)$", line.strip())
        assert match, line
        yield process, int(match.group(1))
    finally:
        process.terminate()
        process.wait(10)
        for stream in (process.stdin, process.stdout, process.stderr):
            if stream is not None:
                stream.close()


@pytest.mark.parametrize("host", ["127.0.0.1", "::1"])
def test_echo_server_and_interactive_client(host: str) -> None:
    with running("udp", "echo", "0", "--bind", host) as (server, port):
        result = cli(
            "udp", "send", host, str(port), "--wait", "0.5", stdin="hello\n你好\n".encode()
        )
        assert result.returncode == 0, result.stderr
        shown = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        assert result.stdout.decode().splitlines() == [f"{shown}: hello", f"{shown}: 你好"]
        server.terminate()
        out = server.communicate(timeout=10)[0].decode().splitlines()
    assert [line.split(": ", 1)[1] for line in out] == ["hello", "你好"]


def test_send_count_and_interval() -> None:
    with running("udp", "echo", "0", "--bind", "127.0.0.1") as (_server, port):
        result = cli(
            "udp", "send", "127.0.0.1", str(port), "--data", "ping", "--count", "3",
            "--interval", "10", "--wait", "0.5", "-v",
        )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().splitlines() == [f"127.0.0.1:{port}: ping"] * 3
    assert "sent 3 datagrams (12 bytes), received 3 (12 bytes)" in result.stderr.decode()


def test_send_to_a_closed_port_says_nothing_is_listening() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = cli("udp", "send", "127.0.0.1", str(port), "--data", "x", "--wait", "1")
    assert result.returncode == 1
    assert result.stderr.decode().splitlines() == [
        f"socketdesk-cli: Nothing is listening on 127.0.0.1:{port}: it answered that the port "
        "is unreachable."
    ]


@pytest.mark.parametrize(
    ("encoding", "payload", "shown"),
    [
        (None, b"ok \xff\xfe \xe4\xb8\xad\n", "ok \\xff\\xfe 中\\n"),
        ("gbk", "中文".encode("gbk") + b"\x81 \x00", "中文\\x81 \\x00"),
    ],
)
def test_listen_shows_bad_bytes_as_escapes(
    encoding: str | None, payload: bytes, shown: str
) -> None:
    extra = ["--encoding", encoding] if encoding else []
    with (
        running("udp", "listen", "0", "--bind", "127.0.0.1", *extra) as (server, port),
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as client,
    ):
        client.bind(("127.0.0.1", 0))
        client.sendto(payload, ("127.0.0.1", port))
        assert server.stdout is not None
        line = server.stdout.readline().decode().rstrip("\n")
        assert line == f"127.0.0.1:{client.getsockname()[1]}: {shown}"


def test_listen_saves_raw_and_one_file_per_datagram(tmp_path: Path) -> None:
    raw, each = tmp_path / "all.bin", tmp_path / "each"
    with (
        running(
            "udp", "listen", "0", "--bind", "127.0.0.1", "-o", str(raw), "--split", str(each)
        ) as (server, port),
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as client,
    ):
        client.sendto(b"a\x00", ("127.0.0.1", port))
        client.sendto(b"bc", ("127.0.0.1", port))
        assert server.stdout is not None
        server.stdout.readline()
        server.stdout.readline()
    assert raw.read_bytes() == b"a\x00bc"
    assert [p.read_bytes() for p in sorted(each.iterdir())] == [b"a\x00", b"bc"]


def test_flood_sends_the_count_it_reports() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sink:
        sink.setsockopt(socket.SOL_SOCKET, 33, 32 * 1024 * 1024)  # SO_RCVBUFFORCE
        sink.bind(("127.0.0.1", 0))
        result = cli(
            "udp", "flood", "127.0.0.1", str(sink.getsockname()[1]), "--rate", "20k",
            "--count", "2000", "--size", "32",
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        sink.settimeout(0.5)
        got = 0
        try:
            while True:
                assert len(sink.recv(100)) == 32
                got += 1
        except TimeoutError:
            pass
    assert result.stdout.decode().startswith("Sent 2000 datagrams in ")
    assert got == 2000


def test_address_in_use_is_one_sentence() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as taken:
        taken.bind(("127.0.0.1", 0))
        port = taken.getsockname()[1]
        result = cli("udp", "listen", str(port), "--bind", "127.0.0.1")
    assert result.returncode == 1
    said = result.stderr.decode()
    assert said.startswith(f"socketdesk-cli: 127.0.0.1:{port} is already in use by ")
    assert f"(pid {os.getpid()}). To share it" in said  # this test's process holds the port
