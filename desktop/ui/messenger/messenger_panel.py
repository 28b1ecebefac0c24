"""The Messenger workspace: who we are and where we announce, the roster, and a conversation."""

from __future__ import annotations

import datetime as _dt
import getpass
import logging
import time
from dataclasses import replace

from PySide6.QtCore import (
    QItemSelection,
    QSortFilterProxyModel,
    QSysInfo,
    Qt,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import SocketDeskError, StoreError
from desktop.core.ipmsg.constants import PORT
from desktop.core.ipmsg.events import MessageReceived, Peer, PeerKey
from desktop.core.ipmsg.identity import Identity
from desktop.core.ipmsg.settings import NodeSettings
from desktop.core.ipmsg.targets import parse_targets
from desktop.core.store.chat_history import ChatHistory
from desktop.ui.messenger.chat_view import (
    MAX_MESSAGES,
    ChatEntry,
    ChatModel,
    ChatView,
    Delivery,
)
from desktop.ui.messenger.roster_model import RosterModel
from desktop.workers.messenger_bridge import MessengerBridge

__all__ = ["MessengerPanel"]

log = logging.getLogger("ui")


def _wire_name(name: str) -> str:
    """IPMsg's rule for names on the wire: ':' becomes ';' and control characters go (§1.1)."""
    return "".join(c for c in name.replace(":", ";") if ord(c) >= 0x20)


def _login() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment nor the password database
        return "user"


class MessengerPanel(QWidget):
    """Identity and network bar, Start/Stop, the roster with a search box, and the chat.

    Args:
        bridge: drives the node on the I/O loop.
        base_settings: retries, answer delay... of the node; port and targets come from the bar.
        parent: the parent widget.
        history: where every message sent or received is written; None keeps them in memory.
    """

    def __init__(
        self,
        bridge: MessengerBridge,
        base_settings: NodeSettings | None = None,
        parent: QWidget | None = None,
        history: ChatHistory | None = None,
    ) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.history = history
        self._row_by_token: dict[int, int] = {}
        self._row_by_id: dict[int, int] = {}
        self._base = base_settings or NodeSettings()
        self._running = False
        self._user = _wire_name(_login()) or "user"
        self._host = _wire_name(QSysInfo.machineHostName()) or "localhost"
        self._chats: dict[PeerKey, ChatModel] = {}
        self._names: dict[PeerKey, str] = {}
        self._current: PeerKey | None = None
        self._next_token = 1
        self._by_token: dict[int, ChatModel] = {}
        self._by_id: dict[int, ChatModel] = {}

        self.nickname = QLineEdit(self._user)
        self.group = QLineEdit()
        self.bind = QLineEdit("0.0.0.0")
        self.port = QSpinBox()
        self.port.setRange(0, 65535)
        self.port.setValue(PORT)
        self.port.setToolTip(self.tr("0 lets the system pick a free port"))
        self.targets = QLineEdit()
        self.targets.setPlaceholderText(
            self.tr(
                "Extra broadcast targets: addresses, subnets (a.b.c.0/24) or ranges, comma-separated"  # noqa: E501 (one literal for lupdate)
            )
        )
        self.start_button = QPushButton(self.tr("Start"))
        self.start_button.clicked.connect(self.toggle)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setEnabled(False)
        self.refresh_button.clicked.connect(self.bridge.refresh)
        self.status = QLabel(self.tr("Stopped"))

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search"))
        self.search.setClearButtonEnabled(True)
        self.roster = RosterModel()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.roster)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.search_history_button = QPushButton(self.tr("Search history"))
        self.search_history_button.setToolTip(
            self.tr("List the past messages that contain the text of the search box")
        )
        self.search_history_button.setEnabled(history is not None)
        self.search_history_button.clicked.connect(self.search_history)
        self.history_results = QListWidget()
        self.history_results.setVisible(False)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.chat = ChatView()
        self.chat.send_requested.connect(self.send)
        self.chat.open_requested.connect(self._open_sealed)

        self._layout()
        self._connect_bridge()

    # -- layout and wiring -------------------------------------------------------------------------
    def _layout(self) -> None:
        bar = QHBoxLayout()
        for label, widget in (
            (self.tr("Nickname"), self.nickname),
            (self.tr("Group"), self.group),
            (self.tr("Bind"), self.bind),
            (self.tr("Port"), self.port),
        ):
            bar.addWidget(QLabel(label))
            bar.addWidget(widget)
        targets = QHBoxLayout()
        targets.addWidget(QLabel(self.tr("Targets")))
        targets.addWidget(self.targets, 1)
        targets.addWidget(self.start_button)
        targets.addWidget(self.refresh_button)
        targets.addWidget(self.status)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.search_history_button)
        left_layout.addLayout(search_row)
        left_layout.addWidget(self.table, 3)
        left_layout.addWidget(self.history_results, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.chat)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(targets)
        layout.addWidget(splitter, 1)

    def _connect_bridge(self) -> None:
        b = self.bridge
        b.started.connect(self._started)
        b.start_failed.connect(self._start_failed)
        b.stopped.connect(self._stopped)
        b.peer_joined.connect(self._peer_seen)
        b.peer_updated.connect(self._peer_seen)
        b.peer_left.connect(self._peer_left)
        b.message_received.connect(self._message_received)
        b.message_sent.connect(self._message_sent)
        b.send_failed.connect(self._send_failed)
        b.message_delivered.connect(self._delivered)
        b.message_failed.connect(self._failed)
        b.message_read.connect(self._read)
        b.notice.connect(self._notice)

    # -- commands ----------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        """The node is started (or starting)."""
        return self._running

    def toggle(self) -> None:
        """Start, or stop when running."""
        if self._running:
            self.stop()
        else:
            self.start()

    def start(self) -> None:
        """Start the node with what the bar says."""
        try:
            identity = Identity(
                self._user, self._host, self.nickname.text().strip(), self.group.text().strip()
            )
            texts = [t for t in self.targets.text().replace(",", " ").split() if t]
            settings = replace(
                self._base, port=self.port.value(), targets=parse_targets(texts, PORT)
            )
        except SocketDeskError as error:
            self.status.setText(str(error))
            return
        self._running = True
        self._set_editable(False)
        self.status.setText(self.tr("Starting…"))
        self.bridge.start(identity, settings, self.bind.text().strip() or "0.0.0.0")

    def stop(self, leave: bool = True) -> None:
        """Stop the node (saying goodbye unless ``leave`` is False)."""
        if self._running:
            self.status.setText(self.tr("Stopping…"))
            self.bridge.stop(leave)

    def select_peer(self, key: PeerKey) -> bool:
        """Select ``key`` in the roster (False if it is not shown)."""
        row = self.roster.row_of(key)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.roster.index(row, 0))
        if not index.isValid():
            return False
        self.table.selectRow(index.row())
        return True

    @property
    def current_peer(self) -> PeerKey | None:
        """Whose conversation is shown."""
        return self._current

    def conversation(self, key: PeerKey) -> ChatModel:
        """The conversation with ``key`` (created with its history, if any)."""
        model = self._chats.get(key)
        if model is None:
            model = ChatModel()
            self._chats[key] = model
            self._load_history(key, model)
        return model

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
            self._history_failed(error)
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

    def _load_history(self, key: PeerKey, model: ChatModel) -> None:
        if self.history is None:
            return
        try:
            stored = self.history.conversation(str(key), MAX_MESSAGES)
        except StoreError as error:
            self._history_failed(error)
            return
        me = self.nickname.text().strip() or self._user
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
            self._history_failed(error)
            return None

    def _record_state(self, row_id: int | None, state: Delivery, reason: str = "") -> None:
        if self.history is None or row_id is None:
            return
        try:
            self.history.set_state(row_id, state.value, reason or None)
        except StoreError as error:
            self._history_failed(error)

    def _history_failed(self, error: StoreError) -> None:
        log.error("chat history: %s", error)
        self.status.setText(str(error))

    @Slot(str, bool)
    def send(self, text: str, sealed: bool) -> None:
        """Send ``text`` to the selected peer."""
        key = self._current
        if key is None:
            return
        model = self.conversation(key)
        token, self._next_token = self._next_token, self._next_token + 1
        me = self.nickname.text().strip() or self._user
        entry = ChatEntry(
            True, me, text.replace("\r\n", "\n"), sealed=sealed, state=Delivery.SENDING
        )
        entry.token = token
        model.append(entry)
        self._by_token[token] = model
        row_id = self._record(
            key,
            name=self._names.get(key, str(key)),
            direction="out",
            text=entry.text,
            sealed=sealed,
            state=Delivery.SENDING,
        )
        if row_id is not None:
            self._row_by_token[token] = row_id
        self.bridge.send_text(token, key, entry.text, sealed)

    # -- bridge slots ------------------------------------------------------------------------------
    @Slot(str)
    def _started(self, address: str) -> None:
        self.status.setText(self.tr("Listening on {address}").format(address=address))
        self.start_button.setText(self.tr("Stop"))
        self.refresh_button.setEnabled(True)

    @Slot(str)
    def _start_failed(self, reason: str) -> None:
        self._running = False
        self._set_editable(True)
        self.status.setText(reason)

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
        self._names[peer.key] = peer.label
        self.roster.upsert(peer)

    @Slot(object, str)
    def _peer_left(self, peer: Peer, reason: str) -> None:
        self.roster.remove(peer.key)
        if peer.key in self._chats:
            self._chats[peer.key].append(
                ChatEntry(
                    False,
                    "—",
                    self.tr("{name} left: {reason}").format(name=peer.name, reason=reason),
                )
            )

    @Slot(object)
    def _message_received(self, message: MessageReceived) -> None:
        key = message.peer.key
        self._names.setdefault(key, message.peer.label)
        text = message.text
        if message.attachments:
            files = ", ".join(message.attachments)
            text += "\n" + self.tr("(files offered: {files})").format(files=files)
        model = self.conversation(key)  # loads the history before this message is stored
        self._record(
            key,
            name=message.peer.label,
            direction="in",
            text=text,
            sealed=message.sealed,
            state=Delivery.RECEIVED,
            message_key=str(message.packet_no),
        )
        model.append(
            ChatEntry(
                False,
                message.peer.name,
                text,
                sealed=message.sealed,
                packet_no=message.packet_no,
            )
        )
        if key != self._current:
            self.roster.add_unread(key)

    @Slot(int, int)
    def _message_sent(self, token: int, message_id: int) -> None:
        model = self._by_token.pop(token, None)
        if model is not None:
            model.set_id(token, message_id)
            self._by_id[message_id] = model
        row_id = self._row_by_token.pop(token, None)
        if row_id is not None:
            self._row_by_id[message_id] = row_id

    @Slot(int, str)
    def _send_failed(self, token: int, reason: str) -> None:
        model = self._by_token.pop(token, None)
        if model is not None:
            model.set_state(Delivery.FAILED, reason, message_id=None, token=token)
        self._record_state(self._row_by_token.pop(token, None), Delivery.FAILED, reason)

    @Slot(int)
    def _delivered(self, message_id: int) -> None:
        model = self._by_id.get(message_id)
        if model is not None:
            model.set_state(Delivery.DELIVERED, message_id=message_id)
            entry = model.find(message_id)
            if entry is not None and entry.state is Delivery.DELIVERED:  # not a late ack after read
                self._record_state(self._row_by_id.get(message_id), Delivery.DELIVERED)
            if entry is None or not entry.sealed:  # only a sealed one still waits (read receipt)
                del self._by_id[message_id]
                self._row_by_id.pop(message_id, None)

    @Slot(int, str)
    def _failed(self, message_id: int, reason: str) -> None:
        model = self._by_id.pop(message_id, None)
        if model is not None:
            model.set_state(Delivery.FAILED, reason, message_id=message_id)
        self._record_state(self._row_by_id.pop(message_id, None), Delivery.FAILED, reason)

    @Slot(int)
    def _read(self, message_id: int) -> None:
        model = self._by_id.pop(message_id, None)
        if model is not None:
            model.set_state(Delivery.READ, message_id=message_id)
        self._record_state(self._row_by_id.pop(message_id, None), Delivery.READ)

    @Slot(str)
    def _notice(self, text: str) -> None:
        self.status.setText(text)

    # -- UI ----------------------------------------------------------------------------------------
    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return  # keep the conversation open when its peer leaves or is filtered out
        key = self.proxy.mapToSource(rows[0]).data(Qt.ItemDataRole.UserRole)
        if isinstance(key, PeerKey):
            self._show(key)

    def _show(self, key: PeerKey) -> None:
        self._current = key
        self.roster.clear_unread(key)
        self.chat.set_conversation(self.conversation(key), self._names.get(key, str(key)))
        self.chat.input.setFocus()

    def _open_sealed(self, row: int) -> None:
        key = self._current
        if key is None:
            return
        model = self.conversation(key)
        entry = model.entry(row)
        if entry is None or entry.opened:
            return
        model.set_opened(row)
        self.bridge.mark_read(key, entry.packet_no)

    def open_sealed(self, row: int) -> None:
        """Open the received sealed message on ``row`` of the shown conversation."""
        self._open_sealed(row)

    def _set_editable(self, editable: bool) -> None:
        for widget in (self.nickname, self.group, self.bind, self.port, self.targets):
            widget.setEnabled(editable)
        self.start_button.setText(self.tr("Start") if editable else self.tr("Stop"))
