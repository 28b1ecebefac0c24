"""Host name resolution with typed errors."""

from __future__ import annotations

import asyncio
import ipaddress
import socket

from desktop.core.errors import UnknownHost
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence

__all__ = ["SockAddr", "gai_reason", "resolve"]

SockAddr = tuple[int, tuple[str, int] | tuple[str, int, int, int]]  # (family, sockaddr)

# RFC 6761 §6.4: names under .invalid never exist, and resolver libraries SHOULD answer them
# negatively at once, without asking a DNS server.
_NEVER_EXISTS = ".invalid"


# The resolver's reasons (``getaddrinfo`` codes) in the C library's own words, so the CLI reads
# as before while the UI translates them; a rarer code keeps the system's words.
_GAI_REASONS: dict[int, str] = {
    code: template
    for name, template in (
        ("EAI_NONAME", QT_TRANSLATE_NOOP("core", "Name or service not known")),
        ("EAI_AGAIN", QT_TRANSLATE_NOOP("core", "Temporary failure in name resolution")),
        ("EAI_FAIL", QT_TRANSLATE_NOOP("core", "Non-recoverable failure in name resolution")),
        ("EAI_NODATA", QT_TRANSLATE_NOOP("core", "No address associated with hostname")),
        ("EAI_ADDRFAMILY", QT_TRANSLATE_NOOP("core", "Address family for hostname not supported")),
        ("EAI_FAMILY", QT_TRANSLATE_NOOP("core", "ai_family not supported")),
        ("EAI_SERVICE", QT_TRANSLATE_NOOP("core", "Servname not supported for ai_socktype")),
        ("EAI_MEMORY", QT_TRANSLATE_NOOP("core", "Memory allocation failure")),
        ("EAI_SYSTEM", QT_TRANSLATE_NOOP("core", "System error")),
    )
    if (code := getattr(socket, name, None)) is not None
}


def gai_reason(error: socket.gaierror) -> Sentence:
    """Why a name did not resolve, as a clause the UI can translate."""
    template = _GAI_REASONS.get(error.errno) if isinstance(error.errno, int) else None
    if template is not None:
        return sentence(template)
    return Sentence("{text}", (("text", error.strerror or str(error)),))


async def resolve(host: str, port: int, family: int = socket.AF_UNSPEC) -> list[SockAddr]:
    """Resolve ``host`` for a TCP connection.

    Returns:
        ``(family, sockaddr)`` pairs in the resolver's order, duplicates removed.

    Raises:
        UnknownHost: the name has no address.
    """
    name = host.strip().strip("[]")
    if not name:
        raise UnknownHost(host, port, sentence(QT_TRANSLATE_NOOP("core", "no host name was given")))
    try:
        literal = ipaddress.ip_address(name.split("%", 1)[0])
    except ValueError:
        literal = None
    if literal is None and (name.lower().rstrip(".") + ".").endswith(_NEVER_EXISTS + "."):
        raise UnknownHost(
            host, port, sentence(QT_TRANSLATE_NOOP("core", "names under .invalid never exist"))
        )
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(name, port, family=family, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise UnknownHost(host, port, gai_reason(error)) from None
    except UnicodeError:
        raise UnknownHost(
            host, port, sentence(QT_TRANSLATE_NOOP("core", "the name is not a valid host name"))
        ) from None
    seen: list[SockAddr] = []
    for fam, _type, _proto, _canon, sockaddr in infos:
        item: SockAddr = (fam, sockaddr)  # type: ignore[assignment]
        if item not in seen:
            seen.append(item)
    if not seen:
        raise UnknownHost(host, port)
    return seen
