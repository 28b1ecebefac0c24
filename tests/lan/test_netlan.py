"""The test LAN itself: broadcast reaches the other hosts and never the root namespace."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import pytest

from tests.lan.netlan import ROOT, TestLan, leftovers

pytestmark = pytest.mark.lan


def receive_one(port: int, wait: float) -> tuple[bytes, str] | None:
    """Run as a host: the first datagram arriving on ``port`` within ``wait`` seconds."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind(("0.0.0.0", port))
        sock.settimeout(wait)
        try:
            data, sender = sock.recvfrom(2048)
        except TimeoutError:
            return None
        return data, sender[0]


def broadcast(address: str, port: int, payload: bytes, times: int) -> int:
    """Run as a host: send ``payload`` to ``address`` ``times`` times, 50 ms apart."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
        for _ in range(times):
            sock.sendto(payload, (address, port))
            time.sleep(0.05)
    return times


def my_addresses() -> list[str]:
    """Run as a host: the IPv4 addresses it has."""
    out = subprocess.run(["ip", "-4", "-o", "addr"], capture_output=True, text=True).stdout
    return sorted(line.split()[3] for line in out.splitlines())


def test_broadcast_reaches_hosts_2_and_3_but_not_the_root_namespace(make_lan) -> None:  # type: ignore[no-untyped-def]
    lan: TestLan = make_lan(3)
    h1, h2, h3 = lan.hosts
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as root:
        root.bind(("0.0.0.0", 0))  # the root namespace listens on the same port
        port = root.getsockname()[1]
        root.settimeout(0.2)
        waiting = [h.start(receive_one, port, 10.0) for h in (h2, h3)]
        time.sleep(0.3)  # let the receivers bind; the sender repeats anyway
        assert h1.call(broadcast, h1.broadcast, port, "飞秋 hello".encode("gbk"), 20) == 20
        got = [w.result(15) for w in waiting]
        assert got == [("飞秋 hello".encode("gbk"), h1.address)] * 2
        leaked = []
        deadline = time.monotonic() + 1.0
        while time.monotonic() < deadline:
            try:
                leaked.append(root.recvfrom(2048))
            except TimeoutError:
                continue
        assert leaked == []


def test_hosts_have_their_own_addresses_only(make_lan) -> None:  # type: ignore[no-untyped-def]
    lan: TestLan = make_lan(2)
    first = lan.hosts[0].address
    assert first.startswith("198.18.")
    assert lan.hosts[0].call(my_addresses) == ["127.0.0.1/8", f"{first}/24"]


def test_a_failing_host_call_raises_in_the_test(make_lan) -> None:  # type: ignore[no-untyped-def]
    lan: TestLan = make_lan(1)
    with pytest.raises(ZeroDivisionError):
        lan.hosts[0].call(divmod, 1, 0)


def test_teardown_removes_everything_even_after_an_error(lan_support) -> None:  # type: ignore[no-untyped-def]
    from tests.helpers.strict import require
    from tests.lan.netlan import lan_available

    ok, reason = lan_available()
    require(ok, reason)
    before = set(leftovers(os.getpid()))
    lan = TestLan(2)
    with pytest.raises(RuntimeError, match="boom"), lan:
        lan.hosts[0].popen(["sleep", "300"])
        assert set(leftovers(os.getpid())) - before  # it really existed
        raise RuntimeError("boom")
    assert set(leftovers(os.getpid())) == before
    assert all(p.poll() is not None for h in lan.hosts for p in h.processes)


def test_cli_in_a_host_without_dns_reports_unknown_host(make_lan) -> None:  # type: ignore[no-untyped-def]
    """A real resolver failure: inside the namespace no DNS server is reachable (nothing leaves)."""
    lan: TestLan = make_lan(1)
    result = lan.hosts[0].run(
        [
            sys.executable,
            "-m",
            "desktop.cli",
            "tcp",
            "connect",
            "socketdesk-test.example",
            "80",
            "-w",
            "5",
        ],
        cwd=ROOT,
    )
    assert result.returncode == 1
    [line] = result.stderr.decode().splitlines()
    assert line.startswith(
        "socketdesk-cli: Could not connect to socketdesk-test.example:80: the host name is unknown"
    )


def test_subnet_outside_the_benchmark_range_is_refused() -> None:
    with pytest.raises(ValueError, match=r"outside 198\.18\.0\.0/15"):
        TestLan(2, subnet="192.0.2.0/24")
