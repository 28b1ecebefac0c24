"""The messenger's UDP sockets, their endpoints on the loop, and the engine's flood notices
(split out of ``engine.py``)."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Callable
from typing import Any, cast

from desktop.core.errors import ListenError
from desktop.core.ipmsg.events import Address, Event, Notice
from desktop.core.ipmsg.messenger_errors import PortInUse
from desktop.core.ipmsg.source_budget import SourceBudget, Verdict
from desktop.core.net.interfaces import interface_addresses
from desktop.core.net.listen import bind_error
from desktop.core.net.port_owner import describe_port_owners, free_udp_port
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence

__all__ = [
    "broadcast_socket",
    "datagram_endpoint",
    "flood_notice",
    "open_udp",
    "send_failure",
    "udp_host",
]

# The kernel's default receive buffer (~208 KiB) holds ~250 small datagrams at its per-packet
# overhead; 1 MiB absorbs a whole large LAN answering one BR_ENTRY while the loop is busy.
_RECEIVE_BUFFER = 1 << 20
_ANY = ("", "0.0.0.0", "*", "any")
# What the stock loop's datagram transport reads each datagram into: the largest UDP payload
# over IPv4 (65,507 bytes) fits, and the buffer comes from the heap (asyncio's 256 KiB default is
# above malloc's mmap threshold: an mmap, an mremap and a munmap for every datagram).
RECEIVE_SIZE = 1 << 16


class _Endpoint(asyncio.DatagramProtocol):
    """Hands each datagram, and each error the socket reports, to the engine."""

    def __init__(
        self, received: Callable[[bytes, Address], None], failed: Callable[[Exception], None]
    ) -> None:
        self.received = received
        self.failed = failed

    def datagram_received(self, data: bytes, addr: tuple[str | Any, int]) -> None:
        # An IPv4 socket's source is (str, int) on both loops: passed on as it is (issue #15).
        self.received(data, addr)

    def error_received(self, exc: Exception) -> None:
        self.failed(exc)


async def datagram_endpoint(
    sock: socket.socket,
    received: Callable[[bytes, Address], None],
    failed: Callable[[Exception], None],
) -> asyncio.DatagramTransport:
    """``sock`` watched by the running loop: each datagram to ``received`` (with its source),
    each error the socket reports to ``failed``."""
    loop = asyncio.get_running_loop()
    transport, _protocol = await loop.create_datagram_endpoint(
        lambda: _Endpoint(received, failed), sock=sock
    )
    if hasattr(transport, "max_size"):  # the stock loop's transport (not uvloop's)
        cast(Any, transport).max_size = RECEIVE_SIZE
    return transport


def udp_host(host: str) -> str:
    """The IPv4 address ``host`` names for a bind ("", "*", "any" and "0.0.0.0": every one)."""
    return "0.0.0.0" if host.strip().lower() in _ANY else host.strip()


def open_udp(host: str, port: int) -> socket.socket:
    """A non-blocking IPv4 UDP socket bound to ``host``:``port`` that may broadcast.

    No SO_REUSEADDR: on Linux it would let two messengers share port 2425 and split the
    datagrams between them; a taken port must be an error.

    Raises:
        PortInUse: the port is taken (with the program holding it, when it can be found).
        PermissionDenied, ListenError: with a sentence.
    """
    address = udp_host(host)
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, _RECEIVE_BUFFER)
        sock.bind((address, port))
        sock.setblocking(False)
    except OSError as error:
        sock.close()

        def in_use() -> PortInUse:
            owner, free = describe_port_owners(port, "udp"), free_udp_port(address, port)
            return PortInUse(address, port, owner, free)

        raise bind_error(error, address, port, in_use) from None
    return sock


def broadcast_socket(host: str, port: int, report: Callable[[Event], None]) -> list[socket.socket]:
    """With a specific bind address, a socket on its interface's broadcast address too.

    Linux delivers a broadcast only to sockets bound to the wildcard or to the broadcast
    address itself, so without this a node bound to 198.18.0.1 would never hear BR_ENTRY.
    """
    if host == "0.0.0.0":
        return []
    for item in interface_addresses():
        if item.address == host and item.broadcast:
            try:
                return [open_udp(item.broadcast, port)]
            except (PortInUse, ListenError):
                report(
                    Notice(
                        sentence(
                            QT_TRANSLATE_NOOP(
                                "core",
                                "Cannot listen on the broadcast address {address}; "
                                "broadcasts from other users will not be heard.",
                            ),
                            address=f"{item.broadcast}:{port}",
                        )
                    )
                )
    return []


def flood_notice(
    budget: SourceBudget, verdict: Verdict, source: str, now: float
) -> Sentence | None:
    """What to tell the user about a datagram over ``budget`` (at most once a minute per case)."""
    if verdict is Verdict.SOURCE_OVER:
        if budget.should_notice(source, now):
            return sentence(
                QT_TRANSLATE_NOOP(
                    "core",
                    "{source} sends more than {rate} datagrams a second; what it "
                    "sends beyond that is ignored.",
                ),
                source=source,
                rate=f"{budget.rate:,.0f}",
            )
    elif budget.should_notice(None, now):
        return sentence(
            QT_TRANSLATE_NOOP(
                "core",
                "More than {rate} datagrams a second are arriving; the excess is "
                "ignored, so some peers may be missed.",
            ),
            rate=f"{budget.total_rate:,.0f}",
        )
    return None


def send_failure(reason: Sentence, address: Address | None) -> Sentence:
    """What to tell the user when a datagram (to ``address``, if known) could not be sent."""
    if address:
        return sentence(
            QT_TRANSLATE_NOOP("core", "Could not send a datagram to {address}: {reason}."),
            address=f"{address[0]}:{address[1]}",
            reason=reason,
        )
    return sentence(
        QT_TRANSLATE_NOOP("core", "Could not send a datagram: {reason}."), reason=reason
    )
