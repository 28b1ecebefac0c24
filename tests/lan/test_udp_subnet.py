"""Subnet send on a test LAN: a /24 where three hosts listen, through the CLI and the core."""

from __future__ import annotations

import socket
import sys
from pathlib import Path

import pytest

from desktop.core.net.subnet import SubnetSender, parse_targets
from tests.lan.netlan import ROOT, TestLan
from tests.lan.udp_hosts import receive, wait_for

pytestmark = pytest.mark.lan


def _listen_on_three(lan: TestLan, tmp_path: Path, port: int) -> list:  # type: ignore[type-arg]
    calls = [h.start(receive, str(tmp_path), f"h{n}", port) for n, h in enumerate(lan.hosts) if n]
    wait_for(lambda: all((tmp_path / f"h{n}.ready").exists() for n in (1, 2, 3)), "receivers")
    return calls


def test_cli_subnet_send_counts_254_and_each_listener_gets_one(make_lan, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    lan: TestLan = make_lan(4)
    sender = lan.hosts[0]
    calls = _listen_on_three(lan, tmp_path, 2425)
    network = str(lan.network)
    done = sender.run(
        [sys.executable, "-m", "desktop.cli", "udp", "subnet", network, "2425", "--data", "飞秋",
         "--encoding", "gbk"],
        cwd=ROOT,
        text=True,
    )  # fmt: skip
    (tmp_path / "stop").touch()
    got = [call.result(15) for call in calls]
    first, last = lan.network[1], lan.network[254]
    assert done.stdout.splitlines()[0] == f"254 hosts: {first} to {last}, port 2425"
    assert "sent 254 of 254" in done.stdout
    assert got == [[("飞秋".encode("gbk"), sender.address)]] * 3


def send_range(text: str, port: int, rate: float) -> tuple[int, int, int]:
    """Run as a host: the core's sender over a plain socket; (count, sent, failed)."""
    targets = parse_targets(text)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        result = SubnetSender(
            targets, port, b"ping", lambda d, h, p: sock.sendto(d, (h, p)), rate=rate
        ).run()
    return len(targets), result.sent, result.failed


def test_core_range_send_at_a_rate_reaches_the_listeners_in_range(make_lan, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    lan: TestLan = make_lan(4)
    calls = _listen_on_three(lan, tmp_path, 40_300)
    h2, h3 = lan.hosts[1].address, lan.hosts[2].address
    assert lan.hosts[0].call(send_range, f"{h2}-{h3.rsplit('.', 1)[1]}", 40_300, 500.0) == (2, 2, 0)
    (tmp_path / "stop").touch()
    got = [call.result(15) for call in calls]
    ping = (b"ping", lan.hosts[0].address)
    assert got == [[ping], [ping], []]  # host 4 is outside the range
