from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.capture import Direction, Record, RecordRing
from desktop.core.capture.ring import _RECORD_OVERHEAD


def rec(n: int, size: int = 10) -> Record:
    return Record(n, Direction.IN, "peer:1", bytes([n % 256]) * size)


def test_holds_records_in_order_with_indexing() -> None:
    ring = RecordRing()
    assert ring.append_many(rec(i) for i in range(5)) == 0
    assert len(ring) == 5
    assert [ring[i].t_ns for i in range(5)] == [0, 1, 2, 3, 4]
    with pytest.raises(IndexError):
        ring[5]
    with pytest.raises(IndexError):
        ring[-1]


def test_count_cap_evicts_oldest_and_reports_how_many() -> None:
    ring = RecordRing(max_records=3)
    ring.append_many([rec(0), rec(1)])
    assert ring.append_many([rec(2), rec(3), rec(4)]) == 2
    assert [ring[i].t_ns for i in range(len(ring))] == [2, 3, 4]
    assert ring.evicted_total == 2


def test_byte_cap_counts_payload_and_overhead() -> None:
    per = 100 + _RECORD_OVERHEAD
    ring = RecordRing(max_bytes=per * 4)
    ring.append_many(rec(i, 100) for i in range(10))
    assert len(ring) == 4
    assert ring.held_bytes == per * 4


def test_tiny_records_cannot_escape_the_byte_cap() -> None:
    ring = RecordRing(max_bytes=10_000, max_records=10**9)
    ring.append_many(rec(i, 1) for i in range(100_000))
    assert ring.held_bytes <= 10_000
    assert len(ring) == 10_000 // (1 + _RECORD_OVERHEAD)


def test_a_record_larger_than_the_cap_is_not_kept() -> None:
    ring = RecordRing(max_bytes=50)
    assert ring.append_many([rec(0, 1000)]) == 1
    assert len(ring) == 0


def test_clear() -> None:
    ring = RecordRing()
    ring.append_many(rec(i) for i in range(3))
    assert ring.clear() == 3
    assert len(ring) == 0 and ring.held_bytes == 0


def test_rejects_non_positive_caps() -> None:
    with pytest.raises(ValueError):
        RecordRing(max_bytes=0)


@given(
    st.lists(st.lists(st.integers(0, 300), max_size=30), max_size=30),
    st.integers(1, 20),
    st.integers(200, 5000),
)
def test_ring_matches_a_simple_model(
    batches: list[list[int]], max_records: int, max_bytes: int
) -> None:
    """Whatever the batches, the ring holds exactly the newest records that fit both caps."""
    ring = RecordRing(max_bytes=max_bytes, max_records=max_records)
    everything: list[Record] = []
    counter = 0
    for sizes in batches:
        batch = []
        for size in sizes:
            batch.append(rec(counter, size))
            counter += 1
        before = len(ring)
        evicted = ring.append_many(batch)
        everything += batch
        assert len(ring) == before + len(batch) - evicted
        kept: list[Record] = []
        total = 0
        for record in reversed(everything):
            cost = len(record.data) + _RECORD_OVERHEAD
            if len(kept) >= max_records or total + cost > max_bytes:
                break
            kept.append(record)
            total += cost
        kept.reverse()
        assert [ring[i] for i in range(len(ring))] == kept
