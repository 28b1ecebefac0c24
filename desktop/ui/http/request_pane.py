"""The request side of the composer: templates and curl/Python menus over the request as text
or as hex; valid hex edits become the exact bytes to send."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QTabWidget, QVBoxLayout, QWidget

from desktop.core.errors import UnencodableInput
from desktop.core.http.redirect import Endpoint
from desktop.core.http.snippet import ExportOptions, to_curl, to_python
from desktop.ui.http.request_editor import RequestEditor
from desktop.ui.http.request_hex import RequestHexEditor
from desktop.ui.http.request_menus import ExportButton, TemplatesButton
from desktop.ui.sentences import say

__all__ = ["RequestPane"]


class RequestPane(QWidget):
    """Templates and import/export buttons, then the request in a Text and a Hex tab.

    Args:
        host_header: gives the Host value templates use (the target's ``host[:port]``).

    Signals:
        message(str): a sentence for the status line.
    """

    message = Signal(str)

    def __init__(self, host_header: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = RequestEditor()
        self.hex_editor = RequestHexEditor()
        self.tabs = QTabWidget()
        self.templates_button = TemplatesButton(host_header)
        self.export_button = ExportButton()
        self._keep_hex = False
        tools = QHBoxLayout()
        tools.addWidget(self.templates_button)
        tools.addWidget(self.export_button)
        tools.addStretch(1)
        self.tabs.addTab(self.editor, self.tr("Text"))
        self.tabs.addTab(self.hex_editor, self.tr("Hex"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(tools)
        layout.addWidget(self.tabs, 1)
        self.templates_button.template_chosen.connect(self.editor.set_text)
        self.templates_button.failed.connect(self.message)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.hex_editor.bytes_applied.connect(self.editor.set_bytes)

    def export_text(
        self, kind: str, endpoint: Endpoint, *, insecure: bool, options: ExportOptions
    ) -> str | None:
        """The request as a curl command line (``"curl"``) or a Python script (``"python"``)
        for ``endpoint``, or None (and ``message``) when it cannot be built."""
        try:
            built = self.editor.built()
        except UnencodableInput as error:
            self.message.emit(say(error))
            return None
        write = to_python if kind == "python" else to_curl
        return write(
            built.data,
            endpoint.host,
            endpoint.port,
            endpoint.tls,
            insecure=insecure,
            options=options,
        )

    @Slot(int)
    def _tab_changed(self, index: int) -> None:
        if "tabs" not in self.__dict__:
            return  # the pane is being torn down: its tab widget removes tabs as it goes
        if self.tabs.widget(index) is self.hex_editor:
            if self._keep_hex:
                return
            try:  # the hex shows what will be sent, after CRLF and Content-Length fixes
                data = b"".join(built.data for built in self.editor.built_all())
            except UnencodableInput as error:
                self.message.emit(say(error))
                data = b""
            self.hex_editor.load(data)
        elif self.hex_editor.modified() and self.hex_editor.apply() is None:
            self._keep_hex = True  # invalid hex: back to it, as typed, with the reason
            try:
                self.tabs.setCurrentWidget(self.hex_editor)
            finally:
                self._keep_hex = False
