"""A big body is written into memory an earlier one freed (``body_store``), and only then.

The bytes, ``raw`` and every anomaly stay exactly what they were; the pool stays bounded.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from types import FrameType

import pytest

from desktop.core.http import ResponseReader
from desktop.core.http.anomaly import AnomalyKind
from desktop.core.http.body_store import MIN_POOLED, BodyStore, BufferPool

SIZE = 2 * MIN_POOLED
PIECE = 64 << 10


@pytest.fixture
def pool(monkeypatch: pytest.MonkeyPatch) -> Iterator[BufferPool]:
    """A pool of the test's own (the shared one may hold buffers of other tests)."""
    own = BufferPool()
    monkeypatch.setattr(BodyStore, "pool", own)
    yield own
    own.clear()


def _wire(size: int, fill: int) -> bytes:
    return b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % size + bytes([fill]) * size


def _read(wire: bytes, *, cut: int | None = None) -> ResponseReader:
    reader = ResponseReader()
    view = memoryview(wire)
    for i in range(0, len(wire) if cut is None else cut, PIECE):
        reader.feed(view[i : i + PIECE if cut is None else min(i + PIECE, cut)])
    return reader


def _freed(size: int, fill: int) -> int:
    """Read a response, then drop it (no garbage collection: nothing may need one); the id of
    the buffer that held it."""
    reader = _read(_wire(size, fill))
    kept = id(reader.raw)
    del reader
    return kept


def test_a_big_body_is_written_into_the_buffer_an_earlier_one_freed(pool: BufferPool) -> None:
    gc.disable()
    try:
        earlier = _freed(SIZE, 0x41)
        assert pool.sizes == [len(_wire(SIZE, 0))]
        wire = _wire(SIZE, 0x42)
        reader = _read(wire)
        assert id(reader.raw) == earlier  # the same memory, not a new allocation
        assert pool.sizes == []
        assert reader.raw == wire and bytes(reader.responses[0].body_view()) == wire[-SIZE:]
        assert reader.responses[0].complete and not reader.anomalies
    finally:
        gc.enable()


