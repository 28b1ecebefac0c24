"""The application's one database object: opened once, shared by every store, closed once."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.core.errors import StoreError
from desktop.core.store import Database, SavedMessage, SavedMessageStore
from desktop.core.store.chat_history import ChatHistory
from desktop.core.store.database import MIGRATIONS, schema_version
from desktop.core.store.http_history import HttpHistory


def wal_of(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def test_one_connection_serves_every_store(tmp_path: Path) -> None:
    path = tmp_path / "app.sqlite3"
    database = Database(path)
    try:
        conn = database.connection
        assert database.connection is conn
        assert schema_version(conn) == len(MIGRATIONS)
        SavedMessageStore(conn).save(SavedMessage("a", "hi", "text", "utf-8", "crlf"))
        ChatHistory(conn)
        HttpHistory(conn).add("h", 1, False, b"GET / HTTP/1.1\r\n\r\n", b"", status=None)
        assert wal_of(path).exists()  # WAL mode: writes go to the log first
    finally:
        database.close()


def test_close_checkpoints_and_releases_the_file(tmp_path: Path) -> None:
    path = tmp_path / "app.sqlite3"
    database = Database(path)
    SavedMessageStore(database.connection).save(SavedMessage("a", "hi", "text", "utf-8", "crlf"))
    conn = database.connection
    database.close()
    assert database.closed
    # The last connection closed: SQLite moved the log into the file and removed the log.
    assert not wal_of(path).exists()
    with pytest.raises(sqlite3.ProgrammingError):
        conn.execute("SELECT 1")
    with Database(path) as again:
        assert SavedMessageStore(again.connection).get("a") is not None
    assert again.closed


def test_close_twice_is_harmless_and_a_closed_database_says_so(tmp_path: Path) -> None:
    database = Database(tmp_path / "app.sqlite3")
    database.close()
    database.close()
    with pytest.raises(StoreError, match=r"app\.sqlite3 is already closed"):
        _ = database.connection


def test_a_store_on_a_closed_database_reports_a_store_error(tmp_path: Path) -> None:
    database = Database(tmp_path / "app.sqlite3")
    store = SavedMessageStore(database.connection)
    database.close()
    with pytest.raises(StoreError):
        store.save(SavedMessage("a", "hi", "text", "utf-8", "crlf"))


def test_an_unusable_file_is_refused_with_its_path(tmp_path: Path) -> None:
    path = tmp_path / "app.sqlite3"
    path.write_bytes(b"not a database at all, " * 100)
    with pytest.raises(StoreError, match=r"app\.sqlite3"):
        Database(path)
