"""A whole subnet of peers on one test-LAN host, and a thread that runs as another host.

``add_subnet`` puts every address of a /24 (inside 198.18.0.0/15) on one host's ``eth0``, so a
single responder process can answer as 254 users; ``reach_subnet`` gives another host an on-link
route to that subnet and a broadcast route for its broadcast address, so a BR_ENTRY sent there
leaves as a link-layer broadcast on the test bridge and nowhere else.

``enter_namespace`` moves the calling *thread* into a host's network namespace (setns(2) on a
thread affects that thread only). A test moves its own I/O loop thread there before the
messenger starts: the engine's socket is then created inside the test LAN, while the GUI stays
in the test process, driven by pytest-qt. That thread must be stopped after the test: it cannot
come back, and the namespace disappears with the LAN.
"""

from __future__ import annotations

import ctypes
import ipaddress
import os
import subprocess

from tests.lan.netlan import LanHost

__all__ = ["add_subnet", "enter_namespace", "reach_subnet"]

_CLONE_NEWNET = 0x40000000  # <sched.h>
_TEST_RANGE = ipaddress.ip_network("198.18.0.0/15")  # RFC 2544 benchmarking range


def _checked(network: str) -> ipaddress.IPv4Network:
    subnet = ipaddress.IPv4Network(network)
    if not subnet.subnet_of(_TEST_RANGE):
        raise ValueError(f"{subnet} is outside 198.18.0.0/15")
    return subnet


def add_subnet(host: LanHost, network: str) -> list[str]:
    """Add every host address of ``network`` to ``host``'s eth0; returns them in order."""
    subnet = _checked(network)
    addresses = [str(a) for a in subnet.hosts()]
    commands = "".join(
        f"address add {a}/{subnet.prefixlen} broadcast {subnet.broadcast_address} dev eth0\n"
        for a in addresses
    )
    done = subprocess.run(
        ["ip", "-n", host.namespace, "-batch", "-"],
        input=commands,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"adding {network} to {host.namespace}: {done.stderr.strip()}")
    return addresses


def reach_subnet(host: LanHost, network: str) -> str:
    """Route ``network`` on-link from ``host``'s eth0, with its broadcast; returns the latter."""
    subnet = _checked(network)
    broadcast = str(subnet.broadcast_address)
    for args in (
        ["route", "add", str(subnet), "dev", "eth0"],
        ["route", "add", "broadcast", broadcast, "dev", "eth0", "table", "local"],
    ):
        done = subprocess.run(
            ["ip", "-n", host.namespace, *args], capture_output=True, text=True, check=False
        )
        if done.returncode != 0:
            raise RuntimeError(f"ip {' '.join(args)}: {done.stderr.strip()}")
    return broadcast


def enter_namespace(namespace: str) -> None:
    """Move the calling thread into the network namespace ``namespace`` (for good)."""
    libc = ctypes.CDLL(None, use_errno=True)
    fd = os.open(f"/var/run/netns/{namespace}", os.O_RDONLY)
    try:
        if libc.setns(fd, _CLONE_NEWNET) != 0:
            error = ctypes.get_errno()
            raise OSError(error, f"setns into {namespace}: {os.strerror(error)}")
    finally:
        os.close(fd)
