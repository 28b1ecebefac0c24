"""One conversation: a bounded message list (model/view) and the input that sends to it."""

from __future__ import annotations

import datetime as _dt
import enum
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

__all__ = ["ChatEntry", "ChatModel", "ChatView", "Delivery", "MessageInput"]

_Index = QModelIndex | QPersistentModelIndex

# A conversation's scrollback in memory: plenty to read back through, small enough that a chatty
# peer cannot grow the GUI's memory without bound (history on disk is a later feature).
MAX_MESSAGES = 2000


class Delivery(enum.Enum):
    """Where an outgoing message stands (received messages are RECEIVED)."""

    SENDING = "sending"
    DELIVERED = "delivered"
    READ = "read"
    FAILED = "failed"
    RECEIVED = "received"
    SENT = "sent"  # a broadcast: sent, and nobody acknowledges it


@dataclass(slots=True)
class ChatEntry:
    """One message of a conversation (mutable: its delivery state changes).

    Attributes:
        outgoing: we sent it.
        sender: the name shown before the text.
        text: the message.
        when: when it was sent or received.
        sealed: a sealed message (read receipt on opening).
        state: delivery state.
        reason: why it was not delivered (FAILED).
        token: the panel's number for an outgoing message before the node gives it an id.
        message_id: the node's id of an outgoing message.
        packet_no: the sender's packet number of a received message (for ``mark_read``).
        opened: a received sealed message was opened.
    """

    outgoing: bool
    sender: str
    text: str
    when: _dt.datetime = field(default_factory=_dt.datetime.now)
    sealed: bool = False
    state: Delivery = Delivery.RECEIVED
    reason: str = ""
    token: int = 0
    message_id: int | None = None
    packet_no: int = 0
    opened: bool = False


class ChatModel(QAbstractListModel):
    """The messages of one conversation, oldest first, at most ``capacity``.

    ``Qt.UserRole`` gives the ``ChatEntry``.
    """

    EntryRole = Qt.ItemDataRole.UserRole

    def __init__(self, capacity: int = MAX_MESSAGES) -> None:
        super().__init__()
        self._entries: deque[ChatEntry] = deque()
        self._capacity = capacity

    def append(self, entry: ChatEntry) -> None:
        """Add a message, dropping the oldest past the capacity."""
        if len(self._entries) >= self._capacity:
            self.beginRemoveRows(QModelIndex(), 0, 0)
            self._entries.popleft()
            self.endRemoveRows()
        row = len(self._entries)
        self.beginInsertRows(QModelIndex(), row, row)
        self._entries.append(entry)
        self.endInsertRows()

    def entry(self, row: int) -> ChatEntry | None:
        """The message on ``row``."""
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def find(self, message_id: int) -> ChatEntry | None:
        """The outgoing message with ``message_id``."""
        for entry in self._entries:
            if entry.outgoing and entry.message_id == message_id:
                return entry
        return None

    def set_id(self, token: int, message_id: int) -> None:
        """The node accepted the message sent as ``token``."""
        for entry in self._entries:
            if entry.outgoing and entry.token == token and entry.message_id is None:
                entry.message_id = message_id
                return

    def set_state(
        self, state: Delivery, reason: str = "", *, message_id: int | None, token: int = 0
    ) -> bool:
        """Change an outgoing message's state (by id, or by token); False if it is not here."""
        for row, entry in enumerate(self._entries):
            if not entry.outgoing:
                continue
            if (message_id is not None and entry.message_id == message_id) or (
                message_id is None and entry.token == token
            ):
                if entry.state is Delivery.READ and state is Delivery.DELIVERED:
                    return True  # a late acknowledgement does not undo the read receipt
                entry.state, entry.reason = state, reason
                self.dataChanged.emit(self.index(row), self.index(row))
                return True
        return False

    def set_opened(self, row: int) -> None:
        """A received sealed message was opened."""
        entry = self.entry(row)
        if entry is not None:
            entry.opened = True
            self.dataChanged.emit(self.index(row), self.index(row))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role == self.EntryRole:
            return entry
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry)
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry.reason or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            side = Qt.AlignmentFlag.AlignRight if entry.outgoing else Qt.AlignmentFlag.AlignLeft
            return int(side | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, entry: ChatEntry) -> str:
        stamp = entry.when.strftime("%H:%M:%S")
        text = entry.text
        if entry.sealed and not entry.outgoing and not entry.opened:
            text = self.tr("🔒 Sealed message: double-click to open")
        elif entry.sealed:
            text = f"🔒 {text}"
        head = f"[{stamp}] {entry.sender}: {text}"
        if not entry.outgoing:
            return head
        if entry.state is Delivery.SENDING:
            return f"{head}  …"
        if entry.state is Delivery.DELIVERED:
            return f"{head}  ✓"
        if entry.state is Delivery.READ:
            return f"{head}  ✓✓ " + self.tr("read")
        if entry.state is Delivery.SENT:
            return f"{head}  ➜ {entry.reason}"
        return f"{head}  ✗ " + self.tr("not delivered: {reason}").format(reason=entry.reason)


