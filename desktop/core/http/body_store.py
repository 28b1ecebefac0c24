"""Where a response reader keeps the bytes it received: a ``BytesIO`` that reuses big buffers.

Storing a large body costs mostly the kernel's work of handing out fresh pages (on a VM,
~1.2 µs a 4 KiB page: 20-25 ms for 64 MiB, three times the copy itself). :class:`BodyStore`
avoids it when it can: when a store of at least :data:`MIN_POOLED` bytes dies and nobody
else holds its bytes, the buffer goes to a small pool (:data:`POOL`); a later response whose
Content-Length is known takes it and writes into memory that is already mapped.

The pool is bounded: at most :data:`MAX_POOLED` buffer (one freed body), at most the
reader's body cap in all, released after :data:`IDLE_SECONDS` unused; a big body that begins
takes it or releases it (so that a freed body never sits beside a new one: the 100 MiB
response keeps its RSS under twice the body).

How: a ``BytesIO`` made from a ``bytes`` object shares it, and writes into it in place once it
holds the only reference (CPython's copy-on-write; elsewhere it copies: slower, still
correct). Until the buffer is written to its end, its tail holds bytes of the earlier
response: :meth:`BodyStore.getvalue` cuts them off first, so what it returns is always
exactly what was written.
"""

from __future__ import annotations

import ctypes
import io
import sys
import threading
import time

__all__ = ["IDLE_SECONDS", "MAX_POOLED", "MIN_POOLED", "POOL", "BodyStore", "BufferPool"]

MIN_POOLED = 1 << 20  # smaller bodies: malloc's own free lists do well enough
MAX_POOLED = 1  # buffers kept at most: one freed body, for the next big one
MAX_POOLED_BYTES = 256 << 20  # in all (the reader's default body cap)
IDLE_SECONDS = 5.0  # a buffer unused this long goes back to the system


class BufferPool:
    """A few recently freed big ``bytes`` buffers, each released after an idle time.

    Buffers are given by a dying store (``__del__``: any thread, possibly inside the garbage
    collector while this thread holds the lock), so :meth:`give` never waits for the lock
    and never starts a thread: it keeps nothing when the lock is busy, or when no janitor
    thread runs. The janitor is started by :meth:`take` (ordinary code, once a big body
    begins) and ends when the pool is empty.
    """

    def __init__(
        self,
        count: int = MAX_POOLED,
        total: int = MAX_POOLED_BYTES,
        idle: float = IDLE_SECONDS,
    ) -> None:
        self.count, self.total, self.idle = count, total, idle
        self._lock = threading.Lock()
        self._free: list[tuple[float, bytes]] = []  # (when given, buffer), oldest first
        self._janitor: threading.Thread | None = None

    @property
    def sizes(self) -> list[int]:
        """The sizes of the buffers held, oldest first (for tests and diagnostics)."""
        with self._lock:
            return [len(buffer) for _, buffer in self._free]

    def give(self, buffer: bytes) -> None:
        """Keep ``buffer`` (which nobody else may hold) for a while, if the bounds allow."""
        if len(buffer) > self.total or self.count <= 0:
            return
        if not self._lock.acquire(blocking=False):
            return
        try:
            if self._janitor is None:
                return
            self._free.append((time.monotonic(), buffer))
            while len(self._free) > self.count or self._held() > self.total:
                del self._free[0]
        finally:
            self._lock.release()

    def take(self, size: int) -> bytes | None:
        """A buffer for ``size`` bytes: the largest held that is at most twice ``size`` (a
        smaller one grows in place), or None. The others held are released: they would only
        add to the memory the new body takes."""
        with self._lock:
            if self._janitor is None:
                janitor = threading.Thread(target=self._sweep, name="body-pool", daemon=True)
                janitor.start()
                self._janitor = janitor
            fits = [b for _, b in self._free if len(b) <= 2 * size]
            self._free.clear()
            return max(fits, key=len) if fits else None

    def clear(self) -> None:
        """Release every buffer held."""
        with self._lock:
            self._free.clear()

    def _held(self) -> int:
        return sum(len(buffer) for _, buffer in self._free)

    def _sweep(self) -> None:
        """The janitor: release buffers unused for ``idle`` seconds; end once none is held."""
        wait = self.idle
        while True:
            time.sleep(wait)
            with self._lock:
                now = time.monotonic()
                self._free = [(at, b) for at, b in self._free if now - at < self.idle]
                if not self._free:
                    self._janitor = None
                    return
                wait = self._free[0][0] + self.idle - now


POOL = BufferPool()


