"""Online / Away, with the away message chosen from presets or typed."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from desktop.settings import Settings

__all__ = ["StatusSelector"]


class StatusSelector(QWidget):
    """A status box (Online, Away) and an editable away message with presets.

    Signals:
        absence_changed(object): the away message now in force (``str``), or None when online.
    """

    absence_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = QComboBox()
        self.status.addItem(self.tr("Online"), False)
        self.status.addItem(self.tr("Away"), True)
        self.message = QComboBox()
        self.message.setEditable(True)
        self.message.addItems(
            [
                self.tr("I am away from my desk."),
                self.tr("In a meeting; I will answer later."),
                self.tr("Out for lunch."),
                self.tr("Gone for the day."),
            ]
        )
        self.message.setToolTip(self.tr("Sent once to whoever writes to you while you are away"))
        self.message.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Status")))
        layout.addWidget(self.status)
        layout.addWidget(self.message, 1)
        self._last: str | None = None
        self.status.currentIndexChanged.connect(self._changed)
        self.message.lineEdit().editingFinished.connect(self._changed)
        self.message.activated.connect(self._changed)

    @property
    def away(self) -> bool:
        """Away is chosen."""
        return bool(self.status.currentData())

    def absence(self) -> str | None:
        """The away message in force, or None when online."""
        if not self.away:
            return None
        return self.message.currentText().strip() or self.tr("I am away from my desk.")

    def set_absence(self, message: str | None) -> None:
        """Show ``message`` as the away message (None: online); emits ``absence_changed``."""
        if message is not None:
            self.message.setEditText(message)
        self.status.setCurrentIndex(1 if message is not None else 0)
        self._changed()

    def load(self, settings: Settings) -> None:
        """Take status and message from ``settings``."""
        saved = settings.get(Settings.MESSENGER_AWAY_MESSAGE)
        if saved:
            self.message.setEditText(saved)
        away = settings.get(Settings.MESSENGER_AWAY)
        self.set_absence(self.absence_text() if away else None)

    def save(self, settings: Settings) -> None:
        """Store status and message in ``settings``."""
        settings.set(Settings.MESSENGER_AWAY, self.away)
        settings.set(Settings.MESSENGER_AWAY_MESSAGE, self.message.currentText().strip())

    def absence_text(self) -> str:
        """The away message typed or chosen (whatever the status)."""
        return self.message.currentText().strip() or self.tr("I am away from my desk.")

    def _changed(self) -> None:
        self.message.setEnabled(self.away)
        now = self.absence()
        if now != self._last:
            self._last = now
            self.absence_changed.emit(now)
