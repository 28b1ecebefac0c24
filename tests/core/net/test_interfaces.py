"""Interfaces from psutil: this machine's loopback, the directed broadcast, lookups by name."""

from __future__ import annotations

import socket
from collections import namedtuple

import pytest

from desktop.core.net.interfaces import (
    IfAddress,
    Interface,
    NoSuchInterface,
    broadcast_addresses,
    directed_broadcast,
    find_interface,
    interface_addresses,
    list_interfaces,
    local_addresses,
)


def test_loopback_is_listed_with_its_index_flags_and_addresses() -> None:
    loopback = find_interface("lo")
    assert loopback.index == socket.if_nametoindex("lo")
    assert loopback.up and loopback.loopback and not loopback.can_broadcast
    assert loopback.mtu > 0
    assert IfAddress(socket.AF_INET, "127.0.0.1", "255.0.0.0", None) in loopback.addresses
    assert any(item.address == "::1" for item in loopback.ipv6())
    assert find_interface("127.0.0.1") == loopback  # by address too


def test_messenger_view_keeps_loopback_out_of_broadcasts() -> None:
    found = interface_addresses()
    loopback = [i for i in found if i.address == "127.0.0.1"]
    assert loopback and loopback[0].loopback and loopback[0].broadcast is None
    assert loopback[0].netmask == "255.0.0.0"
    assert "127.0.0.1" not in broadcast_addresses()
    assert "127.0.0.1" in local_addresses()


def test_every_index_is_the_systems() -> None:
    system = dict((name, index) for index, name in socket.if_nameindex())
    for item in list_interfaces():
        assert item.index == system[item.name]


def test_unknown_interface_is_a_typed_error() -> None:
    with pytest.raises(NoSuchInterface) as caught:
        find_interface("nosuch0", [])
    assert str(caught.value) == "There is no network interface called nosuch0 here."
    assert caught.value.sentence.fact("name") == "nosuch0"


@pytest.mark.parametrize(
    ("address", "netmask", "broadcast"),
    [
        ("198.18.0.7", "255.255.255.0", "198.18.0.255"),
        ("198.18.5.9", "255.255.254.0", "198.18.5.255"),
        ("198.18.4.9", "255.254.0.0", "198.19.255.255"),
        ("198.18.0.1", "255.255.255.255", "198.18.0.1"),
    ],
)
def test_directed_broadcast(address: str, netmask: str, broadcast: str) -> None:
    assert directed_broadcast(address, netmask) == broadcast


def test_interface_helpers() -> None:
    item = Interface("x", 9, (IfAddress(socket.AF_INET6, "fe80::1", None, None),), True, True,
                     False, False, True, 1500)  # fmt: skip
    assert item.ipv4() == [] and item.ipv6()[0].address == "fe80::1"


def test_without_flags_as_on_windows_capabilities_and_broadcast_are_inferred(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import psutil

    # psutil's own tuples live in a private module that moves between versions: same fields.
    snicaddr = namedtuple("snicaddr", "family address netmask broadcast ptp")
    snicstats = namedtuple("snicstats", "isup duplex speed mtu flags")

    addrs = {
        "Ethernet": [
            snicaddr(psutil.AF_LINK, "00-15-5D-00-00-01", None, None, None),
            snicaddr(socket.AF_INET, "198.18.3.7", "255.255.254.0", None, None),
            snicaddr(socket.AF_INET6, "fe80::1%12", None, None, None),
        ],
        "Loopback Pseudo-Interface 1": [
            snicaddr(socket.AF_INET, "127.0.0.1", "255.0.0.0", None, None),
        ],
    }
    stats = {
        "Ethernet": snicstats(True, 2, 1000, 1500, ""),
        "Loopback Pseudo-Interface 1": snicstats(True, 0, 1073, 1500, ""),
    }
    monkeypatch.setattr(psutil, "net_if_addrs", lambda: addrs)
    monkeypatch.setattr(psutil, "net_if_stats", lambda: stats)
    found = {item.name: item for item in list_interfaces()}
    ethernet, loopback = found["Ethernet"], found["Loopback Pseudo-Interface 1"]
    assert ethernet.can_broadcast and ethernet.can_multicast and not ethernet.loopback
    assert ethernet.ipv4()[0].broadcast == "198.18.3.255"
    assert ethernet.ipv6()[0].address == "fe80::1"  # without its scope
    assert loopback.loopback and not loopback.can_broadcast and not loopback.can_multicast
    assert broadcast_addresses() == ["198.18.3.255"]