def _hash_field_offset() -> int | None:
    """Where CPython keeps a ``bytes`` object's cached hash (just before its bytes), checked
    on a fresh object; None where the layout is not that (then nothing is pooled)."""
    if sys.implementation.name != "cpython":
        return None
    offset = bytes.__basicsize__ - 1 - ctypes.sizeof(ctypes.c_ssize_t)
    probe = bytes(range(40))
    before = ctypes.c_ssize_t.from_address(id(probe) + offset).value
    digest = hash(probe)
    after = ctypes.c_ssize_t.from_address(id(probe) + offset).value
    return offset if before == -1 and after == digest and digest != -1 else None


_HASH_FIELD = _hash_field_offset()


def _sole_holder_count() -> int | None:
    """What ``sys.getrefcount`` says, in ``BodyStore.__del__``'s own steps, of a store's bytes
    nobody else holds; None if one more holder does not add exactly one (reference counts
    read differently on another interpreter or version: then nothing is pooled)."""
    store = io.BytesIO()
    store.write(bytes(64))
    buffer = store.getvalue()
    alone = sys.getrefcount(buffer)
    held = store.getvalue()
    with_one_more = sys.getrefcount(buffer)
    del held
    return alone if with_one_more == alone + 1 else None


# Pooling needs both: the hash field to reset, and a reference count that tells "nobody else".
_SOLE_HOLDER = _sole_holder_count() if _HASH_FIELD is not None else None


def _forget_hash(buffer: bytes) -> None:
    """Drop ``buffer``'s cached hash: its bytes are about to be written over, and a hash
    taken of the earlier response's bytes would send a dict or set look-up astray."""
    ctypes.c_ssize_t.from_address(id(buffer) + _HASH_FIELD).value = -1  # type: ignore[operator]


class BodyStore(io.BytesIO):
    """A ``BytesIO`` for a reader's bytes that takes a pooled buffer for a big body
    (:meth:`reserve`) and gives its own to the pool when it dies unseen.

    Only ever appended to (or cut short by ``truncate`` at the position, then appended to):
    the position is the end of what was written. ``getvalue()`` hands out the buffer itself
    (no copy), as ``BytesIO`` does.

    A small store is a plain ``BytesIO`` in all but name: it becomes a pooling one (a
    ``getvalue`` and a ``__del__`` of its own, in Python) only once it holds or reserves
    :data:`MIN_POOLED` bytes (:meth:`grown`). A keep-alive response's store never does, and
    its death then costs no Python call.
    """

    pool = POOL

    def grown(self) -> None:
        """The store holds :data:`MIN_POOLED` bytes or more: its buffer may be pooled when it
        dies (the reader says so when its bytes cross that size). A subclass of its own (a
        test's stand-in) stays what it is, and pools nothing."""
        if type(self) is BodyStore:
            self.__class__ = _PoolingStore

    def reserve(self, size: int) -> None:
        """``size`` bytes in all are expected: write into a pooled buffer if one fits
        (only for :data:`MIN_POOLED` bytes and more; what was written is moved into it)."""
        if size < MIN_POOLED or self.tell() >= size:
            return
        self.grown()
        if not isinstance(self, _PoolingStore):
            return
        buffer = self.pool.take(size)
        if buffer is None:
            return
        _forget_hash(buffer)
        kept = io.BytesIO.getvalue(self)  # what was written so far (a head, part of the body)
        alloc = len(buffer)
        io.BytesIO.__init__(self, buffer)  # shares it: ours alone once ``buffer`` is dropped
        del buffer
        if size < alloc:
            self.truncate(size)  # at least half the buffer (``take``): the memory stays
        self.write(kept)
        self._stale = True


class _PoolingStore(BodyStore):
    """A store of :data:`MIN_POOLED` bytes or more (``BodyStore.grown``)."""

    _stale = False  # the buffer's tail holds an earlier response's bytes

    def getvalue(self) -> bytes:
        """Exactly the bytes written (the buffer itself, no copy)."""
        if self._stale:
            # Cut first, then say so: a second reader meanwhile must not get the earlier tail.
            self.truncate(self.tell())  # a no-op once the buffer was written to its end
            self._stale = False
        return super().getvalue()

    def __del__(self) -> None:
        if self.tell() < MIN_POOLED or _SOLE_HOLDER is None:
            return
        try:
            buffer = super().getvalue()
            # Held by this store and by ``buffer`` only (the count ``_sole_holder_count`` read
            # in the same steps at import): nobody else can see the bytes, so they may be
            # written over.
            if sys.getrefcount(buffer) == _SOLE_HOLDER:
                self.pool.give(buffer)
        except Exception:  # at interpreter exit: then nothing is pooled
            return
