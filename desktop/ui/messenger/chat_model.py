"""One conversation's messages: a bounded list model, and what each row shows around it.

Besides the message itself, a row knows whether it opens a new day (a date separator above it),
whether it starts a run of messages from one sender (the name is shown once per run), and
whether the "new messages" marker sits above it. The delegate paints from these roles.
"""

from __future__ import annotations

import datetime as _dt
import enum
import re
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

__all__ = ["MAX_MESSAGES", "ChatEntry", "ChatModel", "Delivery", "find_links"]

_Index = QModelIndex | QPersistentModelIndex

# A conversation's scrollback in memory: plenty to read back through, small enough that a chatty
# peer cannot grow the GUI's memory without bound (older messages stay in the history on disk).
MAX_MESSAGES = 2000

# Messages from one sender further apart than this start a new run (the name is shown again).
RUN_GAP = _dt.timedelta(minutes=10)


# A link in a message: ASCII URL characters only, so "见https://a.test/x，谢谢" ends at the comma;
# trailing punctuation of the sentence is not part of it.
_LINK = re.compile(r"(?:https?://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")
_TRAILING = ".,;:!?'\")]"


def find_links(text: str) -> list[tuple[int, int, str]]:
    """The links in ``text``: (start, length, URL), in order."""
    found = []
    for match in _LINK.finditer(text):
        url = match.group().rstrip(_TRAILING)
        if "(" in url and url.count("(") > url.count(")") and match.group()[len(url) :][:1] == ")":
            url += ")"  # a Wikipedia-style link keeps its closing parenthesis
        found.append((match.start(), len(url), url if "://" in url else f"http://{url}"))
    return found


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
        note: a line from nobody (someone left...), shown centred, not as a message.
        history_id: its row in the chat history, if stored.
        offer: the files offered with it (an ``OfferView``), shown under the text.
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
    note: bool = False
    history_id: int | None = None
    offer: Any = None


