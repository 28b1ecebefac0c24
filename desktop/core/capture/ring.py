"""A ring buffer of records bounded in bytes and in count, with O(1) indexing."""

from __future__ import annotations

import operator
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from itertools import accumulate, islice, repeat

from desktop.core.capture.record import Record

__all__ = ["RecordRing"]

# Records cost a fixed overhead beyond their payload (object, list slot, bytes header);
# counted so that a flood of 1-byte records cannot hold unbounded memory under a byte cap.
_RECORD_OVERHEAD = 120
_DATA = operator.attrgetter("data")


def _costs(records: Iterable[Record]) -> Iterable[int]:
    """Each record's accounted size (payload plus overhead), computed in C, not per record."""
    return map(operator.add, map(len, map(_DATA, records)), repeat(_RECORD_OVERHEAD))


class RecordRing:
    """Holds the newest records within ``max_bytes`` and ``max_records``.

    Index 0 is the oldest record still held. ``append_many`` returns how many old records it
    evicted, so a view over the ring can drop exactly those rows.

    Beside the records the ring keeps their running total of accounted bytes, so that what an
    append evicts is found by bisection and a batch is added and evicted without a Python loop
    over its records (a UDP flood brings ~150,000 records a second to the GUI thread).

    Args:
        max_bytes: cap on the payload plus per-record overhead held.
        max_records: cap on the number of records held.
    """

    def __init__(self, max_bytes: int = 64 * 1024 * 1024, max_records: int = 200_000) -> None:
        if max_bytes <= 0 or max_records <= 0:
            raise ValueError("ring caps must be positive")
        self.max_bytes = max_bytes
        self.max_records = max_records
        self._items: list[Record] = []
        # _ends[i]: accounted bytes of every record appended up to _items[i] included (a running
        # total since the ring was made or cleared); _base: the total before _items[0].
        self._ends: list[int] = []
        self._base = 0
        self._head = 0  # index in _items of the oldest live record
        self.evicted_total = 0

    def __len__(self) -> int:
        return len(self._items) - self._head

    def __getitem__(self, index: int) -> Record:
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self._items[self._head + index]

    def _start(self) -> int:
        """The running total before the oldest live record."""
        return self._ends[self._head - 1] if self._head else self._base

    def _end(self) -> int:
        return self._ends[-1] if self._ends else self._base

    @property
    def held_bytes(self) -> int:
        """Bytes accounted to the records held now (payload plus overhead)."""
        return self._end() - self._start()

    def plan(self, records: Sequence[Record]) -> tuple[int, int]:
        """What appending ``records`` would evict, without changing anything.

        Returns:
            (old, new): how many records held now would go, and how many of ``records`` would
            not fit at all (the oldest of them).
        """
        held = len(self)
        new_ends = list(accumulate(_costs(records)))
        incoming = new_ends[-1] if new_ends else 0
        count = held + len(records)
        excess = self.held_bytes + incoming - self.max_bytes  # bytes that must go
        # The fewest oldest records whose going brings both count and bytes under the caps.
        old = max(0, count - self.max_records)
        if excess > 0:
            start = self._start()
            # First index whose running total reaches start + excess: evicting up to it frees
            # at least ``excess`` bytes.
            at = bisect_left(self._ends, start + excess, self._head, len(self._ends))
            old = max(old, at - self._head + 1)
        if old <= held:
            return old, 0
        # Everything held goes, and the oldest of the new records too.
        new = max(0, len(records) - self.max_records)
        excess = incoming - self.max_bytes
        if excess > 0:
            new = max(new, bisect_left(new_ends, excess) + 1)
        return held, min(new, len(records))

    def drop_oldest(self, count: int) -> None:
        """Forget the ``count`` oldest records."""
        self._head += min(count, len(self))
        self.evicted_total += count
        # Compact when the dead prefix is at least half the list: amortised O(1) per record.
        if self._head and self._head * 2 >= len(self._items):
            self._base = self._ends[self._head - 1]
            del self._items[: self._head]
            del self._ends[: self._head]
            self._head = 0

    def extend(self, records: Iterable[Record]) -> None:
        """Append without evicting (after ``plan``/``drop_oldest`` made room)."""
        batch = records if isinstance(records, Sequence) else list(records)
        self._items.extend(batch)
        self._ends.extend(islice(accumulate(_costs(batch), initial=self._end()), 1, None))

    def append_many(self, records: Iterable[Record]) -> int:
        """Append records, evicting the oldest past the caps.

        Returns:
            How many records were evicted from the front (including new ones that did not fit).
        """
        batch = list(records)
        old, new = self.plan(batch)
        self.drop_oldest(old)
        self.extend(batch[new:])
        self.evicted_total += new
        return old + new

    def clear(self) -> int:
        """Drop every record; returns how many there were."""
        count = len(self)
        self._items.clear()
        self._ends.clear()
        self._base = 0
        self._head = 0
        return count
