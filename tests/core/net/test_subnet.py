"""Subnet send: target counts, parsing errors, and real datagrams to loopback listeners."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest

from desktop.core.net.subnet import (
    MAX_TARGETS,
    BadSubnet,
    SubnetResult,
    SubnetSender,
    TooManyTargets,
    parse_targets,
)


@pytest.mark.parametrize(
    ("text", "count", "first", "last"),
    [
        ("198.18.0.0/24", 254, "198.18.0.1", "198.18.0.254"),
        ("198.18.0.77/24", 254, "198.18.0.1", "198.18.0.254"),
        ("198.18.0.0/30", 2, "198.18.0.1", "198.18.0.2"),
        ("198.18.0.0/31", 2, "198.18.0.0", "198.18.0.1"),
        ("198.18.0.9/32", 1, "198.18.0.9", "198.18.0.9"),
        ("198.18.0.0/16", 65_534, "198.18.0.1", "198.18.255.254"),
        ("198.18.0.1-198.18.0.20", 20, "198.18.0.1", "198.18.0.20"),
        ("198.18.0.1-20", 20, "198.18.0.1", "198.18.0.20"),
        ("198.18.0.250-198.18.1.4", 11, "198.18.0.250", "198.18.1.4"),
        ("198.18.0.5", 1, "198.18.0.5", "198.18.0.5"),
        ("fd00::/120", 255, "fd00::1", "fd00::ff"),
        ("fd00::/127", 2, "fd00::", "fd00::1"),
        ("fd00::1-fd00::10", 16, "fd00::1", "fd00::10"),
    ],
)
def test_counts_are_known_before_sending(text: str, count: int, first: str, last: str) -> None:
    targets = parse_targets(text)
    assert len(targets) == count
    hosts = list(targets)
    assert (hosts[0], hosts[-1], len(hosts)) == (first, last, count)
    assert str(targets.last) == last


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("198.18.0.0/33", "the prefix length is not valid"),
        ("host.example-9", "'host.example' is not an IP address"),
        ("198.18.0.9-3", "it ends before it starts"),
        ("198.18.0.1-fd00::1", "its two ends are not the same IP version"),
        ("nonsense", "'nonsense' is not an IP address"),
    ],
)
def test_bad_subnets_say_why(text: str, words: str) -> None:
    with pytest.raises(BadSubnet) as caught:
        parse_targets(text)
    assert str(caught.value) == f"'{text}' is not a subnet or an address range: {words}."


@pytest.mark.parametrize("text", ["10.0.0.0/15", "fd00::/64", "198.18.0.0-198.19.0.0"])
def test_more_than_the_cap_is_refused_with_the_count(text: str) -> None:
    with pytest.raises(TooManyTargets) as caught:
        parse_targets(text)
    assert caught.value.count > MAX_TARGETS
    assert f"a subnet send goes to at most {MAX_TARGETS}" in str(caught.value)


@pytest.fixture
def listeners() -> Iterator[list[socket.socket]]:
    """UDP sockets on 127.0.0.1, .2 and .3, one shared port."""
    first = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    first.bind(("127.0.0.1", 0))
    port = first.getsockname()[1]
    socks = [first]
    for host in ("127.0.0.2", "127.0.0.3"):
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        sock.bind((host, port))
        socks.append(sock)
    for sock in socks:
        sock.settimeout(5)
    yield socks
    for sock in socks:
        sock.close()


def test_each_host_gets_exactly_one_datagram(listeners: list[socket.socket]) -> None:
    port = listeners[0].getsockname()[1]
    reports: list[int] = []
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as out:
        sender = SubnetSender(
            parse_targets("127.0.0.1-3"),
            port,
            b"FeiQ",
            lambda data, host, to: out.sendto(data, (host, to)),
            progress=lambda result: reports.append(result.done),
            progress_every=2,
        )
        result = sender.run()
    assert (result.total, result.sent, result.failed, result.cancelled) == (3, 3, 0, False)
    assert reports == [2, 3]
    for sock in listeners:
        data, _source = sock.recvfrom(100)
        assert data == b"FeiQ"
        sock.setblocking(False)
        with pytest.raises(BlockingIOError):
            sock.recvfrom(100)  # exactly one


def test_failures_are_counted_and_the_rest_still_sent() -> None:
    def send_to(data: bytes, host: str, port: int) -> None:
        if host.endswith(".2"):
            raise OSError(113, "No route to host")

    result = SubnetSender(parse_targets("127.0.0.1-4"), 9, b"x", send_to).run()
    assert (result.sent, result.failed) == (3, 1)
    assert result.first_error is not None and result.first_error.errno == 113


def test_cancel_stops_a_rate_limited_send_at_once() -> None:
    sent: list[str] = []
    cancelled = threading.Event()

    def send_to(data: bytes, host: str, port: int) -> None:
        sent.append(host)
        if len(sent) == 2:
            cancelled.set()

    sender = SubnetSender(parse_targets("127.0.0.0/24"), 9, b"x", send_to, rate=1.0)
    runner = threading.Thread(target=sender.run)
    runner.start()
    assert cancelled.wait(10)  # the second datagram goes a second after the first
    sender.cancel()
    runner.join(10)
    assert not runner.is_alive()  # the 1/s pacing did not hold it for the other 252 s
    assert sender.result.cancelled and sender.result.sent == 2


def test_rate_must_be_positive() -> None:
    with pytest.raises(ValueError, match="positive"):
        SubnetSender(parse_targets("127.0.0.1"), 9, b"x", lambda *_: None, rate=0)


def test_result_done_counts_both() -> None:
    assert SubnetResult(5, sent=2, failed=1).done == 3