class MessageInput(QPlainTextEdit):
    """A multi-line input: Enter sends, Shift+Enter starts a new line.

    Signals:
        submitted(): Enter was pressed.
    """

    submitted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.submitted.emit()
            return
        super().keyPressEvent(event)


class ChatView(QWidget):
    """The conversation with one peer: title, messages, input, "sealed" and Send.

    Signals:
        send_requested(str, bool): the text to send and whether sealed.
        open_requested(int): the user opened the received sealed message on this row.
    """

    send_requested = Signal(str, bool)
    open_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model: ChatModel | None = None
        self.title = QLabel(self.tr("Choose someone in the list to chat with."))
        self.messages = QListView()
        self.messages.setWordWrap(True)
        self.messages.setUniformItemSizes(False)
        self.messages.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.messages.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.messages.doubleClicked.connect(self._opened)
        self.input = MessageInput()
        self.input.setPlaceholderText(self.tr("Message (Enter sends, Shift+Enter: new line)"))
        self.input.setMaximumHeight(90)
        self.input.submitted.connect(self.submit)
        self.sealed = QCheckBox(self.tr("Sealed"))
        self.sealed.setToolTip(self.tr("The peer must open it; you are told when they do."))
        self.send_button = QPushButton(self.tr("Send"))
        self.send_button.clicked.connect(self.submit)

        row = QHBoxLayout()
        row.addWidget(self.sealed)
        row.addStretch(1)
        row.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.messages, 1)
        layout.addWidget(self.input)
        layout.addLayout(row)
        self.set_conversation(None, "")

    def set_conversation(self, model: ChatModel | None, title: str) -> None:
        """Show ``model`` (None: nobody chosen)."""
        if self._model is not None:
            self._model.rowsInserted.disconnect(self.messages.scrollToBottom)
        self._model = model
        self.messages.setModel(model)
        if model is not None:
            self.title.setText(title)
            self.messages.scrollToBottom()
            model.rowsInserted.connect(self.messages.scrollToBottom)
        else:
            self.title.setText(self.tr("Choose someone in the list to chat with."))
        enabled = model is not None
        self.input.setEnabled(enabled)
        self.send_button.setEnabled(enabled)
        self.sealed.setEnabled(enabled)

    def submit(self) -> None:
        """Send what was typed (nothing for blank input)."""
        text = self.input.toPlainText()
        if not text.strip() or not self.input.isEnabled():
            return
        self.input.clear()
        self.send_requested.emit(text, self.sealed.isChecked())

    def _opened(self, index: QModelIndex) -> None:
        entry = index.data(ChatModel.EntryRole)
        if isinstance(entry, ChatEntry) and entry.sealed and not entry.outgoing:
            self.open_requested.emit(index.row())
