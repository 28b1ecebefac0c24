"""What an engine bridge hands the GUI per frame: new records and the counters at that moment."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.capture.record import Record

__all__ = ["RecordBatch"]


@dataclass(frozen=True, slots=True)
class RecordBatch:
    """New records of one session since the last batch.

    Attributes:
        records: the records, oldest first.
        bytes_in: total bytes received by the session so far.
        bytes_out: total bytes sent by the session so far.
        dropped: records dropped before display because the view fell behind (counters still
            include their bytes).
        messages_in: chunks received so far (one read is one message).
        messages_out: chunks sent so far.
    """

    records: tuple[Record, ...]
    bytes_in: int
    bytes_out: int
    dropped: int = 0
    messages_in: int = 0
    messages_out: int = 0
