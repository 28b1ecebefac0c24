"""An offer of files as a conversation shows it: its files, what the user chose, its transfers.

One ``OfferView`` hangs on the chat message that carried the offer (ours or a peer's). Its
transfers are matched by the peer's address and the offer's packet number, so the message reads
"downloading 40 %", "done", "declined"… as the transfers list does.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QLocale

from desktop.core.ipmsg.events import Address
from desktop.core.ipmsg.offers import Offer, OfferedFile
from desktop.core.ipmsg.transfer import Transfer, TransferState
from desktop.ui.messenger.transfer_model import format_size, state_text
from desktop.ui.sentences import Said, say

__all__ = ["OfferStatus", "OfferView"]

_CONTEXT = "OfferView"


class OfferStatus(enum.Enum):
    """What was decided about an offer (its transfers say the rest)."""

    PENDING = "pending"  # received: waiting for the user's answer
    ACCEPTED = "accepted"  # received: some or all files asked for
    DECLINED = "declined"  # received: the user declined (RELEASEFILES sent)
    RELEASED = "released"  # received: the sender withdrew it (or it expired)
    OFFERING = "offering"  # ours: handed to the node, no packet number yet
    OFFERED = "offered"  # ours: sent; the peer may fetch
    WITHDRAWN = "withdrawn"  # ours: we cancelled it (RELEASEFILES sent)
    NOT_SENT = "not_sent"  # ours: the node could not send it


@dataclass(eq=False)
class OfferView:
    """One offer shown in a conversation (mutable: its status and transfers change).

    Attributes:
        outgoing: we offered these files.
        files: the files as the offer lists them (ours: from the chosen paths until sent).
        offer: the offer itself (None for ours until the node sent it).
        status: see ``OfferStatus``.
        folder: where accepted files go.
        transfers: the latest snapshot of each of its transfers, by id.
        reason: why ours could not be sent.
    """

    outgoing: bool
    files: tuple[OfferedFile, ...]
    offer: Offer | None = None
    status: OfferStatus = OfferStatus.PENDING
    folder: str = ""
    transfers: dict[int, Transfer] = field(default_factory=dict)
    reason: Said = ""

    @property
    def key(self) -> tuple[Address, int] | None:
        """(peer address, packet number): what its transfers carry."""
        if self.offer is None:
            return None
        return self.offer.peer.address, self.offer.packet_no

    @property
    def actionable(self) -> bool:
        """Buttons apply: a received offer not answered yet, or ours while it may be fetched."""
        if self.outgoing:
            return self.status is OfferStatus.OFFERED and not self.finished
        return self.status is OfferStatus.PENDING

    @property
    def live(self) -> bool:
        """Still worth a strip under the conversation: actionable, accepted, or moving."""
        if self.actionable or (self.transfers and not self.finished):
            return True
        return self.status is OfferStatus.ACCEPTED and not self.transfers

    @property
    def finished(self) -> bool:
        """Every transfer of it finished (False before any)."""
        return bool(self.transfers) and all(t.state.finished for t in self.transfers.values())

    def file_lines(self) -> list[str]:
        """``📄 报告.pdf — 1.2 MiB``, ``📁 照片/ — 30 MiB`` per file."""
        lines = []
        for f in self.files:
            size = format_size(f.size) if f.size > 0 or not f.is_folder else ""
            name = f"📁 {f.name}/" if f.is_folder else f"📄 {f.name}"
            lines.append(f"{name} — {size}" if size else name)
        return lines

    def state_line(self) -> str:
        """Where the offer stands, in words."""
        if self.transfers:
            return self._transfers_line()
        return {
            OfferStatus.PENDING: lambda: QCoreApplication.translate(
                "OfferView", "Accept or decline it in the bar under the messages"
            ),
            OfferStatus.ACCEPTED: lambda: QCoreApplication.translate(
                "OfferView", "accepted into {folder}: waiting"
            ).format(folder=self.folder),
            OfferStatus.DECLINED: lambda: QCoreApplication.translate("OfferView", "declined"),
            OfferStatus.RELEASED: lambda: QCoreApplication.translate(
                "OfferView", "withdrawn by the sender or expired"
            ),
            OfferStatus.OFFERING: lambda: QCoreApplication.translate("OfferView", "offering…"),
            OfferStatus.OFFERED: lambda: QCoreApplication.translate(
                "OfferView", "waiting for the peer to download"
            ),
            OfferStatus.WITHDRAWN: lambda: QCoreApplication.translate(
                "OfferView", "offer cancelled"
            ),
            OfferStatus.NOT_SENT: lambda: QCoreApplication.translate(
                "OfferView", "not offered: {reason}"
            ).format(reason=say(self.reason)),
        }[self.status]()

    def _transfers_line(self) -> str:
        items = list(self.transfers.values())
        live = [t for t in items if not t.state.finished]
        if live and all(t.state is TransferState.WAITING for t in live):
            if self.outgoing:  # our rows wait for the peer's request: nothing moves yet
                return QCoreApplication.translate("OfferView", "waiting for the peer to download")
            return QCoreApplication.translate(
                "OfferView", "accepted into {folder}: waiting"
            ).format(folder=self.folder)
        if live:
            size = sum(t.size for t in items)
            done = sum(t.done for t in items)
            if size > 0:
                share = QLocale().toString(min(100, done * 100 // size))
                return QCoreApplication.translate("OfferView", "downloading {percent} %").format(
                    percent=share
                )
            return QCoreApplication.translate("OfferView", "downloading")
        if all(t.state is TransferState.DONE for t in items):
            return QCoreApplication.translate("OfferView", "done")
        worst = next(t for t in items if t.state is not TransferState.DONE)
        return state_text(worst)  # failed: reason, cancelled, declined, expired

    def text(self) -> str:
        """The lines shown under the message: files, then the state."""
        return "\n".join([*self.file_lines(), "➜ " + self.state_line()])
