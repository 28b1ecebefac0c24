"""Every HTTP exchange of the composer, kept in the database as it happens."""

from __future__ import annotations

import dataclasses
import sqlite3
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from desktop.core.errors import StoreError
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence
from desktop.core.store.database import could_not, open_database

__all__ = [
    "MAX_STORED_RESPONSE",
    "HistoryEntry",
    "HttpHistory",
    "NewExchange",
    "StoredExchange",
    "first_line",
]

# The response bytes kept per exchange. The reader may hold far more (a body cap of hundreds of
# MiB); a history of such blobs would grow the file by that much per click and each restore
# would load it whole. The write runs on the GUI thread: 8 MiB takes ~30 ms there, 64 MiB took
# 260 ms (measured), a visible stall. 8 MiB keeps any realistic page; the stored exchange says
# when it was cut.
MAX_STORED_RESPONSE = 8 * 1024 * 1024
# The request line shown in the list and searched: longer lines are cut.
_FIRST_LINE_MAX = 2048

_ENTRY_COLUMNS = "id, t_ns, host, port, tls, first_line, status, error, total_ms, truncated"
_INSERT = (
    "INSERT INTO http_exchanges (t_ns, host, port, tls, first_line, request, response,"
    " status, error, total_ms, truncated, tls_session) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


@dataclasses.dataclass(frozen=True)
class HistoryEntry:
    """One exchange as listed, without its bytes.

    Attributes:
        id: the database row.
        t_ns: when it finished, nanoseconds since the epoch.
        host, port, tls: the target.
        first_line: the request's first line, as Latin-1 text.
        status: the last response's status code, or None.
        error: the sentence when the exchange failed or stopped early.
        total_ms: how long it took.
        truncated: the stored response was cut at ``MAX_STORED_RESPONSE``.
    """

    id: int
    t_ns: int
    host: str
    port: int
    tls: bool
    first_line: str
    status: int | None
    error: str | None
    total_ms: float | None
    truncated: bool


@dataclasses.dataclass(frozen=True)
class NewExchange:
    """One exchange to store (see ``HttpHistory.add`` for the fields)."""

    host: str
    port: int
    tls: bool
    request: bytes
    response: bytes
    status: int | None = None
    error: str | None = None
    total_ms: float | None = None
    tls_session: str | None = None


@dataclasses.dataclass(frozen=True)
class StoredExchange:
    """One exchange with the exact bytes sent and received, and its TLS session as JSON
    (``core/net/tls_record.py``), if any."""

    entry: HistoryEntry
    request: bytes
    response: bytes
    tls_session: str | None = None


def first_line(request: bytes) -> str:
    """The first line of ``request`` (leading blank lines skipped), as Latin-1 text."""
    line = request.lstrip(b"\r\n").split(b"\n", 1)[0].rstrip(b"\r")
    return line[:_FIRST_LINE_MAX].decode("latin-1")


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class HttpHistory:
    """The exchange history of a database from ``open_database()``.

    Args:
        conn: the connection.
        clock: gives the time in nanoseconds, for ``t_ns``.
    """

    def __init__(self, conn: sqlite3.Connection, clock: Callable[[], int] = time.time_ns) -> None:
        self._conn = conn
        self._clock = clock

    def database_file(self) -> Path | None:
        """The database's file, or None for an in-memory database."""
        row = self._conn.execute("PRAGMA database_list").fetchone()  # (seq, name, file)
        return Path(row[2]) if row is not None and row[2] else None

    def now(self) -> int:
        """This history's clock (``t_ns`` of an exchange stored now)."""
        return self._clock()

    def add_elsewhere(self, path: Path, exchange: NewExchange, t_ns: int) -> int:
        """Store one exchange through a connection of its own to ``path`` (this history's
        ``database_file()``), for a worker thread: writing a large response takes tens of
        milliseconds (SQLite's WAL keeps this connection's readers going meanwhile).

        Args:
            t_ns: when it was stored (``now()`` on the caller's thread, so that the list keeps
                the order in which exchanges finished).

        Raises:
            StoreError: the database could not be opened or written.
        """
        conn = open_database(path)
        try:
            return HttpHistory(conn, lambda: t_ns).add_exchange(exchange)
        finally:
            conn.close()

    def add_exchange(self, exchange: NewExchange) -> int:
        """Store ``exchange`` (``add`` with its fields); returns the new row's id."""
        return self.add(
            exchange.host,
            exchange.port,
            exchange.tls,
            exchange.request,
            exchange.response,
            status=exchange.status,
            error=exchange.error,
            total_ms=exchange.total_ms,
            tls_session=exchange.tls_session,
        )

    def add(
        self,
        host: str,
        port: int,
        tls: bool,
        request: bytes,
        response: bytes,
        *,
        status: int | None = None,
        error: str | None = None,
        total_ms: float | None = None,
        tls_session: str | None = None,
    ) -> int:
        """Store one exchange; the response is cut at ``MAX_STORED_RESPONSE``.

        Args:
            tls_session: the TLS session as JSON (``core/net/tls_record.session_to_json``).

        Returns:
            The id of the new row.
        """
        exchange = NewExchange(
            host, port, tls, request, response, status, error, total_ms, tls_session
        )
        cursor = self._run(
            sentence(QT_TRANSLATE_NOOP("core", "store the HTTP exchange")),
            _INSERT,
            self._row(exchange),
        )
        row_id = cursor.lastrowid
        assert row_id is not None
        return row_id

    def add_many(self, exchanges: Sequence[NewExchange]) -> None:
        """Store several exchanges in one transaction: one write to disk for a whole batch
        ("Send N times", "Race N") instead of one per exchange (~1.3 ms each, measured)."""
        if not exchanges:
            return
        rows = [self._row(exchange) for exchange in exchanges]
        try:
            self._conn.execute("BEGIN")
            try:
                self._conn.executemany(_INSERT, rows)
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")
        except sqlite3.Error as error:
            doing = sentence(QT_TRANSLATE_NOOP("core", "store the HTTP exchanges"))
            raise could_not(doing, error) from error

    def _row(self, exchange: NewExchange) -> tuple[Any, ...]:
        response = exchange.response
        truncated = len(response) > MAX_STORED_RESPONSE
        return (
            self._clock(),
            exchange.host,
            exchange.port,
            int(exchange.tls),
            first_line(exchange.request),
            exchange.request,
            memoryview(response)[:MAX_STORED_RESPONSE] if truncated else response,  # no copy
            exchange.status,
            exchange.error,
            exchange.total_ms,
            int(truncated),
            exchange.tls_session,
        )

    def recent(self, limit: int = 500) -> list[HistoryEntry]:
        """The latest ``limit`` exchanges, newest first."""
        rows = self._run(
            sentence(QT_TRANSLATE_NOOP("core", "read the HTTP history")),
            f"SELECT {_ENTRY_COLUMNS} FROM http_exchanges ORDER BY t_ns DESC, id DESC LIMIT ?",
            (limit,),
        ).fetchall()
        return [_entry(row) for row in rows]

    def search(self, text: str, limit: int = 200) -> list[HistoryEntry]:
        """The latest exchanges whose host or request line contains ``text`` (any case), or
        whose status code is ``text`` (``404``)."""
        pattern = f"%{_escape_like(text)}%"
        status = int(text) if text.strip().isdigit() and len(text.strip()) <= 3 else None
        rows = self._run(
            sentence(QT_TRANSLATE_NOOP("core", "search the HTTP history")),
            f"SELECT {_ENTRY_COLUMNS} FROM http_exchanges"
            " WHERE host LIKE ?1 ESCAPE '\\' OR first_line LIKE ?1 ESCAPE '\\' OR status = ?3"
            " ORDER BY t_ns DESC, id DESC LIMIT ?2",
            (pattern, limit, status),
        ).fetchall()
        return [_entry(row) for row in rows]

    def get(self, exchange_id: int) -> StoredExchange:
        """The exchange ``exchange_id`` with its bytes.

        Raises:
            StoreError: there is no such exchange, or the database failed.
        """
        row = self._run(
            sentence(QT_TRANSLATE_NOOP("core", "read an HTTP exchange")),
            f"SELECT {_ENTRY_COLUMNS}, request, response, tls_session FROM http_exchanges"
            " WHERE id = ?",
            (exchange_id,),
        ).fetchone()
        if row is None:
            raise StoreError(
                sentence(
                    QT_TRANSLATE_NOOP("core", "No HTTP exchange {number} in the history."),
                    number=exchange_id,
                )
            )
        return StoredExchange(_entry(row[:10]), bytes(row[10]), bytes(row[11]), row[12])

    def delete(self, exchange_id: int) -> bool:
        """Delete the exchange ``exchange_id``; whether there was one."""
        cursor = self._run(
            sentence(QT_TRANSLATE_NOOP("core", "delete an HTTP exchange")),
            "DELETE FROM http_exchanges WHERE id = ?",
            (exchange_id,),
        )
        return cursor.rowcount > 0

    def clear(self) -> int:
        """Delete every exchange; returns how many there were. Their bytes are overwritten in
        the file (``secure_delete``, set when the database is opened), not just unlinked."""
        cursor = self._run(
            sentence(QT_TRANSLATE_NOOP("core", "clear the HTTP history")),
            "DELETE FROM http_exchanges",
            (),
        )
        return max(cursor.rowcount, 0)

    def count(self) -> int:
        """How many exchanges are stored."""
        (number,) = self._run(
            sentence(QT_TRANSLATE_NOOP("core", "read the HTTP history")),
            "SELECT count(*) FROM http_exchanges",
            (),
        ).fetchone()
        return int(number)

    def _run(self, doing: Sentence, sql: str, params: tuple[Any, ...]) -> sqlite3.Cursor:
        # Single statements in autocommit mode: each is its own transaction.
        try:
            return self._conn.execute(sql, params)
        except sqlite3.Error as error:
            raise could_not(doing, error) from error


def _entry(row: tuple[Any, ...]) -> HistoryEntry:
    row_id, t_ns, host, port, tls, line, status, error, total_ms, truncated = row
    return HistoryEntry(
        row_id, t_ns, host, port, bool(tls), line, status, error, total_ms, bool(truncated)
    )
