"""Online / Away, with the away message chosen from presets or typed.

The away message goes on the wire, so a preset is sent in the interface language: it is kept in
the settings by its English source, and shown (and sent) translated whatever language it was
chosen in.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from desktop.settings import Settings

__all__ = ["PRESETS", "StatusSelector"]

PRESETS = (
    QT_TRANSLATE_NOOP("StatusSelector", "I am away from my desk."),  # the default
    QT_TRANSLATE_NOOP("StatusSelector", "In a meeting; I will answer later."),
    QT_TRANSLATE_NOOP("StatusSelector", "Out for lunch."),
    QT_TRANSLATE_NOOP("StatusSelector", "Gone for the day."),
)


def _translated(source: str) -> str:
    return QCoreApplication.translate("StatusSelector", source)


def preset_source(text: str) -> str | None:
    """The English preset that ``text`` is (in English or in the interface language), or None."""
    for source in PRESETS:
        if text in (source, _translated(source)):
            return source
    return None


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
        self.message.addItems([_translated(source) for source in PRESETS])
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
        return self.absence_text()

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
            source = preset_source(saved)
            self.message.setEditText(_translated(source) if source else saved)
        away = settings.get(Settings.MESSENGER_AWAY)
        self.set_absence(self.absence_text() if away else None)

    def save(self, settings: Settings) -> None:
        """Store status and message in ``settings``."""
        settings.set(Settings.MESSENGER_AWAY, self.away)
        text = self.message.currentText().strip()
        settings.set(Settings.MESSENGER_AWAY_MESSAGE, preset_source(text) or text)

    def absence_text(self) -> str:
        """The away message typed or chosen (whatever the status)."""
        return self.message.currentText().strip() or _translated(PRESETS[0])

    def _changed(self) -> None:
        self.message.setEnabled(self.away)
        now = self.absence()
        if now != self._last:
            self._last = now
            self.absence_changed.emit(now)
