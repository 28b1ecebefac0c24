"""What every socket session bridge shares: one lifecycle, batched records, the session core.

The behaviour itself (counters, saving, periodic sends, the ``{{counter}}`` sequence) is the
Qt-free ``desktop.core.session.SessionCore``; a bridge only hosts it on the I/O loop and turns what
it reports into queued signals.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

from PySide6.QtCore import QObject, Signal, Slot

from desktop.core.capture import Direction, Record, RecordBatch
from desktop.core.errors import SocketDeskError
from desktop.core.net.connection import Totals
from desktop.core.sentence import Sentence
from desktop.core.session.lifecycle import SessionStatus, idle_status
from desktop.core.session.sequence import FieldSequence
from desktop.core.session.session import SessionCore
from desktop.wording import Said, say
from desktop.workers.batcher import Batcher
from desktop.workers.loop_thread import EventLoopThread

__all__ = ["SessionBridge"]


class SessionBridge(QObject):
    """Base of the session bridges: one lifecycle, records in batches, saving, periodic sends.

    Public methods are called from the GUI thread and only post work to the I/O loop; methods
    starting with ``_`` run on the loop thread. Subclasses implement ``_start``, ``_stop`` and
    ``_send_bytes``.

    Signals:
        started(list): the session is up: the addresses it listens on (a client: its local and
            peer address).
        start_failed(object): the ``SocketDeskError`` that kept it from starting.
        stopped(object): a ``Sentence``: why the session ended.
        state_changed(object): a ``SessionStatus``: the phase and the sentence saying it.
        records_received(RecordBatch): new records and counters, at most ~60 per second; call
            ``batch_consumed`` when done with each.
        error_occurred(object): a ``SocketDeskError`` or ``Sentence``: something failed.
        notice(object): a ``Sentence``: something happened (saved a file, periodic done).
        saving_changed(bool): saving received data to a file started or stopped.
        periodic_changed(bool): a periodic send started or stopped.
    """

    started = Signal(list)
    start_failed = Signal(object)
    stopped = Signal(object)
    state_changed = Signal(object)
    records_received = Signal(object)
    error_occurred = Signal(object)
    notice = Signal(object)
    saving_changed = Signal(bool)
    periodic_changed = Signal(bool)

    def __init__(self, io: EventLoopThread) -> None:
        super().__init__()
        self._io = io
        # Loop thread only from here on (but the sequence, which is thread-safe).
        self._core = SessionCore(self)
        self._batcher: Batcher[Record] | None = None

    @property
    def sequence(self) -> FieldSequence:
        """The session's ``{{counter}}`` numbers, shared by manual and periodic sends."""
        return self._core.sequence

    @property
    def totals(self) -> Totals:
        """The totals the session's engine counts into (give them to the engine; loop thread)."""
        return self._core.totals

    # -- commands (GUI thread) ---------------------------------------------------------------------
    def start(self, options: object) -> None:
        """Start the session; the outcome arrives as ``started`` or ``start_failed``."""
        self._io.call(self._start, options)

    def stop(self) -> None:
        """Stop the session (disconnect, cancel an attempt, stop listening or reconnecting)."""
        self._io.call(self._stop)

    def shutdown(self) -> None:
        """Stop everything the session does: periodic sends, saving, the session itself."""
        self._io.call(self._shutdown)

    @Slot()
    def batch_consumed(self) -> None:
        """The GUI has shown the last batch; the next may come."""
        self._io.call(self._ack)

    def start_saving(self, path: str) -> None:
        """Save every received byte of this session to ``path`` (exact bytes)."""
        self._io.call(self._core.start_saving, path)

    def stop_saving(self) -> None:
        """Finish the file being saved."""
        self._io.call(self._core.stop_saving)

    def start_periodic(
        self, build: Callable[[FieldSequence], bytes], interval_s: float, count: int | None
    ) -> None:
        """Send ``build(sequence)`` every ``interval_s`` s, ``count`` times (None: until stopped).

        ``build`` runs on the I/O thread: it must only read what it was given.
        """
        self._io.call(self._start_periodic, build, interval_s, count)

    def stop_periodic(self) -> None:
        """Stop a periodic send."""
        self._io.call(self._core.stop_periodic)

    # -- lifecycle (loop thread; subclasses) -------------------------------------------------------
    def _start(self, options: object) -> None:
        raise NotImplementedError

    def _stop(self) -> None:
        raise NotImplementedError

    def _send_bytes(self, data: bytes) -> None:
        """Send on the session (subclasses); raises SocketDeskError with a sentence."""
        raise NotImplementedError

    def _shutdown(self) -> None:
        self._core.stop()
        self._stop()

    def _set_status(self, status: SessionStatus) -> None:
        self.state_changed.emit(status)

    async def _listening(self, start: Awaitable[list[str]]) -> list[str] | None:
        """Await a listening session's start: ``started`` with the addresses it listens on, or
        ``start_failed`` and idle again (None). One start for the server and the relay."""
        try:
            addresses = await start
        except SocketDeskError as error:
            self.start_failed.emit(error)
            self._set_status(idle_status(listening=True))
            return None
        self.started.emit(addresses)
        return addresses

    # -- SessionReport (loop thread) ---------------------------------------------------------------
    def on_error(self, what: SocketDeskError | Sentence) -> None:
        self.error_occurred.emit(what)

    def on_notice(self, what: Sentence) -> None:
        self.notice.emit(what)

    def on_saving(self, saving: bool) -> None:
        self.saving_changed.emit(saving)

    def on_periodic(self, running: bool) -> None:
        self.periodic_changed.emit(running)

    # -- records (loop thread) ---------------------------------------------------------------------
    def _ack(self) -> None:
        if self._batcher is not None:
            self._batcher.ack()

    def _record(self, direction: Direction, peer: str, data: bytes) -> None:
        if self._batcher is None:
            self._batcher = Batcher(asyncio.get_running_loop(), self._emit_batch)
        self._batcher.add(Record(time.time_ns(), direction, peer, data))

    def _record_all(self, records: list[Record], nbytes: int) -> None:
        """Queue many records at once (``nbytes``: their payloads' sizes summed)."""
        if self._batcher is None:
            self._batcher = Batcher(asyncio.get_running_loop(), self._emit_batch)
        self._batcher.extend(records, nbytes)

    def _received(self, peer: str, data: memoryview) -> None:
        """Save and record bytes that arrived (``data`` valid only during the call).

        The engine has counted them already (``totals``).
        """
        if self._core.saving is not None:
            self._core.save(data)
        self._record(Direction.IN, peer, bytes(data))

    def _sent(self, peer: str, data: bytes) -> None:
        self._record(Direction.OUT, peer, data)

    def _info(self, peer: str, what: Said) -> None:
        """An INFO line, in the interface language now: the record keeps bytes."""
        self._record(Direction.INFO, peer, say(what).encode("utf-8"))

    def _flush(self) -> None:
        if self._batcher is not None:
            self._batcher.flush_now()

    def _emit_batch(self, records: list[Record]) -> None:
        c = self._core.totals  # sampled here, at most ~60 times a second
        dropped = self._batcher.dropped if self._batcher is not None else 0
        self.records_received.emit(
            RecordBatch(tuple(records), c.bytes_in, c.bytes_out, dropped, c.chunks_in, c.chunks_out)
        )

    def _start_periodic(
        self, build: Callable[[FieldSequence], bytes], interval_s: float, count: int | None
    ) -> None:
        try:
            self._core.start_periodic(self._send_bytes, build, interval_s, count)
        except SocketDeskError as error:
            self.error_occurred.emit(error)
