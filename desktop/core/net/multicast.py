"""Multicast on a given UDP socket: join and leave groups per interface, send options, groups.

IPv4 joins by interface index (``ip_mreqn``) on Linux and by the interface's address elsewhere;
IPv6 joins by index (``ipv6_mreq``). Source-specific joins use ``IP_ADD_SOURCE_MEMBERSHIP`` for
IPv4 (Linux, macOS, Windows) and ``MCAST_JOIN_SOURCE_GROUP`` for IPv6 (Linux); elsewhere they are
refused with ``SourceMulticastUnsupported``. Nothing here imports Qt or owns the socket.
"""

from __future__ import annotations

import ipaddress
import socket
import struct
import sys
from dataclasses import dataclass

from desktop.core.errors import NetError
from desktop.core.net.interfaces import Interface, find_interface, list_interfaces
from desktop.core.sentence import QT_TRANSLATE_NOOP, sentence

__all__ = [
    "BadGroup",
    "GroupFamilyMismatch",
    "Membership",
    "MulticastError",
    "MulticastSocket",
    "NoMulticast",
    "SourceMulticastUnsupported",
    "multicast_interfaces",
]

# Option numbers Python 3.11 does not export, per platform (<netinet/in.h>, <ws2ipdef.h>).
_ADD_SOURCE = {"linux": 39, "darwin": 70, "win32": 15}
_DROP_SOURCE = {"linux": 40, "darwin": 71, "win32": 16}
_MCAST_JOIN_SOURCE_GROUP_LINUX = 46
_MCAST_LEAVE_SOURCE_GROUP_LINUX = 47
_IP_MULTICAST_ALL_LINUX = 49
_SOCKADDR_STORAGE = 128
_PLATFORM = sys.platform  # read here, so tests can play another system


class MulticastError(NetError):
    """A multicast operation failed (with a sentence)."""


class NoMulticast(MulticastError):
    """The interface cannot do multicast (no MULTICAST flag, down, or no address of the family)."""

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(
            sentence(
                QT_TRANSLATE_NOOP(
                    "core", "The interface {name} cannot do multicast: choose another one."
                ),
                name=name,
            )
        )


class GroupFamilyMismatch(MulticastError):
    """A group of the other IP version than the socket's (an IPv4 group on an IPv6 session)."""

    def __init__(self, text: str, socket_v6: bool) -> None:
        self.text = text
        super().__init__(
            sentence(
                QT_TRANSLATE_NOOP(
                    "core",
                    "{group} is an IPv4 group, and this session is bound to IPv6: "
                    "bind it to an IPv4 address (0.0.0.0 for all) to join it.",
                ),
                group=text,
            )
            if socket_v6
            else sentence(
                QT_TRANSLATE_NOOP(
                    "core",
                    "{group} is an IPv6 group, and this session is bound to IPv4: "
                    "bind it to an IPv6 address (:: for all) to join it.",
                ),
                group=text,
            )
        )


class BadGroup(MulticastError):
    """The group (or source) is not a usable address."""

    def __init__(self, text: str) -> None:
        self.text = text
        super().__init__(
            sentence(
                QT_TRANSLATE_NOOP(
                    "core",
                    "{group} is not a multicast group address (IPv4 224.0.0.0/4, IPv6 ff00::/8).",
                ),
                group=text,
            )
        )


class SourceMulticastUnsupported(MulticastError):
    """Source-specific multicast is not available for this family on this system."""

    def __init__(self, family: str) -> None:
        self.family = family
        super().__init__(
            sentence(
                QT_TRANSLATE_NOOP(
                    "core",
                    "Source-specific multicast over {family} is not supported on this system; "
                    "join the group without a source.",
                ),
                family=family,
            )
        )


@dataclass(frozen=True, slots=True)
class Membership:
    """A group joined on an interface (from one source, for a source-specific join)."""

    group: str
    interface: str
    index: int
    source: str | None = None


