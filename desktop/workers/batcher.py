"""Coalesce a stream of items into at most ~60 batches a second, with credit-based back-pressure.

Qt-free: runs on the engine's asyncio loop and hands each batch to an ``emit`` callable (a bridge
emits a queued signal from it). A batch is only emitted once the consumer has acknowledged the
previous one, so a GUI that falls behind never builds an unbounded queue of signals: items wait
here instead, and past ``max_pending_bytes`` the oldest waiting items are dropped from the batch
(counted in ``dropped``) — the counters of the engine stay exact, only the view loses old rows.

A batch holds at most ``max_batch_items`` items, the oldest waiting: under a flood of small
records (a UDP session gets ~150,000 datagrams a second, one record each) the GUI thread's work per
batch stays bounded, and the rest waits here for the next batch, within the same caps.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sized
from typing import Generic, TypeVar

__all__ = ["Batcher"]

T = TypeVar("T", bound=Sized)

# ~60 batches/s: one per frame of a 60 Hz display is as often as a user can see a change.
DEFAULT_INTERVAL = 1 / 60
# What may wait for a slow consumer; more than a view's ring holds is never useful.
DEFAULT_MAX_PENDING_BYTES = 16 * 1024 * 1024
# Items waiting at most: a log holds 200,000 rows, so more than that waiting is never shown.
DEFAULT_MAX_PENDING_ITEMS = 200_000
# Items per batch at most: ~1 µs of the GUI thread each for the log model (bench/udp_gui_flood),
# so a batch costs a few ms, and 60 batches a second still take 245,000 items a second.
DEFAULT_MAX_BATCH_ITEMS = 4096


class Batcher(Generic[T]):
    """Collects items on an event loop and emits them in batches.

    Args:
        loop: the loop this batcher is used on (all methods but ``ack_threadsafe`` run there).
        emit: called with a list of items; must not block.
        interval: the shortest time between two batches, in seconds.
        max_pending_bytes: cap on ``len(item)`` summed over waiting items.
        max_pending_items: cap on the number of waiting items.
        max_batch_items: the most items one batch holds (``flush_now`` sends everything).
    """

    def __init__(
        self,
        loop: asyncio.AbstractEventLoop,
        emit: Callable[[list[T]], None],
        interval: float = DEFAULT_INTERVAL,
        max_pending_bytes: int = DEFAULT_MAX_PENDING_BYTES,
        *,
        max_pending_items: int = DEFAULT_MAX_PENDING_ITEMS,
        max_batch_items: int = DEFAULT_MAX_BATCH_ITEMS,
    ) -> None:
        self._loop = loop
        self._emit = emit
        self._interval = interval
        self._max_pending_bytes = max_pending_bytes
        self._max_pending_items = max_pending_items
        self._max_batch_items = max_batch_items
        self._pending: list[T] = []
        self._pending_bytes = 0
        self._timer: asyncio.TimerHandle | None = None
        self._last_emit = -1e9
        self._in_flight = False
        self.dropped = 0
        self.emitted_batches = 0

    def add(self, item: T) -> None:
        """Queue one item; a batch goes out within ``interval`` if the consumer is ready."""
        self._pending.append(item)
        self._pending_bytes += len(item)
        if self._over():
            self._trim()
        self._schedule()

    def extend(self, items: list[T], nbytes: int) -> None:
        """Queue many items at once; ``nbytes`` is ``len(item)`` summed over them."""
        self._pending.extend(items)
        self._pending_bytes += nbytes
        if self._over():
            self._trim()
        self._schedule()

    def ack(self) -> None:
        """The consumer has handled the last batch; the next may go."""
        self._in_flight = False
        self._schedule()

    def ack_threadsafe(self) -> None:
        """``ack`` from any thread."""
        self._loop.call_soon_threadsafe(self.ack)

    def flush_now(self) -> None:
        """Emit what is pending at once, regardless of interval and credit (used on close)."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        self._emit_pending(everything=True)

    def _schedule(self) -> None:
        if self._timer is not None or self._in_flight or not self._pending:
            return
        delay = max(0.0, self._last_emit + self._interval - self._loop.time())
        self._timer = self._loop.call_later(delay, self._on_timer)

    def _on_timer(self) -> None:
        self._timer = None
        if not self._in_flight:
            self._emit_pending()

    def _emit_pending(self, everything: bool = False) -> None:
        if not self._pending:
            return
        if everything or len(self._pending) <= self._max_batch_items:
            batch, self._pending, self._pending_bytes = self._pending, [], 0
        else:
            batch = self._pending[: self._max_batch_items]
            del self._pending[: self._max_batch_items]
            self._pending_bytes -= sum(map(len, batch))
        self._in_flight = True
        self._last_emit = self._loop.time()
        self.emitted_batches += 1
        self._emit(batch)

    def _over(self) -> bool:
        return (
            self._pending_bytes > self._max_pending_bytes
            or len(self._pending) > self._max_pending_items
        )

    def _trim(self) -> None:
        # Past the item cap the oldest go without a look; past the byte cap, one by one.
        keep_from = max(0, len(self._pending) - self._max_pending_items)
        if keep_from:
            self._pending_bytes -= sum(map(len, self._pending[:keep_from]))
        while self._pending_bytes > self._max_pending_bytes and keep_from < len(self._pending) - 1:
            self._pending_bytes -= len(self._pending[keep_from])
            keep_from += 1
        if keep_from:
            self.dropped += keep_from
            del self._pending[:keep_from]
