"""The strip under a conversation's messages that acts on one offer of files.

It follows the offer the user selected in the conversation, else the newest one that still
waits for an answer (a peer's) or may still be fetched (ours): Accept all, Accept some…,
Decline and "Save to" for a peer's offer; Cancel offer for ours; Show in Transfers for both.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.ui.messenger.offer_view import OfferStatus, OfferView
from desktop.ui.messenger.transfer_model import format_size

__all__ = ["OfferBar"]


class OfferBar(QWidget):
    """Buttons for one offer (hidden when there is none).

    Signals:
        accept_all(OfferView, str): every file, into this folder.
        accept_some(OfferView, str): ask which files (proposing this folder).
        decline(OfferView): refuse it.
        withdraw(OfferView): cancel our offer.
        show_transfers(OfferView): open the Transfers window on its transfers.
    """

    accept_all = Signal(object, str)
    accept_some = Signal(object, str)
    decline = Signal(object)
    withdraw = Signal(object)
    show_transfers = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: OfferView | None = None
        self.folder = ""
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.accept_all_button = QPushButton(self.tr("Accept all"))
        self.accept_some_button = QPushButton(self.tr("Accept some…"))
        self.decline_button = QPushButton(self.tr("Decline"))
        self.folder_button = QPushButton()
        self.folder_button.setFlat(True)
        self.folder_button.setToolTip(self.tr("Where the files go: click to choose another folder"))
        self.withdraw_button = QPushButton(self.tr("Cancel offer"))
        self.transfers_button = QPushButton(self.tr("Show in Transfers"))
        self.accept_all_button.clicked.connect(lambda: self._emit_accept(self.accept_all))
        self.accept_some_button.clicked.connect(lambda: self._emit_accept(self.accept_some))
        self.decline_button.clicked.connect(lambda: self.view and self.decline.emit(self.view))
        self.withdraw_button.clicked.connect(lambda: self.view and self.withdraw.emit(self.view))
        self.transfers_button.clicked.connect(
            lambda: self.view and self.show_transfers.emit(self.view)
        )
        self.folder_button.clicked.connect(self._choose_folder)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary, 1)
        for button in (
            self.folder_button,
            self.accept_all_button,
            self.accept_some_button,
            self.decline_button,
            self.withdraw_button,
            self.transfers_button,
        ):
            layout.addWidget(button)
        self.show_offer(None)

    def set_folder(self, folder: str) -> None:
        """The folder accepted files go to (the download folder, until the user picks one)."""
        self.folder = folder
        self.folder_button.setText(self.tr("Save to: {folder}").format(folder=_short(folder)))

    def show_offer(self, view: OfferView | None) -> None:
        """Act on ``view`` (None: hide)."""
        self.view = view
        self.setVisible(view is not None)
        if view is None:
            return
        size = format_size(sum(f.size for f in view.files))
        count = len(view.files)
        if view.outgoing:
            text = self.tr("Your offer: %n file(s), {size}", "", count).format(size=size)
        else:
            text = self.tr("Offered to you: %n file(s), {size}", "", count).format(size=size)
        pending = not view.outgoing and view.status is OfferStatus.PENDING
        # Waiting for an answer: the buttons beside it say what to do (the bubble's line
        # "Accept or decline it in the bar…" would only repeat it here).
        self.summary.setText(text if pending else f"{text} — {view.state_line()}")
        for button in (
            self.accept_all_button,
            self.accept_some_button,
            self.decline_button,
            self.folder_button,
        ):
            button.setVisible(pending)
        self.withdraw_button.setVisible(view.outgoing and view.actionable)
        self.transfers_button.setVisible(bool(view.transfers))

    def _emit_accept(self, signal: Signal) -> None:  # type: ignore[type-arg]
        if self.view is not None:
            signal.emit(self.view, self.folder)  # type: ignore[attr-defined]

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Save to"), self.folder)
        if chosen:
            self.set_folder(chosen)


def _short(folder: str, keep: int = 28) -> str:
    return folder if len(folder) <= keep else "…" + folder[-(keep - 1) :]
