from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.errors import StoreError
from desktop.core.store import open_database
from desktop.core.store.http_history import (
    MAX_STORED_RESPONSE,
    HttpHistory,
    first_line,
)


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    connection = open_database(tmp_path / "test.sqlite3")
    yield connection
    connection.close()


@pytest.fixture
def history(conn: sqlite3.Connection) -> HttpHistory:
    clock = itertools.count(1000)
    return HttpHistory(conn, clock=lambda: next(clock))


GET = b"GET /hello.txt HTTP/1.1\r\nHost: localhost\r\n\r\n"
OK = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi"


def test_add_get_and_recent_newest_first(history: HttpHistory) -> None:
    first = history.add("localhost", 80, False, GET, OK, status=200, total_ms=1.5)
    second = history.add("example.org", 443, True, b"POST /x HTTP/1.1\r\n\r\n", b"", error="boom")
    entries = history.recent()
    assert [e.id for e in entries] == [second, first]
    newest = entries[0]
    assert (newest.host, newest.port, newest.tls) == ("example.org", 443, True)
    assert newest.first_line == "POST /x HTTP/1.1"
    assert (newest.status, newest.error, newest.total_ms) == (None, "boom", None)
    stored = history.get(first)
    assert (stored.request, stored.response) == (GET, OK)
    assert stored.entry.status == 200 and stored.entry.total_ms == 1.5
    assert not stored.entry.tls and not stored.entry.truncated
    assert stored.entry.t_ns < newest.t_ns
    assert [e.id for e in history.recent(limit=1)] == [second]


def test_search_host_and_request_line_with_like_wildcards_escaped(history: HttpHistory) -> None:
    a = history.add("localhost", 80, False, GET, OK)
    b = history.add("api.example.org", 80, False, b"GET /a_b%c HTTP/1.1\r\n\r\n", OK)
    c = history.add("other", 80, False, b"GET /axbyc HTTP/1.1\r\n\r\nbody mentions EXAMPLE", OK)
    assert [e.id for e in history.search("EXAMPLE")] == [b]
    assert [e.id for e in history.search("hello")] == [a]
    assert [e.id for e in history.search("a_b%")] == [b]
    assert [e.id for e in history.search("_")] == [b]
    assert [e.id for e in history.search("%")] == [b]
    assert [e.id for e in history.search("")] == [c, b, a]
    assert history.search("\\") == []


def test_delete(history: HttpHistory) -> None:
    row = history.add("h", 1, False, GET, OK)
    assert history.delete(row)
    assert not history.delete(row)
    assert history.recent() == []
    with pytest.raises(StoreError, match="No HTTP exchange"):
        history.get(row)


def test_a_huge_response_is_cut_and_flagged(history: HttpHistory) -> None:
    big = b"x" * (MAX_STORED_RESPONSE + 10)
    stored = history.get(history.add("h", 1, False, GET, big))
    assert len(stored.response) == MAX_STORED_RESPONSE and stored.entry.truncated


def test_first_line() -> None:
    assert first_line(b"\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n") == "GET / HTTP/1.1"
    assert first_line(b"GET /\xe9 HTTP/1.0\n") == "GET /\xe9 HTTP/1.0"
    assert first_line(b"") == ""


def test_history_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    first = open_database(path)
    row = HttpHistory(first).add("h", 1, False, GET, OK, status=200)
    first.close()
    second = open_database(path)
    try:
        assert HttpHistory(second).get(row).response == OK
    finally:
        second.close()


def test_sqlite_errors_become_store_errors(conn: sqlite3.Connection) -> None:
    history = HttpHistory(conn)
    conn.execute("DROP TABLE http_exchanges")
    with pytest.raises(StoreError, match="Could not read the HTTP history"):
        history.recent()
    with pytest.raises(StoreError, match="Could not store"):
        history.add("h", 1, False, GET, OK)


def test_a_version_3_history_gains_tls_sessions_and_keeps_its_exchanges(tmp_path: Path) -> None:
    from desktop.core.store.database import MIGRATIONS, schema_version

    path = tmp_path / "v3.sqlite3"
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute(
        "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_ns INTEGER NOT NULL)"
    )
    for number in range(3):
        for statement in MIGRATIONS[number]:
            raw.execute(statement)
        raw.execute("INSERT INTO schema_version VALUES (?, 0)", (number + 1,))
    raw.execute(
        "INSERT INTO http_exchanges (t_ns, host, port, tls, first_line, request, response)"
        " VALUES (1, 'old.test', 443, 1, 'GET / HTTP/1.1', x'00', x'01')"
    )
    raw.close()

    conn = open_database(path)
    try:
        assert schema_version(conn) == len(MIGRATIONS) >= 4
        history = HttpHistory(conn)
        [old] = history.recent()
        assert history.get(old.id).tls_session is None  # stored before sessions were kept
        new = history.add("new.test", 443, True, b"GET /", b"HTTP/1.1 200", tls_session="{}")
        assert history.get(new).tls_session == "{}"
    finally:
        conn.close()


def test_listing_reads_no_response_bytes(history: HttpHistory, conn: sqlite3.Connection) -> None:
    # The listed columns after the response blob made every list walk each row's overflow
    # pages, on the GUI thread after every exchange (#15): the list comes from an index.
    history.add("h", 1, False, GET, b"x" * (1 << 20))
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    history.recent()
    history.search("hello")
    conn.set_trace_callback(None)
    assert len(statements) == 2
    for statement in statements:
        plan = " ".join(row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + statement))
        assert "COVERING INDEX http_exchanges_list" in plan, plan
