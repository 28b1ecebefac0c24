"""The Messenger bridge's file half (issue #13): file commands, offers, the transfers' batches.

``FileBridge`` is the base of ``MessengerBridge`` (``messenger_bridge.py``): it holds the
running engine, the ``notice`` signal both halves use, and everything about files. As there,
public methods are called from the GUI thread and only post work to the loop; methods starting
with ``_`` run on the loop thread. Its sentences keep the translation context
``MessengerBridge``, the class users know them from.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, Signal

from desktop.core.errors import SocketDeskError
from desktop.core.ipmsg.events import PeerKey
from desktop.core.ipmsg.offers import Offer
from desktop.core.ipmsg.transfer import Transfer
from desktop.core.ipmsg_io.engine import MessengerEngine
from desktop.workers.batcher import Batcher
from desktop.workers.loop_thread import EventLoopThread

__all__ = ["FileBridge", "FileService"]


class FileService(Protocol):
    """What the engine's ``files`` (``core/ipmsg_io/file_service.py``) does for the bridge, on
    the loop thread."""

    def offer(
        self, keys: Sequence[PeerKey], paths: Sequence[str], text: str
    ) -> list[tuple[Offer, int]]:
        """Offer ``paths`` to each of ``keys``; per peer, our ``Offer`` and the message id."""

    def accept(self, offer: Offer, file_ids: Sequence[int], folder: Path) -> list[int]:
        """Download these files of ``offer`` into ``folder``; the new transfer ids."""

    def decline(self, offer: Offer) -> None:
        """Refuse a received offer (RELEASEFILES to its sender)."""

    def release(self, offer: Offer) -> None:
        """Withdraw our offer (RELEASEFILES to its recipient; the server refuses it after)."""

    def cancel(self, transfer_id: int) -> None:
        """Stop a transfer (it ends CANCELLED)."""

    def retry(self, transfer_id: int) -> None:
        """Start a failed or cancelled download again (resuming where it can)."""


class FileBridge(QObject):
    """The engine a bridge runs, and its file commands and transfer batches.

    Signals:
        notice(object): a sentence for the user (a ``Sentence``, a ``SocketDeskError``, or a
            ``str`` already translated); the UI shows it with ``say()``.
        transfers_changed(list): a batch of ``Transfer`` snapshots (the newest per id).
        files_offered(int, Offer, int): the caller's token, our offer to one peer, its message
            id.
        offer_failed(int, object): the caller's token and why nothing was offered.
        offer_released(Peer, int): a peer withdrew its offer (packet number) or declined ours.
    """

    notice = Signal(object)
    transfers_changed = Signal(list)
    files_offered = Signal(int, object, int)
    offer_failed = Signal(int, object)
    offer_released = Signal(object, int)

    def __init__(self, io: EventLoopThread) -> None:
        super().__init__()
        self._io = io
        self._engine: MessengerEngine | None = None  # loop thread only
        self._offer_tokens: dict[int, int] = {}  # message id -> token, offers not sent yet
        self._transfers: Batcher[tuple[Transfer]] | None = None  # loop thread only
        self.transfers_changed.connect(self._transfers_shown)

    def _running(self) -> MessengerEngine | None:
        engine = self._engine
        return engine if engine is not None and engine.running else None

    def offer_files(self, token: int, keys: list[PeerKey], paths: list[str], text: str) -> None:
        """Offer files and folders (with ``text``) to each peer; ``files_offered`` per peer, or
        ``offer_failed``, carries ``token`` back."""
        self._io.call(self._offer_files, token, list(keys), list(paths), text)

    def accept(self, offer: Offer, file_ids: list[int], folder: str) -> None:
        """Download these files of ``offer`` into ``folder``; progress in ``transfers_changed``."""
        self._io.call(self._with_files, "accept", offer, list(file_ids), Path(folder))

    def decline(self, offer: Offer) -> None:
        """Refuse ``offer`` (RELEASEFILES to its sender)."""
        self._io.call(self._with_files, "decline", offer)

    def cancel_offer(self, offer: Offer) -> None:
        """Withdraw our ``offer`` (RELEASEFILES to the peer)."""
        self._io.call(self._with_files, "release", offer)

    def cancel_transfer(self, transfer_id: int) -> None:
        """Stop a transfer."""
        self._io.call(self._with_files, "cancel", transfer_id)

    def retry_transfer(self, transfer_id: int) -> None:
        """Start a failed or cancelled download again."""
        self._io.call(self._with_files, "retry", transfer_id)

    def on_transfers(self, batch: list[Transfer]) -> None:
        """The engine's files publish a batch (loop thread): batched again for the GUI (at
        most ~60 batches a second, the next only once the GUI took the last)."""
        if self._transfers is None:
            self._transfers = Batcher(asyncio.get_running_loop(), self._emit_transfers)
        self._transfers.extend([(t,) for t in batch], len(batch))

    def _emit_transfers(self, items: list[tuple[Transfer]]) -> None:
        newest = {t.transfer_id: t for (t,) in items}
        self.transfers_changed.emit(list(newest.values()))

    def _transfers_shown(self, _batch: list[Transfer]) -> None:
        """GUI thread: the batch was delivered; the next may go."""
        self._io.call(self._ack_transfers)

    def _ack_transfers(self) -> None:
        if self._transfers is not None:
            self._transfers.ack()

    def _files(self) -> FileService | None:
        engine = self._running()
        files: FileService | None = engine.files if engine is not None else None
        if files is None:
            self.notice.emit(
                QCoreApplication.translate(
                    "MessengerBridge",
                    "Files cannot be sent or received: the messenger is not running.",
                )
            )
        return files

    def _offer_files(self, token: int, keys: list[PeerKey], paths: list[str], text: str) -> None:
        files = self._files()
        if files is None:
            self.offer_failed.emit(
                token,
                QCoreApplication.translate("MessengerBridge", "The messenger is not running."),
            )
            return
        try:
            offered = files.offer(keys, paths, text)
        except SocketDeskError as error:
            self.offer_failed.emit(token, error)
            return
        for offer, message_id in offered:
            if offer.packet_no:
                self.files_offered.emit(token, offer, message_id)
            else:  # waiting its turn: ``files_offered`` when it leaves (``on_event``)
                self._offer_tokens[message_id] = token

    def _with_files(self, command: str, *args: object) -> None:
        files = self._files()
        if files is None:
            return
        try:
            getattr(files, command)(*args)
        except SocketDeskError as error:
            self.notice.emit(error)
