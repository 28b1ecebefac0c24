"""The Messenger's chat history in the database."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.errors import StoreError
from desktop.core.store import SavedMessageStore, open_database
from desktop.core.store.chat_history import ChatHistory
from desktop.core.store.database import MIGRATIONS, schema_version


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    connection = open_database(tmp_path / "test.sqlite3")
    yield connection
    connection.close()


@pytest.fixture
def history(conn: sqlite3.Connection) -> ChatHistory:
    return ChatHistory(conn)


def test_add_and_read_back_a_conversation(history: ChatHistory) -> None:
    a = history.add("bob", "Bob", "out", "你好", False, "sending", 10, None)
    b = history.add("bob", "Bob", "in", "hi", True, "received", 20, "77")
    history.add("carol", "Carol", "in", "other", False, "received", 15)
    entries = history.conversation("bob")
    assert [e.id for e in entries] == [a, b]
    first, second = entries
    assert (first.direction, first.text, first.sealed, first.state) == (
        "out",
        "你好",
        False,
        "sending",
    )
    assert first.reason is None and first.message_key is None and first.t_ns == 10
    assert (second.peer, second.peer_name, second.sealed, second.message_key) == (
        "bob",
        "Bob",
        True,
        "77",
    )
    assert history.conversation("nobody") == []


def test_conversation_keeps_the_newest_oldest_first(history: ChatHistory) -> None:
    for n in range(10):
        history.add("p", "P", "in", str(n), False, "received", 1000 + n)
    assert [e.text for e in history.conversation("p", limit=3)] == ["7", "8", "9"]


def test_set_state_with_a_reason(history: ChatHistory) -> None:
    row = history.add("p", "P", "out", "x", False, "sending", 1)
    history.set_state(row, "failed", "no answer")
    entry = history.get(row)
    assert entry is not None and (entry.state, entry.reason) == ("failed", "no answer")
    history.set_state(row, "delivered")
    entry = history.get(row)
    assert entry is not None and (entry.state, entry.reason) == ("delivered", None)
    assert history.get(row + 100) is None


def test_search_ignores_case_and_escapes_wildcards(history: ChatHistory) -> None:
    history.add("p", "P", "in", "Hello World", False, "received", 1)
    history.add("p", "P", "out", "100% sure", False, "delivered", 2)
    history.add("q", "Q", "in", "snake_case here", False, "received", 3)
    history.add("q", "Q", "in", "snakeXcase and 1000 sure", False, "received", 4)
    history.add("q", "Q", "in", r"a\b path", False, "received", 5)
    assert [e.text for e in history.search("hello world")] == ["Hello World"]
    assert [e.text for e in history.search("0% s")] == ["100% sure"]
    assert [e.text for e in history.search("%")] == ["100% sure"]
    assert [e.text for e in history.search("snake_case")] == ["snake_case here"]
    assert [e.text for e in history.search("\\")] == [r"a\b path"]
    assert [e.text for e in history.search("A", limit=2)] == [
        r"a\b path",
        "snakeXcase and 1000 sure",
    ]
    assert history.search("absent") == []


def test_recent_gives_each_conversation_once_newest_first(history: ChatHistory) -> None:
    assert history.recent() == []
    history.add("a", "A", "in", "a1", False, "received", 10)
    history.add("b", "B", "out", "b1", False, "delivered", 20)
    history.add("a", "A", "in", "a2", False, "received", 30)
    history.add("c", "C", "in", "c1", False, "received", 40)
    history.add("c", "C", "in", "c2 same instant", False, "received", 40)
    assert [(e.peer, e.text) for e in history.recent()] == [
        ("c", "c2 same instant"),
        ("a", "a2"),
        ("b", "b1"),
    ]
    assert [e.peer for e in history.recent(limit=2)] == ["c", "a"]


def test_a_bad_direction_is_refused(history: ChatHistory) -> None:
    with pytest.raises(StoreError):
        history.add("p", "P", "sideways", "x", False, "received", 1)


def test_database_errors_become_store_errors(conn: sqlite3.Connection) -> None:
    history = ChatHistory(conn)
    conn.execute("DROP TABLE chat_messages")
    with pytest.raises(StoreError, match="Could not store the chat message"):
        history.add("p", "P", "in", "x", False, "received", 1)
    with pytest.raises(StoreError):
        history.conversation("p")
    with pytest.raises(StoreError):
        history.search("x")


def test_migration_from_version_1_with_data(tmp_path: Path) -> None:
    path = tmp_path / "v1.sqlite3"
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute(
        "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_ns INTEGER NOT NULL)"
    )
    for statement in MIGRATIONS[0]:
        raw.execute(statement)
    raw.execute("INSERT INTO schema_version (version, applied_ns) VALUES (1, 0)")
    raw.execute(
        "INSERT INTO saved_messages (name, data, format, encoding, line_ending, created_ns,"
        " updated_ns) VALUES ('hello', 'hi', 'text', 'utf-8', 'none', 1, 1)"
    )
    raw.close()

    conn = open_database(path)
    try:
        assert schema_version(conn) == len(MIGRATIONS)
        saved = SavedMessageStore(conn).get("hello")
        assert saved is not None and saved.data == "hi"
        history = ChatHistory(conn)
        row = history.add("p", "P", "in", "after the migration", False, "received", time.time_ns())
        assert [e.id for e in history.conversation("p")] == [row]
    finally:
        conn.close()
