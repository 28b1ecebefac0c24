"""This machine's network interfaces, on every desktop (psutil's ``net_if_addrs``/``net_if_stats``).

Shared by the Messenger (which announces itself to each interface's broadcast address) and the
Workbench's UDP sessions (broadcast and multicast need an interface). psutil works on Linux,
Windows and macOS alike; the ctypes ``getifaddrs`` it replaced listed nothing on Windows.
psutil is imported on the first listing, not at start-up (docs/BENCHMARKS.md has the cost).
"""

from __future__ import annotations

import ipaddress
import socket
import sys
from dataclasses import dataclass

from desktop.core.errors import NetError
from desktop.core.sentence import QT_TRANSLATE_NOOP, sentence

__all__ = [
    "IfAddress",
    "Interface",
    "InterfaceAddress",
    "NoSuchInterface",
    "broadcast_addresses",
    "directed_broadcast",
    "find_interface",
    "interface_addresses",
    "list_interfaces",
    "local_addresses",
]


class NoSuchInterface(NetError):
    """No interface has the name (or address) the user gave."""

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(
            sentence(
                QT_TRANSLATE_NOOP("core", "There is no network interface called {name} here."),
                name=name,
            )
        )


@dataclass(frozen=True, slots=True)
class IfAddress:
    """One address of an interface.

    Attributes:
        family: ``socket.AF_INET`` or ``socket.AF_INET6``.
        address: the address (an IPv6 one without its ``%scope``).
        netmask: its netmask, if known.
        broadcast: its broadcast address (IPv4 on a broadcast-capable interface), if any.
    """

    family: int
    address: str
    netmask: str | None
    broadcast: str | None


@dataclass(frozen=True, slots=True)
class Interface:
    """One network interface.

    Attributes:
        name: its name (``eth0``; ``Ethernet`` on Windows).
        index: its index (for multicast and scoped IPv6 addresses), None where unknown.
        addresses: its IPv4 and IPv6 addresses.
        up: administratively up.
        running: up and with a carrier.
        loopback: a loopback interface.
        can_broadcast: it supports broadcast.
        can_multicast: it supports multicast.
        mtu: its MTU in bytes (0 when unknown).
    """

    name: str
    index: int | None
    addresses: tuple[IfAddress, ...]
    up: bool
    running: bool
    loopback: bool
    can_broadcast: bool
    can_multicast: bool
    mtu: int

    def ipv4(self) -> list[IfAddress]:
        """Its IPv4 addresses."""
        return [item for item in self.addresses if item.family == socket.AF_INET]

    def ipv6(self) -> list[IfAddress]:
        """Its IPv6 addresses."""
        return [item for item in self.addresses if item.family == socket.AF_INET6]


@dataclass(frozen=True, slots=True)
class InterfaceAddress:
    """One IPv4 address of an interface (the Messenger's flat view).

    Attributes:
        name: the interface (``eth0``).
        address: its IPv4 address.
        netmask: its netmask, if known.
        broadcast: its broadcast address, if the interface has one.
        up: the interface is up.
        loopback: a loopback interface.
    """

    name: str
    address: str
    netmask: str | None
    broadcast: str | None
    up: bool
    loopback: bool


def list_interfaces() -> list[Interface]:
    """Every interface with its addresses and flags, sorted by index then name."""
    import psutil  # type: ignore[import-untyped]  # noqa: PLC0415  (first use, not start-up)

    found: list[Interface] = []
    stats = psutil.net_if_stats()
    for name, raw in psutil.net_if_addrs().items():
        addresses = tuple(
            address for address in (_address(item) for item in raw) if address is not None
        )
        stat = stats.get(name)
        flags = set(getattr(stat, "flags", "").split(",")) - {""} if stat else set()
        loopback = "loopback" in flags or _looks_loopback(addresses)
        up = bool(stat.isup) if stat else False
        if flags:
            running = "running" in flags
            can_broadcast = "broadcast" in flags
            can_multicast = "multicast" in flags
        else:  # Windows gives no flags: infer what the addresses and the kind of link say
            running = up
            can_broadcast = not loopback and any(a.family == socket.AF_INET for a in addresses)
            can_multicast = not loopback
            if can_broadcast:  # nor broadcast addresses: computed from the netmasks
                addresses = tuple(_with_broadcast(item) for item in addresses)
        found.append(
            Interface(
                name=name,
                index=_index(name),
                addresses=addresses,
                up=up,
                running=running,
                loopback=loopback,
                can_broadcast=can_broadcast,
                can_multicast=can_multicast,
                mtu=int(stat.mtu) if stat else 0,
            )
        )
    return sorted(found, key=lambda item: (item.index is None, item.index or 0, item.name))


