"""The Messenger panel's files: send (buttons, menu, drops), offers received, the Transfers window.

``FilesActions`` is mixed into ``MessengerPanel`` (as ``HistoryOpening`` is): it uses the
panel's bridge, conversations, chat view, roster and message board.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint, Slot
from PySide6.QtWidgets import QFileDialog, QPushButton, QWidget

from desktop.core.ipmsg.events import MessageReceived, Peer, PeerKey
from desktop.core.ipmsg.offers import Offer, OfferedFile
from desktop.core.store.transfers import TransferStore
from desktop.ui.messenger.conversations import BROADCAST
from desktop.ui.messenger.file_transfers import FileTransfers
from desktop.ui.messenger.offer_dialog import AcceptDialog
from desktop.ui.messenger.offer_view import OfferStatus, OfferView
from desktop.ui.messenger.peer_menu import SEND_FILES, SEND_FOLDER, peer_menu
from desktop.ui.messenger.transfers_window import TransfersWindow
from desktop.ui.sentences import Said

if TYPE_CHECKING:
    from desktop.ui.messenger.messenger_panel import MessengerPanel

__all__ = ["ChoosePaths", "FilesActions"]

# Asks the user for files (False) or a folder (True); the paths chosen (empty: cancelled).
ChoosePaths = Callable[[QWidget, bool], list[str]]


def choose_paths(parent: QWidget, folder: bool) -> list[str]:
    """The file dialog: several files, or one folder."""
    if folder:
        title = QCoreApplication.translate("FilesActions", "Send a folder")
        chosen = QFileDialog.getExistingDirectory(parent, title)
        return [chosen] if chosen else []
    title = QCoreApplication.translate("FilesActions", "Send files")
    return QFileDialog.getOpenFileNames(parent, title)[0]


def offered_files(paths: list[str]) -> tuple[OfferedFile, ...]:
    """What our offer will list, before the node measured it (a folder's size: not yet)."""
    files = []
    for number, path in enumerate(paths, 1):
        folder = os.path.isdir(path)
        try:
            size = 0 if folder else os.path.getsize(path)
        except OSError:
            size = 0
        files.append(OfferedFile(number, Path(path).name or path, size, is_folder=folder))
    return tuple(files)


class FilesActions:
    """Sending files, the offers in conversations and the Transfers window, for the panel."""

    files: FileTransfers
    transfers_window: TransfersWindow | None
    choose_paths: ChoosePaths

    def _setup_files(self: MessengerPanel, store: TransferStore | None) -> None:
        self.files = FileTransfers(self.bridge, store, self.settings)
        self.transfers_window = None
        self.choose_paths = choose_paths
        self._offer_tokens: dict[int, dict[PeerKey, tuple[int, OfferView]]] = {}
        self._next_offer_token = 1
        self.transfers_button = QPushButton()
        self.transfers_button.clicked.connect(self.open_transfers)
        self.controls.add_button(self.transfers_button)
        self._count_transfers(self.files.model.running)
        f = self.files
        f.running_changed.connect(self._count_transfers)
        f.offer_changed.connect(self._offer_changed)
        f.failed.connect(lambda what: self.messages.error(what, key="transfers"))
        self.bridge.files_offered.connect(self._files_offered)
        self.bridge.offer_failed.connect(self._offer_failed)
        bar = self.chat.offer_bar
        bar.set_folder(f.download_folder())
        bar.accept_all.connect(self._accept_all)
        bar.accept_some.connect(self._accept_some)
        bar.decline.connect(f.decline)
        bar.withdraw.connect(f.withdraw)
        bar.show_transfers.connect(self._show_transfers)
        self.chat.files_dropped.connect(self._dropped_on_chat)
        self.chat.send_files_requested.connect(self._send_files_clicked)
        self.table.files_dropped.connect(self.offer_files)

    # -- sending -----------------------------------------------------------------------------------
    def offer_files(
        self: MessengerPanel, keys: list[PeerKey], paths: list[str], text: str = ""
    ) -> int:
        """Offer ``paths`` (with ``text``) to each of ``keys``; returns the bridge's token."""
        keys = [k for k in keys if k != BROADCAST]
        if not keys or not paths:
            return 0
        token, self._next_offer_token = self._next_offer_token, self._next_offer_token + 1
        names = ", ".join(Path(p).name or p for p in paths)
        stored = (
            text + ("\n" if text else "") + self.tr("(files offered: {files})").format(files=names)
        )
        entries: dict[PeerKey, tuple[int, OfferView]] = {}
        files = offered_files(paths)
        for key in keys:
            view = OfferView(True, files, status=OfferStatus.OFFERING)
            entry_token = self.conversations.outgoing(key, text, False, offer=view, stored=stored)
            entries[key] = (entry_token, view)
        self._offer_tokens[token] = entries
        self.bridge.offer_files(token, keys, paths, text)
        return token

    def _recipients(self: MessengerPanel) -> list[PeerKey]:
        current = self.current_peer
        if current is None or current == BROADCAST:
            return []
        selected = self.selected_peers()
        return selected if len(selected) > 1 else [current]

    def _dropped_on_chat(self: MessengerPanel, paths: list[str]) -> None:
        keys = self._recipients()
        if not keys:
            self.messages.error(self.tr("Files go to people: choose someone in the list first."))
            return
        text = self.chat.input.toPlainText().replace("\r\n", "\n")
        self.chat.input.clear()
        self.offer_files(keys, paths, text)

    def _send_files_clicked(self: MessengerPanel, folder: bool) -> None:
        paths = self.choose_paths(self, folder)
        if paths:
            self._dropped_on_chat(paths)

    def peer_menu_chosen(self: MessengerPanel, peer: Peer, where: QPoint) -> None:
        """The roster's menu on ``peer``: send files or a folder, or the encoding."""
        keys = self.selected_peers()
        keys = keys if peer.key in keys else [peer.key]
        menu = peer_menu(self.table, self.encoding_of(peer.address), len(keys))
        chosen = menu.exec(where)
        if chosen is None:
            return
        data = str(chosen.data())
        if data in (SEND_FILES, SEND_FOLDER):
            paths = self.choose_paths(self, data == SEND_FOLDER)
            if paths:
                self.offer_files(keys, paths)
            return
        self.set_peer_encoding(peer.address, data or None)

    @Slot(int, object, int)
    def _files_offered(self: MessengerPanel, token: int, offer: Offer, message_id: int) -> None:
        entries = self._offer_tokens.get(token, {})
        found = entries.pop(offer.peer.key, None)
        if not entries:
            self._offer_tokens.pop(token, None)
        if found is not None:
            entry_token, view = found
            self.conversations.sent(entry_token, message_id)
            self.files.ours(view, offer)

    @Slot(int, object)
    def _offer_failed(self: MessengerPanel, token: int, why: Said) -> None:
        for entry_token, view in self._offer_tokens.pop(token, {}).values():
            self.conversations.not_sent(entry_token, why)
            self.files.not_offered(view, why)

    # -- receiving ---------------------------------------------------------------------------------
    def received_offer(self: MessengerPanel, message: MessageReceived) -> tuple[OfferView, str]:
        """A message with an offer: its view (auto-accepted if so set) and the history's text."""
        assert message.offer is not None
        view = self.files.received(message.offer)
        names = ", ".join(f.name for f in message.offer.files)
        stored = message.text + ("\n" if message.text else "")
        return view, stored + self.tr("(files offered: {files})").format(files=names)

    @Slot(object, str)
    def _accept_all(self: MessengerPanel, view: OfferView, folder: str) -> None:
        self.files.accept(view, [f.file_id for f in view.files], folder)

    @Slot(object, str)
    def _accept_some(self: MessengerPanel, view: OfferView, folder: str) -> None:
        if view.offer is None:
            return
        dialog = AcceptDialog(view.offer, folder, self)
        dialog.accepted.connect(
            lambda: self.files.accept(view, dialog.chosen(), dialog.folder.text().strip())
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    @Slot(object)
    def _offer_changed(self: MessengerPanel, view: OfferView) -> None:
        self.conversations.offer_changed(view)
        self.chat.refresh_offer()

    # -- the Transfers window ----------------------------------------------------------------------
    def open_transfers(self: MessengerPanel, *_args: object) -> TransfersWindow:
        """Show the Transfers window (made on first use)."""
        if self.transfers_window is None:
            self.transfers_window = TransfersWindow(self.files, parent=self)
        window = self.transfers_window
        window.show()
        window.activateWindow()
        return window

    def _show_transfers(self: MessengerPanel, view: OfferView) -> None:
        self.open_transfers().select(list(view.transfers))

    @Slot(int)
    def _count_transfers(self: MessengerPanel, running: int) -> None:
        label = self.tr("Transfers")
        self.transfers_button.setText(f"{label} ({running})" if running else label)
