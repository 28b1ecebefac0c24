"""``socketdesk-cli ipmsg`` on loopback only: errors and usage, one line each.

Nothing here broadcasts: every target is 127.0.0.1 with an explicit port, and the one test
without targets runs in an empty network namespace of its own. Conversations between real
engines over a LAN are in tests/lan/test_messenger_lan.py.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.helpers.strict import require

ROOT = Path(__file__).resolve().parents[2]
LOOP = ["--bind", "127.0.0.1"]


def cli(
    *args: str, timeout: float = 60, prefix: tuple[str, ...] = ()
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*prefix, sys.executable, "-m", "desktop.cli", "ipmsg", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=timeout,
    )


@contextmanager
def taken_udp_port() -> Iterator[int]:
    """A loopback UDP port chosen free by the system, then held by this process."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind(("127.0.0.1", 0))
        yield sock.getsockname()[1]


def test_port_in_use_is_one_line_naming_the_program_and_a_free_port() -> None:
    comm = Path(f"/proc/{os.getpid()}/comm").read_text().strip()
    with taken_udp_port() as port:
        result = cli("listen", *LOOP, "--port", str(port), "--broadcast", f"127.0.0.1:{port}")
    assert result.returncode == 1
    [line] = result.stderr.splitlines()
    assert line.startswith(f"socketdesk-cli: UDP port {port} on 127.0.0.1 is already in use by ")
    assert f"already in use by {comm} (pid {os.getpid()}); quit it, or" in line
    assert re.search(r"choose another port \(\d+ is free\) and tell your peers", line)
    assert result.stdout == ""


def test_send_and_list_report_a_taken_port_too() -> None:
    with taken_udp_port() as port:
        sent = cli("send", "127.0.0.1:9", "hi", *LOOP, "--port", str(port), "--wait", "0")
        listed = cli("list", *LOOP, "--port", str(port), "--broadcast", "127.0.0.1:9")
    for result in (sent, listed):
        assert result.returncode == 1
        assert len(result.stderr.splitlines()) == 1
        assert "is already in use by" in result.stderr


def test_message_to_a_silent_address_is_not_delivered_after_n_tries() -> None:
    with taken_udp_port() as silent:  # held, never read: nobody answers from it
        result = cli(
            "send", f"127.0.0.1:{silent}", "有人吗？", *LOOP, "--port", "0",
            "--wait", "0.1", "--retries", "3", "--retry-ms", "100",
        )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"socketdesk-cli: The message to 127.0.0.1:{silent} was not delivered after 3 tries: "
        "no IP Messenger answered at that address."
    ]


def test_unknown_nickname_is_one_line() -> None:
    with taken_udp_port() as silent:
        result = cli(
            "send", "鲍勃", "hi", *LOOP, "--port", "0", "--broadcast", f"127.0.0.1:{silent}",
            "--wait", "0.2",
        )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "socketdesk-cli: No user named '鲍勃' answered within 0.2 s."
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["send", "127.0.0.1"], "the following arguments are required: TEXT"),
        (["listen", "--port", "70000"], "port 70000 is outside 0–65535 (0: any free port)"),
        (["list", "--codepage", "klingon"], "'klingon' is not a known code page"),
        (["send", "x", "y", "--retries", "0"], "'0' is not a whole number of at least 1"),
        (["list", "--wait", "soon"], "'soon' is not a number of seconds"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
    ],
)
def test_bad_arguments_are_usage_errors(args: list[str], message: str) -> None:
    result = cli(*args)
    assert result.returncode == 2
    assert message in result.stderr


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("198.18.1.300", "is not an IPv4 address, range or subnet"),
        ("198.18.1.255:99999", "has the port '99999', which is not in 1..65535"),
        ("198.18.0.0-198.18.255.255", "holds more than 4096 addresses"),
        ("198.18.1.40-10", "ends before it starts"),
    ],
)
def test_bad_broadcast_target_is_one_line_before_anything_is_sent(target: str, reason: str) -> None:
    result = cli("list", *LOOP, "--port", "0", "--broadcast", target)
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(f"socketdesk-cli: The broadcast target {target!r} {reason}")


def test_bad_nickname_is_one_line() -> None:
    result = cli("list", *LOOP, "--port", "0", "--broadcast", "127.0.0.1:9", "--name", "a\nb")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "socketdesk-cli: The nickname must not contain NUL, line breaks or BEL."
    ]


def test_no_interface_with_a_broadcast_address() -> None:
    """In an empty network namespace (loopback only, and down) nothing can leave anyway."""
    require(os.geteuid() == 0 and shutil.which("unshare") is not None, "needs root and unshare")
    empty = ("unshare", "--net")
    listed = cli("list", "--wait", "0", prefix=empty)
    assert listed.returncode == 1
    assert listed.stderr.splitlines() == [
        "socketdesk-cli: No network interface has a broadcast address, so other IP Messenger "
        "users cannot be found: connect to a network, or give the addresses to announce to."
    ]
    by_name = cli("send", "鲍勃", "hi", prefix=empty)
    assert by_name.returncode == 1
    assert "No network interface has a broadcast address" in by_name.stderr
