"""Multicast's typed refusals (real joins and traffic: tests/lan/test_udp_multicast.py)."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from desktop.core.net import multicast
from desktop.core.net.interfaces import IfAddress, Interface, NoSuchInterface
from desktop.core.net.multicast import (
    BadGroup,
    GroupFamilyMismatch,
    MulticastError,
    MulticastSocket,
    NoMulticast,
    SourceMulticastUnsupported,
)

# A made-up multicast-capable interface: the refusals below come before any system call.
LAN = Interface(
    "sd0",
    7,
    (
        IfAddress(socket.AF_INET, "198.18.0.1", "255.255.255.0", "198.18.0.255"),
        IfAddress(socket.AF_INET6, "fe80::1", "ffff:ffff:ffff:ffff::", None),
    ),
    up=True,
    running=True,
    loopback=False,
    can_broadcast=True,
    can_multicast=True,
    mtu=1500,
)
DOWN = Interface("sd1", 8, LAN.addresses, False, False, False, True, True, 1500)


@pytest.fixture(params=[socket.AF_INET, socket.AF_INET6])
def sock(request: pytest.FixtureRequest) -> Iterator[socket.socket]:
    with socket.socket(request.param, socket.SOCK_DGRAM) as made:
        yield made


def test_loopback_without_multicast_is_refused_with_a_sentence() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        control = MulticastSocket(sock)  # this machine's real interfaces: lo has no MULTICAST
        with pytest.raises(NoMulticast) as caught:
            control.join("239.1.2.3", "lo")
    assert str(caught.value) == "The interface lo cannot do multicast: choose another one."
    assert control.joined == []


def test_a_down_interface_is_refused(sock: socket.socket) -> None:
    group = "239.1.2.3" if sock.family == socket.AF_INET else "ff15::1"
    with pytest.raises(NoMulticast):
        MulticastSocket(sock, [DOWN]).join(group, "sd1")


def test_an_unknown_interface_is_refused(sock: socket.socket) -> None:
    group = "239.1.2.3" if sock.family == socket.AF_INET else "ff15::1"
    with pytest.raises(NoSuchInterface):
        MulticastSocket(sock, [LAN]).join(group, "nosuch0")


@pytest.mark.parametrize("group", ["198.18.0.1", "not-an-address", "ff15::1x"])
def test_a_group_outside_multicast_is_refused(group: str) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock, pytest.raises(BadGroup) as e:
        MulticastSocket(sock, [LAN]).join(group, "sd0")
    assert str(e.value).startswith(f"{group} is not a multicast group address")


@pytest.mark.parametrize(
    ("family", "group", "says"),
    [
        (socket.AF_INET, "ff15::1", "ff15::1 is an IPv6 group, and this session is bound to IPv4"),
        (socket.AF_INET6, "239.1.2.3", "239.1.2.3 is an IPv4 group, and this session is bound to"),
    ],
)
def test_a_group_of_the_other_family_says_what_to_bind(family: int, group: str, says: str) -> None:
    """Not "not a multicast group address": the group is fine, the session's family is not."""
    with socket.socket(family, socket.SOCK_DGRAM) as sock, pytest.raises(GroupFamilyMismatch) as e:
        MulticastSocket(sock, [LAN]).join(group, "sd0")
    assert str(e.value).startswith(says)


def test_ipv6_source_specific_is_not_supported_off_linux(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(multicast, "_PLATFORM", "darwin")
    with (
        socket.socket(socket.AF_INET6, socket.SOCK_DGRAM) as sock,
        pytest.raises(SourceMulticastUnsupported) as caught,
    ):
        MulticastSocket(sock, [LAN]).join("ff35::1", "sd0", source="fe80::2")
    assert "Source-specific multicast over IPv6 is not supported" in str(caught.value)


def test_ttl_and_loopback_reach_the_socket(sock: socket.socket) -> None:
    control = MulticastSocket(sock, [LAN])
    control.set_ttl(7)
    control.set_loopback(False)
    if sock.family == socket.AF_INET:
        level, ttl, loop = socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, socket.IP_MULTICAST_LOOP
    else:
        level, ttl = socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_HOPS
        loop = socket.IPV6_MULTICAST_LOOP
    assert sock.getsockopt(level, ttl) == 7
    assert sock.getsockopt(level, loop) == 0
    with pytest.raises(ValueError, match="0-255"):
        control.set_ttl(256)


def test_the_systems_refusal_is_a_sentence_with_its_reason() -> None:
    gone = Interface("sd9", 99_999, LAN.addresses, True, True, False, True, True, 1500)
    with socket.socket(socket.AF_INET6, socket.SOCK_DGRAM) as sock:
        control = MulticastSocket(sock, [gone])  # an index no interface has
        with pytest.raises(MulticastError) as caught:
            control.join("ff15::1", "sd9")
    assert str(caught.value).startswith("Could not join multicast group ff15::1 on sd9: ")
    assert control.joined == []
