"""Programs that run as test-LAN hosts for the UDP tests, coordinated through files.

A receiver binds, joins what it is told, touches ``<dir>/<name>.ready`` and collects datagrams
(touching ``<dir>/<name>.got<N>`` at the N-th) until ``<dir>/stop`` exists; it leaves its group
when ``<dir>/leave`` appears (touching ``<dir>/<name>.left``). Files work across namespaces:
only the network is separate.
"""

from __future__ import annotations

import select
import socket
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

from desktop.core.errors import SocketDeskError
from desktop.core.net.broadcast import open_broadcast_socket, plan_broadcast
from desktop.core.net.multicast import MulticastSocket

__all__ = ["broadcast", "multicast_send", "receive", "refusal", "wait_for", "wait_ipv6_ready"]

_DRAIN_S = 0.3  # after stop: what is already on the bridge arrives within this


def receive(  # noqa: PLR0917  (positional: LanHost.start passes *args)
    directory: str,
    name: str,
    port: int,
    family: int = socket.AF_INET,
    group: str | None = None,
    source: str | None = None,
) -> list[tuple[bytes, str]]:
    """Collect (data, sender address) until the stop file appears."""
    folder = Path(directory)
    with socket.socket(family, socket.SOCK_DGRAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("::" if family == socket.AF_INET6 else "0.0.0.0", port))
        control = MulticastSocket(sock)
        if group is not None:
            control.join(group, "eth0", source)
        (folder / f"{name}.ready").touch()
        got: list[tuple[bytes, str]] = []
        drain_until: float | None = None
        while drain_until is None or time.monotonic() < drain_until:
            if drain_until is None and (folder / "stop").exists():
                drain_until = time.monotonic() + _DRAIN_S
            if control.joined and (folder / "leave").exists():
                control.leave_all()
                (folder / f"{name}.left").touch()
            readable, _, _ = select.select([sock], [], [], 0.02)
            if readable:
                data, sender = sock.recvfrom(65_535)
                got.append((data, str(sender[0]).split("%")[0]))
                (folder / f"{name}.got{len(got)}").touch()
        return got


def broadcast(interface: str | None, destination: str | None, port: int, data: bytes) -> str:
    """Send one broadcast as planned by the core; returns the destination used."""
    plan = plan_broadcast(interface, destination)
    with open_broadcast_socket(plan) as sock:
        sock.sendto(data, (plan.destination, port))
    return plan.destination


def multicast_send(group: str, port: int, data: bytes, family: int = socket.AF_INET) -> None:
    """Send one datagram to ``group`` out of eth0."""
    with socket.socket(family, socket.SOCK_DGRAM) as sock:
        control = MulticastSocket(sock)
        control.set_send_interface("eth0")
        control.set_ttl(1)
        if family == socket.AF_INET6:
            sock.sendto(data, (group, port, 0, socket.if_nametoindex("eth0")))
        else:
            sock.sendto(data, (group, port))


def refusal(func: Callable[..., object], *args: object) -> tuple[str, str]:
    """Run ``func(*args)`` expecting a SocketDeskError: its class name and English sentence.

    (The core's errors take their facts as arguments, so they do not travel pickled.)
    """
    try:
        func(*args)
    except SocketDeskError as error:
        return type(error).__name__, str(error)
    return "", "no error"


def wait_ipv6_ready() -> bool:
    """Wait until eth0's link-local IPv6 address is no longer tentative (duplicate detection)."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        shown = subprocess.run(
            ["ip", "-6", "addr", "show", "dev", "eth0", "scope", "link"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        if "inet6" in shown and "tentative" not in shown:
            return True
        time.sleep(0.05)
    return False


def wait_for(condition: Callable[[], bool], what: str, timeout: float = 15) -> None:
    """Poll ``condition`` until it holds (the tests' readiness handshake)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.01)
