"""Broadcast through the core's plan: reaches hosts 2 and 3, never the root namespace."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from desktop.core.net.broadcast import broadcast_interfaces, plan_broadcast
from tests.lan.netlan import TestLan
from tests.lan.udp_hosts import broadcast, receive, refusal, wait_for

pytestmark = pytest.mark.lan

PAYLOAD = "飞秋 hello".encode("gbk")


@pytest.mark.parametrize("destination", [None, "255.255.255.255"])
def test_broadcast_reaches_hosts_2_and_3_and_not_the_root_namespace(  # type: ignore[no-untyped-def]
    make_lan, tmp_path: Path, destination: str | None
) -> None:
    lan: TestLan = make_lan(3)
    h1, h2, h3 = lan.hosts
    # The bridge's own port is a member of the LAN: the root namespace's stack would take a
    # limited broadcast from it like any host. Strict reverse-path filtering on this bridge
    # (198.18/15 is not routed there) makes it the outsider the test needs.
    Path(f"/proc/sys/net/ipv4/conf/{lan.bridge}/rp_filter").write_text("1")
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as root:
        root.bind(("0.0.0.0", 0))  # the root namespace listens on the same port
        port = root.getsockname()[1]
        waiting = [h.start(receive, str(tmp_path), f"h{n}", port) for n, h in ((2, h2), (3, h3))]
        wait_for(lambda: all((tmp_path / f"h{n}.ready").exists() for n in (2, 3)), "receivers")
        used = h1.call(broadcast, "eth0", destination, port, PAYLOAD)
        (tmp_path / "stop").touch()
        got = [w.result(15) for w in waiting]
        root.setblocking(False)
        with pytest.raises(BlockingIOError):
            root.recvfrom(2048)
    assert used == (destination or h1.broadcast)  # no destination: the directed broadcast
    assert got == [[(PAYLOAD, h1.address)]] * 2


def test_broadcast_refusals_are_typed_inside_a_namespace(make_lan) -> None:  # type: ignore[no-untyped-def]
    lan: TestLan = make_lan(1)
    (host,) = lan.hosts
    assert host.call(refusal, plan_broadcast, None, "255.255.255.255") == (
        "BroadcastNeedsInterface",
        "Broadcast to 255.255.255.255 needs an interface: choose the one to send on.",
    )
    kind, words = host.call(refusal, plan_broadcast, "lo", None)
    assert kind == "CannotBroadcast" and words.startswith("The interface lo cannot broadcast")
    assert host.call(refusal, plan_broadcast, "wlan9", None) == (
        "NoSuchInterface",
        "There is no network interface called wlan9 here.",
    )
    assert [item.name for item in host.call(broadcast_interfaces)] == ["eth0"]  # not lo
    plan = host.call(plan_broadcast, host.address, None)  # an interface given by its address
    assert (plan.destination, plan.source, plan.interface.name) == (
        host.broadcast,
        host.address,
        "eth0",
    )
