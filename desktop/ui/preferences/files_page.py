"""The Messenger's files in the preferences: where accepted files go, and auto-accept."""

from __future__ import annotations

import json
from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from desktop.settings import Settings
from desktop.ui.preferences.pages import Field, Page, note

__all__ = ["FilesPage"]

AskFolder = Callable[[QWidget, str, str], str]
"""(parent, title, start folder) → the chosen folder, or "" when cancelled."""


def _ask_folder(parent: QWidget, title: str, start: str) -> str:
    return QFileDialog.getExistingDirectory(parent, title, start)


class FilesPage(Page):
    """Download folder and auto-accept (off by default) of the Messenger's file transfers.

    Args:
        ask_folder: the folder chooser (tests pass their own).
    """

    def __init__(self, ask_folder: AskFolder = _ask_folder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ask_folder = ask_folder
        self.download = QLineEdit()
        self.download.setObjectName("downloadFolderEdit")
        self.auto_accept = QCheckBox(self.tr("Accept offers from these people without asking"))
        self.auto_accept.setObjectName("autoAcceptCheck")
        self.peers = QPlainTextEdit()
        self.peers.setObjectName("autoAcceptPeersEdit")
        self.peers.setPlaceholderText(self.tr("One user@host per line, e.g. alice@office-pc"))
        self.peers.setMaximumHeight(90)
        self.auto_folder = QLineEdit()
        self.auto_folder.setObjectName("autoAcceptFolderEdit")
        self.auto_folder.setPlaceholderText(self.tr("the download folder"))
        self.form.addRow(self.tr("&Download folder"), self._with_chooser(self.download))
        self.form.addRow("", self.auto_accept)
        self.form.addRow(self.tr("&People"), self.peers)
        self.form.addRow(
            self.tr("Auto-accepted &files go to"), self._with_chooser(self.auto_folder)
        )
        self.form.addRow(
            "",
            note(
                self.tr(
                    "Offers from anyone else are shown in the conversation to accept or decline."
                )
            ),
        )
        self.auto_accept.toggled.connect(self._follow_switch)
        self._follow_switch(False)

    def _with_chooser(self, edit: QLineEdit) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(edit, 1)
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(lambda: self._choose(edit))
        layout.addWidget(choose)
        return row

    def _choose(self, edit: QLineEdit) -> None:
        folder = self._ask_folder(self, self.tr("Choose a folder"), edit.text())
        if folder:
            edit.setText(folder)

    def _follow_switch(self, on: bool) -> None:
        self.peers.setEnabled(on)
        self.auto_folder.setEnabled(on)

    def load(self, settings: Settings) -> None:
        self.download.setText(settings.get(Settings.DOWNLOAD_FOLDER))
        self.auto_accept.setChecked(settings.get(Settings.AUTO_ACCEPT))
        self._follow_switch(self.auto_accept.isChecked())
        try:
            peers = json.loads(settings.get(Settings.AUTO_ACCEPT_PEERS))
        except ValueError:
            peers = []
        lines = [p for p in peers if isinstance(p, str)] if isinstance(peers, list) else []
        self.peers.setPlainText("\n".join(lines))
        self.auto_folder.setText(settings.get(Settings.AUTO_ACCEPT_FOLDER))

    def values(self) -> list[Field]:
        peers = [line.strip() for line in self.peers.toPlainText().splitlines() if line.strip()]
        return [
            (
                Settings.DOWNLOAD_FOLDER,
                self.download.text().strip(),
                self.download,
                self.label_of(self.download.parentWidget() or self.download),
            ),
            (Settings.AUTO_ACCEPT, self.auto_accept.isChecked(), self.auto_accept, ""),
            (
                Settings.AUTO_ACCEPT_PEERS,
                json.dumps(peers, ensure_ascii=False),
                self.peers,
                self.label_of(self.peers),
            ),
            (
                Settings.AUTO_ACCEPT_FOLDER,
                self.auto_folder.text().strip(),
                self.auto_folder,
                self.label_of(self.auto_folder.parentWidget() or self.auto_folder),
            ),
        ]
