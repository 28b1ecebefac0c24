"""Accept some files of an offer: a checklist of its files and the folder they go to."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.ipmsg.offers import Offer
from desktop.ui.messenger.transfer_model import format_size

__all__ = ["AcceptDialog"]


class AcceptDialog(QDialog):
    """Every file of ``offer`` checked; the user unchecks some and may change the folder.

    Args:
        offer: the offer.
        folder: the folder proposed (the download folder).
        parent: the parent widget.
    """

    def __init__(self, offer: Offer, folder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Accept files from {name}").format(name=offer.peer.name))
        self.files = QListWidget()
        for f in offer.files:
            size = format_size(f.size) if f.size > 0 or not f.is_folder else ""
            name = f"📁 {f.name}/" if f.is_folder else f"📄 {f.name}"
            item = QListWidgetItem(f"{name}  {size}".rstrip())
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setData(Qt.ItemDataRole.UserRole, f.file_id)
            self.files.addItem(item)
        self.folder = QLineEdit(folder)
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(QLabel(self.tr("Save to:")))
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Accept"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.files.itemChanged.connect(self._changed)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Choose the files to download:")))
        layout.addWidget(self.files, 1)
        layout.addLayout(folder_row)
        layout.addWidget(self.buttons)

    def chosen(self) -> list[int]:
        """The file ids checked."""
        items = (self.files.item(row) for row in range(self.files.count()))
        return [
            int(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        ]

    def set_checked(self, row: int, checked: bool) -> None:
        """Check or uncheck the file on ``row``."""
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        self.files.item(row).setCheckState(state)

    def _changed(self, _item: QListWidgetItem) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.chosen()))

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Save to"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)
