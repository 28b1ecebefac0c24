"""Targets, node settings, interface addresses and port owners."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from desktop.core.ipmsg import InvalidField
from desktop.core.ipmsg.messenger_errors import BadTarget
from desktop.core.ipmsg.node_settings import NodeSettings
from desktop.core.ipmsg.targets import MAX_TARGETS, parse_target, parse_targets
from desktop.core.ipmsg_io.interfaces import (
    broadcast_addresses,
    interface_addresses,
    local_addresses,
)
from desktop.core.ipmsg_io.port_owner import free_udp_port, udp_port_owner


@pytest.mark.parametrize(
    ("text", "addresses"),
    [
        ("198.18.1.255", [("198.18.1.255", 2425)]),
        (" 198.18.1.255:2426 ", [("198.18.1.255", 2426)]),
        ("198.18.1.0/24", [("198.18.1.255", 2425)]),
        ("198.18.1.77/30:3000", [("198.18.1.79", 3000)]),
        ("198.18.1.10-12", [(f"198.18.1.{n}", 2425) for n in (10, 11, 12)]),
        ("198.18.1.255-198.18.2.1", [("198.18.1.255", 2425), ("198.18.2.0", 2425),
                                     ("198.18.2.1", 2425)]),
    ],
)  # fmt: skip
def test_targets(text: str, addresses: list[tuple[str, int]]) -> None:
    assert parse_target(text) == addresses


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("host.example", "is not an IPv4 address"),
        ("198.18.1.1:0", "has the port '0'"),
        ("198.18.1.1:x", "has the port 'x'"),
        ("198.18.1.9-3", "ends before it starts"),
        ("198.18.0.0-198.19.0.0", "holds more than 4096 addresses"),
        ("fe80::1", "is not an IPv4 address"),
    ],
)
def test_bad_targets(text: str, reason: str) -> None:
    with pytest.raises(BadTarget) as caught:
        parse_target(text)
    assert str(caught.value).startswith(f"The broadcast target {text!r} {reason}")


def test_targets_together_are_deduplicated_and_capped() -> None:
    assert parse_targets(["198.18.1.255", "198.18.1.0/24", "198.18.2.1:9"]) == (
        ("198.18.1.255", 2425),
        ("198.18.2.1", 9),
    )
    with pytest.raises(BadTarget, match="past 4096 addresses"):
        parse_targets(["198.18.0.0-198.18.15.255", "198.18.16.0-198.18.16.9"])
    assert len(parse_targets(["198.18.0.0-198.18.15.255"])) == MAX_TARGETS


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"tries": 0}, "number of tries"),
        ({"retry_interval": 0}, "retry interval"),
        ({"port": 70000}, "port"),
        ({"entry_answer_delay": -1}, "entry answer delay"),
        ({"targets": (("198.18.0.255", 0),)}, "target port"),
    ],
)
def test_settings_are_checked(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidField) as caught:
        NodeSettings(**kwargs)  # type: ignore[arg-type]
    assert caught.value.field == field


def test_interfaces_include_loopback_without_a_broadcast_address() -> None:
    found = interface_addresses()
    loopback = [i for i in found if i.address == "127.0.0.1"]
    assert loopback and loopback[0].loopback and loopback[0].broadcast is None
    assert loopback[0].netmask == "255.0.0.0"
    assert "127.0.0.1" not in broadcast_addresses()
    assert "127.0.0.1" in local_addresses()


def test_port_owner_reads_proc_tables(tmp_path: Path) -> None:
    proc = tmp_path
    (proc / "net").mkdir()
    header = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid"
    row = "   1: 00000000:0979 00000000:0000 07 00000000:00000000 00:00000000 00000000     0"
    (proc / "net" / "udp").write_text(f"{header}  timeout inode\n{row}        0 4242 2 0\n")
    (proc / "net" / "udp6").write_text(f"{header}\nbroken line\n")
    for pid, name, inode in (("77", "iptux", "4242"), ("78", "bash", "999")):
        (proc / pid / "fd").mkdir(parents=True)
        (proc / pid / "comm").write_text(f"{name}\n")
        (proc / pid / "fd" / "3").symlink_to(f"socket:[{inode}]")
    (proc / "79" / "fd").mkdir(parents=True)
    (proc / "79" / "fd" / "4").symlink_to("socket:[4242]")  # no comm file
    assert udp_port_owner(2425, proc) == "iptux (pid 77), a program (pid 79)"
    assert udp_port_owner(2426, proc) is None
    assert udp_port_owner(2425, tmp_path / "missing") is None


def test_free_port_is_after_the_taken_one() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as taken:
        taken.bind(("127.0.0.1", 0))
        port = taken.getsockname()[1]
        found = free_udp_port("127.0.0.1", port)
    assert found is not None and port < found <= port + 20
    assert free_udp_port("127.0.0.1", 65535) is None
