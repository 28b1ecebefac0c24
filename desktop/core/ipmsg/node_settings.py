"""How a messenger node behaves on the network: where it announces itself, how it retries."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop import __version__
from desktop.core.ipmsg.constants import PORT
from desktop.core.ipmsg.events import Address
from desktop.core.ipmsg.packet_errors import InvalidField

__all__ = ["AUTO_REPLY_QUIET", "IPMSG_RETRIES", "IPMSG_RETRY_INTERVAL", "NodeSettings"]

IPMSG_RETRY_INTERVAL = 0.75  # seconds between tries [IPM-SRC cfg.cpp IPMSG_DEFAULT_RETRYMSEC] §1.5
# Away replies per peer: one per quarter hour tells a chatty peer without answering every line.
AUTO_REPLY_QUIET = 900.0
IPMSG_RETRIES = 6  # tries of one message [IPM-SRC cfg.cpp IPMSG_DEFAULT_RETRYMAX] §1.5


@dataclass(frozen=True, slots=True)
class NodeSettings:
    """Network settings of a node (identity is separate: ``Identity``).

    Attributes:
        port: the UDP port the node's socket is bound to; a datagram from this port and one of
            ``local_addresses`` is our own broadcast coming back, and is ignored.
        targets: where entry, absence and exit packets go: broadcast addresses of the local
            networks, and any extra addresses or directed broadcasts on other subnets.
        local_addresses: this machine's IPv4 addresses (to recognise our own broadcasts).
        retry_interval: seconds between tries of a message not yet acknowledged.
        tries: how many times a message is sent before it is reported as not delivered.
        entry_answer_delay: the longest random delay before answering a BR_ENTRY, in seconds;
            None: IPMsg's rule (1.023 s, 2.047 s above 50 peers, 4.095 s above 300) so that
            a whole LAN does not answer in the same millisecond (§1.4).
        refresh_window: after ``refresh()``, peers that said nothing for this long are dropped
            (IPMsg peers may wait up to about 4 s before answering, §1.4).
        version_text: what a GETINFO is answered with.
        auto_reply_quiet: while away, a peer gets the away message at most once in this many
            seconds (a chatty peer is not answered at every line); a new away message
            answers everyone again.
    """

    port: int = PORT
    targets: tuple[Address, ...] = ()
    local_addresses: frozenset[str] = field(default_factory=frozenset)
    retry_interval: float = IPMSG_RETRY_INTERVAL
    tries: int = IPMSG_RETRIES
    entry_answer_delay: float | None = None
    refresh_window: float = 5.0
    version_text: str = f"SocketDesk {__version__}"
    auto_reply_quiet: float = AUTO_REPLY_QUIET

    def __post_init__(self) -> None:
        if not 0 <= self.port < 65536:
            raise InvalidField("port", "must be in 0..65535")
        if self.tries < 1:
            raise InvalidField("number of tries", "must be at least 1")
        if not self.retry_interval > 0:
            raise InvalidField("retry interval", "must be more than 0 seconds")
        if self.auto_reply_quiet < 0:
            raise InvalidField("auto-reply period", "must not be negative")
        if self.entry_answer_delay is not None and self.entry_answer_delay < 0:
            raise InvalidField("entry answer delay", "must not be negative")
        for host, port in self.targets:
            if not 0 < port < 65536:
                raise InvalidField("target port", f"{port} of {host} is outside 1..65535")
