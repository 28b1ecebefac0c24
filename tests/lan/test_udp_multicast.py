"""Multicast on a test LAN: joined hosts only, nothing after leave; IPv4, IPv6, source-specific."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core.net.multicast import MulticastSocket
from tests.lan.netlan import ROOT, LanHost, TestLan
from tests.lan.udp_hosts import multicast_send, receive, refusal, wait_for, wait_ipv6_ready

pytestmark = pytest.mark.lan

GROUPS = {socket.AF_INET: "239.198.18.7", socket.AF_INET6: "ff12::5d:7"}


def _link_local(host: LanHost) -> str:
    shown = host.run(["ip", "-6", "-o", "addr", "show", "dev", "eth0", "scope", "link"])
    return str(shown.stdout.decode().split()[3].split("/")[0])


@pytest.mark.parametrize("family", [socket.AF_INET, socket.AF_INET6], ids=["ipv4", "ipv6"])
def test_multicast_reaches_joined_hosts_only_and_stops_after_leave(  # type: ignore[no-untyped-def]
    make_lan, tmp_path: Path, family: int
) -> None:
    lan: TestLan = make_lan(3)
    h1, h2, h3 = lan.hosts
    if family == socket.AF_INET6:
        assert all(h.call(wait_ipv6_ready) for h in lan.hosts)
    group, port = GROUPS[family], 40_000 + family
    joined = h2.start(receive, str(tmp_path), "h2", port, family, group)
    not_joined = h3.start(receive, str(tmp_path), "h3", port, family, None)
    wait_for(lambda: all((tmp_path / f"h{n}.ready").exists() for n in (2, 3)), "receivers")
    h1.call(multicast_send, group, port, b"one", family)
    wait_for((tmp_path / "h2.got1").exists, "the first datagram")
    (tmp_path / "leave").touch()
    wait_for((tmp_path / "h2.left").exists, "the leave")
    h1.call(multicast_send, group, port, b"two", family)
    (tmp_path / "stop").touch()
    got_joined, got_other = joined.result(15), not_joined.result(15)
    assert [data for data, _sender in got_joined] == [b"one"]  # and not b"two" after leaving
    assert got_other == []
    if family == socket.AF_INET:
        assert got_joined[0][1] == h1.address


@pytest.mark.parametrize("family", [socket.AF_INET, socket.AF_INET6], ids=["ipv4", "ipv6"])
def test_source_specific_join_takes_only_that_source(  # type: ignore[no-untyped-def]
    make_lan, tmp_path: Path, family: int
) -> None:
    lan: TestLan = make_lan(3)
    h1, h2, h3 = lan.hosts
    if family == socket.AF_INET6:
        assert all(h.call(wait_ipv6_ready) for h in lan.hosts)
        group, source = "ff32::8000:5d", _link_local(h1)  # link-scope SSM (ff3x::/96)
    else:
        group, source = "232.1.2.3", h1.address
    port = 40_100
    listener = h3.start(receive, str(tmp_path), "h3", port, family, group, source)
    wait_for((tmp_path / "h3.ready").exists, "the receiver")
    h2.call(multicast_send, group, port, b"from h2", family)
    h1.call(multicast_send, group, port, b"from h1", family)
    (tmp_path / "stop").touch()
    assert listener.result(15) == [(b"from h1", source)]


def join_twice_and_list(
    group: str, source: str, address: str
) -> tuple[list[tuple[str, str, str | None]], ...]:
    """Run as a host: two joins on eth0 (one source-specific), the joined lists along the way."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        control = MulticastSocket(sock)
        control.join(group, "eth0")
        control.join("232.9.9.9", "eth0", source)
        control.leave(group, "eth0")
        control.join(group, address)  # joining again after leaving works; by address too
        both = [(m.group, m.interface, m.source) for m in control.joined]
        control.leave("232.9.9.9", address, source)  # an interface given by its address
        return both, [(m.group, m.interface, m.source) for m in control.joined]


def test_joined_groups_are_listed(make_lan) -> None:  # type: ignore[no-untyped-def]
    lan: TestLan = make_lan(1)
    (host,) = lan.hosts
    both, after = host.call(join_twice_and_list, "239.1.1.1", "198.18.0.99", host.address)
    assert both == [("232.9.9.9", "eth0", "198.18.0.99"), ("239.1.1.1", "eth0", None)]
    assert after == [("239.1.1.1", "eth0", None)]


def test_join_on_an_interface_without_multicast_is_typed(make_lan) -> None:  # type: ignore[no-untyped-def]
    lan: TestLan = make_lan(1)
    (host,) = lan.hosts
    host.run(["ip", "link", "set", "eth0", "multicast", "off"], check=True)
    assert host.call(refusal, _join_on_eth0, "239.1.1.1") == (
        "NoMulticast",
        "The interface eth0 cannot do multicast: choose another one.",
    )


def _join_on_eth0(group: str) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        MulticastSocket(sock).join(group, "eth0")


def test_cli_listens_and_sends_over_ipv6(make_lan) -> None:  # type: ignore[no-untyped-def]
    lan: TestLan = make_lan(2)
    h1, h2 = lan.hosts
    assert all(h.call(wait_ipv6_ready) for h in lan.hosts)
    cli = [sys.executable, "-m", "desktop.cli", "udp", "multicast", "ff12::5d:9", "40200"]
    listener = h2.popen(
        [*cli, "--interface", "eth0", "--count", "1"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert listener.stdout is not None
    assert listener.stdout.readline().strip() == "joined ff12::5d:9 on eth0, port 40200"
    sent = h1.run([*cli, "--interface", "eth0", "--send", "飞秋", "--encoding", "gbk"], cwd=ROOT)
    assert sent.returncode == 0, sent.stderr
    out, err = listener.communicate(timeout=15)
    assert listener.returncode == 0, err
    sender = _link_local(h1)
    assert out.strip().endswith("\\xb7\\xc9\\xc7\\xef")  # GBK bytes, shown as UTF-8 escapes
    assert out.startswith(f"{sender}")
