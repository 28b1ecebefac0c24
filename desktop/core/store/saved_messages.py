"""Messages the user saved for sending again, kept in the database and shared as JSON."""

from __future__ import annotations

import builtins
import dataclasses
import json
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.core.errors import StoreError
from desktop.core.files import open_atomic
from desktop.core.os_reasons import os_reason
from desktop.core.sentence import QT_TRANSLATE_NOOP, sentence
from desktop.core.store.database import transaction

__all__ = ["JSON_KEY", "JSON_VERSION", "SavedMessage", "SavedMessageStore"]

JSON_KEY = "socketdesk_saved_messages"
JSON_VERSION = 1
# A library of saved messages is small; a bigger file is not one, and reading it whole would
# only cost memory.
_MAX_IMPORT_BYTES = 64 * 1024 * 1024
_FIELDS = ("name", "data", "format", "encoding", "line_ending")
_COLUMNS = "id, name, data, format, encoding, line_ending"


@dataclasses.dataclass(frozen=True)
class SavedMessage:
    """A message as typed in the send box, with how to turn it into bytes.

    Attributes:
        name: unique, shown in the list.
        data: the text as typed.
        format: how ``data`` is read: "text", "hex" or "escaped".
        encoding: the codec for text, e.g. "utf-8".
        line_ending: appended when sending: "none", "lf", "crlf" or "cr".
        id: the database row, or None for a message not saved yet.
    """

    name: str
    data: str
    format: str
    encoding: str
    line_ending: str
    id: int | None = None


class SavedMessageStore:
    """The saved messages of a database from ``open_database()``.

    Args:
        conn: the connection.
        clock: gives the time in nanoseconds, for the created/updated columns.
    """

    def __init__(self, conn: sqlite3.Connection, clock: Callable[[], int] = time.time_ns) -> None:
        self._conn = conn
        self._clock = clock

    def list(self) -> builtins.list[SavedMessage]:
        """Every saved message, by name, ignoring case."""
        with transaction(
            self._conn, sentence(QT_TRANSLATE_NOOP("core", "read the saved messages"))
        ):
            rows = self._conn.execute(
                f"SELECT {_COLUMNS} FROM saved_messages ORDER BY lower(name), name"
            ).fetchall()
        return [_from_row(row) for row in rows]

    def get(self, name: str) -> SavedMessage | None:
        """The message called ``name``, or None if there is none."""
        with transaction(self._conn, sentence(QT_TRANSLATE_NOOP("core", "read a saved message"))):
            row = self._conn.execute(
                f"SELECT {_COLUMNS} FROM saved_messages WHERE name = ?", (name,)
            ).fetchone()
        return None if row is None else _from_row(row)

    def save(self, message: SavedMessage) -> SavedMessage:
        """Insert ``message``, or update the one with the same name (``message.id`` is ignored).

        Returns:
            The message as stored, with its id.

        Raises:
            StoreError: the name is empty, or the database failed.
        """
        _check(message)
        with transaction(
            self._conn,
            sentence(QT_TRANSLATE_NOOP("core", "save the message {name}"), name=repr(message.name)),
        ):
            saved = self._upsert(message)
        return saved

    def rename(self, old: str, new: str) -> None:
        """Give the message ``old`` the name ``new``.

        Raises:
            StoreError: there is no message ``old``, ``new`` is empty or already taken.
        """
        _check(SavedMessage(new, "", "", "", ""))
        with transaction(
            self._conn,
            sentence(QT_TRANSLATE_NOOP("core", "rename the message {name}"), name=repr(old)),
            immediate=True,
        ):
            if old != new and self._exists(new):
                raise StoreError(
                    sentence(
                        QT_TRANSLATE_NOOP("core", "A saved message is already called {name}."),
                        name=repr(new),
                    )
                )
            cursor = self._conn.execute(
                "UPDATE saved_messages SET name = ?, updated_ns = ? WHERE name = ?",
                (new, self._clock(), old),
            )
            if cursor.rowcount == 0:
                raise StoreError(
                    sentence(
                        QT_TRANSLATE_NOOP("core", "No saved message is called {name}."),
                        name=repr(old),
                    )
                )

    def delete(self, name: str) -> bool:
        """Delete the message ``name``.

        Returns:
            Whether there was such a message.
        """
        with transaction(
            self._conn,
            sentence(QT_TRANSLATE_NOOP("core", "delete the message {name}"), name=repr(name)),
        ):
            cursor = self._conn.execute("DELETE FROM saved_messages WHERE name = ?", (name,))
        return cursor.rowcount > 0

    def export_json(self, path: Path) -> int:
        """Write every message to ``path`` (0600) as a versioned JSON document.

        Returns:
            The number of messages written.

        Raises:
            SaveError: the file could not be written.
            StoreError: the database could not be read.
        """
        messages = self.list()
        document = {
            JSON_KEY: JSON_VERSION,
            "messages": [{field: getattr(m, field) for field in _FIELDS} for m in messages],
        }
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
        with open_atomic(path, private=True) as stream:
            stream.write(text.encode("utf-8"))
        return len(messages)

    def import_json(self, path: Path) -> int:
        """Add the messages of a document from ``export_json()``; same names are overwritten.

        Nothing is imported unless the whole document is valid.

        Returns:
            The number of messages imported.

        Raises:
            StoreError: the file cannot be read, is not such a document, or the database failed.
        """
        messages = _parse_document(_read_json(path), path)
        with transaction(
            self._conn,
            sentence(QT_TRANSLATE_NOOP("core", "import the messages of {path}"), path=str(path)),
        ):
            for message in messages:
                self._upsert(message)
        return len(messages)

    def _upsert(self, message: SavedMessage) -> SavedMessage:
        now = self._clock()
        (row_id,) = self._conn.execute(
            "INSERT INTO saved_messages"
            " (name, data, format, encoding, line_ending, created_ns, updated_ns)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (name) DO UPDATE SET data = excluded.data, format = excluded.format,"
            " encoding = excluded.encoding, line_ending = excluded.line_ending,"
            " updated_ns = excluded.updated_ns"
            " RETURNING id",
            (*(getattr(message, field) for field in _FIELDS), now, now),
        ).fetchone()
        return dataclasses.replace(message, id=row_id)

    def _exists(self, name: str) -> bool:
        query = "SELECT 1 FROM saved_messages WHERE name = ?"
        return self._conn.execute(query, (name,)).fetchone() is not None


