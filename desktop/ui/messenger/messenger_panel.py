"""The Messenger workspace: identity and network, status, the roster, and the conversation."""

from __future__ import annotations

import datetime as _dt
import getpass
import json
from dataclasses import replace

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QPoint,
    QSysInfo,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import SocketDeskError, StoreError
from desktop.core.ipmsg.constants import PORT
from desktop.core.ipmsg.events import Address, MessageReceived, Peer, PeerKey, format_address
from desktop.core.ipmsg.failures import NoBroadcastAddress
from desktop.core.ipmsg.identity import Identity
from desktop.core.ipmsg.interfaces import interface_addresses
from desktop.core.ipmsg.settings import NodeSettings
from desktop.core.ipmsg.targets import parse_targets
from desktop.core.store.chat_history import ChatHistory
from desktop.settings import Settings
from desktop.ui.messenger.chat_view import ChatModel, ChatView
from desktop.ui.messenger.conversations import BROADCAST, Conversations
from desktop.ui.messenger.identity_pane import IdentityPane, ListInterfaces
from desktop.ui.messenger.peer_menu import encoding_menu
from desktop.ui.messenger.roster_model import RosterModel
from desktop.ui.messenger.roster_view import RosterView
from desktop.ui.messenger.status_selector import StatusSelector
from desktop.ui.widgets.notice_banner import NoticeBanner
from desktop.workers.messenger_bridge import MessengerBridge

__all__ = ["MessengerPanel"]

_PREVIEW = 120  # characters of a message shown in a notification


def _wire_name(name: str) -> str:
    """IPMsg's rule for names on the wire: ':' becomes ';' and control characters go (§1.1)."""
    return "".join(c for c in name.replace(":", ";") if ord(c) >= 0x20)


def _login() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment nor the password database
        return "user"


