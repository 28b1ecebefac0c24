"""The HTTP history can be switched off, cleared per entry or all (after asking)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.core.store import open_database
from desktop.core.store.http_history import HttpHistory
from desktop.workers.http_bridge import HttpBridge
from desktop.workers.task_runner import TaskRunner
from tests.peers.nginx import Nginx
from tests.ui.http.composer_helpers import make_panel, send_and_wait

GET_HELLO = "GET /hello.txt HTTP/1.1\nHost: localhost\nAuthorization: Bearer s3cret\n\n"


def rows_on_disk(path: Path) -> int:
    """Exchanges in the file, read through a connection of its own."""
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM http_exchanges").fetchone()[0])
    finally:
        conn.close()


def test_nothing_is_stored_while_recording_is_off(
    qtbot: QtBot, http_bridge: HttpBridge, runner: TaskRunner, tmp_path: Path, nginx: Nginx
) -> None:
    path = tmp_path / "h.sqlite3"
    conn = open_database(path)
    try:
        panel = make_panel(qtbot, http_bridge, runner, HttpHistory(conn))
        panel.history_pane.set_recording(False)
        assert panel.history_pane.recording_label.isVisibleTo(panel)
        send_and_wait(qtbot, panel, nginx.host, nginx.port, GET_HELLO)
        assert "Hello" in panel.response_view.raw_edit.toPlainText()  # the exchange happened
        assert rows_on_disk(path) == 0
        assert panel.history_pane.model.rowCount() == 0

        panel.history_pane.set_recording(True)
        assert not panel.history_pane.recording_label.isVisibleTo(panel)
        send_and_wait(qtbot, panel, nginx.host, nginx.port, GET_HELLO)
        assert rows_on_disk(path) == 1
    finally:
        conn.close()


def test_delete_one_and_clear_all_after_asking(
    qtbot: QtBot, http_bridge: HttpBridge, runner: TaskRunner, tmp_path: Path, nginx: Nginx
) -> None:
    path = tmp_path / "h.sqlite3"
    conn = open_database(path)
    try:
        panel = make_panel(qtbot, http_bridge, runner, HttpHistory(conn))
        pane = panel.history_pane
        for n in range(3):
            request = GET_HELLO.replace("s3cret", f"token-{n}")
            send_and_wait(qtbot, panel, nginx.host, nginx.port, request)
        assert pane.model.rowCount() == 3 and pane.clear_button.isEnabled()
        assert not pane.delete_button.isEnabled()

        newest = pane.model.entry(0).id
        pane.view.setCurrentIndex(pane.model.index(0, 0))
        assert pane.delete_action.isEnabled()
        pane.delete_action.trigger()
        assert rows_on_disk(path) == 2 and pane.model.rowCount() == 2
        assert newest not in [pane.model.entry(r).id for r in range(2)]
        # The deleted secret is gone from the file too, not left in a free part of a page.
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        assert b"token-2" not in path.read_bytes() and b"token-1" in path.read_bytes()

        box = pane.ask_to_clear()
        assert box is not None and box.defaultButton() is box.button(
            QMessageBox.StandardButton.Cancel
        )
        box.button(QMessageBox.StandardButton.Cancel).click()
        assert rows_on_disk(path) == 2  # Cancel keeps everything

        box = pane.ask_to_clear()
        assert box is not None
        clear = next(b for b in box.buttons() if b.objectName() == "clearHistoryButton")
        clear.click()
        qtbot.waitUntil(lambda: pane.clear_box is None)
        assert rows_on_disk(path) == 0 and pane.model.rowCount() == 0
        assert not pane.clear_button.isEnabled()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        assert b"token-" not in path.read_bytes()
    finally:
        conn.close()
