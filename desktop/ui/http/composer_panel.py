"""The raw HTTP composer: a target bar, the request as typed, and the response beside it."""

from __future__ import annotations

import logging

from PySide6.QtCore import QModelIndex, Qt, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import StoreError, UnencodableInput
from desktop.core.http.curl import CurlImportError, from_curl, to_curl
from desktop.core.http.exchange import ExchangeResult, HttpTarget
from desktop.core.http.response import ResponseReader
from desktop.core.http.timings import Timings
from desktop.core.net.tls import TlsClientOptions
from desktop.core.store.http_history import HttpHistory, StoredExchange
from desktop.ui.http.history_model import HistoryModel
from desktop.ui.http.request_editor import RequestEditor
from desktop.ui.http.response_view import ResponseView
from desktop.workers.http_bridge import HttpBridge

__all__ = ["ComposerPanel"]

log = logging.getLogger("ui")


class ComposerPanel(QWidget):
    """Compose a raw request, send it with an ``HttpBridge``, and show what came back.

    Args:
        bridge: runs the exchanges on the I/O loop.
        history: where every exchange is stored and listed; None: no history.
    """

    def __init__(
        self, bridge: HttpBridge, parent: QWidget | None = None, history: HttpHistory | None = None
    ) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self._history = history
        # What the running exchange was sent to, for storing it: host, port, tls, bytes.
        self._pending: tuple[str, int, bool, bytes] | None = None
        self.busy = False
        self.host_edit = QLineEdit("localhost")
        self.host_edit.setPlaceholderText(self.tr("Host"))
        self.port_spin = QSpinBox()
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(80)
        self.tls_check = QCheckBox(self.tr("TLS"))
        self.verify_check = QCheckBox(self.tr("Verify certificate"))
        self.verify_check.setChecked(True)
        self.sni_edit = QLineEdit()
        self.sni_edit.setPlaceholderText(self.tr("SNI (default: host)"))
        self.send_button = QPushButton(self.tr("Send"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.import_button = QPushButton(self.tr("Import curl…"))
        self.copy_button = QPushButton(self.tr("Copy as curl"))
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.editor = RequestEditor()
        self.response_view = ResponseView()
        self.history_filter = QLineEdit()
        self.history_filter.setPlaceholderText(self.tr("Search the history"))
        self.history_filter.setClearButtonEnabled(True)
        self.history_model = HistoryModel(self)
        self.history_view = QListView()
        self.history_view.setModel(self.history_model)
        self.history_view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.history_view.setUniformItemSizes(True)
        self._build()
        self._connect_signals()
        self._update_state()

    def _build(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Host")))
        bar.addWidget(self.host_edit, 2)
        bar.addWidget(QLabel(self.tr("Port")))
        bar.addWidget(self.port_spin)
        bar.addWidget(self.tls_check)
        bar.addWidget(self.verify_check)
        bar.addWidget(self.sni_edit, 1)
        bar.addWidget(self.send_button)
        bar.addWidget(self.cancel_button)
        bar.addWidget(self.import_button)
        bar.addWidget(self.copy_button)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        if self._history is not None:
            history_page = QWidget()
            history_layout = QVBoxLayout(history_page)
            history_layout.setContentsMargins(0, 0, 0, 0)
            history_layout.addWidget(QLabel(self.tr("History")))
            history_layout.addWidget(self.history_filter)
            history_layout.addWidget(self.history_view, 1)
            splitter.addWidget(history_page)
        splitter.addWidget(self.editor)
        splitter.addWidget(self.response_view)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status_label)

    def _connect_signals(self) -> None:
        self.send_button.clicked.connect(self.send)
        self.cancel_button.clicked.connect(self.cancel)
        self.import_button.clicked.connect(self._ask_curl)
        self.copy_button.clicked.connect(self.copy_as_curl)
        self.tls_check.toggled.connect(self._update_state)
        self._bridge.exchange_finished.connect(self._on_finished)
        self._bridge.exchange_failed.connect(self._on_failed)
        self.history_filter.textChanged.connect(self.refresh_history)
        self.history_view.activated.connect(self._on_history_activated)
        self.history_view.clicked.connect(self._on_history_activated)
        self.refresh_history()

    # -- commands ----------------------------------------------------------------------------------
    def target(self) -> HttpTarget:
        """Where the bar says to connect."""
        tls = TlsClientOptions(verify=self.verify_check.isChecked())
        sni = self.sni_edit.text().strip() or None
        return HttpTarget(
            self.host_edit.text().strip(),
            self.port_spin.value(),
            tls=tls if self.tls_check.isChecked() else None,
            sni_override=sni if self.tls_check.isChecked() else None,
        )

    @Slot()
    def send(self) -> None:
        """Send the request as built from the editor."""
        if self.busy:
            return
        if not self.host_edit.text().strip():
            self.status_label.setText(self.tr("Type a host to connect to."))
            return
        try:
            built = self.editor.built()
        except UnencodableInput as error:
            self.status_label.setText(str(error))
            return
        if not built.data:
            self.status_label.setText(self.tr("The request is empty: nothing was sent."))
            return
        self.busy = True
        self._update_state()
        self.response_view.clear_result()
        self.status_label.setText(self.tr("Sending…"))
        target = self.target()
        self._pending = (target.host, target.port, target.tls is not None, built.data)
        self._bridge.send(target, built.data)

    @Slot()
    def cancel(self) -> None:
        """Stop the running exchange."""
        if self.busy:
            self._bridge.cancel()

    def import_curl(self, command: str) -> bool:
        """Fill the bar and the editor from a curl command line; False (and a sentence) if not."""
        try:
            imported = from_curl(command)
        except CurlImportError as error:
            self.status_label.setText(str(error))
            return False
        self.host_edit.setText(imported.host)
        self.port_spin.setValue(imported.port)
        self.tls_check.setChecked(imported.tls)
        self.verify_check.setChecked(not imported.insecure)
        self.editor.set_text(imported.request_text)
        self.status_label.setText(" ".join(imported.notes) or self.tr("Imported the curl command."))
        return True

    def curl_command(self) -> str | None:
        """The request as a curl command line, or None (with a sentence) when it cannot be built."""
        try:
            built = self.editor.built()
        except UnencodableInput as error:
            self.status_label.setText(str(error))
            return None
        tls = self.tls_check.isChecked()
        return to_curl(
            built.data,
            self.host_edit.text().strip(),
            self.port_spin.value(),
            tls,
            insecure=tls and not self.verify_check.isChecked(),
        )

    @Slot()
    @Slot(str)
    def refresh_history(self) -> None:
        """List the stored exchanges, newest first, that match the filter box."""
        if self._history is None:
            return
        text = self.history_filter.text().strip()
        try:
            entries = self._history.search(text) if text else self._history.recent()
        except StoreError as error:
            log.warning("the HTTP history is unavailable: %s", error)
            self.status_label.setText(str(error))
            return
        self.history_model.set_entries(entries)

    def restore(self, exchange_id: int) -> bool:
        """Put a stored exchange back: its target, its request, and its response parsed again."""
        if self._history is None or self.busy:
            return False
        try:
            stored = self._history.get(exchange_id)
        except StoreError as error:
            self.status_label.setText(str(error))
            return False
        entry = stored.entry
        self.host_edit.setText(entry.host)
        self.port_spin.setValue(entry.port)
        self.tls_check.setChecked(entry.tls)
        self.editor.set_text(stored.request.decode("utf-8", "replace"))
        self.response_view.show_result(_stored_result(stored))
        if entry.total_ms is None:
            self.response_view.timing_labels["total_ms"].setText("—")
        if entry.tls:
            self.response_view.tls_browser.setPlainText(
                self.tr("The history does not keep the TLS session details.")
            )
        sentences = [self.tr("Restored from the history.")]
        if entry.error:
            sentences.append(entry.error)
        if entry.truncated:
            sentences.append(self.tr("The stored response was cut at 64 MiB."))
        self.status_label.setText(" ".join(sentences))
        return True

    @Slot()
    def copy_as_curl(self) -> None:
        """Put the curl command line on the clipboard."""
        command = self.curl_command()
        if command is not None:
            QGuiApplication.clipboard().setText(command)
            self.status_label.setText(self.tr("Copied the curl command."))

    # -- slots -------------------------------------------------------------------------------------
    @Slot()
    def _ask_curl(self) -> None:
        command, accepted = QInputDialog.getMultiLineText(
            self, self.tr("Import curl"), self.tr("Paste a curl command line:")
        )
        if accepted and command.strip():
            self.import_curl(command)

    @Slot(QModelIndex)
    def _on_history_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.restore(self.history_model.entry(index.row()).id)

    def _store(
        self, response: bytes, status: int | None, error: str | None, total_ms: float | None
    ) -> str | None:
        pending, self._pending = self._pending, None
        if self._history is None or pending is None:
            return None
        host, port, tls, request = pending
        try:
            self._history.add(
                host, port, tls, request, response, status=status, error=error, total_ms=total_ms
            )
        except StoreError as error_:
            log.warning("could not store the HTTP exchange: %s", error_)
            return str(error_)
        self.refresh_history()
        return None

    @Slot(object)
    def _on_finished(self, result: ExchangeResult) -> None:
        self.busy = False
        self._update_state()
        self.response_view.show_result(result)
        last_status = result.responses[-1].status if result.responses else None
        store_error = self._store(
            result.reader.raw, last_status, result.error, result.timings.total_ms
        )
        sentences = [result.error] if result.error else []
        sentences += result.notes
        if not sentences and result.responses:
            last = result.responses[-1]
            sentences.append(
                self.tr("{status} from {peer}, {size} byte(s) received.").format(
                    status=last.status, peer=result.peer, size=len(result.reader.raw)
                )
            )
        if store_error:
            sentences.append(store_error)
        self.status_label.setText(" ".join(sentences))

    @Slot(str)
    def _on_failed(self, reason: str) -> None:
        self.busy = False
        self._update_state()
        store_error = self._store(b"", None, reason, None)
        self.status_label.setText(" ".join(filter(None, [reason, store_error])))

    @Slot()
    def _update_state(self) -> None:
        self.send_button.setEnabled(not self.busy)
        self.cancel_button.setEnabled(self.busy)
        self.verify_check.setEnabled(self.tls_check.isChecked())
        self.sni_edit.setEnabled(self.tls_check.isChecked())


def _stored_result(stored: StoredExchange) -> ExchangeResult:
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
        tls_info=None,
        error=stored.entry.error,
        connection=None,
    )
