"""This machine's IPv4 interfaces: addresses and broadcast addresses, from ``getifaddrs(3)``.

IP Messenger announces itself to each interface's broadcast address (§1.4, §7.15). Python's
standard library does not list interface addresses, so ``getifaddrs`` is called through
ctypes (Linux, macOS and the BSDs have it; elsewhere the list is empty and the caller falls back
to configured targets).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import socket
import sys
from dataclasses import dataclass

__all__ = ["InterfaceAddress", "broadcast_addresses", "interface_addresses", "local_addresses"]

_IFF_UP = 0x1  # <net/if.h>, the same value on Linux and the BSDs
_IFF_BROADCAST = 0x2
_IFF_LOOPBACK = 0x8
_BSD_SOCKADDR = sys.platform == "darwin" or "bsd" in sys.platform  # sa_len byte first


class _Ifaddrs(ctypes.Structure):
    pass


_Ifaddrs._fields_ = [
    ("ifa_next", ctypes.POINTER(_Ifaddrs)),
    ("ifa_name", ctypes.c_char_p),
    ("ifa_flags", ctypes.c_uint),
    ("ifa_addr", ctypes.c_void_p),
    ("ifa_netmask", ctypes.c_void_p),
    ("ifa_broadaddr", ctypes.c_void_p),  # ifa_dstaddr on point-to-point links
    ("ifa_data", ctypes.c_void_p),
]


@dataclass(frozen=True, slots=True)
class InterfaceAddress:
    """One IPv4 address of an interface.

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


def interface_addresses() -> list[InterfaceAddress]:
    """Every IPv4 address of every interface (empty where ``getifaddrs`` is missing)."""
    libc_name = ctypes.util.find_library("c")
    if sys.platform == "win32" or libc_name is None:
        return []
    libc = ctypes.CDLL(libc_name, use_errno=True)
    if not hasattr(libc, "getifaddrs"):
        return []
    head = ctypes.POINTER(_Ifaddrs)()
    if libc.getifaddrs(ctypes.byref(head)) != 0:
        return []
    found: list[InterfaceAddress] = []
    try:
        node = head
        while node:
            entry = node.contents
            address = _ipv4(entry.ifa_addr)
            if address is not None:
                flags = entry.ifa_flags
                found.append(
                    InterfaceAddress(
                        name=(entry.ifa_name or b"").decode("utf-8", "replace"),
                        address=address,
                        netmask=_ipv4(entry.ifa_netmask),
                        broadcast=_ipv4(entry.ifa_broadaddr) if flags & _IFF_BROADCAST else None,
                        up=bool(flags & _IFF_UP),
                        loopback=bool(flags & _IFF_LOOPBACK),
                    )
                )
            node = entry.ifa_next
    finally:
        libc.freeifaddrs(head)
    return found


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


def _ipv4(pointer: int | None) -> str | None:
    if not pointer:
        return None
    raw = ctypes.string_at(pointer, 8)  # family (2 bytes), port (2), IPv4 address (4)
    family = raw[1] if _BSD_SOCKADDR else int.from_bytes(raw[:2], sys.byteorder)
    if family != socket.AF_INET:
        return None
    return socket.inet_ntoa(raw[4:8])
