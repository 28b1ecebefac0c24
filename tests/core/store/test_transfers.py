"""The transfers list in a real SQLite file: snapshots by id, throttled progress, restart."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from desktop.core.ipmsg.transfer import Direction, Transfer, TransferState
from desktop.core.sentence import sentence
from desktop.core.store.database import Database
from desktop.core.store.transfers import INTERRUPTED, TransferStore


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _transfer(tid: int, **changes: object) -> Transfer:
    base = Transfer(
        transfer_id=tid,
        direction=Direction.RECEIVE,
        peer_label="鲍勃 (198.18.0.2:2425)",
        peer_address=("198.18.0.2", 2425),
        packet_no=1000 + tid,
        file_id=tid,
        name=f"报告{tid}.pdf",
        size=1000,
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def test_snapshots_replace_by_id_and_load_newest_first(tmp_path: Path) -> None:
    with Database(tmp_path / "t.sqlite3") as db:
        store = TransferStore(db.connection)
        store.save(_transfer(1, state=TransferState.DONE, done=1000))
        store.save(_transfer(2, state=TransferState.DECLINED))
        store.save(_transfer(1, state=TransferState.FAILED, reason=sentence("disk full {n}", n=3)))
        loaded = store.load()
    assert [t.transfer_id for t in loaded] == [2, 1]
    assert loaded[1].state is TransferState.FAILED
    assert loaded[1].reason == sentence("disk full {n}", n=3)
    assert loaded[1].name == "报告1.pdf" and loaded[1].peer_address == ("198.18.0.2", 2425)


def test_progress_is_written_at_most_once_a_second_state_changes_always(tmp_path: Path) -> None:
    clock = Clock()
    with Database(tmp_path / "t.sqlite3") as db:
        store = TransferStore(db.connection, clock)
        assert store.save(_transfer(1, state=TransferState.RUNNING, done=0))
        written = 0
        for step in range(1, 26):  # ten snapshots a second for 2.5 s
            clock.now += 0.1
            written += store.save(_transfer(1, state=TransferState.RUNNING, done=step * 10))
        assert written == 2
        assert store.save(_transfer(1, state=TransferState.DONE, done=1000))  # at once
        assert TransferStore(db.connection).load()[0].state is TransferState.DONE


def test_a_restart_brings_unfinished_transfers_back_failed_never_done(tmp_path: Path) -> None:
    path = tmp_path / "t.sqlite3"
    with Database(path) as db:
        store = TransferStore(db.connection)
        store.save(_transfer(1, state=TransferState.RUNNING, done=999))
        store.save(_transfer(2, state=TransferState.WAITING))
        store.save(_transfer(3, state=TransferState.DONE, done=1000))
    with Database(path) as db:  # the app started again
        loaded = {t.transfer_id: t for t in TransferStore(db.connection).load()}
        again = {t.transfer_id: t for t in TransferStore(db.connection).load()}
    for tid in (1, 2):
        assert loaded[tid].state is TransferState.FAILED
        assert loaded[tid].reason is not None and loaded[tid].reason.template == INTERRUPTED
        assert again[tid].state is TransferState.FAILED  # also rewritten in the file
    assert loaded[1].done == 999
    assert loaded[3].state is TransferState.DONE


def test_delete_clear_finished_and_next_id(tmp_path: Path) -> None:
    with Database(tmp_path / "t.sqlite3") as db:
        store = TransferStore(db.connection)
        assert store.next_id() == 1
        store.save(_transfer(1, state=TransferState.DONE))
        store.save(_transfer(2, state=TransferState.CANCELLED))
        store.save(_transfer(3, state=TransferState.RUNNING))
        store.save(_transfer(4, state=TransferState.EXPIRED))
        store.delete(4)
        assert store.clear_finished() == 2
        assert [t.transfer_id for t in TransferStore(db.connection).load()] == [3]
        assert store.next_id() == 4
