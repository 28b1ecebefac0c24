"""The Transfers window: every transfer with its progress, and what can be done with it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.ipmsg.transfer import Direction, Transfer, TransferState
from desktop.ui.messenger.file_transfers import FileTransfers
from desktop.ui.messenger.transfer_model import TransferModel, state_text

__all__ = ["ProgressDelegate", "TransfersWindow"]

_Index = QModelIndex | QPersistentModelIndex
Opener = Callable[[QUrl], bool]


class ProgressDelegate(QStyledItemDelegate):
    """A progress bar whose text is the percentage while running, else the state in words
    (so a failed transfer with every byte reads "failed", never looks done)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        transfer = index.data(TransferModel.TransferRole)
        if not isinstance(transfer, Transfer):
            super().paint(painter, option, index)
            return
        bar = QStyleOptionProgressBar()
        bar.rect = option.rect.adjusted(2, 3, -2, -3)
        bar.state = option.state | QStyle.StateFlag.State_Horizontal
        bar.palette = option.palette
        bar.fontMetrics = option.fontMetrics
        bar.minimum, bar.maximum = 0, 1000
        fraction = transfer.fraction
        bar.progress = 0 if fraction is None else int(fraction * 1000)
        if fraction is None and transfer.state is TransferState.RUNNING:
            bar.minimum = bar.maximum = 0  # busy: size unknown
        running = transfer.state is TransferState.RUNNING
        bar.text = str(index.data()) if running else state_text(transfer, with_reason=False)
        bar.textVisible = True
        bar.textAlignment = Qt.AlignmentFlag.AlignCenter
        style = option.widget.style() if option.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, option.widget)


class TransfersWindow(QWidget):
    """Every transfer: direction, peer, name, size, progress, speed, time left, state.

    Args:
        files: the transfers and their commands.
        opener: opens a folder in the file manager (tests pass their own).
        parent: the parent widget (the window stays a window of its own).
    """

    def __init__(
        self,
        files: FileTransfers,
        opener: Opener = QDesktopServices.openUrl,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Transfers"))
        self.files = files
        self.model = files.model
        self._opener = opener
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(TransferModel.PROGRESS, ProgressDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TransferModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        for column, width in ((0, 70), (1, 150), (3, 80), (4, 130), (5, 90), (6, 80), (7, 160)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(self.open_folder)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.retry_button = QPushButton(self.tr("Retry"))
        self.open_button = QPushButton(self.tr("Open folder"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.clear_button = QPushButton(self.tr("Clear finished"))
        self.cancel_button.clicked.connect(self.cancel)
        self.retry_button.clicked.connect(self.retry)
        self.open_button.clicked.connect(self.open_folder)
        self.remove_button.clicked.connect(self.remove)
        self.clear_button.clicked.connect(self.files.clear_finished)
        row = QHBoxLayout()
        for button in (self.cancel_button, self.retry_button, self.open_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.dataChanged.connect(self._update_buttons)
        self.model.rowsRemoved.connect(self._update_buttons)
        self.resize(900, 420)
        self._update_buttons()

    def selected(self) -> list[Transfer]:
        """The selected transfers, top to bottom."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [t for t in (self.model.transfer(r) for r in rows) if t is not None]

    def select(self, transfer_ids: list[int]) -> None:
        """Select these transfers (from an offer's "Show in Transfers")."""
        self.table.clearSelection()
        flags = self.table.selectionModel().SelectionFlag
        for transfer_id in transfer_ids:
            row = self.model.row_of(transfer_id)
            if row is not None:
                self.table.selectionModel().select(
                    self.model.index(row, 0), flags.Select | flags.Rows
                )
                self.table.scrollTo(self.model.index(row, 0))

    def cancel(self) -> None:
        """Stop the selected transfers that are still going."""
        for t in self.selected():
            if not t.state.finished:
                self.files.cancel(t.transfer_id)

    def retry(self) -> None:
        """Start the selected failed or cancelled downloads again."""
        for t in self.selected():
            if _retryable(t):
                self.files.retry(t.transfer_id)

    def remove(self) -> None:
        """Take the selected finished transfers off the list."""
        for t in self.selected():
            self.files.remove(t.transfer_id)

    def open_folder(self, *_index: object) -> None:
        """Show the folder of the (first) selected transfer in the file manager."""
        for t in self.selected():
            if t.path:
                path = Path(t.path)
                folder = path if t.is_folder and t.state is TransferState.DONE else path.parent
                self._opener(QUrl.fromLocalFile(str(folder)))
                return

    def _update_buttons(self, *_args: object) -> None:
        chosen = self.selected()
        self.cancel_button.setEnabled(any(not t.state.finished for t in chosen))
        self.retry_button.setEnabled(any(_retryable(t) for t in chosen))
        self.open_button.setEnabled(any(t.path for t in chosen))
        self.remove_button.setEnabled(any(t.state.finished for t in chosen))


def _retryable(t: Transfer) -> bool:
    return t.direction is Direction.RECEIVE and t.state in (
        TransferState.FAILED,
        TransferState.CANCELLED,
    )
