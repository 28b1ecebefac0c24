"""A Messenger panel whose bridge records the file commands instead of reaching an engine.

The bridge is the real ``MessengerBridge`` (every signal the panel connects) with the file
commands of issue #13 overridden to record their arguments; round 2 drives the real engine.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from desktop.core.ipmsg.events import MessageReceived, Peer, PeerKey
from desktop.core.ipmsg.offers import Offer, OfferedFile
from desktop.core.ipmsg.transfer import Direction, Transfer, TransferState
from desktop.settings import Settings
from desktop.workers.messenger_bridge import MessengerBridge

BOB = Peer(PeerKey(("127.0.0.1", 2425), "bob", "bobs-pc"), nickname="鲍勃", file_attach=True)
CAROL = Peer(PeerKey(("127.0.0.2", 2425), "carol", "lab"), nickname="Carol", file_attach=True)


class RecordingBridge(MessengerBridge):
    """Records ``offer_files``, ``accept``, ``decline``… as (name, args) in ``calls``."""

    def __init__(self, io: Any) -> None:
        super().__init__(io)
        self.calls: list[tuple[str, tuple[Any, ...]]] = []

    def offer_files(self, token: int, keys: list[PeerKey], paths: list[str], text: str) -> None:
        self.calls.append(("offer_files", (token, keys, paths, text)))

    def accept(self, offer: Offer, file_ids: list[int], folder: str) -> None:
        self.calls.append(("accept", (offer, file_ids, folder)))

    def decline(self, offer: Offer) -> None:
        self.calls.append(("decline", (offer,)))

    def cancel_offer(self, offer: Offer) -> None:
        self.calls.append(("cancel_offer", (offer,)))

    def cancel_transfer(self, transfer_id: int) -> None:
        self.calls.append(("cancel_transfer", (transfer_id,)))

    def retry_transfer(self, transfer_id: int) -> None:
        self.calls.append(("retry_transfer", (transfer_id,)))

    def called(self, name: str) -> list[tuple[Any, ...]]:
        return [args for called, args in self.calls if called == name]


def settings_at(path: Path) -> Settings:
    return Settings(QSettings(str(path), QSettings.Format.IniFormat))


def offer_from(peer: Peer, packet_no: int = 7001) -> Offer:
    files = (
        OfferedFile(1, "报告.pdf", 1_572_864, 0),
        OfferedFile(2, "照片", 30_000_000, 0, is_folder=True),
        OfferedFile(3, "notes.txt", 12, 0),
    )
    return Offer(peer, packet_no, files)


def offer_message(peer: Peer, text: str = "给你文件", packet_no: int = 7001) -> MessageReceived:
    return MessageReceived(peer, packet_no, text, offer=offer_from(peer, packet_no))


def transfer(tid: int, state: TransferState, **more: Any) -> Transfer:
    fields: dict[str, Any] = {
        "transfer_id": tid,
        "direction": Direction.RECEIVE,
        "peer_label": BOB.label,
        "peer_address": BOB.address,
        "packet_no": 7001,
        "file_id": tid,
        "name": f"file{tid}.bin",
        "size": 1000,
        "state": state,
    }
    fields.update(more)
    return Transfer(**fields)
