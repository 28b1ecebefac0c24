"""The banner every page shows: the messages of its ``Messages`` board, one row each.

Colours are taken from the palette when a row paints (``theme.tone_colors``), so they follow a
theme change at once: a tint of the window colour in the message's tone, the window text on it.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from desktop.ui.messages import Level, Message, Messages
from desktop.ui.theme import ToneColors, tone_colors

__all__ = ["NoticeBanner", "NoticeRow"]

_TONES = {Level.INFO: "info", Level.WARNING: "warning", Level.ERROR: "error"}
_STRIP = 4  # px: the tone's hue down the left edge, so the kind shows without colour vision


class NoticeRow(QWidget):
    """One message: its sentence and a dismiss button, on a surface in its tone.

    Signals:
        dismissed(): the user closed it.
    """

    dismissed = Signal()

    def __init__(self, message: Message, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeRow")
        self.message = message
        self.tone = _TONES[message.level]
        self.label = QLabel(message.text())
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Dismiss"))
        close.clicked.connect(self.dismissed)
        self.close_button = close
        layout = QHBoxLayout(self)
        layout.setContentsMargins(_STRIP + 8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)

    def colors(self) -> ToneColors:
        """The colours this row paints with, from its palette now."""
        return tone_colors(self.palette(), self.tone)

    def paintEvent(self, event: QPaintEvent) -> None:
        colors = self.colors()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(QPen(colors.border, 1))
        painter.setBrush(colors.background)
        painter.drawRoundedRect(rect, 4, 4)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colors.accent)
        painter.drawRoundedRect(QRectF(0, 0, _STRIP, self.height()), 2, 2)
        painter.end()


class NoticeBanner(QWidget):
    """Shows the messages of a ``Messages`` board, oldest on top; hidden when there are none.

    Args:
        messages: the board to show; None makes one owned by the banner (``owner``).
        owner: the name of that board (a page or session), when the banner makes it.
    """

    def __init__(
        self,
        messages: Messages | None = None,
        parent: QWidget | None = None,
        owner: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBanner")
        self.messages = messages if messages is not None else Messages(owner, self)
        self._rows: list[NoticeRow] = []
        self._empty = QLabel()  # what ``label`` gives while nothing is shown
        self._empty.setVisible(False)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self.messages.changed.connect(self._refresh)
        self._refresh()

    # -- reading -----------------------------------------------------------------------------------
    def rows(self) -> list[NoticeRow]:
        """The rows shown, oldest first."""
        return list(self._rows)

    def text(self) -> str:
        """Every sentence shown, one a line, oldest first."""
        return "\n".join(self.messages.texts())

    @property
    def label(self) -> QLabel:
        """The label of the newest message (an empty label when nothing is shown)."""
        return self._rows[-1].label if self._rows else self._empty

    @property
    def kind(self) -> str:
        """The tone of the newest message: "error", "warning", "info" or ""."""
        return self._rows[-1].tone if self._rows else ""

    # -- showing -----------------------------------------------------------------------------------
    def show_message(self, text: str, kind: str = "error") -> None:
        """Show ``text`` on the board, ``kind`` being "error", "warning" or "info"."""
        self.messages.show(text, Level[kind.upper()])

    def clear(self) -> None:
        """Take every message away."""
        self.messages.clear()

    def _refresh(self) -> None:
        shown = self.messages.messages()
        self.setVisible(bool(shown))
        if [row.message for row in self._rows] == shown:
            return
        for row in self._rows:
            self._layout.removeWidget(row)
            row.hide()
            row.deleteLater()
        self._rows = []
        for message in shown:
            row = NoticeRow(message, self)
            row.dismissed.connect(lambda m=message: self.messages.dismiss(m))
            self._layout.addWidget(row)
            self._rows.append(row)
