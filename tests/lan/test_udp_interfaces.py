"""Interfaces listed inside a test-LAN namespace match what ``ip -j addr`` says there."""

from __future__ import annotations

import ipaddress
import json
import socket

import pytest

from desktop.core.net.interfaces import list_interfaces
from tests.lan.netlan import TestLan
from tests.lan.udp_hosts import wait_ipv6_ready

pytestmark = pytest.mark.lan


def listed() -> list[tuple[object, ...]]:
    """Run as a host: the core's view, flattened to plain tuples."""
    return [
        (
            item.name,
            item.index,
            item.mtu,
            item.up,
            item.loopback,
            item.can_broadcast,
            item.can_multicast,
            sorted((a.family, a.address, a.netmask, a.broadcast) for a in item.addresses),
        )
        for item in list_interfaces()
    ]


def _netmask(family: int, prefix: int) -> str:
    bits = 32 if family == socket.AF_INET else 128
    network = ipaddress.ip_network(f"{'0.0.0.0' if bits == 32 else '::'}/{prefix}")
    return str(network.netmask)


def _from_ip(entries: list[dict[str, object]]) -> list[tuple[object, ...]]:
    found = []
    for entry in entries:
        flags = entry["flags"]
        assert isinstance(flags, list)
        addresses = []
        for info in entry.get("addr_info", []):  # type: ignore[attr-defined]
            family = socket.AF_INET if info["family"] == "inet" else socket.AF_INET6
            addresses.append(
                (family, info["local"], _netmask(family, info["prefixlen"]), info.get("broadcast"))
            )
        found.append(
            (
                entry["ifname"],
                entry["ifindex"],
                entry["mtu"],
                "UP" in flags,
                "LOOPBACK" in flags,
                "BROADCAST" in flags,
                "MULTICAST" in flags,
                sorted(addresses),
            )
        )
    return sorted(found, key=lambda row: row[1])  # type: ignore[arg-type,return-value]


def test_interfaces_in_a_namespace_match_ip_addr(make_lan) -> None:  # type: ignore[no-untyped-def]
    lan: TestLan = make_lan(1)
    (host,) = lan.hosts
    assert host.call(wait_ipv6_ready)
    host.run(["ip", "link", "set", "eth0", "mtu", "1400"], check=True)
    host.run(["ip", "addr", "add", "198.18.200.9/23", "brd", "+", "dev", "eth0"], check=True)
    host.run(["ip", "addr", "add", "198.18.210.9/24", "dev", "eth0"], check=True)  # no "brd"
    ours = host.call(listed)
    shown = host.run(["ip", "-j", "addr"], check=True, text=True).stdout
    assert ours == _from_ip(json.loads(shown))
    eth0 = next(row for row in ours if row[0] == "eth0")
    assert eth0[2] == 1400
    assert (socket.AF_INET, "198.18.200.9", "255.255.254.0", "198.18.201.255") in eth0[7]
    assert (socket.AF_INET, "198.18.210.9", "255.255.255.0", None) in eth0[7]
