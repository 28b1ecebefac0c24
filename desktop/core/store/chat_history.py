"""The Messenger's history: every message sent or received, kept in the database."""

from __future__ import annotations

import dataclasses
import sqlite3

from desktop.core.errors import StoreError
from desktop.core.sentence import QT_TRANSLATE_NOOP, sentence
from desktop.core.store.database import transaction

__all__ = ["ChatEntry", "ChatHistory"]

_COLUMNS = "id, peer, peer_name, direction, text, sealed, state, reason, t_ns, message_key"
_DIRECTIONS = ("in", "out")


@dataclasses.dataclass(frozen=True)
class ChatEntry:
    """One stored message.

    Attributes:
        id: the database row.
        peer: who the conversation is with (the text of its peer key).
        peer_name: the peer's name when the message was stored.
        direction: "in" (received) or "out" (sent).
        text: the message.
        sealed: a sealed message.
        state: delivery state ("sending", "delivered", "read", "failed", "received").
        reason: why it was not delivered, or None.
        t_ns: when it was sent or received, in nanoseconds since the epoch.
        message_key: the sender's packet number or the node's message id, if known.
    """

    id: int
    peer: str
    peer_name: str
    direction: str
    text: str
    sealed: bool
    state: str
    reason: str | None
    t_ns: int
    message_key: str | None = None


class ChatHistory:
    """The chat messages of a database from ``open_database()``."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def add(  # noqa: PLR0917 - the columns in table order, as callers read them
        self,
        peer: str,
        peer_name: str,
        direction: str,
        text: str,
        sealed: bool,
        state: str,
        t_ns: int,
        message_key: str | None = None,
    ) -> int:
        """Store a message; returns its row id.

        Raises:
            StoreError: ``direction`` is not "in" or "out", or the database failed.
        """
        if direction not in _DIRECTIONS:
            raise StoreError(
                sentence(
                    QT_TRANSLATE_NOOP("core", "A message goes 'in' or 'out', not {direction}."),
                    direction=repr(direction),
                )
            )
        with transaction(self._conn, sentence(QT_TRANSLATE_NOOP("core", "store the chat message"))):
            cursor = self._conn.execute(
                "INSERT INTO chat_messages (peer, peer_name, direction, text, sealed, state,"
                " reason, t_ns, message_key) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)",
                (peer, peer_name, direction, text, int(sealed), state, t_ns, message_key),
            )
        row_id = cursor.lastrowid
        assert row_id is not None
        return row_id

    def set_state(self, row_id: int, state: str, reason: str | None = None) -> None:
        """Change the delivery state of the message ``row_id``."""
        with transaction(
            self._conn, sentence(QT_TRANSLATE_NOOP("core", "update the chat message"))
        ):
            self._conn.execute(
                "UPDATE chat_messages SET state = ?, reason = ? WHERE id = ?",
                (state, reason, row_id),
            )

    def get(self, row_id: int) -> ChatEntry | None:
        """The message ``row_id``, or None."""
        with transaction(self._conn, sentence(QT_TRANSLATE_NOOP("core", "read a chat message"))):
            row = self._conn.execute(
                f"SELECT {_COLUMNS} FROM chat_messages WHERE id = ?", (row_id,)
            ).fetchone()
        return None if row is None else _from_row(row)

    def conversation(self, peer: str, limit: int = 2000) -> list[ChatEntry]:
        """The newest ``limit`` messages with ``peer``, oldest first."""
        with transaction(self._conn, sentence(QT_TRANSLATE_NOOP("core", "read the conversation"))):
            rows = self._conn.execute(
                f"SELECT {_COLUMNS} FROM chat_messages WHERE peer = ?"
                " ORDER BY t_ns DESC, id DESC LIMIT ?",
                (peer, limit),
            ).fetchall()
        return [_from_row(row) for row in reversed(rows)]

    def recent(self, limit: int = 30) -> list[ChatEntry]:
        """The last message of each of the ``limit`` latest conversations, newest first."""
        with transaction(self._conn, "read the recent conversations"):
            rows = self._conn.execute(
                f"SELECT {', '.join('m.' + c for c in _COLUMNS.split(', '))} FROM chat_messages m"
                " JOIN (SELECT peer, MAX(t_ns) AS last FROM chat_messages GROUP BY peer) latest"
                " ON m.peer = latest.peer AND m.t_ns = latest.last"
                " ORDER BY m.t_ns DESC, m.id DESC",
            ).fetchall()
        entries: dict[str, ChatEntry] = {}
        for row in rows:  # two messages of one peer at the same instant: the later row
            entry = _from_row(row)
            entries.setdefault(entry.peer, entry)
            if len(entries) == limit:
                break
        return list(entries.values())

    def search(self, text: str, limit: int = 200) -> list[ChatEntry]:
        """The newest ``limit`` messages containing ``text`` (ignoring ASCII case), newest first."""
        escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        with transaction(
            self._conn, sentence(QT_TRANSLATE_NOOP("core", "search the chat history"))
        ):
            rows = self._conn.execute(
                f"SELECT {_COLUMNS} FROM chat_messages WHERE text LIKE ? ESCAPE '\\'"
                " ORDER BY t_ns DESC, id DESC LIMIT ?",
                (f"%{escaped}%", limit),
            ).fetchall()
        return [_from_row(row) for row in rows]


def _from_row(row: tuple[object, ...]) -> ChatEntry:
    (row_id, peer, peer_name, direction, text, sealed, state, reason, t_ns, key) = row
    return ChatEntry(
        id=int(str(row_id)),
        peer=str(peer),
        peer_name=str(peer_name),
        direction=str(direction),
        text=str(text),
        sealed=bool(sealed),
        state=str(state),
        reason=None if reason is None else str(reason),
        t_ns=int(str(t_ns)),
        message_key=None if key is None else str(key),
    )
