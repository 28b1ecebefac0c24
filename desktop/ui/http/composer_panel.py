"""The raw HTTP composer: a target bar, the request as typed, and the response beside it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import UnencodableInput
from desktop.core.http.curl import CurlImportError, from_curl, to_curl
from desktop.core.http.exchange import ExchangeResult, HttpTarget
from desktop.core.net.tls import TlsClientOptions
from desktop.ui.http.request_editor import RequestEditor
from desktop.ui.http.response_view import ResponseView
from desktop.workers.http_bridge import HttpBridge

__all__ = ["ComposerPanel"]


class ComposerPanel(QWidget):
    """Compose a raw request, send it with an ``HttpBridge``, and show what came back.

    Args:
        bridge: runs the exchanges on the I/O loop.
    """

    def __init__(self, bridge: HttpBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bridge = bridge
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
        self._bridge.send(self.target(), built.data)

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

    @Slot(object)
    def _on_finished(self, result: ExchangeResult) -> None:
        self.busy = False
        self._update_state()
        self.response_view.show_result(result)
        sentences = [result.error] if result.error else []
        sentences += result.notes
        if not sentences and result.responses:
            last = result.responses[-1]
            sentences.append(
                self.tr("{status} from {peer}, {size} byte(s) received.").format(
                    status=last.status, peer=result.peer, size=len(result.reader.raw)
                )
            )
        self.status_label.setText(" ".join(sentences))

    @Slot(str)
    def _on_failed(self, reason: str) -> None:
        self.busy = False
        self._update_state()
        self.status_label.setText(reason)

    @Slot()
    def _update_state(self) -> None:
        self.send_button.setEnabled(not self.busy)
        self.cancel_button.setEnabled(self.busy)
        self.verify_check.setEnabled(self.tls_check.isChecked())
        self.sni_edit.setEnabled(self.tls_check.isChecked())
