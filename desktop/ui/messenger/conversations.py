"""Every conversation of the Messenger: messages in memory and in history, delivery, unread.

The panel says what happened (a message sent, received, acknowledged...); this keeps each
conversation's model, writes every message to the history as it happens, follows outgoing
messages from the panel's token to the node's id, and counts unread messages per peer.
"""

from __future__ import annotations

import datetime as _dt
import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot

from desktop.core.errors import StoreError
from desktop.core.ipmsg.events import MessageReceived, PeerKey
from desktop.core.store.chat_history import ChatHistory
from desktop.ui.messenger.chat_view import MAX_MESSAGES, ChatEntry, ChatModel, Delivery
from desktop.ui.sentences import Said, say

__all__ = ["BROADCAST", "Conversations"]

log = logging.getLogger("ui")

# The "Broadcast" conversation: messages sent to everyone, and broadcasts received.
BROADCAST = PeerKey(("", 0), "", "broadcast")  # no address: a key, never a destination


class Conversations(QObject):
    """The conversations, their history and their unread counts.

    Args:
        history: where every message is written; None keeps them in memory only.
        me: gives the name shown on our own messages (it may change between messages).

    Signals:
        unread_changed(int): the total of unread messages changed.
        history_failed(str): the history could not be read or written (a sentence).
    """

    unread_changed = Signal(int)
    history_failed = Signal(str)

    def __init__(self, history: ChatHistory | None, me: Callable[[], str]) -> None:
        super().__init__()
        self.history = history
        self._me = me
        self._chats: dict[PeerKey, ChatModel] = {}
        self.names: dict[PeerKey, str] = {}
        self._unread: dict[PeerKey, int] = {}
        self._by_token: dict[int, ChatModel] = {}
        self._by_id: dict[int, ChatModel] = {}
        self._row_by_token: dict[int, int] = {}
        self._row_by_id: dict[int, int] = {}
        self._next_token = 1

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

    def name(self, key: PeerKey) -> str:
        """The name a conversation is shown under."""
        if key == BROADCAST:
            return self.tr("Broadcast")
        return self.names.get(key, str(key))

    # -- unread -----------------------------------------------------------------------------------
    def unread(self, key: PeerKey) -> int:
        """Unread messages from ``key``."""
        return self._unread.get(key, 0)

    @property
    def total_unread(self) -> int:
        """Unread messages of every conversation."""
        return sum(self._unread.values())

    def seen(self, key: PeerKey) -> bool:
        """The user looked at ``key``'s conversation; True if it had unread messages."""
        if self._unread.pop(key, 0):
            self.unread_changed.emit(self.total_unread)
            return True
        return False

    # -- outgoing ---------------------------------------------------------------------------------
    def outgoing(self, key: PeerKey, text: str, sealed: bool) -> int:
        """Add a message we are sending to ``key``; returns its token."""
        token, self._next_token = self._next_token, self._next_token + 1
        entry = ChatEntry(True, self._me(), text, sealed=sealed, state=Delivery.SENDING)
        entry.token = token
        self.model(key).append(entry)
        self._by_token[token] = self.model(key)
        row_id = self._record(
            key, name=self.name(key), direction="out", text=text, sealed=sealed,
            state=Delivery.SENDING,
        )  # fmt: skip
        if row_id is not None:
            self._row_by_token[token] = row_id
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
    def received(self, message: MessageReceived, text: str, attended: bool) -> PeerKey:
        """Store and show a received message; returns the conversation it went to.

        ``attended``: the user is looking at that conversation now (not counted unread).
        """
        key = BROADCAST if message.broadcast else message.peer.key
        self.names.setdefault(message.peer.key, message.peer.label)
        model = self.model(key)  # loads the history before this message is stored
        self._record(
            key, name=message.peer.label, direction="in", text=text, sealed=message.sealed,
            state=Delivery.RECEIVED, message_key=str(message.packet_no),
        )  # fmt: skip
        model.append(
            ChatEntry(
                False,
                message.peer.name,
                text,
                sealed=message.sealed,
                packet_no=message.packet_no,
            )
        )
        if not attended:
            self._unread[key] = self._unread.get(key, 0) + 1
            self.unread_changed.emit(self.total_unread)
        return key

    def note(self, key: PeerKey, text: str) -> None:
        """A line from nobody (a peer left...) in ``key``'s conversation, if it is open."""
        if key in self._chats:
            self._chats[key].append(ChatEntry(False, "—", text))

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
            try:
                state = Delivery(item.state)
            except ValueError:
                state = Delivery.RECEIVED
            model.append(
                ChatEntry(
                    outgoing,
                    me if outgoing else item.peer_name,
                    item.text,
                    when=_dt.datetime.fromtimestamp(item.t_ns / 1e9),
                    sealed=item.sealed,
                    state=state,
                    reason=item.reason or "",
                    opened=True,  # its read receipt belongs to an earlier session
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
