"""The composer's cookie jar as a table: what servers set, where it goes back, clear it."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.http.cookies import CookieStore, StoredCookie
from desktop.ui.widgets.list_table_model import ListTableModel

__all__ = ["CookiesModel", "CookiesView"]

Index = QModelIndex | QPersistentModelIndex
_COLUMNS = (
    QT_TRANSLATE_NOOP("CookiesModel", "Name"),
    QT_TRANSLATE_NOOP("CookiesModel", "Value"),
    QT_TRANSLATE_NOOP("CookiesModel", "Domain"),
    QT_TRANSLATE_NOOP("CookiesModel", "Path"),
    QT_TRANSLATE_NOOP("CookiesModel", "Secure"),
    QT_TRANSLATE_NOOP("CookiesModel", "Expires"),
)
# A cookie value can be 4 KiB; the table shows the start (the tooltip has it all).
_VALUE_SHOWN = 200


class CookiesModel(ListTableModel):
    """Cookies, one a row: name, value, domain, path, secure, expiry."""

    COLUMNS = _COLUMNS
    CONTEXT = "CookiesModel"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cookies: list[StoredCookie] = []

    def set_cookies(self, cookies: list[StoredCookie]) -> None:
        """Show ``cookies``."""
        self.beginResetModel()
        self._cookies = list(cookies)
        self.endResetModel()

    def _items(self) -> Sequence[StoredCookie]:
        return self._cookies

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._cookies):
            return None
        cookie = self._cookies[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 1:
            return cookie.value
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == 0:
            return cookie.name
        if column == 1:
            return cookie.value[:_VALUE_SHOWN]
        if column == 2:
            return cookie.domain
        if column == 3:
            return cookie.path
        if column == 4:
            return self.tr("yes") if cookie.secure else ""
        if column == 5:
            if cookie.expires is None:
                return self.tr("session")
            return datetime.datetime.fromtimestamp(cookie.expires).strftime("%Y-%m-%d %H:%M:%S")
        return None


class CookiesView(QWidget):
    """The jar's cookies, "Send jar cookies" and "Clear".

    Signals:
        cleared(): the jar was emptied.
    """

    cleared = Signal()

    def __init__(self, jar: CookieStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.jar = jar
        self.model = CookiesModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.use_check = QCheckBox(self.tr("Send jar cookies with requests"))
        self.use_check.setChecked(True)
        self.use_check.setToolTip(
            self.tr("Adds a Cookie header (outside exact mode); cookies typed in it win.")
        )
        self.clear_button = QPushButton(self.tr("Clear"))
        row = QHBoxLayout()
        row.addWidget(self.use_check, 1)
        row.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.clear_button.clicked.connect(self.clear)
        self.refresh()

    def refresh(self) -> None:
        """Show the jar as it is now."""
        self.model.set_cookies(self.jar.cookies())
        self.clear_button.setEnabled(len(self.jar) > 0)

    def clear(self) -> None:
        """Empty the jar."""
        self.jar.clear()
        self.refresh()
        self.cleared.emit()
