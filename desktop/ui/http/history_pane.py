"""The composer's history: search, restore an exchange, compare two responses side by side."""

from __future__ import annotations

import importlib
import logging

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import SocketDeskError, StoreError
from desktop.core.http.exchange import ExchangeResult, HttpTarget
from desktop.core.http.response import ResponseReader
from desktop.core.http.timings import Timings
from desktop.core.net.tls_record import session_from_json, session_to_json
from desktop.core.sentence import Sentence
from desktop.core.store.http_history import HttpHistory, NewExchange, StoredExchange
from desktop.ui.http.history_model import HistoryModel
from desktop.ui.sentences import say
from desktop.workers.task_runner import TaskRunner

__all__ = ["DIFF_MODULE", "HistoryPane", "stored_result"]

log = logging.getLogger("ui")
# A response larger than this is written to the history on a worker thread: 8 MiB (the most
# kept) took 30 to 90 ms to write, a stall of the GUI thread (measured, #15).
BACKGROUND = 1 << 20
# Written on another branch; looked up when asked for, so this pane works with or without it.
DIFF_MODULE = "desktop.ui.http.diff_view"


def stored_result(stored: StoredExchange) -> ExchangeResult:
    """An ``ExchangeResult`` for the response view, parsed again from the stored bytes."""
    words = stored.request.lstrip(b"\r\n").split(maxsplit=1)
    reader = ResponseReader(words[0].upper() if words else b"GET")
    reader.feed(stored.response)
    reader.close()
    total = stored.entry.total_ms
    timings = Timings(None, None, None, None, None, None, 0.0 if total is None else total)
    return ExchangeResult(
        raw_sent=stored.request,
        reader=reader,
        timings=timings,
        tls_info=session_from_json(stored.tls_session) if stored.tls_session else None,
        error=stored.entry.error,
        connection=None,
    )