class ChatModel(QAbstractListModel):
    """The messages of one conversation, oldest first, at most ``capacity``.

    Roles: ``EntryRole`` the ``ChatEntry``; ``BodyRole`` the text to show in the bubble;
    ``FooterRole`` time and delivery state; ``StartsDayRole``, ``StartsRunRole`` and
    ``MarkerRole`` (bools) what is drawn above the message. ``DisplayRole`` is the one-line
    form (``[time] name: text ✓``), used for copying and accessibility.
    """

    EntryRole = Qt.ItemDataRole.UserRole
    BodyRole = Qt.ItemDataRole.UserRole + 1
    FooterRole = Qt.ItemDataRole.UserRole + 2
    StartsDayRole = Qt.ItemDataRole.UserRole + 3
    StartsRunRole = Qt.ItemDataRole.UserRole + 4
    MarkerRole = Qt.ItemDataRole.UserRole + 5

    def __init__(self, capacity: int = MAX_MESSAGES) -> None:
        super().__init__()
        self._entries: deque[ChatEntry] = deque()
        self._capacity = capacity
        self._marker: int | None = None

    # -- changes -----------------------------------------------------------------------------------
    def append(self, entry: ChatEntry) -> None:
        """Add a message, dropping the oldest past the capacity."""
        if len(self._entries) >= self._capacity:
            self.beginRemoveRows(QModelIndex(), 0, 0)
            self._entries.popleft()
            if self._marker is not None:
                self._marker = self._marker - 1 if self._marker > 0 else None
            self.endRemoveRows()
            if self._entries:  # the new first row now opens its day
                self.dataChanged.emit(self.index(0), self.index(0))
        row = len(self._entries)
        self.beginInsertRows(QModelIndex(), row, row)
        self._entries.append(entry)
        self.endInsertRows()

    def set_marker(self, row: int | None) -> None:
        """Put the "new messages" marker above ``row`` (None: no marker)."""
        if row is not None and not 0 <= row < len(self._entries):
            row = None
        if row == self._marker:
            return
        # The rows change height: a layout change makes the view measure them again.
        self.layoutAboutToBeChanged.emit()
        self._marker = row
        self.layoutChanged.emit()

    def mark_unread(self, count: int) -> None:
        """Put the marker above the last ``count`` received messages (notes are not counted)."""
        row = len(self._entries)
        while count > 0 and row > 0:
            row -= 1
            entry = self._entries[row]
            if not entry.note and not entry.outgoing:
                count -= 1
        self.set_marker(row if row < len(self._entries) else None)

    @property
    def marker_row(self) -> int | None:
        """The row the "new messages" marker sits above, or None."""
        return self._marker

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
        for row in range(len(self._entries) - 1, -1, -1):  # the newest are the likeliest
            entry = self._entries[row]
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

    def offer_changed(self, offer: object) -> bool:
        """The offer shown on a message changed; False if no message here carries it."""
        if not any(entry.offer is offer for entry in self._entries):
            return False
        # Its lines may change in number: a layout change makes the view measure rows again.
        self.layoutAboutToBeChanged.emit()
        self.layoutChanged.emit()
        return True

    def offer_rows(self) -> list[int]:
        """The rows of the messages that carry offers, oldest first."""
        return [row for row, entry in enumerate(self._entries) if entry.offer is not None]

    def set_opened(self, row: int) -> None:
        """A received sealed message was opened."""
        entry = self.entry(row)
        if entry is not None:
            entry.opened = True
            self.dataChanged.emit(self.index(row), self.index(row))

    # -- queries -----------------------------------------------------------------------------------
    def entry(self, row: int) -> ChatEntry | None:
        """The message on ``row``."""
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def find(self, message_id: int) -> ChatEntry | None:
        """The outgoing message with ``message_id``."""
        for entry in reversed(self._entries):
            if entry.outgoing and entry.message_id == message_id:
                return entry
        return None

    def row_of_history(self, history_id: int) -> int | None:
        """The row of the message stored as ``history_id``, if it is in memory."""
        for row in range(len(self._entries) - 1, -1, -1):
            if self._entries[row].history_id == history_id:
                return row
        return None

    def starts_day(self, row: int) -> bool:
        """``row`` is the first message of its day here (a date separator goes above it)."""
        entry = self.entry(row)
        before = self.entry(row - 1)
        return entry is not None and (before is None or before.when.date() != entry.when.date())

    def starts_run(self, row: int) -> bool:
        """``row`` starts a run of messages from one sender (the name goes above it)."""
        entry = self.entry(row)
        before = self.entry(row - 1)
        if entry is None:
            return False
        return (
            before is None
            or before.note
            or before.outgoing != entry.outgoing
            or before.sender != entry.sender
            or entry.when - before.when > RUN_GAP
            or self.starts_day(row)
            or row == self._marker
        )

    # -- Qt model ----------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._entries):
            return None
        row = index.row()
        entry = self._entries[row]
        if role == self.EntryRole:
            return entry
        if role == self.BodyRole:
            return self.body(entry)
        if role == self.FooterRole:
            return self.footer(entry)
        if role == self.StartsDayRole:
            return self.starts_day(row)
        if role == self.StartsRunRole:
            return self.starts_run(row)
        if role == self.MarkerRole:
            return row == self._marker
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry)
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry.reason or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            side = Qt.AlignmentFlag.AlignRight if entry.outgoing else Qt.AlignmentFlag.AlignLeft
            return int(side | Qt.AlignmentFlag.AlignVCenter)
        return None

    def body(self, entry: ChatEntry) -> str:
        """The text shown in the message's bubble."""
        if entry.sealed and not entry.outgoing and not entry.opened:
            return self.tr("🔒 Sealed message: double-click to open")
        text = f"🔒 {entry.text}" if entry.sealed else entry.text
        if entry.offer is not None:
            files = entry.offer.text()
            return f"{text}\n{files}" if text else files
        return text

    def footer(self, entry: ChatEntry) -> str:
        """The time and, for a message we sent, where it stands: ``14:03 ✓✓ read``."""
        stamp = entry.when.strftime("%H:%M")
        if not entry.outgoing or entry.note:
            return stamp
        if entry.state is Delivery.SENDING:
            return f"{stamp} …"
        if entry.state is Delivery.DELIVERED:
            return f"{stamp} ✓ " + self.tr("delivered")
        if entry.state is Delivery.READ:
            return f"{stamp} ✓✓ " + self.tr("read")
        if entry.state is Delivery.SENT:
            return f"{stamp} ➜ {entry.reason}"
        return f"{stamp} ✗ " + self.tr("not delivered: {reason}").format(reason=entry.reason)

    def _display(self, entry: ChatEntry) -> str:
        stamp = entry.when.strftime("%H:%M:%S")
        head = f"[{stamp}] {entry.sender}: {self.body(entry)}"
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
