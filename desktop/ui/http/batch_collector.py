"""Results of "Send N times" and "Race N" as they arrive: listed, fed to the cookie jar and
stored in bursts, so the GUI does a bounded amount of work however fast they come."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from desktop.core.http.exchange import ExchangeResult, HttpTarget
from desktop.core.http.redirect import Endpoint
from desktop.ui.http.batch_results import BatchResultsView
from desktop.ui.http.history_pane import HistoryPane
from desktop.ui.http.redirect_flow import RedirectFlow
from desktop.ui.sentences import say
from desktop.workers.http_bridge import BatchDone, BatchItem

__all__ = ["BATCH_FLUSH_MS", "BatchCollector"]

# How often results of a running batch are listed and stored: ~4 times a second keeps the list
# lively while a burst of 100 results costs one transaction and one table insertion (a write
# and a history reload per result stalled the GUI for 400 ms, bench/gui_batch.py).
BATCH_FLUSH_MS = 250


class BatchCollector(QObject):
    """Collects a batch's results for the table, the jar and the history.

    Signals:
        first_result(ExchangeResult): the batch's first result, to show it.
        message(str): a sentence (a store failure while the batch runs).
        finished(str): the batch ended; the sentence sums it up.
    """

    first_result = Signal(object)
    message = Signal(str)
    finished = Signal(str)

    def __init__(self, view: BatchResultsView, history: HistoryPane, flow: RedirectFlow) -> None:
        super().__init__(view)
        self._view, self._history, self._flow = view, history, flow
        self._sent: tuple[HttpTarget, Endpoint, list[bytes]] | None = None
        self._buffer: list[ExchangeResult] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(BATCH_FLUSH_MS)
        self._timer.timeout.connect(self._flush)

    def start(self, target: HttpTarget, endpoint: Endpoint, request: bytes) -> None:
        """A batch of ``request`` to ``target`` begins: the table is emptied."""
        self._sent = (target, endpoint, [request])
        self._buffer = []
        self._view.start()
        self._view.setVisible(True)

    @Slot(object)
    def add(self, item: BatchItem) -> None:
        """One result arrived (listed and stored with the others of its burst)."""
        self._buffer.append(item.result)
        if item.index == 0:
            self.first_result.emit(item.result)
        if not self._timer.isActive():
            self._timer.start()

    @Slot(object)
    def finish(self, done: BatchDone) -> None:
        """The batch ended: the rest is listed and stored, the history list refreshed."""
        self._flush()
        self._history.refresh()
        sentences = [self._view.summary_label.text()]
        if done.reason:
            sentences.append(say(done.reason))
        self.finished.emit(" ".join(filter(None, sentences)))

    @Slot()
    def _flush(self) -> None:
        self._timer.stop()
        results, self._buffer = self._buffer, []
        if not results or self._sent is None:
            return
        target, endpoint, requests = self._sent
        self._view.add(results)
        for result in results:
            self._flow.record(target, endpoint, requests, result)
        store_error = self._history.store_many(target, results)
        if store_error:
            self.message.emit(store_error)
