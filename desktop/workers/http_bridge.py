"""Bridge between the raw HTTP ``exchange`` engine on the I/O loop and the composer panel."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from desktop.core.http.exchange import Connection, ExchangeResult, HttpTarget, exchange, race
from desktop.core.http.response import MAX_BODY_BYTES
from desktop.core.sentence import Sentence
from desktop.workers.loop_thread import EventLoopThread

__all__ = ["MAX_BATCH", "BatchDone", "BatchItem", "HttpBridge"]

# "Send N times" and "Race N": one exchange per result kept in the GUI and in the history. A
# race opens N connections at once (each with a 256 KiB read buffer): 100 is far more than any
# race condition needs (Burp's single-packet attack stops at 20-30) and bounds memory.
MAX_BATCH = 100


@dataclass(frozen=True)
class BatchItem:
    """One exchange of "send N times" or "race N".

    Attributes:
        index: its place in the batch, from 0.
        result: what it sent and received (``connection`` always None).
    """

    index: int
    result: ExchangeResult


@dataclass(frozen=True)
class BatchDone:
    """A batch ended.

    Attributes:
        mode: ``"sequence"`` or ``"race"``.
        count: how many exchanges were asked for.
        done: how many were reported (fewer when cancelled or stopped by a failure).
        reason: why it stopped early (a core ``Sentence``, or a ``str`` already translated), or
            None; the UI shows it with ``say()``.
    """

    mode: str
    count: int
    done: int
    reason: Sentence | str | None = None


class HttpBridge(QObject):
    """Runs one HTTP job at a time (one exchange, a pipeline, N in a row, a race) and keeps a
    kept-alive connection for the next one when reuse is asked for.

    Public methods are called from the GUI thread and only post work to the I/O loop; methods
    starting with ``_`` run on the loop thread. A kept-alive connection is reused by the next
    exchange to the same target; another target, or ``reuse=False``, closes it first.

    Signals:
        exchange_finished(ExchangeResult): something was received (``error`` may still say
            that the exchange stopped early). Its ``connection`` is always None: the bridge
            keeps the connection on the loop thread.
        exchange_failed(object): why nothing was received (refused, timed out, cancelled): a
            core ``Sentence`` or a ``str`` already translated; the UI shows it with ``say()``.
        batch_item_finished(BatchItem): one exchange of a batch ended, received or not.
        batch_finished(BatchDone): the batch is over; the bridge takes new work.
        connection_changed(str): the kept-alive connection's peer (``host:port``), or "" when
            none is kept.
    """

    exchange_finished = Signal(object)
    exchange_failed = Signal(object)
    batch_item_finished = Signal(object)
    batch_finished = Signal(object)
    connection_changed = Signal(str)

    def __init__(self, io: EventLoopThread) -> None:
        super().__init__()
        self._io = io
        # Loop thread only from here on.
        self._task: asyncio.Task[None] | None = None
        self._cancel: asyncio.Event | None = None
        self._kept: tuple[HttpTarget, Connection] | None = None
        self._cap = MAX_BODY_BYTES

    # -- commands (GUI thread) ---------------------------------------------------------------------
    def send(self, target: HttpTarget, request: bytes, *, reuse: bool = True) -> None:
        """Send ``request`` (its exact bytes) to ``target``; the outcome arrives as a signal.

        Args:
            reuse: use the kept-alive connection to the same target, and keep this one.
        """
        self.send_pipeline(target, [request], reuse=reuse)

    def send_pipeline(
        self, target: HttpTarget, requests: list[bytes], *, reuse: bool = True
    ) -> None:
        """Write ``requests`` back to back on one connection; one ``exchange_finished`` (or
        ``exchange_failed``) reports every response."""
        if not requests or not all(requests):
            self.exchange_failed.emit(self.tr("The request is empty: nothing was sent."))
            return
        self._io.call(self._start, lambda cancel: self._run_once(target, requests, reuse, cancel))

    def send_sequence(
        self, target: HttpTarget, request: bytes, count: int, *, reuse: bool = True
    ) -> None:
        """Send ``request`` ``count`` times, each after the previous one ended."""
        count = max(1, min(count, MAX_BATCH))
        self._io.call(
            self._start, lambda cancel: self._run_sequence(target, request, count, reuse, cancel)
        )

    def send_race(self, target: HttpTarget, request: bytes, count: int) -> None:
        """Send ``request`` on ``count`` new connections with last-byte synchronisation."""
        count = max(1, min(count, MAX_BATCH))
        self._io.call(self._start, lambda cancel: self._run_race(target, request, count, cancel))

    def set_response_cap(self, max_bytes: int) -> None:
        """Keep at most ``max_bytes`` of each response from the next exchange on."""
        self._io.call(self._set_cap, max(1, max_bytes))

    def cancel(self) -> None:
        """Stop the running job at once; it ends with a sentence saying it was cancelled."""
        self._io.call(self._cancel_now)

    def drop_connection(self) -> None:
        """Close the kept-alive connection: the next send opens a new one."""
        self._io.call(self._drop)

    def close(self) -> None:
        """Cancel the running job and close a kept-alive connection."""
        self._io.call(self._close)

    # -- loop thread -------------------------------------------------------------------------------
    def _start(self, job: Callable[[asyncio.Event], Awaitable[None]]) -> None:
        if self._task is not None:
            self.exchange_failed.emit(self.tr("A request is already running; cancel it first."))
            return
        cancel = asyncio.Event()
        self._cancel = cancel
        self._task = asyncio.get_running_loop().create_task(self._guarded(job, cancel))

    async def _guarded(
        self, job: Callable[[asyncio.Event], Awaitable[None]], cancel: asyncio.Event
    ) -> None:
        try:
            await job(cancel)
        finally:
            self._task = None
            self._cancel = None

    async def _run_once(
        self, target: HttpTarget, requests: list[bytes], reuse: bool, cancel: asyncio.Event
    ) -> None:
        result = await self._exchange(target, requests, reuse, cancel)
        # A refused certificate ends with nothing received but a chain and a reason to show.
        if result.error is not None and not result.reader.raw and result.tls_info is None:
            self.exchange_failed.emit(result.error)
        else:
            self.exchange_finished.emit(result)

    async def _run_sequence(
        self, target: HttpTarget, request: bytes, count: int, reuse: bool, cancel: asyncio.Event
    ) -> None:
        done = 0
        reason: Sentence | str | None = None
        for index in range(count):
            if cancel.is_set():
                reason = self.tr("Cancelled.")
                break
            result = await self._exchange(target, [request], reuse, cancel)
            self.batch_item_finished.emit(BatchItem(index, result))
            done += 1
            if result.error is not None and not result.reader.raw:
                reason = result.error
                break
        self.batch_finished.emit(BatchDone("sequence", count, done, reason))

    async def _run_race(
        self, target: HttpTarget, request: bytes, count: int, cancel: asyncio.Event
    ) -> None:
        results = await race(target, request, count, cancel=cancel, max_response_bytes=self._cap)
        for index, result in enumerate(results):
            if result.connection is not None:
                result.connection.close()  # a race's connections are never reused
            self.batch_item_finished.emit(
                BatchItem(index, dataclasses.replace(result, connection=None))
            )
        reason = self.tr("Cancelled.") if cancel.is_set() else None
        self.batch_finished.emit(BatchDone("race", count, len(results), reason))

    async def _exchange(
        self, target: HttpTarget, requests: list[bytes], reuse: bool, cancel: asyncio.Event
    ) -> ExchangeResult:
        kept = self._take_connection(target) if reuse else None
        if not reuse:
            self._drop()
        result = await exchange(
            target, requests, reuse=kept, cancel=cancel, max_response_bytes=self._cap
        )
        if result.connection is not None:
            if reuse:
                self._kept = (target, result.connection)
            else:
                result.connection.close()
        self.connection_changed.emit(self._kept[1].peer if self._kept is not None else "")
        return dataclasses.replace(result, connection=None)

    def _take_connection(self, target: HttpTarget) -> Connection | None:
        kept, self._kept = self._kept, None
        if kept is None:
            return None
        kept_target, connection = kept
        if kept_target == target and connection.open:
            return connection
        connection.close()
        return None

    def _set_cap(self, max_bytes: int) -> None:
        self._cap = max_bytes

    def _cancel_now(self) -> None:
        if self._cancel is not None:
            self._cancel.set()

    def _drop(self) -> None:
        kept, self._kept = self._kept, None
        if kept is not None:
            kept[1].close()
            self.connection_changed.emit("")

    def _close(self) -> None:
        self._cancel_now()
        self._drop()
