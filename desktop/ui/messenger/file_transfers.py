"""The Messenger's files: the transfers list, the offers shown in conversations, auto-accept.

Batches of ``Transfer`` from the bridge go to the store (throttled there) and to the model,
and each offer shown in a conversation learns its transfers' progress from them. Commands
(accept, decline, cancel…) go to the bridge.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot

from desktop.core.errors import StoreError
from desktop.core.ipmsg.events import Address, Peer
from desktop.core.ipmsg.offers import Offer
from desktop.core.ipmsg.transfer import Transfer
from desktop.core.store.transfers import TransferStore
from desktop.settings import Settings
from desktop.ui.messenger.offer_view import OfferStatus, OfferView
from desktop.ui.messenger.transfer_model import TransferModel
from desktop.ui.sentences import Said, say
from desktop.workers.messenger_bridge import MessengerBridge

__all__ = ["FileTransfers", "auto_accept_peers"]

log = logging.getLogger("ui")

# Offers followed for their transfers: far more than a conversation shows, bounded so a peer
# offering without end cannot grow the GUI's memory (the oldest are forgotten first).
MAX_OFFERS = 1000


def auto_accept_peers(settings: Settings) -> set[str]:
    """The ``user@host`` of the peers whose offers are accepted without asking."""
    try:
        listed = json.loads(settings.get(Settings.AUTO_ACCEPT_PEERS))
    except ValueError:
        return set()
    return {str(item) for item in listed} if isinstance(listed, list) else set()


class FileTransfers(QObject):
    """The transfers model and store, the offers in conversations, auto-accept.

    Args:
        bridge: where commands go and transfers come from.
        store: where the list is kept (None: in memory only).
        settings: download folder and auto-accept (None: defaults).

    Signals:
        offer_changed(OfferView): an offer's status or transfers changed (repaint its message).
        running_changed(int): how many transfers are waiting or running.
        failed(str): the store failed (a sentence in the interface language).
    """

    offer_changed = Signal(object)
    running_changed = Signal(int)
    failed = Signal(str)

    def __init__(
        self,
        bridge: MessengerBridge,
        store: TransferStore | None = None,
        settings: Settings | None = None,
    ) -> None:
        super().__init__()
        self.bridge = bridge
        self.store = store
        self.settings = settings or Settings()
        self.model = TransferModel()
        self._offers: dict[tuple[Address, int], OfferView] = {}
        self._running = 0
        self._ids_seen: set[int] = set()  # this run's ids (a restarted engine numbers above)
        if store is not None:
            self._guard(lambda: self.model.apply(reversed(store.load())))
        bridge.transfers_changed.connect(self.apply)
        bridge.offer_released.connect(self._released)

    # -- transfers ---------------------------------------------------------------------------------
    @Slot(list)
    def apply(self, batch: list[Transfer]) -> None:
        """A batch of snapshots: store, list, and tell the offers they belong to."""
        store = self.store
        if store is not None:
            self._guard(lambda: store.save_all(batch))
        self.model.apply(batch)
        self._ids_seen.update(t.transfer_id for t in batch)
        touched: dict[int, OfferView] = {}
        for transfer in batch:
            view = self._offers.get((transfer.peer_address, transfer.packet_no))
            if view is not None:
                view.transfers[transfer.transfer_id] = transfer
                touched[id(view)] = view
        for view in touched.values():
            self.offer_changed.emit(view)
        running = self.model.running
        if running != self._running:
            self._running = running
            self.running_changed.emit(running)

    def next_transfer_id(self) -> int:
        """The first id the engine may give a new transfer: above every stored or listed one."""
        listed = max(self._ids_seen, default=0) + 1
        store = self.store
        if store is None:
            return listed
        stored = [listed]
        self._guard(lambda: stored.append(store.next_id()))
        return max(stored)

    def cancel(self, transfer_id: int) -> None:
        """Stop a transfer."""
        self.bridge.cancel_transfer(transfer_id)

    def retry(self, transfer_id: int) -> None:
        """Start a failed or cancelled transfer again."""
        self.bridge.retry_transfer(transfer_id)

    def remove(self, transfer_id: int) -> None:
        """Take a finished transfer off the list (and the store)."""
        row = self.model.row_of(transfer_id)
        transfer = None if row is None else self.model.transfer(row)
        if transfer is None or not transfer.state.finished:
            return
        self.model.remove(transfer_id)
        store = self.store
        if store is not None:
            self._guard(lambda: store.delete(transfer_id))

    def clear_finished(self) -> None:
        """Take every finished transfer off the list."""
        self.model.clear_finished()
        store = self.store
        if store is not None:
            self._guard(store.clear_finished)

    # -- offers ------------------------------------------------------------------------------------
    def received(self, offer: Offer) -> OfferView:
        """A peer offered files: its view, accepted at once when auto-accept says so."""
        view = OfferView(False, offer.files, offer)
        self._follow(view, offer)
        folder = self.auto_folder(offer.peer)
        if folder is not None:
            self.accept(view, [f.file_id for f in offer.files], folder)
        return view

    def ours(self, view: OfferView, offer: Offer) -> None:
        """The node sent our offer ``view`` as ``offer``."""
        view.offer, view.files, view.status = offer, offer.files, OfferStatus.OFFERED
        self._follow(view, offer)
        self.offer_changed.emit(view)

    def not_offered(self, view: OfferView, why: Said) -> None:
        """Our offer could not be sent."""
        view.status, view.reason = OfferStatus.NOT_SENT, why
        self.offer_changed.emit(view)

    def download_folder(self) -> str:
        """Where accepted files go unless the user chooses another folder."""
        return self.settings.get(Settings.DOWNLOAD_FOLDER) or Settings.DOWNLOAD_FOLDER.default

    def auto_folder(self, peer: Peer) -> str | None:
        """The folder to accept ``peer``'s offers into without asking, or None (ask)."""
        if not self.settings.get(Settings.AUTO_ACCEPT) or not peer.user_at_host:
            return None
        if peer.user_at_host not in auto_accept_peers(self.settings):
            return None
        return self.settings.get(Settings.AUTO_ACCEPT_FOLDER) or self.download_folder()

    def accept(self, view: OfferView, file_ids: list[int], folder: str) -> None:
        """Download these files of a received offer into ``folder``."""
        if view.offer is None or view.outgoing or not file_ids:
            return
        view.status, view.folder = OfferStatus.ACCEPTED, folder
        self.bridge.accept(view.offer, file_ids, folder)
        self.offer_changed.emit(view)

    def decline(self, view: OfferView) -> None:
        """Refuse a received offer."""
        if view.offer is None or view.outgoing:
            return
        view.status = OfferStatus.DECLINED
        self.bridge.decline(view.offer)
        self.offer_changed.emit(view)

    def withdraw(self, view: OfferView) -> None:
        """Cancel our offer (the peer is told; what it has not fetched it cannot fetch)."""
        if view.offer is None or not view.outgoing:
            return
        view.status = OfferStatus.WITHDRAWN
        self.bridge.cancel_offer(view.offer)
        self.offer_changed.emit(view)

    @Slot(object, int)
    def _released(self, peer: Peer, packet_no: int) -> None:
        view = self._offers.get((peer.address, packet_no))
        if view is None:
            return
        if not view.outgoing and view.status is OfferStatus.PENDING:
            view.status = OfferStatus.RELEASED
        elif view.outgoing and view.status is OfferStatus.OFFERED and not view.transfers:
            view.status = OfferStatus.DECLINED  # the peer declined ours
        self.offer_changed.emit(view)

    def _follow(self, view: OfferView, offer: Offer) -> None:
        self._offers[(offer.peer.address, offer.packet_no)] = view
        while len(self._offers) > MAX_OFFERS:
            del self._offers[next(iter(self._offers))]

    def _guard(self, work: Callable[[], object]) -> None:
        try:
            work()
        except StoreError as error:
            log.error("transfers: %s", error)
            self.failed.emit(say(error))
