"""The SQLite database file: opening it, migrating its schema, transactions.

The application opens its database once, as a ``Database`` made by the composition root
(``desktop/app.py``), hands its connection to the saved messages and the histories, and closes it
at exit. All of them use it from the GUI thread (sqlite3's default same-thread check holds).
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

from desktop.core.errors import StoreError
from desktop.core.private import private_file
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence

__all__ = ["DB_NAME", "MIGRATIONS", "Database", "open_database", "schema_version", "transaction"]

DB_NAME = "socketdesk.sqlite3"

# Migration n (1-based) brings the schema from version n - 1 to n. Append only: a released
# migration is never edited, since databases out there have already run it.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE saved_messages (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            data TEXT NOT NULL,
            format TEXT NOT NULL,
            encoding TEXT NOT NULL,
            line_ending TEXT NOT NULL,
            created_ns INTEGER NOT NULL,
            updated_ns INTEGER NOT NULL
        )""",
    ),
    (
        """CREATE TABLE chat_messages (
            id INTEGER PRIMARY KEY,
            peer TEXT NOT NULL,
            peer_name TEXT NOT NULL,
            direction TEXT NOT NULL CHECK(direction IN ('in', 'out')),
            text TEXT NOT NULL,
            sealed INTEGER NOT NULL,
            state TEXT NOT NULL,
            reason TEXT,
            t_ns INTEGER NOT NULL,
            message_key TEXT
        )""",
        "CREATE INDEX chat_messages_peer_time ON chat_messages (peer, t_ns)",
    ),
    # 3: the HTTP composer's exchange history. The response blob is capped per row
    # by HttpHistory (MAX_STORED_RESPONSE; ``truncated`` says when it was cut): a reader may
    # hold far more, and a history of such rows would bloat the file and every restore.
    (
        """CREATE TABLE http_exchanges (
            id INTEGER PRIMARY KEY,
            t_ns INTEGER NOT NULL,
            host TEXT NOT NULL,
            port INTEGER NOT NULL,
            tls INTEGER NOT NULL,
            first_line TEXT NOT NULL,
            request BLOB NOT NULL,
            response BLOB NOT NULL,
            status INTEGER,
            error TEXT,
            total_ms REAL,
            truncated INTEGER NOT NULL DEFAULT 0
        )""",
        "CREATE INDEX http_exchanges_time ON http_exchanges (t_ns)",
    ),
    # 4: the TLS session of an exchange (version, cipher, ALPN, the chain and the verification
    # outcome) as JSON (core/net/tls_record.py), so a restored exchange shows its TLS tab.
    ("ALTER TABLE http_exchanges ADD COLUMN tls_session TEXT",),
    # 5: the Messenger's file transfers (core/store/transfers.py), one row per transfer id,
    # the latest snapshot; ``reason`` is the failure's Sentence as JSON (translated on show).
    (
        """CREATE TABLE transfers (
            id INTEGER PRIMARY KEY,
            direction TEXT NOT NULL,
            peer_label TEXT NOT NULL,
            peer_ip TEXT NOT NULL,
            peer_port INTEGER NOT NULL,
            packet_no INTEGER NOT NULL,
            file_id INTEGER NOT NULL,
            name TEXT NOT NULL,
            is_folder INTEGER NOT NULL,
            size INTEGER NOT NULL,
            done INTEGER NOT NULL,
            files_done INTEGER NOT NULL,
            path TEXT NOT NULL,
            state TEXT NOT NULL,
            reason TEXT,
            started_at REAL NOT NULL,
            finished_at REAL NOT NULL
        )""",
    ),
    # 6: the HTTP history's list read from an index holding every listed column: in the table
    # status, error, total_ms and truncated come after the response blob, and reading them
    # walked each row's overflow pages (20 rows of 8 MiB: 28 ms warm, 105 ms cold, on the GUI
    # thread after every exchange; 0.1 ms from this index. #15).
    (
        "CREATE INDEX http_exchanges_list ON http_exchanges"
        " (t_ns, id, host, port, tls, first_line, status, error, total_ms, truncated)",
    ),
)

_SCHEMA_TABLE = """CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY,
    applied_ns INTEGER NOT NULL
)"""


