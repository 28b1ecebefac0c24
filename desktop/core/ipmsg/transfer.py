"""One file transfer, in either direction, as the transfers list shows and stores it.

The I/O layer publishes a new ``Transfer`` (frozen) each time its state or progress changes; the
GUI replaces its row by ``transfer_id``, the store saves it, the CLI prints the outcome. Nothing
here does I/O.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from desktop.core.sentence import Sentence

__all__ = ["Direction", "Transfer", "TransferState"]


class Direction(enum.Enum):
    """Which way the bytes go."""

    RECEIVE = "receive"  # we download a peer's offer
    SEND = "send"  # a peer downloads our offer


class TransferState(enum.Enum):
    """Where a transfer is. Only ``DONE`` means every byte arrived and was checked."""

    WAITING = "waiting"  # offered, not requested yet (or queued)
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"  # ``reason`` says why; retry may continue it
    CANCELLED = "cancelled"  # by us or by the peer
    DECLINED = "declined"  # the receiver refused the offer (RELEASEFILES)
    EXPIRED = "expired"  # the offer's time ran out before it was fetched

    @property
    def finished(self) -> bool:
        """True when nothing more will happen without a retry."""
        return self not in (TransferState.WAITING, TransferState.RUNNING)


@dataclass(frozen=True, slots=True)
class Transfer:
    """A snapshot of one transfer (one offered file or folder, to or from one peer).

    Attributes:
        transfer_id: unique in this process's run and in the store.
        direction: receive or send.
        peer_label: the peer as shown (``Peer.label``).
        peer_address: the peer's ``(ip, port)``.
        packet_no: the offer's packet number.
        file_id: the file's id in that offer.
        name: the file or folder name (received: already made safe).
        is_folder: a folder tree.
        size: bytes expected (a folder's may be unknown: 0).
        done: bytes moved so far.
        files_done: files completed so far (folders count their files).
        path: where it lands (receive) or what is read (send); empty until known.
        state: see ``TransferState``.
        reason: why it failed or was cancelled, a sentence for the user.
        started_at: wall-clock time (``time.time()``) it began running, 0 before.
        finished_at: wall-clock time it finished, 0 before.
        rate: bytes per second now (smoothed), 0 when not running.
    """

    transfer_id: int
    direction: Direction
    peer_label: str
    peer_address: tuple[str, int]
    packet_no: int
    file_id: int
    name: str
    is_folder: bool = False
    size: int = 0
    done: int = 0
    files_done: int = 0
    path: str = ""
    state: TransferState = TransferState.WAITING
    reason: Sentence | None = None
    started_at: float = 0.0
    finished_at: float = 0.0
    rate: float = 0.0

    @property
    def fraction(self) -> float | None:
        """Progress in 0..1, or None when the size is unknown."""
        if self.size <= 0:
            return 1.0 if self.state is TransferState.DONE else None
        return min(1.0, self.done / self.size)

    @property
    def eta(self) -> float | None:
        """Seconds left at the current rate, or None when unknown."""
        if self.state is not TransferState.RUNNING or self.rate <= 0 or self.size <= 0:
            return None
        return max(0.0, (self.size - self.done) / self.rate)
