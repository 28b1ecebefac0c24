"""Broadcast: the interfaces a user can broadcast on, the address to send to, the socket set up.

A directed broadcast (``198.18.0.255``) is routed to its subnet's interface by the system. The
limited broadcast ``255.255.255.255`` leaves by whatever interface the routing table prefers, so
it is only offered together with an interface: the socket is bound to that interface's address
(Linux, Windows and macOS then send it there) and, on Linux, also to the device when permitted.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import sys
from dataclasses import dataclass

from desktop.core.errors import NetError
from desktop.core.net.interfaces import IfAddress, Interface, find_interface, list_interfaces
from desktop.core.sentence import QT_TRANSLATE_NOOP, sentence

__all__ = [
    "LIMITED_BROADCAST",
    "BroadcastNeedsInterface",
    "BroadcastPlan",
    "CannotBroadcast",
    "broadcast_interfaces",
    "configure_broadcast",
    "open_broadcast_socket",
    "plan_broadcast",
]

LIMITED_BROADCAST = "255.255.255.255"


class BroadcastNeedsInterface(NetError):
    """255.255.255.255 was asked for without an interface."""

    def __init__(self) -> None:
        super().__init__(
            sentence(
                QT_TRANSLATE_NOOP(
                    "core",
                    "Broadcast to 255.255.255.255 needs an interface: choose the one to send on.",
                )
            )
        )


class CannotBroadcast(NetError):
    """The chosen interface has no broadcast (loopback, point-to-point, down or no IPv4)."""

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(
            sentence(
                QT_TRANSLATE_NOOP(
                    "core",
                    "The interface {name} cannot broadcast (it is down, has no IPv4 address, "
                    "or its kind of link has no broadcast).",
                ),
                name=name,
            )
        )


@dataclass(frozen=True, slots=True)
class BroadcastPlan:
    """Where a broadcast goes and from where.

    Attributes:
        destination: the address to send to.
        interface: the interface chosen (None for a directed broadcast left to routing).
        source: the IPv4 address to bind (the interface's; ``0.0.0.0`` without one).
    """

    destination: str
    interface: Interface | None
    source: str


def broadcast_interfaces(interfaces: list[Interface] | None = None) -> list[Interface]:
    """The interfaces a user can broadcast on: up, broadcast-capable, with an IPv4 address."""
    every = list_interfaces() if interfaces is None else interfaces
    return [item for item in every if _can_broadcast(item)]


def plan_broadcast(
    interface: str | None,
    destination: str | None = None,
    interfaces: list[Interface] | None = None,
) -> BroadcastPlan:
    """Check a broadcast request and say where it goes.

    Args:
        interface: the interface's name or address, or None/empty for none.
        destination: the address to send to; None or empty means the interface's directed
            broadcast address.
        interfaces: the interfaces to choose from (default: this machine's).

    Raises:
        NoSuchInterface, BroadcastNeedsInterface, CannotBroadcast: with a sentence.
    """
    target = (destination or "").strip()
    name = (interface or "").strip()
    if not name:
        if not target or target == LIMITED_BROADCAST:
            raise BroadcastNeedsInterface
        return BroadcastPlan(target, None, "0.0.0.0")
    chosen = find_interface(name, interfaces)
    if not _can_broadcast(chosen):
        raise CannotBroadcast(chosen.name)
    address = _address_for(chosen, target)
    if not target:
        assert address.broadcast is not None  # _can_broadcast saw one
        target = address.broadcast
    return BroadcastPlan(target, chosen, address.address)


def configure_broadcast(sock: socket.socket, plan: BroadcastPlan) -> None:
    """Set SO_BROADCAST on ``sock`` and, on Linux, tie it to the plan's device when permitted.

    The socket must still be bound by the caller (to ``plan.source``), which is what keeps a
    limited broadcast on the chosen interface where SO_BINDTODEVICE is unavailable.
    """
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
    if plan.interface is not None and sys.platform == "linux":
        with contextlib.suppress(OSError):  # needs CAP_NET_RAW on older kernels
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE, plan.interface.name.encode())


def open_broadcast_socket(plan: BroadcastPlan, port: int = 0) -> socket.socket:
    """A UDP socket ready to send ``plan``'s broadcast, bound to its source address and ``port``."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        configure_broadcast(sock, plan)
        sock.bind((plan.source, port))
    except OSError:
        sock.close()
        raise
    return sock


def _can_broadcast(item: Interface) -> bool:
    return (
        item.up
        and item.can_broadcast
        and not item.loopback
        and any(address.broadcast for address in item.ipv4())
    )


def _address_for(item: Interface, destination: str) -> IfAddress:
    """The interface address whose subnet holds ``destination`` (else its first with one)."""
    candidates = [address for address in item.ipv4() if address.broadcast]
    if destination and destination != LIMITED_BROADCAST:
        with contextlib.suppress(ValueError):
            wanted = ipaddress.IPv4Address(destination)
            for address in candidates:
                net = ipaddress.IPv4Network(f"{address.address}/{address.netmask}", strict=False)
                if wanted in net:
                    return address
    return candidates[0]
