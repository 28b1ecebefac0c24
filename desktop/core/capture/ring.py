"""A ring buffer of records bounded in bytes and in count, with O(1) indexing."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from desktop.core.capture.record import Record

__all__ = ["RecordRing"]

# Records cost a fixed overhead beyond their payload (object, list slot, bytes header);
# counted so that a flood of 1-byte records cannot hold unbounded memory under a byte cap.
_RECORD_OVERHEAD = 120


class RecordRing:
    """Holds the newest records within ``max_bytes`` and ``max_records``.

    Index 0 is the oldest record still held. ``append_many`` returns how many old records it
    evicted, so a view over the ring can drop exactly those rows.

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
        self._head = 0  # index in _items of the oldest live record
        self._bytes = 0
        self.evicted_total = 0

    def __len__(self) -> int:
        return len(self._items) - self._head

    def __getitem__(self, index: int) -> Record:
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self._items[self._head + index]

    @property
    def held_bytes(self) -> int:
        """Bytes accounted to the records held now (payload plus overhead)."""
        return self._bytes

    def plan(self, records: Sequence[Record]) -> tuple[int, int]:
        """What appending ``records`` would evict, without changing anything.

        Returns:
            (old, new): how many records held now would go, and how many of ``records`` would
            not fit at all (the oldest of them).
        """
        count = len(self) + len(records)
        total = self._bytes + sum(len(r.data) + _RECORD_OVERHEAD for r in records)
        old = 0
        while old < len(self) and (total > self.max_bytes or count > self.max_records):
            total -= len(self[old].data) + _RECORD_OVERHEAD
            count -= 1
            old += 1
        new = 0
        while new < len(records) and (total > self.max_bytes or count > self.max_records):
            total -= len(records[new].data) + _RECORD_OVERHEAD
            count -= 1
            new += 1
        return old, new

    def drop_oldest(self, count: int) -> None:
        """Forget the ``count`` oldest records."""
        for _ in range(min(count, len(self))):
            old = self._items[self._head]
            self._bytes -= len(old.data) + _RECORD_OVERHEAD
            self._head += 1
        self.evicted_total += count
        # Compact when the dead prefix is at least half the list: amortised O(1) per record.
        if self._head and self._head * 2 >= len(self._items):
            del self._items[: self._head]
            self._head = 0

    def extend(self, records: Iterable[Record]) -> None:
        """Append without evicting (after ``plan``/``drop_oldest`` made room)."""
        for record in records:
            self._items.append(record)
            self._bytes += len(record.data) + _RECORD_OVERHEAD

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
        self._head = 0
        self._bytes = 0
        return count
