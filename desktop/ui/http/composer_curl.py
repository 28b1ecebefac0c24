"""The composer's curl and Python round trip: import a curl command line into the target bar,
the send bar and the editor; export the request as a curl command line or a Python script.

Its sentences keep the translation context ``ComposerPanel``, the page users see them on.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QInputDialog, QWidget

from desktop.core.http.curl import CurlImportError, from_curl
from desktop.ui.http.request_pane import RequestPane
from desktop.ui.http.send_bar import SendBar
from desktop.ui.http.target_bar import TargetBar
from desktop.ui.messages import Messages
from desktop.ui.sentences import say

__all__ = ["CURL_KEY", "CurlActions"]

CURL_KEY = "curl"  # the page's message key for what an import said


class CurlActions(QObject):
    """Import and export for one composer page (its child).

    Args:
        page: the composer page (the import dialog's parent).
        target_bar, send_bar, request_pane: what an import fills and an export reads.
        messages: the page's messages (what an import or a copy said).
    """

    def __init__(
        self,
        page: QWidget,
        target_bar: TargetBar,
        send_bar: SendBar,
        request_pane: RequestPane,
        messages: Messages,
    ) -> None:
        super().__init__(page)
        self._page = page
        self._target_bar = target_bar
        self._send_bar = send_bar
        self._request_pane = request_pane
        self._messages = messages

    def import_curl(self, command: str) -> bool:
        """Fill the bar and the editor from a curl command line; False (and a sentence) if not."""
        try:
            imported = from_curl(command)
        except CurlImportError as error:
            self._messages.error(error, CURL_KEY)
            return False
        self._messages.clear(CURL_KEY)
        self._target_bar.apply_curl(imported)
        self._send_bar.auto_follow_check.setChecked(imported.follow_redirects)
        if imported.max_redirects:
            self._send_bar.max_redirects_spin.setValue(imported.max_redirects)
        self._request_pane.editor.set_text(imported.request_text)
        notes = " ".join(say(note) for note in imported.notes)
        self._messages.info(
            notes or QCoreApplication.translate("ComposerPanel", "Imported the curl command."),
            CURL_KEY,
        )
        return True

    def export_text(self, kind: str) -> str | None:
        """The request as a curl command line (``"curl"``) or a Python script (``"python"``),
        or None (with a sentence) when it cannot be built."""
        bar, send_bar = self._target_bar, self._send_bar
        options = bar.export_options(
            send_bar.auto_follow_check.isChecked(), send_bar.max_redirects_spin.value()
        )
        insecure = bar.tls_check.isChecked() and not bar.verify_check.isChecked()
        endpoint = bar.endpoint()
        return self._request_pane.export_text(kind, endpoint, insecure=insecure, options=options)

    @Slot(str)
    def copy_export(self, kind: str) -> None:
        """Put the curl command line or the Python script on the clipboard."""
        text = self.export_text(kind)
        if text is not None:
            QGuiApplication.clipboard().setText(text)
            self._messages.info(
                QCoreApplication.translate("ComposerPanel", "Copied the Python script.")
                if kind == "python"
                else QCoreApplication.translate("ComposerPanel", "Copied the curl command."),
                "copied",
            )

    @Slot()
    def ask(self) -> None:
        """Ask for a curl command line and import it."""
        command, accepted = QInputDialog.getMultiLineText(
            self._page,
            QCoreApplication.translate("ComposerPanel", "Import curl"),
            QCoreApplication.translate("ComposerPanel", "Paste a curl command line:"),
        )
        if accepted and command.strip():
            self.import_curl(command)
