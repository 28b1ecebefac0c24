"""What a user is told about UDP datagrams: size limits, truncation, silence, refused ports.

Qt-free. The errors carry their facts and a ``Sentence`` like every core error.
"""

from __future__ import annotations

import socket
from typing import NamedTuple

from desktop.core.errors import AddressInUse, NetError, hostport
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence

__all__ = [
    "ETHERNET_SAFE",
    "MAX_IPV4",
    "MAX_IPV6",
    "Datagram",
    "DatagramTooLarge",
    "PortUnreachable",
    "SendBlocked",
    "UdpAddressInUse",
    "check_size",
    "no_feedback_note",
    "truncated_note",
]

#: The largest UDP payload over IPv4: 65,535 - 20 (IP header) - 8 (UDP header).
MAX_IPV4 = 65_507
#: The largest UDP payload over IPv6 without jumbograms: 65,535 - 8 (the IPv6 header is extra).
MAX_IPV6 = 65_527
#: The largest payload that fits one 1500-byte Ethernet frame over IPv4 (1500 - 20 - 8).
ETHERNET_SAFE = 1472


class Datagram(NamedTuple):
    """One received datagram.

    Attributes:
        peer: the sender's socket address as the kernel gave it.
        data: the bytes kept (all of them unless truncated).
        size: the datagram's real size (larger than ``len(data)`` when truncated).
    """

    peer: tuple[object, ...]
    data: bytes
    size: int

    @property
    def truncated(self) -> bool:
        """True when the datagram was larger than the receive buffer and was cut."""
        return self.size > len(self.data)


class DatagramTooLarge(NetError):
    """A datagram larger than UDP can carry (nothing was sent)."""

    def __init__(self, size: int, limit: int, ipv6: bool) -> None:
        self.size = size
        self.limit = limit
        super().__init__(
            sentence(
                QT_TRANSLATE_NOOP(
                    "core",
                    "A datagram of {size} bytes is too large: UDP over {ip} carries at most "
                    "{limit} bytes. Nothing was sent.",
                ),
                size=size,
                ip="IPv6" if ipv6 else "IPv4",
                limit=limit,
            )
        )


class PortUnreachable(NetError):
    """The connected peer answered with ICMP port unreachable (ECONNREFUSED)."""

    def __init__(self, host: str, port: int) -> None:
        self.host = host
        self.port = port
        super().__init__(
            sentence(
                QT_TRANSLATE_NOOP(
                    "core",
                    "Nothing is listening on {address}: it answered that the port is unreachable.",
                ),
                address=hostport(host, port),
            )
        )


class SendBlocked(NetError):
    """The system's send buffer is full: the datagram was not sent."""

    def __init__(self, address: str) -> None:
        self.address = address
        super().__init__(
            sentence(
                QT_TRANSLATE_NOOP(
                    "core", "The system's send buffer is full: a datagram to {address} was dropped."
                ),
                address=address,
            )
        )


class UdpAddressInUse(AddressInUse):
    """A UDP port already taken, with what can be done about it.

    Args:
        owner: the program holding the port, when the caller could find it (``None``: unknown).
    """

    def __init__(self, host: str, port: int, owner: str | None = None) -> None:
        super().__init__(host, port, owner)
        head = self.sentence
        self.sentence = sentence(
            QT_TRANSLATE_NOOP(
                "core",
                "{head} To share it, both programs must turn on address reuse "
                "(SO_REUSEADDR; SO_REUSEPORT to share the datagrams between them).",
            ),
            head=head,
        )
        self.args = (str(self.sentence),)

    def __str__(self) -> str:
        return str(self.sentence)


def check_size(size: int, family: int) -> Sentence | None:
    """Refuse what UDP cannot carry; warn (a sentence) above one Ethernet frame.

    Raises:
        DatagramTooLarge: ``size`` is above 65,507 (IPv4) or 65,527 (IPv6) bytes.
    """
    ipv6 = family == socket.AF_INET6
    limit = MAX_IPV6 if ipv6 else MAX_IPV4
    if size > limit:
        raise DatagramTooLarge(size, limit, ipv6)
    if size > ETHERNET_SAFE:
        return sentence(
            QT_TRANSLATE_NOOP(
                "core",
                "A datagram of {size} bytes is larger than {safe} bytes: on Ethernet it is sent "
                "in fragments, and losing any one of them loses the whole datagram.",
            ),
            size=size,
            safe=ETHERNET_SAFE,
        )
    return None


def truncated_note(peer: str, kept: int, size: int) -> Sentence:
    """A received datagram was larger than the receive buffer."""
    return sentence(
        QT_TRANSLATE_NOOP(
            "core",
            "Truncated: the datagram from {peer} had {size} bytes; only the first {kept} were "
            "kept.",
        ),
        peer=peer,
        size=size,
        kept=kept,
    )


def no_feedback_note() -> Sentence:
    """Why an unconnected UDP session cannot say whether anybody received what it sent."""
    return sentence(
        QT_TRANSLATE_NOOP(
            "core",
            "UDP does not confirm delivery: without a fixed peer (connected mode) nothing tells "
            "you whether anybody is listening.",
        )
    )