def find_interface(name: str, interfaces: list[Interface] | None = None) -> Interface:
    """The interface called ``name`` (or holding the address ``name``).

    Raises:
        NoSuchInterface: none has that name or address.
    """
    every = list_interfaces() if interfaces is None else interfaces
    wanted = name.strip()
    for item in every:
        if item.name == wanted:
            return item
    for item in every:
        if any(address.address == wanted for address in item.addresses):
            return item
    raise NoSuchInterface(wanted)


def directed_broadcast(address: str, netmask: str) -> str:
    """The directed broadcast address of ``address``'s subnet (``198.18.0.7``, ``/24`` → ``.255``).

    Raises:
        ValueError: not an IPv4 address and netmask.
    """
    network = ipaddress.IPv4Network(f"{address}/{netmask}", strict=False)
    return str(network.broadcast_address)


def interface_addresses() -> list[InterfaceAddress]:
    """Every IPv4 address of every interface."""
    return [
        InterfaceAddress(
            name=item.name,
            address=address.address,
            netmask=address.netmask,
            broadcast=address.broadcast,
            up=item.up,
            loopback=item.loopback,
        )
        for item in list_interfaces()
        for address in item.ipv4()
    ]


def broadcast_addresses() -> list[str]:
    """Broadcast addresses of the interfaces that are up, loopback excluded, without repeats."""
    seen: dict[str, None] = {}
    for item in interface_addresses():
        if item.up and not item.loopback and item.broadcast:
            seen.setdefault(item.broadcast)
    return list(seen)


def local_addresses() -> frozenset[str]:
    """Every IPv4 address of this machine, loopback included."""
    return frozenset({"127.0.0.1"} | {item.address for item in interface_addresses()})


def _address(item: object) -> IfAddress | None:
    family = getattr(item, "family", None)
    if family not in (socket.AF_INET, socket.AF_INET6):
        return None
    text = str(getattr(item, "address", "")).split("%", 1)[0]
    netmask = getattr(item, "netmask", None)
    broadcast = getattr(item, "broadcast", None)
    return IfAddress(
        family=int(family),
        address=text,
        netmask=str(netmask) if netmask else None,
        # Linux's getifaddrs gives the address itself when none was configured ("ip addr add"
        # without "brd"): that is no broadcast address.
        broadcast=str(broadcast)
        if broadcast and family == socket.AF_INET and broadcast != text
        else None,
    )


def _with_broadcast(item: IfAddress) -> IfAddress:
    """Windows reports no broadcast address: compute it from the netmask."""
    if item.family != socket.AF_INET or item.broadcast or not item.netmask:
        return item
    try:
        computed = directed_broadcast(item.address, item.netmask)
    except ValueError:
        return item
    return IfAddress(item.family, item.address, item.netmask, computed)


def _looks_loopback(addresses: tuple[IfAddress, ...]) -> bool:
    return bool(addresses) and all(
        ipaddress.ip_address(item.address).is_loopback for item in addresses
    )


def _index(name: str) -> int | None:
    if sys.platform == "win32":
        return _windows_index(name)
    try:
        return socket.if_nametoindex(name)
    except OSError:
        return None


def _windows_index(name: str) -> int | None:
    """Windows names interfaces by friendly name; ``if_nameindex`` speaks the LUID's name."""
    try:
        import ctypes  # noqa: PLC0415

        iphlpapi = ctypes.WinDLL("iphlpapi")  # type: ignore[attr-defined,unused-ignore]
        luid = ctypes.c_uint64()
        if iphlpapi.ConvertInterfaceAliasToLuid(ctypes.c_wchar_p(name), ctypes.byref(luid)):
            return None
        index = ctypes.c_ulong()
        if iphlpapi.ConvertInterfaceLuidToIndex(ctypes.byref(luid), ctypes.byref(index)):
            return None
        return int(index.value)
    except (OSError, AttributeError):
        return None
