"""Menus of the request side: templates (GET, form, JSON, multipart with a file), curl/Python."""

from __future__ import annotations

import mimetypes
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QToolButton, QWidget

from desktop.core.http.request import (
    form_template,
    get_template,
    json_template,
    multipart_template,
)
from desktop.core.os_reasons import os_reason
from desktop.ui.sentences import say

__all__ = ["MAX_TEMPLATE_FILE", "ExportButton", "TemplateFileError", "TemplatesButton"]

# The multipart template puts the file in the editor as text: past this a text view slows down
# and the request is better sent from a file.
MAX_TEMPLATE_FILE = 1 << 20


class TemplateFileError(Exception):
    """A file that cannot go into the multipart template; the message says why."""


def read_template_file(path: Path) -> str:
    """The text of ``path`` for a multipart template.

    Raises:
        TemplateFileError: missing, too large, or not UTF-8 text.
    """
    try:
        size = path.stat().st_size
        if size > MAX_TEMPLATE_FILE:
            raise TemplateFileError(
                QCoreApplication.translate(
                    "TemplatesButton",
                    "{name} has {size} bytes; the template takes files up to {limit}.",
                ).format(name=path.name, size=size, limit=MAX_TEMPLATE_FILE)
            )
        data = path.read_bytes()
    except OSError as error:
        raise TemplateFileError(
            QCoreApplication.translate(
                "TemplatesButton", "Could not read {path}: {reason}."
            ).format(path=path, reason=say(os_reason(error)))
        ) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise TemplateFileError(
            QCoreApplication.translate(
                "TemplatesButton",
                "{name} is not UTF-8 text (byte {position}); "
                "paste binary content in the hex view instead.",
            ).format(name=path.name, position=error.start)
        ) from None


def multipart_text(host: str, path: Path) -> str:
    """A multipart POST of the file ``path`` to ``host``.

    Raises:
        TemplateFileError: the file cannot be used (see ``read_template_file``).
    """
    content = read_template_file(path)
    file_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return multipart_template(
        host, "/upload", file=("file", path.name, content), file_type=file_type
    )


class TemplatesButton(QToolButton):
    """A "Templates" button whose menu fills the editor.

    Args:
        host: gives the Host header's value (the target's ``host[:port]``).

    Signals:
        template_chosen(str): the request text of the template chosen.
        failed(str): a sentence (the multipart file could not be used).
    """

    template_chosen = Signal(str)
    failed = Signal(str)

    def __init__(self, host: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._host = host
        self.setText(self.tr("Templates"))
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self)
        self.get_action = self._add(menu, self.tr("GET"), lambda: get_template(self._host()))
        self.form_action = self._add(
            menu, self.tr("POST form"), lambda: form_template(self._host())
        )
        self.json_action = self._add(
            menu, self.tr("POST JSON"), lambda: json_template(self._host())
        )
        self.multipart_action = QAction(self.tr("Multipart with a file…"), self)
        self.multipart_action.triggered.connect(self._ask_file)
        menu.addAction(self.multipart_action)
        self.setMenu(menu)

    def _add(self, menu: QMenu, label: str, make: Callable[[], str]) -> QAction:
        action = QAction(label, self)
        action.triggered.connect(lambda: self.template_chosen.emit(make()))
        menu.addAction(action)
        return action

    def use_file(self, path: Path) -> bool:
        """Fill the editor with a multipart POST of ``path``; False (``failed``) if not."""
        try:
            text = multipart_text(self._host(), path)
        except TemplateFileError as error:
            self.failed.emit(str(error))
            return False
        self.template_chosen.emit(text)
        return True

    @Slot()
    def _ask_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the file to upload"))
        if path:
            self.use_file(Path(path))


class ExportButton(QToolButton):
    """An "Import / Export" button: import a curl command, copy as curl or as Python.

    Signals:
        import_requested(): import a curl command line.
        export_requested(str): ``"curl"`` or ``"python"``.
    """

    import_requested = Signal()
    export_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setText(self.tr("curl / Python"))
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self)
        self.import_action = menu.addAction(self.tr("Import curl…"))
        self.curl_action = menu.addAction(self.tr("Copy as curl"))
        self.python_action = menu.addAction(self.tr("Copy as Python"))
        self.import_action.triggered.connect(self.import_requested)
        self.curl_action.triggered.connect(self._curl)
        self.python_action.triggered.connect(self._python)
        self.setMenu(menu)

    @Slot()
    def _curl(self) -> None:
        self.export_requested.emit("curl")

    @Slot()
    def _python(self) -> None:
        self.export_requested.emit("python")
