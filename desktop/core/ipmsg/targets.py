"""Broadcast targets as the user writes them: addresses, ``address:port``, ranges and subnets.

IPMsg's broadcast list and iptux's ``scan_net_segment`` reach users on other subnets (§7.15):

- ``198.18.1.255`` or ``198.18.1.255:2426``: one address (a directed broadcast or a host);
- ``198.18.1.0/24``: that subnet's broadcast address, ``198.18.1.255`` (a directed broadcast);
- ``198.18.1.10-198.18.1.40`` or ``198.18.1.10-40``: every address of the range, one by one
  (for routers that do not forward directed broadcasts).

Names are not resolved here: resolving is I/O, and the core asks no DNS on its own.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

from desktop.core.ipmsg.constants import PORT
from desktop.core.ipmsg.events import Address
from desktop.core.ipmsg.messenger_errors import BadTarget
from desktop.core.sentence import QT_TRANSLATE_NOOP, sentence

__all__ = ["MAX_TARGETS", "parse_target", "parse_targets"]

# Each announcement sends one datagram per target; 4,096 (a /20 written as a range) is already a
# burst a network administrator notices, and a larger range is more likely a typing mistake.
MAX_TARGETS = 4096


def parse_target(text: str, default_port: int = PORT) -> list[Address]:
    """The addresses one target stands for.

    Raises:
        BadTarget: it is none of the forms above, or a range is reversed or too large.
    """
    spec = text.strip()
    port = default_port
    if spec.count(":") == 1:
        spec, _, port_text = spec.partition(":")
        if not port_text.isdigit() or not 0 < int(port_text) < 65536:
            raise BadTarget(
                text,
                sentence(
                    QT_TRANSLATE_NOOP("core", "has the port {port}, which is not in 1..65535"),
                    port=repr(port_text),
                ),
            )
        port = int(port_text)
    try:
        if "/" in spec:
            network = ipaddress.IPv4Network(spec, strict=False)
            return [(str(network.broadcast_address), port)]
        if "-" in spec:
            return [(str(a), port) for a in _range(text, spec)]
        return [(str(ipaddress.IPv4Address(spec)), port)]
    except ValueError as error:
        raise BadTarget(
            text,
            sentence(
                QT_TRANSLATE_NOOP("core", "is not an IPv4 address, range or subnet ({detail})"),
                detail=str(error),
            ),
        ) from None


def parse_targets(texts: Iterable[str], default_port: int = PORT) -> tuple[Address, ...]:
    """Every address of several targets, in order, without repeats.

    Raises:
        BadTarget: one is unreadable, or together they exceed ``MAX_TARGETS`` addresses.
    """
    found: dict[Address, None] = {}
    for text in texts:
        for address in parse_target(text, default_port):
            found.setdefault(address)
        if len(found) > MAX_TARGETS:
            raise BadTarget(
                text,
                sentence(
                    QT_TRANSLATE_NOOP("core", "brings the targets past {count} addresses"),
                    count=MAX_TARGETS,
                ),
            )
    return tuple(found)


def _range(text: str, spec: str) -> list[ipaddress.IPv4Address]:
    first_text, _, last_text = spec.partition("-")
    first = ipaddress.IPv4Address(first_text.strip())
    last_text = last_text.strip()
    if last_text.isdigit():  # 198.18.1.10-40: the last byte only
        prefix = str(first).rsplit(".", 1)[0]
        last_text = f"{prefix}.{last_text}"
    last = ipaddress.IPv4Address(last_text)
    if last < first:
        raise BadTarget(text, sentence(QT_TRANSLATE_NOOP("core", "ends before it starts")))
    if int(last) - int(first) >= MAX_TARGETS:
        raise BadTarget(
            text,
            sentence(
                QT_TRANSLATE_NOOP("core", "holds more than {count} addresses"), count=MAX_TARGETS
            ),
        )
    return [ipaddress.IPv4Address(n) for n in range(int(first), int(last) + 1)]
