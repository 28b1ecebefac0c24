"""The preferences dialog's Data page: where the files are, and carrying settings and saved
messages to another machine.

Export and import act at once (they are not settings the OK button stores); an import checks
the whole file first and changes nothing unless all of it is valid, then says what it did, or
one sentence saying why not.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import SocketDeskError
from desktop.core.store.saved_messages import SavedMessageStore
from desktop.settings import Settings
from desktop.settings_file import export_settings, import_settings
from desktop.ui.messages import Level
from desktop.ui.sentences import say

__all__ = ["AskPath", "DataPage"]

# Asks the user for a file: (title, suggested path, for saving) -> the path, or None.
AskPath = Callable[[str, Path, bool], Path | None]


def ask_with_dialog(parent: QWidget) -> AskPath:
    """The file dialog, as an ``AskPath``."""

    def ask(title: str, suggested: Path, saving: bool) -> Path | None:
        filters = QCoreApplication.translate("DataPage", "JSON files (*.json);;All files (*)")
        if saving:
            name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), filters)
        else:
            name, _ = QFileDialog.getOpenFileName(parent, title, str(suggested.parent), filters)
        return Path(name) if name else None

    return ask


class DataPage(QWidget):
    """Data folder, export and import of settings and saved messages.

    Args:
        settings: the facade (import stores into it; the dialog reloads its pages after).
        folder: the data folder.
        library: the saved messages, or None when the database is unavailable.
        ask_path: how to ask for a file (tests pass a function).

    Signals:
        reported(str, object): a sentence and its ``Level`` (what an export or import did).
        settings_imported(): the facade holds new values.
        library_changed(): saved messages were imported.
    """

    reported = Signal(str, object)
    settings_imported = Signal()
    library_changed = Signal()

    def __init__(
        self,
        settings: Settings,
        folder: Path,
        library: SavedMessageStore | None,
        ask_path: AskPath | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.folder = folder
        self.library = library
        self.ask_path = ask_path or ask_with_dialog(self)
        self.home = Path.home()
        where = QLabel(self.tr("Data folder: {folder}").format(folder=folder))
        where.setWordWrap(True)
        private = QLabel(
            self.tr(
                "Only your user account can read it: the histories hold messages, requests, "
                "cookies and passwords."
            )
        )
        private.setWordWrap(True)
        private.setEnabled(False)
        self.open_button = QPushButton(self.tr("Open data folder"))
        self.export_settings_button = QPushButton(self.tr("Export settings…"))
        self.import_settings_button = QPushButton(self.tr("Import settings…"))
        self.export_library_button = QPushButton(self.tr("Export saved messages…"))
        self.import_library_button = QPushButton(self.tr("Import saved messages…"))
        for button in (self.export_library_button, self.import_library_button):
            button.setEnabled(library is not None)
        grid = QGridLayout()
        grid.addWidget(self.export_settings_button, 0, 0)
        grid.addWidget(self.import_settings_button, 0, 1)
        grid.addWidget(self.export_library_button, 1, 0)
        grid.addWidget(self.import_library_button, 1, 1)
        carry = QLabel(
            self.tr(
                "To take SocketDesk to another machine, export here and import there. An import "
                "checks the whole file first and changes nothing unless all of it is valid."
            )
        )
        carry.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(where)
        layout.addWidget(private)
        layout.addWidget(self.open_button)
        layout.addSpacing(12)
        layout.addWidget(carry)
        layout.addLayout(grid)
        layout.addStretch(1)
        self.open_button.clicked.connect(self._open_folder)
        self.export_settings_button.clicked.connect(self.export_settings)
        self.import_settings_button.clicked.connect(self.import_settings)
        self.export_library_button.clicked.connect(self.export_library)
        self.import_library_button.clicked.connect(self.import_library)

    @Slot()
    def export_settings(self) -> None:
        """Ask where, then write the settings there."""
        path = self.ask_path(
            self.tr("Export settings"), self.home / "socketdesk-settings.json", True
        )
        if path is None:
            return
        try:
            count = export_settings(self.settings, path)
        except SocketDeskError as error:
            self.reported.emit(say(error), Level.ERROR)
            return
        self.reported.emit(
            self.tr("Exported %n setting(s) to {path}.", "", count).format(path=path), Level.INFO
        )

    @Slot()
    def import_settings(self) -> None:
        """Ask which file, then store all of its settings or none."""
        path = self.ask_path(self.tr("Import settings"), self.home / "x.json", False)
        if path is None:
            return
        try:
            count = import_settings(self.settings, path)
        except SocketDeskError as error:
            self.reported.emit(
                self.tr("Nothing was imported: {reason}").format(reason=say(error)), Level.ERROR
            )
            return
        self.settings_imported.emit()
        self.reported.emit(
            self.tr("Imported %n setting(s) from {path}.", "", count).format(path=path),
            Level.INFO,
        )

    @Slot()
    def export_library(self) -> None:
        """Ask where, then write the saved messages there."""
        if self.library is None:
            return
        path = self.ask_path(
            self.tr("Export saved messages"), self.home / "socketdesk-messages.json", True
        )
        if path is None:
            return
        try:
            count = self.library.export_json(path)
        except SocketDeskError as error:
            self.reported.emit(say(error), Level.ERROR)
            return
        self.reported.emit(
            self.tr("Exported %n saved message(s) to {path}.", "", count).format(path=path),
            Level.INFO,
        )

    @Slot()
    def import_library(self) -> None:
        """Ask which file, then add all of its messages (same names replaced) or none."""
        if self.library is None:
            return
        path = self.ask_path(self.tr("Import saved messages"), self.home / "x.json", False)
        if path is None:
            return
        try:
            count = self.library.import_json(path)
        except SocketDeskError as error:
            self.reported.emit(
                self.tr("Nothing was imported: {reason}").format(reason=say(error)), Level.ERROR
            )
            return
        self.library_changed.emit()
        self.reported.emit(
            self.tr(
                "Imported %n saved message(s) from {path}; messages with the same name were "
                "replaced.",
                "",
                count,
            ).format(path=path),
            Level.INFO,
        )

    @Slot()
    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))
