from __future__ import annotations

import itertools
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.errors import SaveError, StoreError
from desktop.core.store import SavedMessage, SavedMessageStore, open_database
from desktop.core.store.database import MIGRATIONS, schema_version


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    connection = open_database(tmp_path / "test.sqlite3")
    yield connection
    connection.close()


@pytest.fixture
def store(conn: sqlite3.Connection) -> SavedMessageStore:
    clock = itertools.count(1000)
    return SavedMessageStore(conn, clock=lambda: next(clock))


def msg(name: str, data: str = "hello", **kwargs: str) -> SavedMessage:
    fields = {"format": "text", "encoding": "utf-8", "line_ending": "crlf"} | kwargs
    return SavedMessage(name, data, fields["format"], fields["encoding"], fields["line_ending"])


def without_ids(messages: list[SavedMessage]) -> list[SavedMessage]:
    return [SavedMessage(m.name, m.data, m.format, m.encoding, m.line_ending) for m in messages]


# --- the database -------------------------------------------------------------------------


def test_wal_foreign_keys_and_schema_version(conn: sqlite3.Connection) -> None:
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert conn.execute("PRAGMA foreign_keys").fetchone() == (1,)
    assert schema_version(conn) == len(MIGRATIONS)


def test_reopening_keeps_data_and_runs_no_migration_twice(tmp_path: Path) -> None:
    path = tmp_path / "test.sqlite3"
    first = open_database(path)
    SavedMessageStore(first).save(msg("a"))
    first.close()
    second = open_database(path)
    assert SavedMessageStore(second).get("a") is not None
    assert second.execute("SELECT count(*) FROM schema_version").fetchone() == (len(MIGRATIONS),)
    second.close()


def test_a_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "test.sqlite3"
    conn = open_database(path)
    conn.execute("INSERT INTO schema_version (version, applied_ns) VALUES (99, 0)")
    conn.close()
    with pytest.raises(StoreError, match=r"written by a newer version of SocketDesk \(schema 99;"):
        open_database(path)


def test_a_file_that_is_not_a_database_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "test.sqlite3"
    path.write_bytes(b"not a database, but long enough to look like a header" * 20)
    with pytest.raises(StoreError, match=r"Could not open the database .*: file is not a database"):
        open_database(path)


def test_a_database_in_a_missing_directory_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="Could not open the database"):
        open_database(tmp_path / "missing" / "test.sqlite3")


# --- saved messages -----------------------------------------------------------------------


def test_save_get_list_delete(store: SavedMessageStore) -> None:
    saved = store.save(msg("ping", "PING\\r\\n", format="escaped", line_ending="none"))
    assert saved.id is not None
    assert store.get("ping") == saved
    assert store.get("nope") is None
    assert store.list() == [saved]
    assert store.delete("ping") is True
    assert store.delete("ping") is False
    assert store.list() == []


def test_list_is_by_name_ignoring_case(store: SavedMessageStore) -> None:
    for name in ["beta", "Alpha", "gamma", "Beta2", "中文"]:
        store.save(msg(name))
    assert [m.name for m in store.list()] == ["Alpha", "beta", "Beta2", "gamma", "中文"]


def test_saving_a_taken_name_updates_that_message(
    store: SavedMessageStore, conn: sqlite3.Connection
) -> None:
    first = store.save(msg("a", "one"))
    second = store.save(msg("a", "two", format="hex", encoding="gbk", line_ending="lf"))
    assert second.id == first.id
    assert store.list() == [second]
    assert second == SavedMessage("a", "two", "hex", "gbk", "lf", id=first.id)
    stamps = conn.execute("SELECT created_ns, updated_ns FROM saved_messages").fetchone()
    assert stamps == (1000, 1001)


def test_rename(store: SavedMessageStore) -> None:
    saved = store.save(msg("old"))
    store.rename("old", "new")
    assert store.get("old") is None
    assert store.get("new") == SavedMessage("new", "hello", "text", "utf-8", "crlf", id=saved.id)
    store.rename("new", "new")
    assert [m.name for m in store.list()] == ["new"]


def test_rename_onto_a_taken_name_is_refused(store: SavedMessageStore) -> None:
    store.save(msg("a", "A"))
    store.save(msg("b", "B"))
    with pytest.raises(StoreError, match=r"^A saved message is already called 'b'\.$"):
        store.rename("a", "b")
    assert [(m.name, m.data) for m in store.list()] == [("a", "A"), ("b", "B")]


def test_rename_of_a_missing_message_is_refused(store: SavedMessageStore) -> None:
    with pytest.raises(StoreError, match=r"^No saved message is called 'x'\.$"):
        store.rename("x", "y")


@pytest.mark.parametrize("name", ["", "   "])
def test_empty_names_are_refused(store: SavedMessageStore, name: str) -> None:
    with pytest.raises(StoreError, match="needs a name"):
        store.save(msg(name))
    store.save(msg("a"))
    with pytest.raises(StoreError, match="needs a name"):
        store.rename("a", name)


def test_text_that_cannot_be_stored_is_a_store_error(store: SavedMessageStore) -> None:
    with pytest.raises(StoreError, match="data of a saved message has invalid text"):
        store.save(msg("a", "\ud800"))


def test_a_closed_connection_is_a_store_error(
    store: SavedMessageStore, conn: sqlite3.Connection
) -> None:
    conn.close()
    with pytest.raises(StoreError, match="Could not read the saved messages"):
        store.list()


