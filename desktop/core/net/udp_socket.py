"""Opening a UDP socket: bind address, family, dual stack, reuse, broadcast, interface, errors.

Qt-free. Every failure is a typed error with a sentence.
"""

from __future__ import annotations

import contextlib
import errno
import ipaddress
import socket
import sys
from collections.abc import Callable
from dataclasses import dataclass

from desktop.core.errors import NetError
from desktop.core.net.listen import ANY, bind_error
from desktop.core.net.port_owner import describe_port_owners
from desktop.core.net.udp_facts import UdpAddressInUse
from desktop.core.sentence import QT_TRANSLATE_NOOP, sentence

__all__ = ["BindOptions", "open_udp", "send_error", "sockaddr_for"]

# What the receive buffer is asked to be: 64-byte datagrams cost ~1 KiB each in the kernel's
# accounting, so this holds a few thousand of them while the receive thread is not scheduled.
DEFAULT_RECEIVE_BUFFER = 8 * 1024 * 1024

_LINUX = sys.platform.startswith("linux")
# Python's socket module lacks this Linux option (asm-generic/socket.h: 33).
_SO_RCVBUFFORCE_LINUX = 33

OwnerFinder = Callable[[str, int], "str | None"]


@dataclass(frozen=True)
class BindOptions:
    """Where and how a UDP socket is opened.

    Attributes:
        host: ``""``/``*``/``any`` or ``::``: dual stack (IPv6 and IPv4); ``0.0.0.0``: IPv4 only;
            a literal address: that address only.
        port: 0 lets the system choose.
        reuse_address: SO_REUSEADDR (share the port with another program that sets it too).
        reuse_port: SO_REUSEPORT where the system has it (the datagrams are shared out).
        broadcast: SO_BROADCAST (needed to send to a broadcast address).
        interface: bind to this network interface by name (SO_BINDTODEVICE, Linux only).
        receive_buffer: SO_RCVBUF asked for (the system may give less).
        find_owner: given a host and port in use, says which program holds it (None: unknown);
            the system's answer (``desktop.core.net.port_owner``) unless a caller gives its own.
    """

    host: str = ""
    port: int = 0
    reuse_address: bool = False
    reuse_port: bool = False
    broadcast: bool = False
    interface: str | None = None
    receive_buffer: int = DEFAULT_RECEIVE_BUFFER
    find_owner: OwnerFinder | None = None


def open_udp(options: BindOptions) -> socket.socket:
    """A bound, blocking UDP socket.

    Raises:
        UdpAddressInUse, PermissionDenied, NetError: with a sentence.
    """
    name = options.host.strip().strip("[]").lower()
    if name in ANY or name == "::":
        if socket.has_ipv6:
            try:
                return _bind(socket.AF_INET6, "::", options, dual_stack=True)
            except NetError:
                if name == "::":
                    raise
        return _bind(socket.AF_INET, "0.0.0.0", options)
    family = socket.AF_INET6 if ":" in name else socket.AF_INET
    return _bind(family, name, options)


def _bind(family: int, host: str, options: BindOptions, dual_stack: bool = False) -> socket.socket:
    sock = socket.socket(family, socket.SOCK_DGRAM)
    try:
        if options.reuse_address:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if options.reuse_port and hasattr(socket, "SO_REUSEPORT"):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        if options.broadcast:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
        if family == socket.AF_INET6:
            sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0 if dual_stack else 1)
        _set_receive_buffer(sock, options.receive_buffer)
        if options.interface:
            _bind_to_device(sock, options.interface)
        sock.bind((host, options.port))
    except NetError:
        sock.close()
        raise
    except OSError as error:
        sock.close()
        raise _bind_error(error, "any address" if dual_stack else host, options) from None
    return sock


def _set_receive_buffer(sock: socket.socket, size: int) -> None:
    force = getattr(socket, "SO_RCVBUFFORCE", _SO_RCVBUFFORCE_LINUX if _LINUX else None)
    if force is not None:
        try:  # past net.core.rmem_max (needs CAP_NET_ADMIN; otherwise the plain option)
            sock.setsockopt(socket.SOL_SOCKET, force, size)
            return
        except OSError:
            pass
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, size)


def _bind_to_device(sock: socket.socket, interface: str) -> None:
    option = getattr(socket, "SO_BINDTODEVICE", None)
    if option is None or not _LINUX:
        raise NetError(
            sentence(
                QT_TRANSLATE_NOOP(
                    "core",
                    "Choosing the interface {name} by name needs Linux; bind to its address "
                    "instead.",
                ),
                name=interface,
            )
        )
    try:
        sock.setsockopt(socket.SOL_SOCKET, option, interface.encode() + b"\0")
    except OSError as error:
        if error.errno == errno.ENODEV:
            raise NetError(
                sentence(
                    QT_TRANSLATE_NOOP("core", "There is no network interface named {name}."),
                    name=interface,
                )
            ) from None
        if error.errno in (errno.EPERM, errno.EACCES):
            raise NetError(
                sentence(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "No permission to send through the interface {name} by name; bind to "
                        "its address instead.",
                    ),
                    name=interface,
                )
            ) from None
        raise


def _bind_error(error: OSError, host: str, options: BindOptions) -> NetError:
    port = options.port
    find = options.find_owner if options.find_owner is not None else _system_owner
    return bind_error(error, host, port, lambda: UdpAddressInUse(host, port, find(host, port)))


def sockaddr_for(family: int, host: str, port: int) -> tuple[object, ...] | None:
    """The socket address to send to for a literal ``host`` (None: not a literal address).

    An IPv4 address on an IPv6 (dual-stack) socket becomes ``::ffff:a.b.c.d``.

    Raises:
        NetError: an IPv6 address from an IPv4-only socket.
    """
    name = host.strip().strip("[]")
    scope = ""
    if "%" in name:
        name, scope = name.split("%", 1)
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return None
    if family == socket.AF_INET6:
        if address.version == 4:
            return (f"::ffff:{address}", port, 0, 0)
        return (f"{address}%{scope}" if scope else str(address), port, 0, 0)
    if address.version == 6:
        mapped = address.ipv4_mapped
        if mapped is not None:
            return (str(mapped), port)
        raise NetError(
            sentence(
                QT_TRANSLATE_NOOP(
                    "core",
                    "Cannot send to the IPv6 address {host} from a session bound to IPv4; bind "
                    "to :: (IPv6 and IPv4) instead.",
                ),
                host=host,
            )
        )
    return (str(address), port)


def send_error(error: OSError, address: str) -> NetError:
    """The sentence for a failed ``sendto``."""
    if error.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH):
        return NetError(
            sentence(
                QT_TRANSLATE_NOOP("core", "{address} cannot be reached: no route to its network."),
                address=address,
            )
        )
    if error.errno == errno.EACCES:
        return NetError(
            sentence(
                QT_TRANSLATE_NOOP(
                    "core",
                    "Sending to {address} was refused: to send to a broadcast address, turn "
                    "broadcast on.",
                ),
                address=address,
            )
        )
    if error.errno == errno.EADDRNOTAVAIL:
        return NetError(
            sentence(
                QT_TRANSLATE_NOOP(
                    "core", "{address} cannot be reached from the address this session is bound to."
                ),
                address=address,
            )
        )
    return NetError(
        sentence(
            QT_TRANSLATE_NOOP("core", "Could not send to {address}: {reason}."),
            address=address,
            reason=error.strerror or str(error),
        )
    )


def _system_owner(host: str, port: int) -> str | None:
    """The programs holding UDP ``port`` as the system lists them (None: unknown)."""
    del host
    return describe_port_owners(port, "udp")