def _from_row(row: tuple[Any, ...]) -> SavedMessage:
    row_id, name, data, format_, encoding, line_ending = row
    return SavedMessage(name, data, format_, encoding, line_ending, id=row_id)


def _check(message: SavedMessage) -> None:
    if not message.name.strip():
        raise StoreError(sentence(QT_TRANSLATE_NOOP("core", "A saved message needs a name.")))
    for field in _FIELDS:
        try:
            getattr(message, field).encode("utf-8")
        except UnicodeEncodeError as error:
            raise StoreError(
                sentence(
                    QT_TRANSLATE_NOOP("core", "The {field} of a saved message has invalid text."),
                    field=field,
                )
            ) from error


def _read_json(path: Path) -> object:
    try:
        with path.open("rb") as stream:
            raw = stream.read(_MAX_IMPORT_BYTES + 1)
    except OSError as error:
        raise StoreError(
            sentence(
                QT_TRANSLATE_NOOP("core", "Could not read {path}: {reason}."),
                path=str(path),
                reason=os_reason(error),
            )
        ) from error
    if len(raw) > _MAX_IMPORT_BYTES:
        limit = _MAX_IMPORT_BYTES // (1024 * 1024)
        raise StoreError(
            sentence(
                QT_TRANSLATE_NOOP(
                    "core", "{path} is larger than {limit} MiB: it is not a saved-message file."
                ),
                path=str(path),
                limit=limit,
            )
        )
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise StoreError(
            sentence(QT_TRANSLATE_NOOP("core", "{path} is not UTF-8 text."), path=str(path))
        ) from error
    except json.JSONDecodeError as error:
        raise StoreError(
            sentence(
                QT_TRANSLATE_NOOP(
                    "core", "{path} is not valid JSON ({reason} at line {line}, column {column})."
                ),
                path=str(path),
                reason=error.msg,
                line=error.lineno,
                column=error.colno,
            )
        ) from error
    except ValueError as error:  # e.g. an integer beyond Python's digit limit
        raise StoreError(
            sentence(
                QT_TRANSLATE_NOOP("core", "{path} is not valid JSON ({reason})."),
                path=str(path),
                reason=str(error),
            )
        ) from error
    except RecursionError as error:
        raise StoreError(
            sentence(
                QT_TRANSLATE_NOOP(
                    "core", "{path} is nested too deeply to be a saved-message file."
                ),
                path=str(path),
            )
        ) from error


def _parse_document(document: object, path: Path) -> list[SavedMessage]:
    not_ours = StoreError(
        sentence(
            QT_TRANSLATE_NOOP("core", "{path} is not a SocketDesk saved-message file."),
            path=str(path),
        )
    )
    if not isinstance(document, dict):
        raise not_ours
    version = document.get(JSON_KEY)
    # bool is an int in Python: true must not pass for version 1.
    if type(version) is not int:
        raise not_ours
    if version > JSON_VERSION:
        raise StoreError(
            sentence(
                QT_TRANSLATE_NOOP("core", "{path} was written by a newer version of SocketDesk."),
                path=str(path),
            )
        )
    if version != JSON_VERSION:
        raise not_ours
    entries = document.get("messages")
    if not isinstance(entries, list):
        raise StoreError(
            sentence(QT_TRANSLATE_NOOP("core", "{path} has no list of messages."), path=str(path))
        )
    return [_parse_entry(entry, number, path) for number, entry in enumerate(entries, 1)]


def _parse_entry(entry: object, number: int, path: Path) -> SavedMessage:
    if not isinstance(entry, dict):
        raise StoreError(
            sentence(
                QT_TRANSLATE_NOOP("core", "Message {number} in {path} is not an object."),
                number=number,
                path=str(path),
            )
        )
    values: dict[str, str] = {}
    for field in _FIELDS:
        value = entry.get(field)
        if not isinstance(value, str):
            raise StoreError(
                sentence(
                    QT_TRANSLATE_NOOP(
                        "core", "Message {number} in {path} has no text field {field}."
                    ),
                    number=number,
                    path=str(path),
                    field=repr(field),
                )
            )
        values[field] = value
    message = SavedMessage(
        values["name"], values["data"], values["format"], values["encoding"], values["line_ending"]
    )
    try:
        _check(message)
    except StoreError as error:
        raise StoreError(
            sentence(
                QT_TRANSLATE_NOOP("core", "Message {number} in {path}: {problem}"),
                number=number,
                path=str(path),
                problem=error.sentence,
            )
        ) from error
    return message
