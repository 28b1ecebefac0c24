"""Host name resolution with typed errors."""

from __future__ import annotations

import asyncio
import ipaddress
import socket

from desktop.core.errors import UnknownHost

__all__ = ["SockAddr", "resolve"]

SockAddr = tuple[int, tuple[str, int] | tuple[str, int, int, int]]  # (family, sockaddr)

# RFC 6761 §6.4: names under .invalid never exist, and resolver libraries SHOULD answer them
# negatively at once, without asking a DNS server.
_NEVER_EXISTS = ".invalid"


async def resolve(host: str, port: int, family: int = socket.AF_UNSPEC) -> list[SockAddr]:
    """Resolve ``host`` for a TCP connection.

    Returns:
        ``(family, sockaddr)`` pairs in the resolver's order, duplicates removed.

    Raises:
        UnknownHost: the name has no address.
    """
    name = host.strip().strip("[]")
    if not name:
        raise UnknownHost(host, port, "no host name was given")
    try:
        literal = ipaddress.ip_address(name.split("%", 1)[0])
    except ValueError:
        literal = None
    if literal is None and (name.lower().rstrip(".") + ".").endswith(_NEVER_EXISTS + "."):
        raise UnknownHost(host, port, "names under .invalid never exist")
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(name, port, family=family, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise UnknownHost(host, port, error.strerror or str(error)) from None
    except UnicodeError:
        raise UnknownHost(host, port, "the name is not a valid host name") from None
    seen: list[SockAddr] = []
    for fam, _type, _proto, _canon, sockaddr in infos:
        item: SockAddr = (fam, sockaddr)  # type: ignore[assignment]
        if item not in seen:
            seen.append(item)
    if not seen:
        raise UnknownHost(host, port)
    return seen
