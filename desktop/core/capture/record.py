"""One captured chunk of traffic."""

from __future__ import annotations

import enum
from dataclasses import dataclass

__all__ = ["Direction", "Record"]


class Direction(enum.Enum):
    """Which way a record went, seen from SocketDesk."""

    IN = "in"
    OUT = "out"
    INFO = "info"  # an event of the session (connected, closed…), text in ``data`` as UTF-8


@dataclass(frozen=True, slots=True)
class Record:
    """A chunk received or sent, or a session event.

    Attributes:
        t_ns: wall-clock time in nanoseconds since the epoch (``time.time_ns()``).
        direction: in, out or info.
        peer: the remote end as ``host:port``.
        data: the exact bytes.
    """

    t_ns: int
    direction: Direction
    peer: str
    data: bytes

    def __len__(self) -> int:
        """The payload size, so that batches and rings can be bounded in bytes."""
        return len(self.data)