def test_a_shorter_body_in_a_bigger_buffer_shows_none_of_the_earlier_bytes(
    pool: BufferPool,
) -> None:
    _freed(SIZE, 0x41)
    wire = _wire(SIZE * 3 // 4, 0x42)
    half = _read(wire, cut=len(wire) // 2)  # raw asked mid-body: only what arrived
    assert half.raw == wire[: len(wire) // 2]
    head = len(wire) - SIZE * 3 // 4
    assert half.responses[0].body_view() == wire[head : len(wire) // 2]
    del half
    _freed(SIZE, 0x41)
    reader = _read(wire)
    assert reader.raw == wire
    assert reader.responses[0].body_size == SIZE * 3 // 4


def test_a_short_body_in_a_pooled_buffer_is_named_and_exact(pool: BufferPool) -> None:
    _freed(SIZE, 0x41)
    wire = _wire(SIZE, 0x42)
    reader = _read(wire, cut=len(wire) - 1000)
    reader.close()
    assert reader.raw == wire[:-1000]
    assert [a.kind for a in reader.anomalies] == [AnomalyKind.SHORT_BODY]
    assert reader.responses[0].body_size == SIZE - 1000


def test_bytes_someone_still_holds_are_never_written_over(pool: BufferPool) -> None:
    reader = _read(_wire(SIZE, 0x41))
    body = reader.responses[0].body_view()  # a view of the raw bytes outlives the reader
    del reader
    assert pool.sizes == []
    wire = _wire(SIZE, 0x42)
    assert _read(wire).raw == wire
    assert body == b"\x41" * SIZE


def test_a_body_above_the_cap_is_cut_at_the_cap_in_a_pooled_buffer(pool: BufferPool) -> None:
    _freed(SIZE, 0x41)
    wire = _wire(SIZE, 0x42)
    reader = ResponseReader(max_body_bytes=SIZE - MIN_POOLED // 2)
    for i in range(0, len(wire), PIECE):
        reader.feed(wire[i : i + PIECE])
    head = len(wire) - SIZE
    assert reader.raw == wire[: head + SIZE - MIN_POOLED // 2]
    assert AnomalyKind.BODY_TRUNCATED_BY_CAP in [a.kind for a in reader.anomalies]


def test_dropping_a_reader_frees_its_bytes_without_the_garbage_collector(
    pool: BufferPool,
) -> None:
    gc.disable()
    try:
        _freed(SIZE, 0x41)  # a reader <-> response cycle would leave it for the collector
        assert len(pool.sizes) == 1
    finally:
        gc.enable()


def test_the_pool_is_bounded_in_count_and_bytes() -> None:
    pool = BufferPool(count=2, total=5 * MIN_POOLED)
    pool.take(MIN_POOLED)  # starts the janitor (nothing is kept without one)
    for size in (1, 2, 3):
        pool.give(b"x" * (size * MIN_POOLED))
    assert pool.sizes == [2 * MIN_POOLED, 3 * MIN_POOLED]
    pool.give(b"x" * (4 * MIN_POOLED))
    assert pool.sizes == [4 * MIN_POOLED]  # 3 + 4 > 5: the oldest goes
    pool.give(b"x" * (6 * MIN_POOLED))
    assert pool.sizes == [4 * MIN_POOLED]  # above the total: not kept
    pool.clear()


def test_a_big_body_no_buffer_fits_releases_the_pool() -> None:
    pool = BufferPool()
    pool.take(MIN_POOLED)
    pool.give(b"x" * (8 * MIN_POOLED))
    assert pool.take(2 * MIN_POOLED) is None  # more than twice what is needed: not used
    assert pool.sizes == []  # and not kept beside the new body either


def test_a_big_body_takes_the_largest_buffer_that_fits_and_releases_the_others() -> None:
    pool = BufferPool(count=3, total=16 * MIN_POOLED)
    pool.take(MIN_POOLED)
    for size in (2, 3, 5):
        pool.give(b"x" * (size * MIN_POOLED))
    got = pool.take(2 * MIN_POOLED)
    assert got is not None and len(got) == 3 * MIN_POOLED
    assert pool.sizes == []


def test_nothing_is_kept_while_the_lock_is_held_or_no_janitor_runs() -> None:
    pool = BufferPool()
    pool.give(b"x" * MIN_POOLED)
    assert pool.sizes == []  # no janitor yet: nothing would ever release it
    pool.take(MIN_POOLED)
    with pool._lock:  # a store dying inside the collector while this thread holds the lock
        pool.give(b"x" * MIN_POOLED)
    assert pool.sizes == []
    pool.clear()


def test_an_idle_buffer_is_released_and_the_janitor_ends() -> None:
    pool = BufferPool(idle=0.05)
    pool.take(MIN_POOLED)
    pool.give(b"x" * MIN_POOLED)
    assert pool.sizes == [MIN_POOLED]
    janitor = pool._janitor
    assert janitor is not None
    janitor.join(timeout=10)
    assert not janitor.is_alive() and pool.sizes == []


def test_a_small_body_takes_nothing_from_the_pool(pool: BufferPool) -> None:
    _freed(SIZE, 0x41)
    wire = _wire(1000, 0x42)
    assert _read(wire).raw == wire
    assert pool.sizes == [len(_wire(SIZE, 0))]  # left for a big body


def test_bytes_written_into_a_reused_buffer_hash_as_what_they_are(pool: BufferPool) -> None:
    # The freed body was hashed (a dict key, a cache): its buffer, written over, must not
    # keep that hash, or a look-up of the new bytes goes astray.
    gc.disable()
    try:
        reader = _read(_wire(SIZE, 0x41))
        hash(reader.raw)
        del reader
        assert pool.sizes
        wire = _wire(SIZE, 0x42)
        reader = _read(wire)
        assert hash(reader.raw) == hash(bytes(wire))
        assert reader.raw in {wire: "the same bytes"}
    finally:
        gc.enable()


def test_a_small_store_dies_without_a_python_call() -> None:
    # One keep-alive response's store is born and dies per request: its death must run no
    # Python (a __del__ of its own cost ~0.2 us a request, #15).
    reader = ResponseReader()
    reader.feed(_wire(18, 0x41))
    assert reader.complete
    called: list[str] = []

    def watch(frame: FrameType, event: str, arg: object) -> None:
        if event == "call":
            called.append(frame.f_code.co_name)

    sys.setprofile(watch)
    try:
        del reader
    finally:
        sys.setprofile(None)
    assert called == []


def test_a_body_that_grew_big_without_a_length_is_pooled_when_it_dies(pool: BufferPool) -> None:
    # No Content-Length, so no reserve(): the store becomes a pooling one as its bytes cross
    # MIN_POOLED on a feed, and gives its buffer to the pool when nobody holds it.
    wire = b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n" + b"\x42" * SIZE
    assert pool.take(SIZE) is None  # an earlier big body with a length started the janitor
    gc.disable()
    try:
        reader = _read(wire)
        assert len(reader.raw) == len(wire)
        del reader
        assert len(pool.sizes) == 1
    finally:
        gc.enable()
