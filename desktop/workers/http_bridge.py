"""Bridge between the raw HTTP ``exchange`` engine on the I/O loop and the composer panel."""

from __future__ import annotations

import asyncio
import dataclasses

from PySide6.QtCore import QObject, Signal

from desktop.core.http.exchange import Connection, HttpTarget, exchange
from desktop.workers.loop_thread import EventLoopThread

__all__ = ["HttpBridge"]


class HttpBridge(QObject):
    """Runs one HTTP exchange at a time and keeps its connection when the server allows it.

    Public methods are called from the GUI thread and only post work to the I/O loop; methods
    starting with ``_`` run on the loop thread. A kept-alive connection is reused by the next
    exchange to the same target; another target closes it first.

    Signals:
        exchange_finished(ExchangeResult): something was received (``error`` may still say
            that the exchange stopped early). Its ``connection`` is always None: the bridge
            keeps the connection on the loop thread.
        exchange_failed(str): a sentence: nothing was received (refused, timed out, cancelled).
    """

    exchange_finished = Signal(object)
    exchange_failed = Signal(str)

    def __init__(self, io: EventLoopThread) -> None:
        super().__init__()
        self._io = io
        # Loop thread only from here on.
        self._task: asyncio.Task[None] | None = None
        self._cancel: asyncio.Event | None = None
        self._kept: tuple[HttpTarget, Connection] | None = None

    # -- commands (GUI thread) ---------------------------------------------------------------------
    def send(self, target: HttpTarget, request: bytes) -> None:
        """Send ``request`` (its exact bytes) to ``target``; the outcome arrives as a signal."""
        if not request:
            self.exchange_failed.emit(self.tr("The request is empty: nothing was sent."))
            return
        self._io.call(self._start, target, request)

    def cancel(self) -> None:
        """Stop the running exchange; it ends with a sentence saying it was cancelled."""
        self._io.call(self._cancel_now)

    def close(self) -> None:
        """Cancel the running exchange and close a kept-alive connection."""
        self._io.call(self._close)

    # -- loop thread -------------------------------------------------------------------------------
    def _start(self, target: HttpTarget, request: bytes) -> None:
        if self._task is not None:
            self.exchange_failed.emit(self.tr("A request is already running; cancel it first."))
            return
        cancel = asyncio.Event()
        self._cancel = cancel
        self._task = asyncio.get_running_loop().create_task(self._run(target, request, cancel))

    async def _run(self, target: HttpTarget, request: bytes, cancel: asyncio.Event) -> None:
        try:
            reuse = self._take_connection(target)
            result = await exchange(target, [request], reuse=reuse, cancel=cancel)
            if result.connection is not None:
                self._kept = (target, result.connection)
            shown = dataclasses.replace(result, connection=None)
            if result.error is not None and not result.reader.raw:
                self.exchange_failed.emit(result.error)
            else:
                self.exchange_finished.emit(shown)
        finally:
            self._task = None
            self._cancel = None

    def _take_connection(self, target: HttpTarget) -> Connection | None:
        kept, self._kept = self._kept, None
        if kept is None:
            return None
        kept_target, connection = kept
        if kept_target == target and connection.open:
            return connection
        connection.close()
        return None

    def _cancel_now(self) -> None:
        if self._cancel is not None:
            self._cancel.set()

    def _close(self) -> None:
        self._cancel_now()
        kept, self._kept = self._kept, None
        if kept is not None:
            kept[1].close()
