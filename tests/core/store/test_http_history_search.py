"""History search by status code, beside host and request line."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.store import open_database
from desktop.core.store.http_history import HttpHistory


@pytest.fixture
def history(tmp_path: Path) -> Iterator[HttpHistory]:
    conn: sqlite3.Connection = open_database(tmp_path / "test.sqlite3")
    yield HttpHistory(conn)
    conn.close()


def test_a_status_code_finds_its_exchanges(history: HttpHistory) -> None:
    ok = history.add("h", 80, False, b"GET /a HTTP/1.1\r\n\r\n", b"", status=200)
    missing = history.add("h", 80, False, b"GET /b HTTP/1.1\r\n\r\n", b"", status=404)
    failed = history.add("h", 80, False, b"GET /c HTTP/1.1\r\n\r\n", b"", error="refused")
    assert [e.id for e in history.search("404")] == [missing]
    assert [e.id for e in history.search(" 200 ")] == [ok]
    assert history.search("500") == []
    by_line = history.add("h", 80, False, b"GET /page/404 HTTP/1.1\r\n\r\n", b"", status=200)
    assert [e.id for e in history.search("404")] == [by_line, missing]
    assert failed not in [e.id for e in history.search("4040")]
