"""The request as hex, editable: applied edits become the exact bytes to send."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QFontDatabase, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.codec.input import parse_hex
from desktop.core.errors import InputError
from desktop.ui.sentences import say

__all__ = ["BYTES_PER_LINE", "RequestHexEditor", "hex_lines"]

BYTES_PER_LINE = 16
# Hex of a request is three characters a byte: past this, the text view would grow without
# bound (and a request of megabytes is better edited as text).
MAX_HEX_BYTES = 1 << 20


def hex_lines(data: bytes) -> str:
    """``data`` as hex, 16 bytes a line, bytes split by spaces (what ``parse_hex`` reads)."""
    return "\n".join(
        data[i : i + BYTES_PER_LINE].hex(" ") for i in range(0, len(data), BYTES_PER_LINE)
    )


class RequestHexEditor(QWidget):
    """Hex digits of the request; "Apply" turns them into the bytes to send.

    Signals:
        bytes_applied(bytes): valid hex was applied: these exact bytes are to be sent.
    """

    bytes_applied = Signal(bytes)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hex_edit = QPlainTextEdit()
        self.hex_edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.hex_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.apply_button = QPushButton(self.tr("Apply hex (send these exact bytes)"))
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self._loaded = ""
        buttons = QHBoxLayout()
        buttons.addWidget(self.message_label, 1)
        buttons.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hex_edit, 1)
        layout.addLayout(buttons)
        self.apply_button.clicked.connect(self.apply)

    def load(self, data: bytes) -> bool:
        """Show ``data``; False (with a sentence) when it is too large to edit as hex."""
        if len(data) > MAX_HEX_BYTES:
            self._loaded = ""
            self.hex_edit.setPlainText("")
            self.hex_edit.setReadOnly(True)
            self.apply_button.setEnabled(False)
            self.message_label.setText(
                self.tr("The request has {size} bytes: hex editing stops at {limit}.").format(
                    size=len(data), limit=MAX_HEX_BYTES
                )
            )
            return False
        self.hex_edit.setReadOnly(False)
        self.apply_button.setEnabled(True)
        self._loaded = hex_lines(data)
        self.hex_edit.setPlainText(self._loaded)
        self.message_label.setText(self.tr("%n byte(s).", "", len(data)))
        return True

    def modified(self) -> bool:
        """Whether the hex was edited since it was loaded."""
        return self.hex_edit.toPlainText() != self._loaded

    @Slot()
    def apply(self) -> bytes | None:
        """Read the hex; the bytes (also emitted), or None with the error shown and selected."""
        text = self.hex_edit.toPlainText()
        try:
            data = parse_hex(text)
        except InputError as error:
            self.message_label.setText(say(error))
            cursor = self.hex_edit.textCursor()
            cursor.setPosition(min(error.position, len(text)))
            cursor.setPosition(
                min(error.position + error.length, len(text)), QTextCursor.MoveMode.KeepAnchor
            )
            self.hex_edit.setTextCursor(cursor)
            return None
        self._loaded = text
        self.message_label.setText(self.tr("Applied: %n byte(s) to send exactly.", "", len(data)))
        self.bytes_applied.emit(data)
        return data
