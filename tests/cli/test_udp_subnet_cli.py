"""``socketdesk-cli udp subnet`` and ``udp multicast`` on loopback: stdin lines, refusals."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", "udp", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture
def two_listeners() -> Iterator[list[socket.socket]]:
    first = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    first.bind(("127.0.0.1", 0))
    second = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    second.bind(("127.0.0.2", first.getsockname()[1]))
    for sock in (first, second):
        sock.settimeout(10)
    yield [first, second]
    first.close()
    second.close()


def _drain(sock: socket.socket) -> list[bytes]:
    got = [sock.recv(100)]
    sock.setblocking(False)
    while True:
        try:
            got.append(sock.recv(100))
        except BlockingIOError:
            return got


def test_stdin_lines_go_to_every_host_in_turn(two_listeners: list[socket.socket]) -> None:
    port = str(two_listeners[0].getsockname()[1])
    done = cli("subnet", "127.0.0.1-2", port, "--rate", "1000", stdin="one\ntwo\n")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        f"2 hosts: 127.0.0.1 to 127.0.0.2, port {port}",
        "sent 2 of 2",
        "sent 2 of 2",
    ]
    assert [_drain(sock) for sock in two_listeners] == [[b"one", b"two"]] * 2


def test_hex_data(two_listeners: list[socket.socket]) -> None:
    port = str(two_listeners[0].getsockname()[1])
    done = cli("subnet", "127.0.0.2/32", port, "--hex", "--data", "b7c9c7ef")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == f"1 host: 127.0.0.2, port {port}"
    assert two_listeners[1].recv(100) == "飞秋".encode("gbk")


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("subnet", "10.0.0.0/8", "9", "--data", "x"), "holds 16777214 hosts"),
        (("subnet", "10.0.0.9-1", "9", "--data", "x"), "it ends before it starts"),
        (("multicast", "239.1.1.1", "9", "--interface", "lo"), "lo cannot do multicast"),
        (("multicast", "198.18.0.1", "9", "--interface", "lo"), "not a multicast group"),
        (("multicast", "239.1.1.1", "9", "--interface", "nosuch0"), "no network interface"),
    ],
)
def test_refusals_are_one_sentence_and_nothing_is_sent(args: tuple[str, ...], words: str) -> None:
    done = cli(*args)
    assert done.returncode in (1, 2)
    assert done.stderr.startswith("socketdesk-cli: ") and words in done.stderr
    assert done.stderr.count("\n") == 1