class Database:
    """The application's one database: opened once, shared, closed once.

    Args:
        path: the database file (the composition root passes ``DB_NAME`` in the data
            directory).

    Raises:
        StoreError: as ``open_database()``.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._conn: sqlite3.Connection | None = open_database(path)

    @property
    def connection(self) -> sqlite3.Connection:
        """The open connection, for the stores built on it.

        Raises:
            StoreError: the database was closed.
        """
        if self._conn is None:
            raise StoreError(
                sentence(
                    QT_TRANSLATE_NOOP("core", "The database {path} is already closed."),
                    path=str(self.path),
                )
            )
        return self._conn

    @property
    def closed(self) -> bool:
        """True once ``close()`` ran."""
        return self._conn is None

    def close(self) -> None:
        """Close the connection (SQLite checkpoints the write-ahead log); again is a no-op."""
        conn, self._conn = self._conn, None
        if conn is not None:
            conn.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def open_database(path: Path) -> sqlite3.Connection:
    """Open (or create) the database and bring its schema up to date.

    The connection is in autocommit mode; group statements with ``transaction()``.

    Args:
        path: the database file.

    Raises:
        StoreError: the file cannot be opened, is not a database, or was written by a newer
            version of SocketDesk.
    """
    # Made 0600 first: SQLite gives its -wal and -shm files the database's mode. A path that
    # cannot be made (a folder, no permission) is left to SQLite, which says why it cannot open.
    with contextlib.suppress(OSError):
        private_file(path)
    try:
        conn = sqlite3.connect(path, isolation_level=None)
    except sqlite3.Error as error:
        raise _cannot_open(path, error) from error
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        # A deleted history entry (an Authorization header, a cookie) is overwritten in the
        # file, not left in a free page for anyone with the file to read.
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA journal_mode = WAL")
        _migrate(conn, path)
    except sqlite3.Error as error:
        conn.close()
        raise _cannot_open(path, error) from error
    except BaseException:
        conn.close()
        raise
    return conn


def schema_version(conn: sqlite3.Connection) -> int:
    """The schema version of the database (0 for a new, empty one)."""
    conn.execute(_SCHEMA_TABLE)
    (version,) = conn.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()
    return int(version)


@contextlib.contextmanager
def transaction(
    conn: sqlite3.Connection, doing: Sentence | str, immediate: bool = False
) -> Iterator[None]:
    """Run a block in one transaction; roll back if it raises.

    Args:
        conn: a connection from ``open_database()``.
        doing: what the block does, for the error sentence ("save the message").
        immediate: take the write lock at once (for read-then-write blocks).

    Raises:
        StoreError: SQLite reported an error; the sentence reads "Could not {doing}: …".
    """
    try:
        conn.execute("BEGIN IMMEDIATE" if immediate else "BEGIN")
        try:
            yield
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    except sqlite3.Error as error:
        raise could_not(doing, error) from error


def could_not(doing: Sentence | str, error: sqlite3.Error) -> StoreError:
    """The error for SQLite's ``error`` while doing ``doing`` ("Could not {doing}: …")."""
    return StoreError(
        sentence(
            QT_TRANSLATE_NOOP("core", "Could not {doing}: {reason}."),
            doing=doing,
            reason=sqlite_reason(error),
        )
    )


def sqlite_reason(error: sqlite3.Error) -> Sentence:
    """SQLite's reason, translatable for the codes users meet; worded as SQLite words it."""
    code = getattr(error, "sqlite_errorcode", None)
    template = _SQLITE_REASONS.get(code & 0xFF) if isinstance(code, int) else None
    if template is not None and str(error) == template:
        return sentence(template)
    return Sentence("{text}", (("text", str(error)),))


# Primary result codes (https://www.sqlite.org/rescode.html) and SQLite's own English for them.
_SQLITE_REASONS = {
    5: QT_TRANSLATE_NOOP("core", "database is locked"),  # SQLITE_BUSY
    8: QT_TRANSLATE_NOOP("core", "attempt to write a readonly database"),  # SQLITE_READONLY
    10: QT_TRANSLATE_NOOP("core", "disk I/O error"),  # SQLITE_IOERR
    11: QT_TRANSLATE_NOOP("core", "database disk image is malformed"),  # SQLITE_CORRUPT
    13: QT_TRANSLATE_NOOP("core", "database or disk is full"),  # SQLITE_FULL
    14: QT_TRANSLATE_NOOP("core", "unable to open database file"),  # SQLITE_CANTOPEN
    26: QT_TRANSLATE_NOOP("core", "file is not a database"),  # SQLITE_NOTADB
}


def _cannot_open(path: Path, error: sqlite3.Error) -> StoreError:
    return StoreError(
        sentence(
            QT_TRANSLATE_NOOP("core", "Could not open the database {path}: {reason}."),
            path=str(path),
            reason=sqlite_reason(error),
        )
    )


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    # IMMEDIATE: two processes starting at once must not both run a migration.
    with transaction(
        conn,
        sentence(QT_TRANSLATE_NOOP("core", "update the database {path}"), path=str(path)),
        immediate=True,
    ):
        version = schema_version(conn)
        if version > len(MIGRATIONS):
            raise StoreError(
                sentence(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "The database {path} was written by a newer version of SocketDesk "
                        "(schema {version}; this version knows up to {known}). "
                        "Update SocketDesk, or move the file away to start afresh.",
                    ),
                    path=str(path),
                    version=version,
                    known=len(MIGRATIONS),
                )
            )
        for number in range(version + 1, len(MIGRATIONS) + 1):
            for statement in MIGRATIONS[number - 1]:
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_version (version, applied_ns) VALUES (?, ?)",
                (number, time.time_ns()),
            )
