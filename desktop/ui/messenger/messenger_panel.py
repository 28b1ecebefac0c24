"""The Messenger workspace: identity and network, status, the roster, and the conversation."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelection, QPoint, Qt, Signal, Slot
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from desktop.core.ipmsg.events import (
    Address,
    InfoReceived,
    MessageReceived,
    Notice,
    NoticeCause,
    Peer,
    PeerKey,
)
from desktop.core.ipmsg.node_settings import NodeSettings
from desktop.core.net.interfaces import interface_addresses
from desktop.core.store.chat_history import ChatHistory
from desktop.core.store.transfers import TransferStore
from desktop.settings import Settings
from desktop.ui.messenger.chat_view import ChatModel, ChatView
from desktop.ui.messenger.control_bar import REACH, ControlBar
from desktop.ui.messenger.conversations import BROADCAST, Conversations
from desktop.ui.messenger.files_actions import FilesActions
from desktop.ui.messenger.history_search import HistoryOpening
from desktop.ui.messenger.identity_pane import IdentityPane, ListInterfaces
from desktop.ui.messenger.messenger_lifecycle import MessengerLifecycle
from desktop.ui.messenger.peer_encodings import (
    load_closed,
    save_closed,
)
from desktop.ui.messenger.roster_pane import RosterPane
from desktop.ui.sentences import Said, say
from desktop.workers.messenger_bridge import MessengerBridge

__all__ = ["MessengerPanel"]

_PREVIEW = 120  # characters of a message shown in a notification


class MessengerPanel(HistoryOpening, FilesActions, MessengerLifecycle):
    """Identity pane, status, Start/Stop, the roster with a search box, and the chat.

    Start/Stop and the settings are ``MessengerLifecycle``'s part, the history search
    ``HistoryOpening``'s, files and the Transfers window ``FilesActions``'; this class builds
    the page and follows the peers and conversations.

    Args:
        bridge: drives the node on the I/O loop.
        base_settings: retries, answer delay... of the node; port and targets come from the pane.
        parent: the parent widget.
        history: where every message sent or received is written; None keeps them in memory.
        settings: where identity, network, status and per-peer encodings are kept.
        list_interfaces: the interfaces offered (tests pass their own list).

    Signals:
        unread_changed(int): the number of unread messages changed.
        notify_requested(str, str): a message arrived unseen: a title and a short text.
    """

    unread_changed = Signal(int)
    notify_requested = Signal(str, str)

    # Read by the event handlers. When a window is garbage-collected, Python may clear this
    # wrapper's attributes before Qt deletes the widgets, and deleting the tab before this one
    # shows this page once more: the handlers then see this default and do nothing.
    _current: PeerKey | None = None

    def __init__(
        self,
        bridge: MessengerBridge,
        base_settings: NodeSettings | None = None,
        parent: QWidget | None = None,
        *,
        history: ChatHistory | None = None,
        settings: Settings | None = None,
        list_interfaces: ListInterfaces = interface_addresses,
        transfers: TransferStore | None = None,
    ) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.history = history
        self.settings = settings
        self._base = base_settings or NodeSettings()
        self._running = False
        self._current: PeerKey | None = None
        self._encodings: dict[Address, str] = {}

        self.identity = IdentityPane(list_interfaces)
        self.identity.nickname.setText(self.identity.user)
        self.nickname, self.group = self.identity.nickname, self.identity.group
        self.port, self.targets = self.identity.port, self.identity.targets
        self.controls = ControlBar()
        self.presence, self.status = self.controls.presence, self.controls.status
        self.banner, self.use_port_button = self.controls.banner, self.controls.use_port_button
        self.messages = self.controls.messages
        self.start_button, self.refresh_button = (
            self.controls.start_button,
            self.controls.refresh_button,
        )
        self.presence.absence_changed.connect(self._absence_changed)
        self.start_button.clicked.connect(self.toggle)
        self.refresh_button.clicked.connect(self.bridge.refresh)
        self.controls.port_chosen.connect(self._use_port)

        self.roster_pane = RosterPane(history is not None)
        self.search, self.roster = self.roster_pane.search, self.roster_pane.roster
        self.conversations = Conversations(history, self._my_name, self._is_online)
        self.conversations.unread_changed.connect(self.unread_changed)
        self.conversations.unread_changed.connect(self._count_broadcasts)
        self.conversations.history_failed.connect(self._history_failed)
        self.conversation_list = self.roster_pane.conversation_list
        self.conversation_list.setModel(self.conversations.listing)
        self.conversation_list.open_requested.connect(self.open_conversation)
        self.conversation_list.close_requested.connect(self.close_conversation)
        self.roster_pane.result_opened.connect(self.open_history_result)
        if settings is not None:
            self.conversations.closed = load_closed(settings)  # closed stay closed
        self.conversations.restore_recent()
        self.table, self.proxy = self.roster_pane.table, self.roster_pane.table.proxy
        self.search_history_button = self.roster_pane.search_history_button
        self.search_history_button.clicked.connect(self.search_history)
        self.broadcast_button = self.roster_pane.broadcast_button
        self.broadcast_button.clicked.connect(self.show_broadcast)
        self.history_results = self.roster_pane.history_results
        self.table.menu_requested.connect(self._peer_menu)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.chat = ChatView()
        self.chat.send_requested.connect(self.send)
        self.chat.open_requested.connect(self._open_sealed)

        self._layout()
        self._connect_bridge()
        self._setup_files(transfers)
        self._load_settings()

    # -- layout and wiring -------------------------------------------------------------------------
    def _layout(self) -> None:
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.roster_pane)
        splitter.addWidget(self.chat)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([400, 600])  # the conversation is the larger part
        layout = QVBoxLayout(self)
        layout.addWidget(self.identity)
        layout.addWidget(self.controls)
        layout.addWidget(splitter, 1)

    def _connect_bridge(self) -> None:
        b, c = self.bridge, self.conversations
        b.started.connect(self._started)
        b.start_failed.connect(self._start_failed)
        b.stopped.connect(self._stopped)
        b.peer_joined.connect(self._peer_seen)
        b.peer_updated.connect(self._peer_seen)
        b.peer_left.connect(self._peer_left)
        b.message_received.connect(self._message_received)
        b.message_sent.connect(c.sent)
        b.send_failed.connect(c.not_sent)
        b.broadcast_sent.connect(c.broadcast_sent)
        b.message_delivered.connect(c.delivered)
        b.message_failed.connect(c.failed)
        b.message_read.connect(c.read)
        b.notice.connect(self._notice)
        b.node_noticed.connect(self._node_noticed)
        b.info_received.connect(self._info_received)

    # -- commands ----------------------------------------------------------------------------------
    @property
    def unread_total(self) -> int:
        """Unread messages of every conversation."""
        return self.conversations.total_unread

    def select_peer(self, key: PeerKey) -> bool:
        """Select ``key`` alone in the roster (False if it is not shown)."""
        return self.table.select_peers([key]) == 1

    def select_peers(self, keys: list[PeerKey]) -> int:
        """Select several peers (to send one message to each); returns how many are selected."""
        return self.table.select_peers(keys)

    def selected_peers(self) -> list[PeerKey]:
        """The peers selected in the roster, top to bottom."""
        return self.table.selected_peers()

    def show_broadcast(self) -> None:
        """Show the "Broadcast" conversation: what is sent there goes to everyone."""
        self.table.clearSelection()
        self._show(BROADCAST)

    @property
    def current_peer(self) -> PeerKey | None:
        """Whose conversation is shown (``BROADCAST`` for the broadcast one)."""
        return self._current

    def conversation(self, key: PeerKey) -> ChatModel:
        """The conversation with ``key`` (created with its history, if any)."""
        return self.conversations.model(key)

    def open_conversation(self, key: PeerKey) -> None:
        """Show ``key``'s conversation, whether the peer is online or has left."""
        if key != BROADCAST and self.roster.row_of(key) is not None and self.select_peer(key):
            return  # the roster's selection shows it
        self.table.clearSelection()  # a message typed here goes to this peer alone
        self._show(key)

    def close_conversation(self, key: PeerKey) -> None:
        """Stop listing ``key``'s conversation (its history is kept)."""
        if key == self._current:
            self.table.clearSelection()
            self._current = None
            self.chat.set_conversation(None, "")
        self.conversations.close(key)
        self.roster.clear_unread(key)
        if self.settings is not None:
            save_closed(self.settings, self.conversations.closed)

    @Slot(str, bool)
    def send(self, text: str, sealed: bool) -> None:
        """Send ``text`` to the selected peer(s), or to everyone in the Broadcast conversation."""
        if self._current is None:
            return
        text = text.replace("\r\n", "\n")
        if self._current == BROADCAST:
            token = self.conversations.outgoing(BROADCAST, text, False)
            self.bridge.broadcast_text(token, text)
            return
        selected = self.selected_peers()
        keys = selected if len(selected) > 1 else [self._current]
        gone = [k for k in keys if self._running and self.roster.row_of(k) is None]
        if gone:
            names = ", ".join(self.conversations.name(k) for k in gone)
            self.messages.error(
                self.tr("{names} has left; the message was not delivered.").format(names=names)
            )
            if len(gone) == len(keys):
                self.chat.input.setPlainText(text)  # nothing went: the text is kept
                return
        for key in keys:
            if key not in gone:
                token = self.conversations.outgoing(key, text, sealed)
                self.bridge.send_text(token, key, text, sealed, multicast=len(keys) > 1)

    # -- bridge slots ------------------------------------------------------------------------------
    @Slot(object)
    def _peer_seen(self, peer: Peer) -> None:
        self.conversations.names[peer.key] = peer.label
        self.roster.upsert(peer)
        self.conversations.listing.set_online(peer.key, True, peer.name)
        if peer.key == self._current:
            self.chat.title.setText(self._title())

    @Slot(object, object)
    def _peer_left(self, peer: Peer, reason: Said) -> None:
        self.roster.remove(peer.key, keep_unread=True)
        self.conversations.listing.set_online(peer.key, False)
        line = self.tr("{name} left: {reason}").format(name=peer.name, reason=say(reason))
        self.conversations.note(peer.key, line)
        if peer.key == self._current:
            self.chat.title.setText(self._title())

    @Slot(object)
    def _message_received(self, message: MessageReceived) -> None:
        text, offer, stored = message.text, None, ""
        if message.offer is not None:
            offer, stored = self.received_offer(message)
        elif message.attachments:
            files = ", ".join(message.attachments)
            text += "\n" + self.tr("(files offered: {files})").format(files=files)
        key = BROADCAST if message.broadcast else message.peer.key
        attended = self._attending(key)
        self.conversations.received(message, text, attended, offer, stored)
        if attended:
            return
        if key != BROADCAST:  # a broadcast is counted on the Broadcast button instead
            self.roster.add_unread(key)
        preview = self.tr("Sealed message") if message.sealed else (stored or text)[:_PREVIEW]
        self.notify_requested.emit(message.peer.name, preview)

    @Slot(object)
    def _notice(self, what: Said) -> None:
        self.controls.notice(what)

    @Slot(object)
    def _node_noticed(self, notice: Notice) -> None:
        if notice.cause is NoticeCause.NO_TARGETS:
            # The reach warning says this in the panel's words: one condition, one message.
            if self.messages.find(REACH) is None:
                self.messages.error(notice.text, REACH)
            return
        self.controls.notice(notice.text)

    @Slot(object)
    def _history_failed(self, what: Said) -> None:
        self.messages.error(what, key="history")

    @Slot(int)
    def _count_broadcasts(self, _total: int) -> None:
        unread = self.conversations.unread(BROADCAST)
        label = self.tr("Broadcast")
        self.broadcast_button.setText(f"{label} ({unread})" if unread else label)

    @Slot(object)
    def _info_received(self, info: InfoReceived) -> None:
        # An away message is shown in the roster (PeerUpdated); the banner says it once.
        self.controls.notice(
            self.tr("{name}: {text}").format(name=info.peer.label, text=info.text),
            key=f"info:{info.peer.key}",
        )

    # -- UI ----------------------------------------------------------------------------------------
    def _attending(self, key: PeerKey) -> bool:
        """The user is looking at ``key``'s conversation right now."""
        return key == self._current and self.isVisible() and self.isActiveWindow()

    def event(self, event: QEvent) -> bool:
        # WindowActivate reaches every visible child of the window that became active (unlike
        # ActivationChange, which only its top-level widget gets): the user is back.
        handled = super().event(event)
        if event.type() == QEvent.Type.WindowActivate and self._current is not None:
            self._mark_seen()
        return handled

    def showEvent(self, event: object) -> None:  # the Messenger tab was opened
        super().showEvent(event)  # type: ignore[arg-type]
        if self._current is not None:
            self._mark_seen()

    def _mark_seen(self) -> None:
        key = self._current
        if key is not None and self.isVisible() and self.isActiveWindow():
            self.conversations.seen(key)
            self.roster.clear_unread(key)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        keys = self.selected_peers()
        if keys:  # else keep the conversation open when its peer leaves or is filtered out
            self._show(self.table.current_peer() or keys[0])

    def _show(self, key: PeerKey) -> None:
        self._current = key
        model = self.conversations.opened(key)
        self.roster.clear_unread(key)
        self.chat.set_conversation(model, self._title())
        self.conversation_list.select_key(key)
        self.chat.sealed.setEnabled(key != BROADCAST)
        self.chat.input.setFocus()

    def _title(self) -> str:
        keys = self.selected_peers()
        if len(keys) > 1:
            names = ", ".join(self.conversations.name(k) for k in keys)
            return self.tr("To %n (person|people): {names}", "", len(keys)).format(names=names)
        if self._current == BROADCAST:
            return self.tr("Broadcast: to everyone in the list, without acknowledgement")
        if self._current is None:
            return ""
        name = self.conversations.name(self._current)
        if self.conversations.online(self._current):
            return name
        return self.tr("{name} (offline: messages cannot be delivered)").format(name=name)

    def _peer_menu(self, peer: Peer, where: QPoint) -> None:
        self.peer_menu_chosen(peer, where)

    def _open_sealed(self, row: int) -> None:
        key = self._current
        if key is None:
            return
        model = self.conversation(key)
        entry = model.entry(row)
        if entry is None or entry.opened:
            return
        model.set_opened(row)
        if key != BROADCAST:
            self.bridge.mark_read(key, entry.packet_no)

    def open_sealed(self, row: int) -> None:
        """Open the received sealed message on ``row`` of the shown conversation."""
        self._open_sealed(row)

    def _is_online(self, key: PeerKey) -> bool:
        return self.roster.row_of(key) is not None

    def _my_name(self) -> str:
        return self.nickname.text().strip() or self.identity.user
