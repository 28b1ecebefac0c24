"""Listening sockets with typed errors: IPv4, IPv6, or dual-stack."""

from __future__ import annotations

import errno
import socket
from collections.abc import Callable

from desktop.core.errors import (
    ANY_ADDRESS,
    AddressInUse,
    ListenError,
    NetError,
    PermissionDenied,
)
from desktop.core.net.port_owner import describe_port_owners
from desktop.core.os_reasons import os_reason
from desktop.core.sentence import QT_TRANSLATE_NOOP, sentence

__all__ = ["ANY", "bind_error", "open_listeners"]

ANY = ("", "*", "any")  # host values that mean "every address, IPv4 and IPv6"


def open_listeners(host: str, port: int, backlog: int = 4096) -> list[socket.socket]:
    """Bound, listening, non-blocking sockets for ``host``:``port``.

    ``""``/``*``/``any`` and ``::`` give one dual-stack IPv6 socket accepting IPv4 too (falls
    back to a plain IPv4 socket where IPv6 is missing); ``0.0.0.0`` gives IPv4 only; a literal
    address gives a socket on that address.

    Raises:
        AddressInUse, PermissionDenied, ListenError: with a sentence.
    """
    name = host.strip().strip("[]").lower()
    if name in ANY or name == "::":
        if socket.has_ipv6:
            try:
                return [_listener(socket.AF_INET6, "::", port, backlog, dual_stack=True)]
            except ListenError:
                if name == "::":
                    raise
        return [_listener(socket.AF_INET, "0.0.0.0", port, backlog)]
    family = socket.AF_INET6 if ":" in name else socket.AF_INET
    return [_listener(family, name, port, backlog)]


def _listener(
    family: int, host: str, port: int, backlog: int, dual_stack: bool = False
) -> socket.socket:
    # IPPROTO_TCP, not 0: the sockets accepted from it say so, and asyncio then sets
    # TCP_NODELAY on their transports itself (uvloop and FdListener always do).
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if family == socket.AF_INET6:
            sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0 if dual_stack else 1)
        sock.bind((host, port))
        sock.listen(backlog)
        sock.setblocking(False)
    except OSError as error:
        sock.close()
        shown = ANY_ADDRESS if dual_stack else host
        raise bind_error(
            error, shown, port, lambda: AddressInUse(shown, port, describe_port_owners(port, "tcp"))
        ) from None
    return sock


def bind_error(error: OSError, host: str, port: int, in_use: Callable[[], NetError]) -> NetError:
    """The one mapping of a failed ``bind()`` to a typed error, for every kind of socket.

    Args:
        error: what ``bind()`` (or ``listen()``) raised.
        host: the address as the user gave it; port: the port.
        in_use: makes the error for a port already taken (each kind names the holder its way:
            TCP listeners, UDP sessions with their reuse hint, the Messenger with a free port).
    """
    if error.errno == errno.EADDRINUSE:
        return in_use()
    if error.errno in (errno.EACCES, errno.EPERM):
        return PermissionDenied(host, port)
    if error.errno == errno.EADDRNOTAVAIL:
        return ListenError(
            sentence(
                QT_TRANSLATE_NOOP("core", "{host} is not an address of this machine."), host=host
            )
        )
    if isinstance(error, socket.gaierror) or error.errno in (errno.EAFNOSUPPORT, errno.EINVAL):
        return ListenError(
            sentence(
                QT_TRANSLATE_NOOP("core", "{host} is not a valid address to listen on."),
                host=repr(host),
            )
        )
    return ListenError(
        sentence(
            QT_TRANSLATE_NOOP("core", "Could not listen on {host} port {port}: {reason}."),
            host=host,
            port=port,
            reason=os_reason(error),
        )
    )
