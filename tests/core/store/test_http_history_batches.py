"""History: search by status code, and a batch stored in one transaction."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.errors import StoreError
from desktop.core.store import open_database
from desktop.core.store.http_history import MAX_STORED_RESPONSE, HttpHistory, NewExchange


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


def test_a_batch_is_stored_in_one_go_and_listed_in_order(history: HttpHistory) -> None:
    big = b"x" * (MAX_STORED_RESPONSE + 1)
    batch = [
        NewExchange("h", 80, False, b"GET /%d HTTP/1.1\r\n\r\n" % i, b"", status=200)
        for i in range(3)
    ]
    batch.append(NewExchange("h", 443, True, b"GET /big HTTP/1.1\r\n\r\n", big, error="cut"))
    history.add_many(batch)
    history.add_many([])
    entries = history.recent()
    assert [e.first_line for e in entries] == [
        "GET /big HTTP/1.1",
        "GET /2 HTTP/1.1",
        "GET /1 HTTP/1.1",
        "GET /0 HTTP/1.1",
    ]
    assert entries[0].truncated and entries[0].tls and entries[0].error == "cut"
    assert len(history.get(entries[0].id).response) == MAX_STORED_RESPONSE


def test_a_failed_batch_stores_nothing(history: HttpHistory) -> None:
    good = NewExchange("h", 80, False, b"GET / HTTP/1.1\r\n\r\n", b"")
    bad = NewExchange("h", 80, False, b"GET / HTTP/1.1\r\n\r\n", b"", total_ms=object())  # type: ignore[arg-type]
    with pytest.raises(StoreError, match="Could not store the HTTP exchanges"):
        history.add_many([good, bad])
    assert history.recent() == []
    history.add_many([good])  # no transaction was left open
    assert len(history.recent()) == 1
