"""The round-trip bench's floors: the C receiver answers exactly as the Python one does."""

from __future__ import annotations

import itertools
import socket
import subprocess
from collections.abc import Iterator

import pytest

from bench import ipmsg_floor_receiver as floor
from tests.helpers.ports import messenger_port
from tests.helpers.strict import require

SENDMSG_CHECK = 0x20 | 0x100 | 0x00800000  # SENDMSG | SENDCHECKOPT | UTF8OPT
DATAGRAMS = (
    b"1:77:bench:PC:%d:nick\0group\0" % (0x01 | 0x01000000),  # BR_ENTRY: ANSENTRY
    b"1:4294967295:bench:PC:%d:hi\0" % SENDMSG_CHECK,  # RECVMSG for 4294967295
    b"1:5:bench:PC:%d:no check\0" % 0x20,  # SENDMSG without SENDCHECKOPT: nothing
    b"1:6:bench:PC:%d:\0" % 0x21,  # RECVMSG: nothing
    b"1:7:bench:PC",  # too few fields: nothing
    b"1:8:bench:PC:%d:" % SENDMSG_CHECK,  # an empty body still asks
)


@pytest.fixture
def c_floor() -> Iterator[int]:
    """The C floor on 127.0.0.1 at a free port; its port."""
    reason = floor.c_floor_missing()
    require(not reason, f"the C floor cannot be built: {reason}")
    port = messenger_port()
    process = subprocess.Popen([str(floor.c_floor()), "floor-c", str(port), "127.0.0.1"])
    try:
        yield port
    finally:
        process.terminate()
        process.wait(10)


def test_the_c_floor_answers_byte_for_byte_as_the_python_floor(
    c_floor: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(floor, "_T", floor._Templates("floor-c"))
    numbers = itertools.count(1)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind(("127.0.0.1", 0))
        sock.settimeout(5)
        probe = b"1:1:bench:PC:%d:\0" % SENDMSG_CHECK  # until the floor is up
        for _ in range(50):
            sock.sendto(probe, ("127.0.0.1", c_floor))
            try:
                sock.settimeout(0.1)
                assert sock.recv(1024) == floor.answer(probe, numbers)
                break
            except (TimeoutError, ConnectionRefusedError):
                continue
        else:
            pytest.fail("the C floor never answered")
        sock.settimeout(5)
        while True:  # late answers to the probes, each with a number: counted on our side too
            try:
                sock.settimeout(0.2)
                sock.recv(1024)
                next(numbers)
            except TimeoutError:
                break
        sock.settimeout(5)
        for datagram in DATAGRAMS:
            sock.sendto(datagram, ("127.0.0.1", c_floor))
            wanted = floor.answer(datagram, numbers)
            if wanted is None:
                continue
            assert sock.recv(1024) == wanted
        # Nothing came for the ignored ones (a stray answer would be read here instead).
        sock.sendto(DATAGRAMS[1], ("127.0.0.1", c_floor))
        assert sock.recv(1024) == floor.answer(DATAGRAMS[1], numbers)


def test_without_gcc_the_c_floor_is_left_out_with_a_line_saying_why(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bench import ipmsg_iptux_roundtrip as bench
    from tests.peers import native

    monkeypatch.setattr(native.shutil, "which", lambda tool: None if tool == "gcc" else "/x")
    assert bench.floors_here(("uvloop", "c")) == (
        ("uvloop",),
        ["floor c skipped: gcc is not installed"],
    )
    assert bench.floors_here(("uvloop",)) == (("uvloop",), [])