class MessengerPanel(QWidget):
    """Identity pane, status, Start/Stop, the roster with a search box, and the chat.

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

    def __init__(
        self,
        bridge: MessengerBridge,
        base_settings: NodeSettings | None = None,
        parent: QWidget | None = None,
        *,
        history: ChatHistory | None = None,
        settings: Settings | None = None,
        list_interfaces: ListInterfaces = interface_addresses,
    ) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.history = history
        self.settings = settings
        self._base = base_settings or NodeSettings()
        self._running = False
        self._user = _wire_name(_login()) or "user"
        self._host = _wire_name(QSysInfo.machineHostName()) or "localhost"
        self._current: PeerKey | None = None
        self._encodings: dict[Address, str] = {}
        self._free_port = 0

        self.identity = IdentityPane(list_interfaces)
        self.identity.nickname.setText(self._user)
        self.nickname, self.group = self.identity.nickname, self.identity.group
        self.port, self.targets = self.identity.port, self.identity.targets
        self.presence = StatusSelector()
        self.presence.absence_changed.connect(self._absence_changed)
        self.start_button = QPushButton(self.tr("Start"))
        self.start_button.clicked.connect(self.toggle)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setEnabled(False)
        self.refresh_button.clicked.connect(self.bridge.refresh)
        self.status = QLabel(self.tr("Stopped"))
        self.banner = NoticeBanner()
        self.use_port_button = QPushButton()
        self.use_port_button.setVisible(False)
        self.use_port_button.clicked.connect(self._use_free_port)

        self.conversations = Conversations(history, self._my_name)
        self.conversations.unread_changed.connect(self.unread_changed)
        self.conversations.history_failed.connect(self.status.setText)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search"))
        self.search.setClearButtonEnabled(True)
        self.roster = RosterModel()
        self.table = RosterView(self.roster)
        self.proxy = self.table.proxy
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.search_history_button = QPushButton(self.tr("Search history"))
        self.search_history_button.setToolTip(
            self.tr("List the past messages that contain the text of the search box")
        )
        self.search_history_button.setEnabled(history is not None)
        self.search_history_button.clicked.connect(self.search_history)
        self.broadcast_button = QPushButton(self.tr("Broadcast"))
        self.broadcast_button.setToolTip(self.tr("A message to everyone in the list"))
        self.broadcast_button.clicked.connect(self.show_broadcast)
        self.history_results = QListWidget()
        self.history_results.setVisible(False)
        self.table.menu_requested.connect(self._peer_menu)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.chat = ChatView()
        self.chat.send_requested.connect(self.send)
        self.chat.open_requested.connect(self._open_sealed)

        self._layout()
        self._connect_bridge()
        self._load_settings()

    # -- layout and wiring -------------------------------------------------------------------------
    def _layout(self) -> None:
        controls = QHBoxLayout()
        controls.addWidget(self.presence, 1)
        controls.addWidget(self.start_button)
        controls.addWidget(self.refresh_button)
        controls.addWidget(self.status, 1)
        banner_row = QHBoxLayout()
        banner_row.addWidget(self.banner, 1)
        banner_row.addWidget(self.use_port_button)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.search_history_button)
        search_row.addWidget(self.broadcast_button)
        left_layout.addLayout(search_row)
        left_layout.addWidget(self.table, 3)
        left_layout.addWidget(self.history_results, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.chat)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.addWidget(self.identity)
        layout.addLayout(controls)
        layout.addLayout(banner_row)
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

    def _load_settings(self) -> None:
        if self.settings is None:
            return
        self.identity.load(self.settings)
        self.presence.load(self.settings)
        try:
            stored = json.loads(self.settings.get(Settings.MESSENGER_ENCODINGS))
            for where, codec in dict(stored).items():
                host, _sep, port = str(where).rpartition(":")
                self._encodings[(host, int(port))] = str(codec)
        except (ValueError, TypeError, AttributeError):
            self._encodings = {}  # a damaged value: back to detection for everyone

    def save_settings(self) -> None:
        """Store identity, network, status and per-peer encodings."""
        if self.settings is None:
            return
        self.identity.save(self.settings)
        self.presence.save(self.settings)
        stored = {format_address(a): codec for a, codec in self._encodings.items()}
        self.settings.set(Settings.MESSENGER_ENCODINGS, json.dumps(stored, sort_keys=True))

    # -- commands ----------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        """The node is started (or starting)."""
        return self._running

    @property
    def unread_total(self) -> int:
        """Unread messages of every conversation."""
        return self.conversations.total_unread

    def toggle(self) -> None:
        """Start, or stop when running."""
        if self._running:
            self.stop()
        else:
            self.start()

    def start(self) -> None:
        """Start the node with what the identity pane says."""
        self.banner.hide()
        self.use_port_button.setVisible(False)
        port = self.port.value()
        try:
            identity = Identity(
                self._user,
                self._host,
                self.nickname.text().strip(),
                self.group.text().strip(),
                legacy_encoding=self.identity.codepage_name(),
            )
            texts = [t for t in self.targets.text().replace(",", " ").split() if t]
            extra = parse_targets(texts, PORT)
        except SocketDeskError as error:
            self.status.setText(str(error))
            self.banner.show_message(str(error))
            return
        broadcasts, where = self.identity.broadcasts()
        if not broadcasts:
            self._no_broadcast(where, bool(extra))
        found = tuple((address, port or PORT) for address in broadcasts)
        settings = replace(self._base, port=port, targets=found + extra)
        self.save_settings()
        self._running = True
        self._set_editable(False)
        self.status.setText(self.tr("Starting…"))
        self.bridge.start(
            identity,
            settings,
            self.identity.bind_address(),
            absence=self.presence.absence(),
            encodings=self._encodings,
        )

    def stop(self, leave: bool = True) -> None:
        """Stop the node (saying goodbye unless ``leave`` is False)."""
        if self._running:
            self.status.setText(self.tr("Stopping…"))
            self.bridge.stop(leave)

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

    def set_peer_encoding(self, address: Address, encoding: str | None) -> None:
        """Read and write the peer at ``address`` in ``encoding`` (None: detect); kept."""
        if encoding is None:
            self._encodings.pop(address, None)
        else:
            self._encodings[address] = encoding
        self.save_settings()
        self.bridge.set_encoding(address, encoding)

    def encoding_of(self, address: Address) -> str | None:
        """The encoding chosen for ``address`` (None: detected)."""
        return self._encodings.get(address)

    def search_history(self) -> list[str]:
        """List the stored messages containing the search box's text; returns the lines shown."""
        self.history_results.clear()
        text = self.search.text().strip()
        if self.history is None or not text:
            self.history_results.setVisible(False)
            return []
        try:
            found = self.history.search(text)
        except StoreError as error:
            self.status.setText(str(error))
            return []
        lines = []
        for stored in found:
            when = _dt.datetime.fromtimestamp(stored.t_ns / 1e9).strftime("%Y-%m-%d %H:%M:%S")
            arrow = "→" if stored.direction == "out" else "←"
            lines.append(f"[{when}] {arrow} {stored.peer_name}: {stored.text}")
        if not lines:
            lines.append(self.tr("No message contains “{text}”.").format(text=text))
        self.history_results.addItems(lines)
        self.history_results.setVisible(True)
        return lines

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
            self.banner.show_message(
                self.tr("{names} has left; the message was not delivered.").format(names=names)
            )
            if len(gone) == len(keys):
                self.chat.input.setPlainText(text)  # nothing went: the text is kept
                return
        for key in keys:
            if key not in gone:
                token = self.conversations.outgoing(key, text, sealed)
                self.bridge.send_text(token, key, text, sealed)

    # -- bridge slots ------------------------------------------------------------------------------
    @Slot(str)
    def _started(self, address: str) -> None:
        self.status.setText(self.tr("Listening on {address}").format(address=address))
        self.start_button.setText(self.tr("Stop"))
        self.refresh_button.setEnabled(True)

    @Slot(str, int)
    def _start_failed(self, reason: str, free_port: int) -> None:
        self._running = False
        self._set_editable(True)
        self.status.setText(self.tr("Not started"))
        self.banner.show_message(reason)
        self._free_port = free_port
        if free_port:
            self.use_port_button.setText(self.tr("Use port {port}").format(port=free_port))
        self.use_port_button.setVisible(bool(free_port))

    @Slot()
    def _stopped(self) -> None:
        self._running = False
        self._set_editable(True)
        self.start_button.setText(self.tr("Start"))
        self.refresh_button.setEnabled(False)
        self.status.setText(self.tr("Stopped"))
        self.roster.clear()

    @Slot(object)
    def _peer_seen(self, peer: Peer) -> None:
        self.conversations.names[peer.key] = peer.label
        self.roster.upsert(peer)
        if peer.key == self._current:
            self.chat.title.setText(self._title())

    @Slot(object, str)
    def _peer_left(self, peer: Peer, reason: str) -> None:
        self.roster.remove(peer.key)
        line = self.tr("{name} left: {reason}").format(name=peer.name, reason=reason)
        self.conversations.note(peer.key, line)

    @Slot(object)
    def _message_received(self, message: MessageReceived) -> None:
        text = message.text
        if message.attachments:
            files = ", ".join(message.attachments)
            text += "\n" + self.tr("(files offered: {files})").format(files=files)
        key = BROADCAST if message.broadcast else message.peer.key
        attended = self._attending(key)
        self.conversations.received(message, text, attended)
        if attended:
            return
        self.roster.add_unread(message.peer.key)
        preview = self.tr("Sealed message") if message.sealed else text[:_PREVIEW]
        self.notify_requested.emit(message.peer.name, preview)

    @Slot(str)
    def _notice(self, text: str) -> None:
        self.status.setText(text)
        if not (self.banner.isVisibleTo(self) and self.banner.kind == "error"):
            self.banner.show_message(text, "info")  # an error stays until it is dismissed

    # -- UI ----------------------------------------------------------------------------------------
    def _attending(self, key: PeerKey) -> bool:
        """The user is looking at ``key``'s conversation right now."""
        return key == self._current and self.isVisible() and self.isActiveWindow()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self._current is not None:
            self._mark_seen()

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
        self.conversations.seen(key)
        self.roster.clear_unread(key)
        self.chat.set_conversation(self.conversation(key), self._title())
        self.chat.sealed.setEnabled(key != BROADCAST)
        self.chat.input.setFocus()

    def _title(self) -> str:
        keys = self.selected_peers()
        if len(keys) > 1:
            names = ", ".join(self.conversations.name(k) for k in keys)
            return self.tr("To {n} people: {names}").format(n=len(keys), names=names)
        if self._current == BROADCAST:
            return self.tr("Broadcast: to everyone in the list, without acknowledgement")
        return self.conversations.name(self._current) if self._current else ""

    def _peer_menu(self, peer: Peer, where: QPoint) -> None:
        menu = encoding_menu(self.table, self.encoding_of(peer.address))
        chosen = menu.exec(where)
        if chosen is not None:
            self.set_peer_encoding(peer.address, str(chosen.data()) or None)

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

    @Slot(object)
    def _absence_changed(self, message: str | None) -> None:
        self.save_settings()
        if self._running:
            self.bridge.set_absence(message)

    def _use_free_port(self) -> None:
        if self._free_port:
            self.port.setValue(self._free_port)
            self.start()

    def _no_broadcast(self, where: str, has_targets: bool) -> None:
        if has_targets:
            self.banner.show_message(
                self.tr(
                    "{where} has no broadcast address; only the extra targets are announced to."
                ).format(where=where),
                "info",
            )
        elif where == self.tr("no network interface"):
            self.banner.show_message(str(NoBroadcastAddress()))
        else:
            self.banner.show_message(
                self.tr(
                    "{where} has no broadcast address, so other users cannot find you: choose "
                    "another interface, or add targets."
                ).format(where=where)
            )

    def _my_name(self) -> str:
        return self.nickname.text().strip() or self._user

    def _set_editable(self, editable: bool) -> None:
        self.identity.set_editable(editable)
        self.start_button.setText(self.tr("Start") if editable else self.tr("Stop"))