def multicast_interfaces(family: int, interfaces: list[Interface] | None = None) -> list[Interface]:
    """The interfaces a user can multicast on over ``family``: up, capable, with such an address."""
    every = list_interfaces() if interfaces is None else interfaces
    return [
        item
        for item in every
        if item.up
        and item.can_multicast
        and not item.loopback
        and item.index
        and (item.ipv6() if family == socket.AF_INET6 else item.ipv4())
    ]


class MulticastSocket:
    """Multicast control of ``sock`` (an AF_INET or AF_INET6 UDP socket the caller owns).

    Args:
        sock: the socket.
        interfaces: where interface names are looked up (default: this machine's, listed anew).
    """

    def __init__(self, sock: socket.socket, interfaces: list[Interface] | None = None) -> None:
        self.sock = sock
        self._interfaces = interfaces
        self._joined: list[Membership] = []
        self._locals: dict[Membership, str] = {}  # IPv4: the interface address joined with
        self._v6 = sock.family == socket.AF_INET6
        if _PLATFORM == "linux" and not self._v6:
            # Only the groups joined on this socket, not every group of the machine.
            sock.setsockopt(socket.IPPROTO_IP, _IP_MULTICAST_ALL_LINUX, 0)

    @property
    def joined(self) -> list[Membership]:
        """The groups joined on this socket, in join order."""
        return list(self._joined)

    def join(self, group: str, interface: str, source: str | None = None) -> Membership:
        """Join ``group`` on ``interface`` (a name or an address), from ``source`` only if given.

        Raises:
            BadGroup, NoSuchInterface, NoMulticast, SourceMulticastUnsupported, MulticastError.
        """
        member, chosen = self._membership(group, interface, source)
        if member in self._joined:
            return member
        if not self._v6:
            self._locals[member] = chosen.ipv4()[0].address
        self._apply(member, join=True)
        self._joined.append(member)
        return member

    def leave(self, group: str, interface: str, source: str | None = None) -> None:
        """Leave a group joined before (nothing happens when it was not joined)."""
        wanted, name = self._normal(group), interface.strip()
        origin = str(ipaddress.ip_address(source.strip())) if source else None
        if not any(name in (m.interface, str(m.index)) for m in self._joined):
            name = find_interface(name, self._interfaces).name  # given by its address
        for member in self._joined:
            if (
                member.group == wanted
                and member.source == origin
                and name
                in (
                    member.interface,
                    str(member.index),
                )
            ):
                self._apply(member, join=False)
                self._joined.remove(member)
                self._locals.pop(member, None)
                return

    def leave_all(self) -> None:
        """Leave every group joined on this socket."""
        for member in reversed(self._joined):
            self._apply(member, join=False)
        self._joined.clear()
        self._locals.clear()

    def set_send_interface(self, interface: str) -> None:
        """Send multicast out of ``interface``."""
        chosen = self._multicast_interface(interface)
        if self._v6:
            self.sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_IF, chosen.index or 0)
        else:
            address = chosen.ipv4()[0].address
            self.sock.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, _v4(address))

    def set_ttl(self, ttl: int) -> None:
        """The TTL (IPv4) or hop limit (IPv6) of multicast sent, 0-255."""
        if not 0 <= ttl <= 255:
            raise ValueError(f"TTL {ttl} is outside 0-255")
        if self._v6:
            self.sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_HOPS, ttl)
        else:
            self.sock.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, ttl)

    def set_loopback(self, on: bool) -> None:
        """Whether this machine's own members receive what is sent."""
        if self._v6:
            self.sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_LOOP, int(on))
        else:
            self.sock.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_LOOP, int(on))

    # -- internals ----------------------------------------------------------------------------
    def _normal(self, group: str) -> str:
        try:
            address = ipaddress.ip_address(group.strip().split("%", 1)[0])
        except ValueError:
            raise BadGroup(group) from None
        if not address.is_multicast:
            raise BadGroup(group)
        if (address.version == 6) != self._v6:
            raise GroupFamilyMismatch(group, self._v6)
        return str(address)

    def _membership(
        self, group: str, interface: str, source: str | None
    ) -> tuple[Membership, Interface]:
        normal = self._normal(group)
        chosen = self._multicast_interface(interface)
        if source is not None:
            try:
                parsed = ipaddress.ip_address(source.strip())
            except ValueError:
                raise BadGroup(source) from None
            if (parsed.version == 6) != self._v6:
                raise BadGroup(source)
            source = str(parsed)
            self._check_source_support()
        return Membership(normal, chosen.name, chosen.index or 0, source), chosen

    def _multicast_interface(self, interface: str) -> Interface:
        chosen = find_interface(interface, self._interfaces)
        has_family = chosen.ipv6() if self._v6 else chosen.ipv4()
        if not (chosen.up and chosen.can_multicast and has_family):
            raise NoMulticast(chosen.name)
        if self._v6 and not chosen.index:
            raise NoMulticast(chosen.name)
        return chosen

    def _check_source_support(self) -> None:
        if self._v6 and _PLATFORM != "linux":
            raise SourceMulticastUnsupported("IPv6")
        if not self._v6 and _PLATFORM not in _ADD_SOURCE:
            raise SourceMulticastUnsupported("IPv4")

    def _apply(self, member: Membership, join: bool) -> None:
        try:
            if self._v6:
                self._apply_v6(member, join)
            else:
                self._apply_v4(member, join)
        except OSError as error:
            template = (
                QT_TRANSLATE_NOOP(
                    "core", "Could not join multicast group {group} on {name}: {reason}."
                )
                if join
                else QT_TRANSLATE_NOOP(
                    "core", "Could not leave multicast group {group} on {name}: {reason}."
                )
            )
            raise MulticastError(
                sentence(
                    template,
                    group=member.group,
                    name=member.interface,
                    reason=error.strerror or str(error),
                )
            ) from error

    def _apply_v4(self, member: Membership, join: bool) -> None:
        group = _v4(member.group)
        local = _v4(self._locals.get(member, "0.0.0.0"))
        if member.source is not None:
            source = _v4(member.source)
            # Linux: imr_multiaddr, imr_interface, imr_sourceaddr; macOS and Windows: multiaddr,
            # sourceaddr, interface.
            linux = _PLATFORM == "linux"
            request = group + local + source if linux else group + source + local
            option = (_ADD_SOURCE if join else _DROP_SOURCE)[_PLATFORM]
            self.sock.setsockopt(socket.IPPROTO_IP, option, request)
            return
        option = socket.IP_ADD_MEMBERSHIP if join else socket.IP_DROP_MEMBERSHIP
        if _PLATFORM == "linux":  # ip_mreqn: group, address, interface index
            request = group + bytes(4) + struct.pack("@i", member.index)
        else:
            request = group + local
        self.sock.setsockopt(socket.IPPROTO_IP, option, request)

    def _apply_v6(self, member: Membership, join: bool) -> None:
        group = socket.inet_pton(socket.AF_INET6, member.group)
        if member.source is None:
            option = socket.IPV6_JOIN_GROUP if join else socket.IPV6_LEAVE_GROUP
            request = group + struct.pack("@I", member.index)
            self.sock.setsockopt(socket.IPPROTO_IPV6, option, request)
            return
        # struct group_source_req: uint32 interface, padding to 8, two sockaddr_storage.
        option = _MCAST_JOIN_SOURCE_GROUP_LINUX if join else _MCAST_LEAVE_SOURCE_GROUP_LINUX
        source = socket.inet_pton(socket.AF_INET6, member.source)
        request = struct.pack("@I4x", member.index) + _sockaddr_in6(group) + _sockaddr_in6(source)
        self.sock.setsockopt(socket.IPPROTO_IPV6, option, request)


def _v4(address: str) -> bytes:
    return socket.inet_aton(address)


def _sockaddr_in6(address: bytes) -> bytes:
    """A ``sockaddr_in6`` (family, port 0, flowinfo 0, address, scope 0) padded to storage size."""
    raw = struct.pack("@H", socket.AF_INET6) + bytes(6) + address + bytes(4)
    return raw + bytes(_SOCKADDR_STORAGE - len(raw))