class HistoryPane(QWidget):
    """Search box, the list (newest first; several can be selected), "Compare responses",
    "Delete" (the selected entries; also the Delete key and the context menu) and "Clear…"
    (every entry, after asking). While recording is off (``set_recording``, the
    "Record the HTTP history" setting) nothing new is stored and the pane says so.

    Signals:
        restore_requested(int): put this exchange back in the composer.
        message(str): a sentence for the status line.
    """

    restore_requested = Signal(int)
    message = Signal(str)

    def __init__(
        self,
        history: HttpHistory | None,
        parent: QWidget | None = None,
        tasks: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.history = history
        self._tasks = tasks  # large responses are written on its threads
        # Asked once: asking SQLite on the GUI thread while a worker holds the GIL took 20 ms.
        self._file = history.database_file() if history is not None and tasks else None
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Search the history"))
        self.filter_edit.setClearButtonEnabled(True)
        self.model = HistoryModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.view.setUniformItemSizes(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.compare_button = QPushButton(self.tr("Compare responses"))
        self.compare_button.setToolTip(self.tr("Select two exchanges (Ctrl+click) to compare"))
        self.delete_action = QAction(self.tr("&Delete"), self)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.view.addAction(self.delete_action)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Delete the selected exchanges from the history"))
        self.clear_button = QPushButton(self.tr("Clear…"))
        self.clear_button.setToolTip(self.tr("Delete every exchange from the history"))
        self.recording_label = QLabel(self.tr("Recording is off: new exchanges are not kept."))
        self.recording_label.setWordWrap(True)
        self.recording_label.setVisible(False)
        self.recording = True
        self.clear_box: QMessageBox | None = None
        self.dialog: QDialog | None = None
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.recording_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.compare_button)
        layout.addLayout(buttons)
        self.filter_edit.textChanged.connect(self.refresh)
        self.view.activated.connect(self._on_activated)
        self.view.clicked.connect(self._on_clicked)
        self.view.selectionModel().selectionChanged.connect(self._update_state)
        self.model.modelReset.connect(self._update_state)
        self.compare_button.clicked.connect(self.compare)
        self.delete_action.triggered.connect(self.delete_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.clear_button.clicked.connect(self.ask_to_clear)
        self.refresh()

    def set_recording(self, on: bool) -> None:
        """Store new exchanges (True) or none at all (False)."""
        self.recording = on
        self.recording_label.setVisible(not on)

    @Slot()
    def delete_selected(self) -> int:
        """Delete the selected exchanges; returns how many were deleted."""
        if self.history is None:
            return 0
        deleted = 0
        try:
            for exchange_id in self.selected_ids():
                deleted += self.history.delete(exchange_id)
        except StoreError as error:
            self.message.emit(say(error))
        self.refresh()
        return deleted

    @Slot()
    def ask_to_clear(self) -> QMessageBox | None:
        """Ask before deleting every exchange (non-modal; Cancel is the default)."""
        if self.history is None:
            return None
        if self.clear_box is not None:
            self.clear_box.raise_()
            return self.clear_box
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Clear the HTTP history"),
            self.tr(
                "Delete every exchange in the history, with the requests, responses, headers "
                "and cookies it keeps? This cannot be undone."
            ),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("clearHistoryConfirmation")
        clear = box.addButton(self.tr("Clear history"), QMessageBox.ButtonRole.DestructiveRole)
        clear.setObjectName("clearHistoryButton")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(self._clear_answered)
        self.clear_box = box
        box.open()
        return box

    @Slot(int)
    def _clear_answered(self, _result: int) -> None:
        box, self.clear_box = self.clear_box, None
        if box is None or self.history is None:
            return
        button = box.clickedButton()
        box.deleteLater()
        if button is None or button.objectName() != "clearHistoryButton":
            return
        try:
            self.history.clear()
        except StoreError as error:
            self.message.emit(say(error))
        self.refresh()

    @Slot()
    @Slot(str)
    def refresh(self) -> None:
        """List the stored exchanges, newest first, that match the search box."""
        if self.history is None:
            return
        text = self.filter_edit.text().strip()
        try:
            entries = self.history.search(text) if text else self.history.recent()
        except StoreError as error:
            log.warning("the HTTP history is unavailable: %s", error)
            self.message.emit(say(error))
            return
        self.model.set_entries(entries)

    def selected_ids(self) -> list[int]:
        """Ids of the selected exchanges, oldest first."""
        rows = sorted((i.row() for i in self.view.selectionModel().selectedRows()), reverse=True)
        return [self.model.entry(row).id for row in rows]

    def selected_pair(self) -> tuple[ExchangeResult, ExchangeResult] | None:
        """The two selected exchanges (older left), read back from the store; None (with a
        message) unless exactly two are selected and both can be read."""
        ids = self.selected_ids()
        if len(ids) != 2 or self.history is None:
            self.message.emit(self.tr("Select exactly two exchanges to compare."))
            return None
        try:
            left, right = (stored_result(self.history.get(i)) for i in ids)
        except StoreError as error:
            self.message.emit(say(error))
            return None
        return left, right

    @Slot()
    def compare(self) -> bool:
        """Open the side-by-side comparison of the two selected responses."""
        pair = self.selected_pair()
        if pair is None:
            return False
        try:
            dialog_class = importlib.import_module(DIFF_MODULE).ResponseDiffDialog
        except (ImportError, AttributeError):
            self.message.emit(self.tr("Comparison unavailable in this version."))
            return False
        self.dialog = dialog_class(pair[0], pair[1], self)
        assert self.dialog is not None
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.show()
        return True

    def store(
        self, target: HttpTarget, sent: bytes, result: ExchangeResult | None, error: str | None
    ) -> str | None:
        """Store one exchange (``result``, or the ``error`` when nothing was received) and
        list it; a sentence when the store failed. Nothing is stored while recording is off."""
        if self.history is None or not self.recording:
            return None
        status = None
        if result is not None and result.responses:
            status = result.responses[-1].status
        exchange = NewExchange(
            target.host,
            target.port,
            target.tls is not None,
            (result.raw_sent if result is not None else b"") or sent,
            result.reader.raw if result is not None else b"",
            status=status,
            error=_said(result.error) if result is not None else error,
            total_ms=result.timings.total_ms if result is not None else None,
            tls_session=_session_json(result),
        )
        path = self._file
        if self._tasks is not None and path is not None and len(exchange.response) > BACKGROUND:
            history, now = self.history, self.history.now()
            self._tasks.run(
                lambda: history.add_elsewhere(path, exchange, now), self._stored_elsewhere
            )
            return None  # a failure is told through ``message`` once the worker is done
        try:
            self.history.add_exchange(exchange)
        except StoreError as store_error:
            log.warning("could not store the HTTP exchange: %s", store_error)
            return say(store_error)
        self.refresh()
        return None

    def _stored_elsewhere(self, _row: object, error: SocketDeskError | None) -> None:
        if error is not None:
            log.warning("could not store the HTTP exchange: %s", error)
            self.message.emit(say(error))
        self.refresh()

    def store_many(self, target: HttpTarget, results: list[ExchangeResult]) -> str | None:
        """Store a batch's results in one transaction (listed at the batch's end); a sentence
        when the store failed. Nothing is stored while recording is off."""
        if self.history is None or not self.recording or not results:
            return None
        exchanges = [
            NewExchange(
                target.host,
                target.port,
                target.tls is not None,
                result.raw_sent,
                result.reader.raw,
                result.responses[-1].status if result.responses else None,
                _said(result.error),
                result.timings.total_ms,
                _session_json(result),
            )
            for result in results
        ]
        try:
            self.history.add_many(exchanges)
        except StoreError as store_error:
            log.warning("could not store the HTTP exchanges: %s", store_error)
            return say(store_error)
        return None

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.restore_requested.emit(self.model.entry(index.row()).id)

    @Slot(QModelIndex)
    def _on_clicked(self, index: QModelIndex) -> None:
        # A click that builds a multiple selection (Ctrl+click) restores nothing.
        if index.isValid() and len(self.view.selectionModel().selectedRows()) <= 1:
            self.restore_requested.emit(self.model.entry(index.row()).id)

    @Slot()
    def _update_state(self) -> None:
        selected = len(self.view.selectionModel().selectedRows())
        self.compare_button.setEnabled(selected == 2)
        self.delete_button.setEnabled(selected > 0)
        self.delete_action.setEnabled(selected > 0)
        self.clear_button.setEnabled(self.model.rowCount() > 0)


def _session_json(result: ExchangeResult | None) -> str | None:
    if result is None or result.tls_info is None:
        return None
    return session_to_json(result.tls_info)


def _said(error: Sentence | None) -> str | None:
    """An exchange's error as the history keeps it: in the language it was shown in."""
    return None if error is None else say(error)