text_without_surrogates = st.text(st.characters(exclude_categories=["Cs"]))


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=50)
@given(name=text_without_surrogates.filter(str.strip), data=text_without_surrogates)
def test_any_text_is_stored_exactly(store: SavedMessageStore, name: str, data: str) -> None:
    saved = store.save(msg(name, data))
    assert store.get(name) == saved
    assert saved.data == data


# --- JSON ---------------------------------------------------------------------------------


def test_json_round_trip(store: SavedMessageStore, tmp_path: Path) -> None:
    messages = [
        msg("中文", "你好\\r\\n", format="escaped", encoding="gb18030"),
        msg("hex", "de ad be ef", format="hex", line_ending="none"),
        msg("nul", "a\x00b"),
    ]
    for message in messages:
        store.save(message)
    path = tmp_path / "messages.json"
    assert store.export_json(path) == 3
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["socketdesk_saved_messages"] == 1
    assert document["messages"][0] == {
        "name": "hex",
        "data": "de ad be ef",
        "format": "hex",
        "encoding": "utf-8",
        "line_ending": "none",
    }
    assert "中文" in path.read_text(encoding="utf-8")  # written as UTF-8, not \\u escapes

    other = open_database(tmp_path / "other.sqlite3")
    try:
        imported = SavedMessageStore(other)
        assert imported.import_json(path) == 3
        assert without_ids(imported.list()) == without_ids(store.list())
    finally:
        other.close()


def test_import_overwrites_by_name_and_keeps_the_others(
    store: SavedMessageStore, tmp_path: Path
) -> None:
    store.save(msg("a", "old a"))
    store.save(msg("keep", "kept"))
    path = tmp_path / "m.json"
    entries = [
        {"name": "a", "data": "new a", "format": "text", "encoding": "utf-8", "line_ending": "lf"},
        {"name": "b", "data": "b", "format": "hex", "encoding": "ascii", "line_ending": "cr"},
    ]
    path.write_text(json.dumps({"socketdesk_saved_messages": 1, "messages": entries}))
    assert store.import_json(path) == 2
    assert without_ids(store.list()) == [
        SavedMessage("a", "new a", "text", "utf-8", "lf"),
        SavedMessage("b", "b", "hex", "ascii", "cr"),
        SavedMessage("keep", "kept", "text", "utf-8", "crlf"),
    ]


GOOD = {"name": "n", "data": "d", "format": "text", "encoding": "utf-8", "line_ending": "lf"}


def document(*entries: object, version: object = 1) -> bytes:
    return json.dumps({"socketdesk_saved_messages": version, "messages": entries}).encode()


@pytest.mark.parametrize(
    ("content", "sentence"),
    [
        (b"", r"is not valid JSON \(Expecting value at line 1, column 1\)"),
        (b'{"socketdesk_saved_messages": 1,', "is not valid JSON"),
        (b"\xff\xfe", "is not UTF-8 text"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b"1" * 5000, "is not valid JSON"),
        (b"[]", "is not a SocketDesk saved-message file"),
        (b'{"messages": []}', "is not a SocketDesk saved-message file"),
        (document(version=True), "is not a SocketDesk saved-message file"),
        (document(version=0), "is not a SocketDesk saved-message file"),
        (document(version="1"), "is not a SocketDesk saved-message file"),
        (document(version=2), "was written by a newer version of SocketDesk"),
        (b'{"socketdesk_saved_messages": 1, "messages": {}}', "has no list of messages"),
        (document(GOOD, "x"), "Message 2 in .* is not an object"),
        (document(GOOD | {"data": 5}), "Message 1 in .* has no text field 'data'"),
        (document({k: v for k, v in GOOD.items() if k != "format"}), "no text field 'format'"),
        (document(GOOD | {"name": " "}), "Message 1 in .*: A saved message needs a name"),
        (document(GOOD | {"encoding": "\ud800"}), "encoding of a saved message has invalid text"),
    ],
)
def test_a_bad_file_is_a_store_error_and_imports_nothing(
    store: SavedMessageStore, tmp_path: Path, content: bytes, sentence: str
) -> None:
    path = tmp_path / "m.json"
    path.write_bytes(content)
    with pytest.raises(StoreError, match=sentence):
        store.import_json(path)
    assert store.list() == []


def test_a_missing_file_is_a_store_error(store: SavedMessageStore, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"Could not read .*m\.json: No such file or directory\."):
        store.import_json(tmp_path / "m.json")


def test_export_into_a_missing_directory_is_a_save_error(
    store: SavedMessageStore, tmp_path: Path
) -> None:
    with pytest.raises(SaveError, match="Could not write"):
        store.export_json(tmp_path / "missing" / "m.json")
    assert not (tmp_path / "missing").exists()


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=20,
)
entry_like = (
    st.fixed_dictionaries({field: st.text() for field in GOOD})
    | st.fixed_dictionaries({}, optional={field: json_values for field in GOOD})
    | json_values
)
document_like = st.fixed_dictionaries(
    {
        "socketdesk_saved_messages": st.sampled_from([1, 1, 1, 2, 0, True, "1", None]),
        "messages": st.lists(entry_like, max_size=4) | json_values,
    }
)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=200)
@given(value=json_values | document_like)
def test_any_json_value_imports_or_is_a_store_error(
    store: SavedMessageStore, tmp_path: Path, value: object
) -> None:
    path = tmp_path / "m.json"
    path.write_text(json.dumps(value), encoding="utf-8")
    try:
        count = store.import_json(path)
    except StoreError:
        return
    assert isinstance(value, dict)
    assert count == len(value["messages"])
