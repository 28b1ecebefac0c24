"""The tray icon: an unread badge drawn on the application icon, and new-message notifications.

Without a system tray (some desktops, and the tests' offscreen platform) there is no icon:
notifications fall back to ``QApplication.alert`` on the main window, and the badge is still
computed (``badge_icon``) so it can be checked without a tray.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt, Signal, Slot
from PySide6.QtGui import QColor, QFont, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon, QWidget

from desktop.ui.theme import contrast, tone_hue

__all__ = ["MessengerTray", "badge_colors", "badge_icon", "badge_text"]

_BADGE_SIZE = 64
_NOTIFY_MS = 5000


def badge_text(count: int) -> str:
    """What the badge says: nothing for 0, the number up to 99, then ``99+``."""
    if count <= 0:
        return ""
    return str(count) if count < 100 else "99+"


def badge_colors(palette: QPalette | None = None) -> tuple[QColor, QColor]:
    """(disc, number) of the badge: the error tone of ``palette`` (the application's when
    None), and whichever of the palette's base and text colours reads better on it."""
    palette = palette if palette is not None else QGuiApplication.palette()
    disc = tone_hue(palette, "error")
    candidates = (palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text))
    return disc, QColor(max(candidates, key=lambda color: contrast(color, disc)))


def badge_icon(
    base: QIcon, count: int, size: int = _BADGE_SIZE, palette: QPalette | None = None
) -> QIcon:
    """``base`` with ``count`` drawn in a disc in the error tone in its top-right corner
    (``base`` for 0); the colours are ``palette``'s (the application's when None)."""
    text = badge_text(count)
    if not text:
        return base
    disc_color, text_color = badge_colors(palette)
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        base.paint(painter, QRect(0, 0, size, size))
        disc = QRect(size // 3, 0, size - size // 3, size - size // 3)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(disc_color)
        painter.drawEllipse(disc)
        font = QFont()
        font.setBold(True)
        font.setPixelSize(disc.height() // (2 if len(text) < 3 else 3))
        painter.setFont(font)
        painter.setPen(text_color)
        painter.drawText(disc, Qt.AlignmentFlag.AlignCenter, text)
    finally:
        painter.end()
    return QIcon(pixmap)


class MessengerTray(QObject):
    """A tray icon (when the desktop has a tray) with an unread badge and a small menu.

    Args:
        icon: the application icon.
        window: the main window (shown from the tray, alerted without one).
        use_tray: False to never create a tray icon (tests).

    Signals:
        show_requested(): the user clicked the icon or chose "Show SocketDesk".
        quit_requested(): the user chose "Quit" in the tray menu.
    """

    show_requested = Signal()
    quit_requested = Signal()

    def __init__(self, icon: QIcon, window: QWidget, use_tray: bool = True) -> None:
        super().__init__(window)
        self._icon = icon
        self._window = window
        self.unread = 0
        self._told_hidden = False
        self.tray: QSystemTrayIcon | None = None
        if use_tray and QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(icon, self)
            menu = QMenu(window)
            menu.addAction(self.tr("Show SocketDesk"), self.show_requested.emit)
            menu.addAction(self.tr("Quit"), self.quit_requested.emit)
            self.tray.setContextMenu(menu)
            self.tray.setToolTip("SocketDesk")
            self.tray.activated.connect(self._activated)
            self.tray.messageClicked.connect(self.show_requested)
            self.tray.show()
            window.installEventFilter(self)  # a theme change redraws the badge

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.PaletteChange and self.tray is not None and self.unread:
            self.tray.setIcon(self.icon())
        return False

    @property
    def available(self) -> bool:
        """A tray icon is shown."""
        return self.tray is not None

    def icon(self) -> QIcon:
        """The icon with the current badge."""
        return badge_icon(self._icon, self.unread)

    @Slot(int)
    def set_unread(self, count: int) -> None:
        """Show ``count`` unread messages on the icon."""
        self.unread = max(count, 0)
        if self.tray is not None:
            self.tray.setIcon(self.icon())
            tip = self.tr("SocketDesk: {n} unread").format(n=count) if count else "SocketDesk"
            self.tray.setToolTip(tip)

    @Slot(str, str)
    def notify(self, title: str, text: str) -> None:
        """Tell the user about a new message: a tray balloon, or the window's alert."""
        if self.tray is not None and QSystemTrayIcon.supportsMessages():
            self.tray.showMessage(title, text, self.icon(), _NOTIFY_MS)
        else:
            QApplication.alert(self._window)

    @Slot()
    def window_hidden(self) -> None:
        """The window went to the tray: say once where it is."""
        if self._told_hidden or self.tray is None:
            return
        self._told_hidden = True
        self.notify(
            "SocketDesk",
            self.tr("The Messenger keeps running here; File ▸ Quit ends SocketDesk."),
        )

    @Slot(QSystemTrayIcon.ActivationReason)
    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.show_requested.emit()
