"""Every conversation of the Messenger: messages in memory and in history, delivery, unread.

The panel says what happened (a message sent, received, acknowledged...); this keeps each
conversation's model, writes every message to the history as it happens, follows outgoing
messages from the panel's token to the node's id, counts unread messages per peer, and keeps
the list of recent conversations (``listing``) that outlives the peers' presence on the LAN.
"""

from __future__ import annotations

import datetime as _dt
import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot

from desktop.core.errors import StoreError
from desktop.core.ipmsg.events import MessageReceived, PeerKey, format_address
from desktop.core.store.chat_history import ChatHistory
from desktop.ui.messenger.chat_model import MAX_MESSAGES, ChatEntry, ChatModel, Delivery
from desktop.ui.messenger.conversation_list import ConversationListModel
from desktop.ui.sentences import Said, say

__all__ = ["BROADCAST", "Conversations", "parse_key"]

log = logging.getLogger("ui")

# The "Broadcast" conversation: messages sent to everyone, and broadcasts received.
BROADCAST = PeerKey(("", 0), "", "broadcast")  # no address: a key, never a destination


def _without_address(label: str, key: PeerKey) -> str:
    suffix = f" ({format_address(key.address)})"
    return label[: -len(suffix)] if label.endswith(suffix) else label


def parse_key(text: str) -> PeerKey | None:
    """The ``PeerKey`` whose ``str()`` is ``text`` (as the history stores it), or None."""
    names, _, address = text.rpartition(" ") if " " in text else ("", "", text)
    host_part, _, port = address.rpartition(":")
    if not port.isdigit():
        return None
    user, at, host = names.rpartition("@")
    if names and not at:
        return None
    return PeerKey((host_part, int(port)), user, host)


