"""The transfers list: batches applied in place, states in words, the window's actions, restart."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from PySide6.QtCore import QUrl

from desktop.core.ipmsg.transfer import Direction, TransferState
from desktop.core.sentence import sentence
from desktop.core.store.database import Database, sqlite_reason
from desktop.core.store.transfers import INTERRUPTED, TransferStore
from desktop.ui.messenger.file_transfers import FileTransfers
from desktop.ui.messenger.transfer_model import TransferModel, state_text
from desktop.ui.messenger.transfers_window import TransfersWindow
from desktop.ui.sentences import say
from tests.ui.messenger.files_helpers import RecordingBridge, transfer

STATE = TransferModel.STATE


def _state(model: TransferModel, row: int) -> str:
    return str(model.index(row, STATE).data())


def test_batches_change_rows_in_place_and_put_new_ones_on_top(qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = TransferModel()
    qtmodeltester.check(model)
    model.apply([transfer(1, TransferState.WAITING), transfer(2, TransferState.WAITING)])
    assert [model.transfer(r).transfer_id for r in range(2)] == [2, 1]  # type: ignore[union-attr]
    with (
        qtbot.assertNotEmitted(model.modelReset),
        qtbot.assertNotEmitted(model.rowsInserted),
        qtbot.waitSignal(model.dataChanged) as changed,
    ):
        model.apply(
            [
                transfer(1, TransferState.RUNNING, done=400, rate=2048.0),
                transfer(1, TransferState.RUNNING, done=500, rate=2048.0),  # newest of the batch
            ]
        )
    assert changed.args[0].row() == changed.args[1].row() == 1
    assert _state(model, 1) == "downloading 50 %"
    assert model.index(1, TransferModel.SPEED).data() == "2.0 KiB/s"
    assert model.index(1, TransferModel.ETA).data() == "0 s"
    assert model.running == 2
    qtmodeltester.check(model)


def test_the_list_is_bounded_dropping_the_oldest_finished(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = TransferModel(capacity=3)
    model.apply([transfer(1, TransferState.RUNNING), transfer(2, TransferState.DONE)])
    model.apply([transfer(3, TransferState.DONE), transfer(4, TransferState.DONE)])
    ids = [t.transfer_id for t in model.transfers()]
    assert ids == [4, 3, 1]  # 2 (finished, oldest) went; the running one stays


def test_a_failed_or_cancelled_transfer_never_reads_as_done(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = TransferModel()
    full = {"done": 1000}
    model.apply(
        [
            transfer(1, TransferState.FAILED, reason=sentence("the size does not match"), **full),
            transfer(2, TransferState.CANCELLED, **full),
            transfer(3, TransferState.DONE, **full),
            transfer(4, TransferState.DECLINED),
            transfer(5, TransferState.EXPIRED),
        ]
    )
    texts = {model.transfer(r).transfer_id: _state(model, r) for r in range(5)}  # type: ignore[union-attr]
    assert texts == {
        1: "failed: the size does not match",
        2: "cancelled",
        3: "done",
        4: "declined",
        5: "expired",
    }


def test_a_failed_transfer_reads_in_chinese_with_its_reason(qtbot, chinese) -> None:  # type: ignore[no-untyped-def]
    reason = sqlite_reason(_disk_full())
    failed = transfer(1, TransferState.FAILED, reason=reason, done=700)
    done = transfer(2, TransferState.DONE, done=1000)
    model = TransferModel()
    model.apply([failed, done])
    shown = _state(model, 1)
    said = say(reason)
    assert said != str(reason) and not re.search(r"[A-Za-z]{3}", said)  # really Chinese
    assert said in shown  # the reason, in the interface language
    assert shown != _state(model, 0) and shown != state_text(done)  # never as done
    assert shown.startswith(state_text(failed, with_reason=False))


def _disk_full() -> Exception:
    import sqlite3

    error = sqlite3.OperationalError("database or disk is full")
    error.sqlite_errorcode = 13  # type: ignore[attr-defined]
    return error


def test_window_actions_reach_the_bridge_and_the_store(qtbot, io, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bridge = RecordingBridge(io)
    opened: list[QUrl] = []
    with Database(tmp_path / "t.sqlite3") as db:
        store = TransferStore(db.connection)
        files = FileTransfers(bridge, store)
        window = TransfersWindow(files, opener=lambda url: opened.append(url) or True)
        qtbot.addWidget(window)
        target = tmp_path / "in" / "file3.bin"
        bridge.transfers_changed.emit(
            [
                transfer(1, TransferState.RUNNING, done=10),
                transfer(2, TransferState.FAILED, reason=sentence("peer went away")),
                transfer(3, TransferState.DONE, path=str(target)),
                transfer(4, TransferState.DONE, direction=Direction.SEND),
            ]
        )
        rows = {t.transfer_id: r for r, t in enumerate(files.model.transfers())}
        window.select([1])
        assert not window.retry_button.isEnabled() and not window.remove_button.isEnabled()
        window.cancel_button.click()
        window.select([2])
        window.retry_button.click()
        window.select([3])
        window.open_button.click()
        assert opened == [QUrl.fromLocalFile(str(target.parent))]
        window.remove_button.click()
        window.clear_button.click()  # 2 and 4 are finished
        assert bridge.called("cancel_transfer") == [(1,)]
        assert bridge.called("retry_transfer") == [(2,)]
        assert [t.transfer_id for t in files.model.transfers()] == [1]
        assert [t.transfer_id for t in TransferStore(db.connection).load()] == [1]
        assert rows[3] != rows[1]


def test_a_restart_restores_the_list_with_interrupted_transfers_failed(
    qtbot, io, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "t.sqlite3"
    with Database(path) as db:
        files = FileTransfers(RecordingBridge(io), TransferStore(db.connection))
        files.bridge.transfers_changed.emit(
            [
                transfer(1, TransferState.RUNNING, done=999),
                transfer(2, TransferState.DONE, done=1000),
            ]
        )
    with Database(path) as db:  # SocketDesk started again
        files = FileTransfers(RecordingBridge(io), TransferStore(db.connection))
        window = TransfersWindow(files)
        qtbot.addWidget(window)
        model = window.model
        assert [t.transfer_id for t in model.transfers()] == [2, 1]
        interrupted = model.transfer(1)
        assert interrupted is not None and interrupted.state is TransferState.FAILED
        assert interrupted.reason == sentence(INTERRUPTED)
        assert _state(model, 1) == "failed: interrupted when SocketDesk closed"
        assert model.running == 0
        window.select([1])
        assert window.retry_button.isEnabled()


def test_progress_is_stored_at_most_once_a_second_through_the_list(
    qtbot, io, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    with Database(tmp_path / "t.sqlite3") as db:
        store = TransferStore(db.connection, clock=lambda: 5.0)  # all within one instant
        files = FileTransfers(RecordingBridge(io), store)
        writes = []
        real = store._write  # count what reaches SQLite
        store._write = lambda batch: (writes.append(batch), real(batch))  # type: ignore[method-assign]
        for step in range(10):
            files.apply([dataclasses.replace(transfer(1, TransferState.RUNNING), done=step)])
        assert len(writes) == 1
