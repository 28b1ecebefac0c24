"""What a TCP relay reports: which side, the sink interface, and a pair's snapshot."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from desktop.core.sentence import Sentence

if TYPE_CHECKING:
    from desktop.core.net.tls import TlsSessionInfo

__all__ = ["PairInfo", "RelaySide", "RelaySink"]


class RelaySide(enum.Enum):
    """One end of a relayed pair."""

    CLIENT = "client"  # the client that connected to us
    TARGET = "target"  # the server we connect to


class RelaySink(Protocol):
    """What a relay reports. Called on the engine's event-loop thread.

    Every accepted client ends in exactly one ``on_pair_failed`` or in ``on_pair_opened``
    followed, later, by ``on_pair_closed``.
    """

    def on_pair_opened(self, pair_id: int, client_peer: str, target_peer: str) -> None:
        """A client is connected to the target; bytes flow from now on."""

    def on_pair_failed(self, pair_id: int, client_peer: str, reason: Sentence) -> None:
        """No pair was made (target unreachable, TLS failure, limit); the client is closed."""

    def on_target_tls(self, pair_id: int, session: TlsSessionInfo) -> None:
        """The TLS session with the target: the whole chain it sent and the verification
        outcome (right after ``on_pair_opened``, or before ``on_pair_failed`` when the target's
        certificate failed a required check)."""

    def on_data(self, pair_id: int, from_side: RelaySide, data: memoryview) -> None:
        """Bytes from one side, already on their way to the other; valid only during the call."""

    def on_injected(self, pair_id: int, to_side: RelaySide, data: bytes) -> None:
        """The user sent ``data`` toward one side (``TcpRelay.inject``)."""

    def on_pair_closed(self, pair_id: int, reason: Sentence) -> None:
        """Both sides are gone; ``reason`` is a sentence naming the side that ended it."""


@dataclass(frozen=True, slots=True)
class PairInfo:
    """A snapshot of one pair for a connection table.

    Attributes:
        pair_id: the pair's id.
        client_peer: the client's address, ``host:port``.
        target_peer: the target's address (empty while connecting).
        since_ns: when the client connected (``time.time_ns()``).
        bytes_client_to_target: bytes read from the client.
        bytes_target_to_client: bytes read from the target.
        pending_to_client: bytes waiting to be sent to the client.
        pending_to_target: bytes waiting to be sent to the target.
        client_reading: whether the client is being read (False while the target does not keep up).
        target_reading: whether the target is being read (False while the client does not keep up).
    """

    pair_id: int
    client_peer: str
    target_peer: str
    since_ns: int
    bytes_client_to_target: int
    bytes_target_to_client: int
    pending_to_client: int
    pending_to_target: int
    client_reading: bool
    target_reading: bool