class Conversations(QObject):
    """The conversations, their history and their unread counts.

    Args:
        history: where every message is written; None keeps them in memory only.
        me: gives the name shown on our own messages (it may change between messages).
        online: says whether a peer is on the network now (for the list of conversations).

    Signals:
        unread_changed(int): the total of unread messages changed.
        history_failed(str): the history could not be read or written (a sentence).
    """

    unread_changed = Signal(int)
    history_failed = Signal(str)

    def __init__(
        self,
        history: ChatHistory | None,
        me: Callable[[], str],
        online: Callable[[PeerKey], bool] = lambda _key: True,
    ) -> None:
        super().__init__()
        self.history = history
        self._me = me
        self._online = online
        self.listing = ConversationListModel()
        self._chats: dict[PeerKey, ChatModel] = {}
        self.names: dict[PeerKey, str] = {}
        self._unread: dict[PeerKey, int] = {}
        self._by_token: dict[int, ChatModel] = {}
        self._by_id: dict[int, ChatModel] = {}
        self._row_by_token: dict[int, int] = {}
        self._row_by_id: dict[int, int] = {}
        self._next_token = 1
        # Conversations the user closed (key text → when, ns): not listed again at the next
        # start unless a message came after the close.
        self.closed: dict[str, int] = {}

    # -- models -----------------------------------------------------------------------------------
    def model(self, key: PeerKey) -> ChatModel:
        """The conversation with ``key`` (created with its history, if any)."""
        model = self._chats.get(key)
        if model is None:
            model = ChatModel()
            self._chats[key] = model
            self._load_history(key, model)
        return model

    def __len__(self) -> int:
        """How many conversations are open in memory."""
        return len(self._chats)

    def has(self, key: PeerKey) -> bool:
        """A conversation with ``key`` is open in memory."""
        return key in self._chats

    def key_of(self, text: str) -> PeerKey | None:
        """The conversation whose key reads ``text`` (a history row's peer)."""
        for key in self._chats:
            if str(key) == text:
                return key
        return parse_key(text)

    def online(self, key: PeerKey) -> bool:
        """``key`` is on the network now (the Broadcast conversation always is)."""
        return key == BROADCAST or self._online(key)

    def restore_recent(self, limit: int = 30) -> None:
        """List the latest conversations of the history (at start: nobody is online yet)."""
        if self.history is None:
            return
        try:
            recent = self.history.recent(limit)
        except StoreError as error:
            self._failed(error)
            return
        for stored in reversed(recent):  # the newest ends on top
            key = parse_key(stored.peer)
            if key is None or self.listing.row_of(key) is not None:
                continue
            if stored.t_ns <= self.closed.get(stored.peer, -1):
                continue  # closed by the user, nothing new since
            name = self.tr("Broadcast") if key == BROADCAST else stored.peer_name
            self.names.setdefault(key, name)
            when = _dt.datetime.fromtimestamp(stored.t_ns / 1e9)
            preview = self.tr("Sealed message") if stored.sealed else stored.text
            short = _without_address(name, key)
            self.listing.touch(key, short, when, preview, key == BROADCAST)

    def close(self, key: PeerKey) -> None:
        """Stop listing ``key``'s conversation and free its messages (the history keeps them);
        it stays closed (``closed``) until a new message comes."""
        self.closed[str(key)] = time.time_ns()
        self.listing.remove(key)
        self._chats.pop(key, None)
        if self._unread.pop(key, 0):
            self.unread_changed.emit(self.total_unread)

    def name(self, key: PeerKey) -> str:
        """The name a conversation is shown under."""
        if key == BROADCAST:
            return self.tr("Broadcast")
        return self.names.get(key, str(key))

    def short_name(self, key: PeerKey) -> str:
        """The name without the address that ``name()`` carries: ``鲍勃``."""
        return _without_address(self.name(key), key)

    # -- unread -----------------------------------------------------------------------------------
    def unread(self, key: PeerKey) -> int:
        """Unread messages from ``key``."""
        return self._unread.get(key, 0)

    @property
    def total_unread(self) -> int:
        """Unread messages of every conversation."""
        return sum(self._unread.values())

    def seen(self, key: PeerKey) -> bool:
        """The user looked at ``key``'s conversation; True if it had unread messages.

        The "new messages" marker goes above the first of them.
        """
        unread = self._unread.pop(key, 0)
        if not unread:
            return False
        model = self._chats.get(key)
        if model is not None:
            model.mark_unread(unread)
        self.listing.set_unread(key, 0)
        self.unread_changed.emit(self.total_unread)
        return True

    def opened(self, key: PeerKey) -> ChatModel:
        """The user opens ``key``'s conversation: its model, marked where the unread begin."""
        model = self.model(key)
        if not self._unread.get(key):
            model.set_marker(None)
        self.seen(key)
        return model

    # -- outgoing ---------------------------------------------------------------------------------
    def outgoing(
        self, key: PeerKey, text: str, sealed: bool, offer: object = None, stored: str = ""
    ) -> int:
        """Add a message we are sending to ``key``; returns its token.

        ``offer``: the files offered with it (an ``OfferView``); ``stored``: the text the
        history keeps instead of ``text`` (the files' names with it).
        """
        token, self._next_token = self._next_token, self._next_token + 1
        entry = ChatEntry(True, self._me(), text, sealed=sealed, state=Delivery.SENDING)
        entry.token, entry.offer = token, offer
        self.model(key).append(entry)
        self._by_token[token] = self.model(key)
        row_id = self._record(
            key, name=self.name(key), direction="out", text=stored or text, sealed=sealed,
            state=Delivery.SENDING,
        )  # fmt: skip
        entry.history_id = row_id
        if row_id is not None:
            self._row_by_token[token] = row_id
        self.listing.touch(key, self.short_name(key), entry.when, text, self.online(key))
        return token

    @Slot(int, int)
    def sent(self, token: int, message_id: int) -> None:
        """The node accepted message ``token`` as ``message_id``."""
        model = self._by_token.pop(token, None)
        if model is not None:
            model.set_id(token, message_id)
            self._by_id[message_id] = model
        row_id = self._row_by_token.pop(token, None)
        if row_id is not None:
            self._row_by_id[message_id] = row_id

    @Slot(int, object)
    def not_sent(self, token: int, why: Said) -> None:
        """Message ``token`` could not be sent at all."""
        reason = say(why)
        model = self._by_token.pop(token, None)
        if model is not None:
            model.set_state(Delivery.FAILED, reason, message_id=None, token=token)
        self._record_state(self._row_by_token.pop(token, None), Delivery.FAILED, reason)

    @Slot(int, int)
    def broadcast_sent(self, token: int, count: int) -> None:
        """Broadcast ``token`` went to ``count`` peers (nobody acknowledges a broadcast)."""
        model = self._by_token.pop(token, None)
        reason = self.tr("sent to %n user(s)", "", count)
        state = Delivery.SENT if count else Delivery.FAILED
        if not count:
            reason = self.tr("nobody is in the list")
        if model is not None:
            model.set_state(state, reason, message_id=None, token=token)
        self._record_state(self._row_by_token.pop(token, None), state, reason)

    @Slot(int)
    def delivered(self, message_id: int) -> None:
        """The peer acknowledged ``message_id``."""
        model = self._by_id.get(message_id)
        if model is None:
            return
        model.set_state(Delivery.DELIVERED, message_id=message_id)
        entry = model.find(message_id)
        if entry is not None and entry.state is Delivery.DELIVERED:  # not a late ack after read
            self._record_state(self._row_by_id.get(message_id), Delivery.DELIVERED)
        if entry is None or not entry.sealed:  # only a sealed one still waits (read receipt)
            del self._by_id[message_id]
            self._row_by_id.pop(message_id, None)

    @Slot(int, object)
    def failed(self, message_id: int, why: Said) -> None:
        """``message_id`` was not delivered."""
        reason = say(why)
        model = self._by_id.pop(message_id, None)
        if model is not None:
            model.set_state(Delivery.FAILED, reason, message_id=message_id)
        self._record_state(self._row_by_id.pop(message_id, None), Delivery.FAILED, reason)

    @Slot(int)
    def read(self, message_id: int) -> None:
        """The peer opened sealed message ``message_id``."""
        model = self._by_id.pop(message_id, None)
        if model is not None:
            model.set_state(Delivery.READ, message_id=message_id)
        self._record_state(self._row_by_id.pop(message_id, None), Delivery.READ)

    # -- incoming ---------------------------------------------------------------------------------
    def received(
        self,
        message: MessageReceived,
        text: str,
        attended: bool,
        offer: object = None,
        stored: str = "",
    ) -> PeerKey:
        """Store and show a received message; returns the conversation it went to.

        ``attended``: the user is looking at that conversation now (not counted unread).
        ``offer``: the files offered with it (an ``OfferView``); ``stored``: the text the
        history keeps instead of ``text``.
        """
        key = BROADCAST if message.broadcast else message.peer.key
        self.names[message.peer.key] = message.peer.label
        model = self.model(key)  # loads the history before this message is stored
        row_id = self._record(
            key, name=message.peer.label, direction="in", text=stored or text,
            sealed=message.sealed,
            state=Delivery.RECEIVED, message_key=str(message.packet_no),
        )  # fmt: skip
        entry = ChatEntry(
            False,
            message.peer.name,
            text,
            sealed=message.sealed,
            packet_no=message.packet_no,
            history_id=row_id,
            offer=offer,
        )
        model.append(entry)
        preview = self.tr("Sealed message") if message.sealed else (stored or text)
        self.listing.touch(key, self.short_name(key), entry.when, preview, self.online(key))
        if not attended:
            self._unread[key] = self._unread.get(key, 0) + 1
            self.listing.set_unread(key, self._unread[key])
            self.unread_changed.emit(self.total_unread)
        return key

    def note(self, key: PeerKey, text: str) -> None:
        """A line from nobody (a peer left...) in ``key``'s conversation, if it is open."""
        if key in self._chats:
            self._chats[key].append(ChatEntry(False, "—", text, note=True))

    # -- history ----------------------------------------------------------------------------------
    def _load_history(self, key: PeerKey, model: ChatModel) -> None:
        if self.history is None:
            return
        try:
            stored = self.history.conversation(str(key), MAX_MESSAGES)
        except StoreError as error:
            self._failed(error)
            return
        me = self._me()
        for item in stored:
            outgoing = item.direction == "out"
            if not outgoing:
                self.names.setdefault(key, item.peer_name)
            try:
                state = Delivery(item.state)
            except ValueError:
                state = Delivery.RECEIVED
            model.append(
                ChatEntry(
                    outgoing,
                    me if outgoing else _without_address(item.peer_name, key),
                    item.text,
                    when=_dt.datetime.fromtimestamp(item.t_ns / 1e9),
                    sealed=item.sealed,
                    state=state,
                    reason=item.reason or "",
                    opened=True,  # its read receipt belongs to an earlier session
                    history_id=item.id,
                )
            )

    def _record(
        self,
        key: PeerKey,
        *,
        name: str,
        direction: str,
        text: str,
        sealed: bool,
        state: Delivery,
        message_key: str | None = None,
    ) -> int | None:
        if self.history is None:
            return None
        try:
            return self.history.add(
                str(key), name, direction, text, sealed, state.value, time.time_ns(), message_key
            )
        except StoreError as error:
            self._failed(error)
            return None

    def _record_state(self, row_id: int | None, state: Delivery, reason: str = "") -> None:
        if self.history is None or row_id is None:
            return
        try:
            self.history.set_state(row_id, state.value, reason or None)
        except StoreError as error:
            self._failed(error)

    def _failed(self, error: StoreError) -> None:
        log.error("chat history: %s", error)
        self.history_failed.emit(say(error))

    def offer_changed(self, offer: object) -> None:
        """Repaint the message that carries ``offer`` (an ``OfferView``), wherever it is."""
        for model in self._chats.values():
            if model.offer_changed(offer):
                return
