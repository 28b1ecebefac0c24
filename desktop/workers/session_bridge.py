"""What every socket session bridge shares: batched records, counters, saving to a file."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot

from desktop.core.capture import Direction, Record, RecordBatch
from desktop.core.capture.file_sink import StreamFile
from desktop.core.errors import SaveError, SocketDeskError
from desktop.core.net.periodic import PeriodicSender
from desktop.workers.batcher import Batcher
from desktop.workers.loop_thread import EventLoopThread

__all__ = ["Counters", "SessionBridge"]


class Counters:
    """Totals of one session (loop thread only)."""

    __slots__ = ("bytes_in", "bytes_out", "messages_in", "messages_out")

    def __init__(self) -> None:
        self.bytes_in = 0
        self.bytes_out = 0
        self.messages_in = 0
        self.messages_out = 0


class SessionBridge(QObject):
    """Base of the session bridges: records go out in batches, saving and periodic sends.

    Public methods are called from the GUI thread and only post work to the I/O loop; methods
    starting with ``_`` run on the loop thread.

    Signals:
        records_received(RecordBatch): new records and counters, at most ~60 per second; call
            ``batch_consumed`` when done with each.
        error_occurred(str): a sentence about something that failed.
        notice(str): a sentence about something that happened (saved a file, periodic done).
        saving_changed(bool): saving received data to a file started or stopped.
        periodic_changed(bool): a periodic send started or stopped.
    """

    records_received = Signal(object)
    error_occurred = Signal(str)
    notice = Signal(str)
    saving_changed = Signal(bool)
    periodic_changed = Signal(bool)

    def __init__(self, io: EventLoopThread) -> None:
        super().__init__()
        self._io = io
        # Loop thread only from here on.
        self._counters = Counters()
        self._batcher: Batcher[Record] | None = None
        self._saving: StreamFile | None = None
        self._periodic: PeriodicSender | None = None

    # -- commands (GUI thread) ---------------------------------------------------------------------
    @Slot()
    def batch_consumed(self) -> None:
        """The GUI has shown the last batch; the next may come."""
        self._io.call(self._ack)

    def start_saving(self, path: str) -> None:
        """Save every received byte of this session to ``path`` (exact bytes)."""
        self._io.call(self._start_saving, path)

    def stop_saving(self) -> None:
        """Finish the file being saved."""
        self._io.call(self._stop_saving)

    def start_periodic(
        self, build: Callable[[int], bytes], interval_s: float, count: int | None
    ) -> None:
        """Send ``build(n)`` every ``interval_s`` seconds, ``count`` times (None: until stopped).

        ``build`` must be a pure function (it runs on the I/O thread).
        """
        self._io.call(self._start_periodic, build, interval_s, count)

    def stop_periodic(self) -> None:
        """Stop a periodic send."""
        self._io.call(self._stop_periodic)

    # -- loop thread -------------------------------------------------------------------------------
    def _send_bytes(self, data: bytes) -> None:
        """Send on the session (subclasses); raises SocketDeskError with a sentence."""
        raise NotImplementedError

    def _ack(self) -> None:
        if self._batcher is not None:
            self._batcher.ack()

    def _record(self, direction: Direction, peer: str, data: bytes) -> None:
        if self._batcher is None:
            self._batcher = Batcher(asyncio.get_running_loop(), self._emit_batch)
        self._batcher.add(Record(time.time_ns(), direction, peer, data))

    def _received(self, peer: str, data: memoryview) -> None:
        """Count, save and record bytes that arrived (``data`` valid only during the call)."""
        counters = self._counters
        counters.bytes_in += len(data)
        counters.messages_in += 1
        if self._saving is not None:
            try:
                self._saving.write(data)
            except SaveError as error:
                self._saving = None
                self.saving_changed.emit(False)
                self.error_occurred.emit(str(error))
        self._record(Direction.IN, peer, bytes(data))

    def _sent(self, peer: str, data: bytes) -> None:
        counters = self._counters
        counters.bytes_out += len(data)
        counters.messages_out += 1
        self._record(Direction.OUT, peer, data)

    def _info(self, peer: str, text: str) -> None:
        self._record(Direction.INFO, peer, text.encode("utf-8"))

    def _flush(self) -> None:
        if self._batcher is not None:
            self._batcher.flush_now()

    def _emit_batch(self, records: list[Record]) -> None:
        c = self._counters
        dropped = self._batcher.dropped if self._batcher is not None else 0
        self.records_received.emit(
            RecordBatch(
                tuple(records), c.bytes_in, c.bytes_out, dropped, c.messages_in, c.messages_out
            )
        )

    def _start_saving(self, path: str) -> None:
        self._stop_saving()
        try:
            self._saving = StreamFile(path)
        except SaveError as error:
            self.error_occurred.emit(str(error))
            return
        self.saving_changed.emit(True)

    def _stop_saving(self) -> None:
        saving, self._saving = self._saving, None
        if saving is None:
            return
        try:
            written = saving.close()
        except SaveError as error:
            self.error_occurred.emit(str(error))
        else:
            self.notice.emit(f"Saved {written} bytes to {saving.path}.")
        self.saving_changed.emit(False)

    def _start_periodic(
        self, build: Callable[[int], bytes], interval_s: float, count: int | None
    ) -> None:
        self._stop_periodic()

        def send(tick: int) -> None:
            self._send_bytes(build(tick))

        try:
            sender = PeriodicSender(send, interval_s, count, on_done=self._periodic_done)
        except (ValueError, SocketDeskError) as error:
            self.error_occurred.emit(str(error))
            return
        self._periodic = sender
        self.periodic_changed.emit(True)
        sender.start()

    def _periodic_done(self, sentence: str) -> None:
        self._periodic = None
        self.periodic_changed.emit(False)
        self.notice.emit(sentence)

    def _stop_periodic(self) -> None:
        if self._periodic is not None:
            self._periodic.stop()
