"""The Workbench at 1024×700 (issue 11): tables that show their columns, room for the log, a
toolbar that a long status sentence does not move."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QTableView

from desktop.app import Application
from desktop.core.codec import InputFormat
from desktop.core.net.auto_reply import MatchKind
from desktop.core.net.tcp_server import ClientInfo, ClientState, ServerMode
from desktop.settings import Settings


@pytest.fixture
def app(qtbot, tmp_path) -> Iterator[Application]:  # type: ignore[no-untyped-def]
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    application = Application(QApplication.instance(), settings, show_crash_dialogs=False)
    qtbot.addWidget(application.window)
    application.window.resize(1024, 700)
    application.window.show()
    qtbot.waitExposed(application.window)
    yield application
    application.shutdown()


def settle(qtbot, app: Application) -> None:  # type: ignore[no-untyped-def]
    app.window.resize(1024, 700)
    qtbot.waitUntil(lambda: app.window.width() == 1024, timeout=2000)
    QApplication.processEvents()


def assert_cells_readable(view: QTableView) -> None:
    """Every cell's whole text fits its column, and every column fits the viewport."""
    model, header, metrics = view.model(), view.horizontalHeader(), view.fontMetrics()
    for column in range(model.columnCount()):
        for row in range(model.rowCount()):
            text = str(model.index(row, column).data())
            assert metrics.horizontalAdvance(text) <= header.sectionSize(column), (row, text)
    used = sum(header.sectionSize(c) for c in range(model.columnCount()))
    assert used <= view.viewport().width()
    assert not view.horizontalScrollBar().isVisible()


def test_the_client_table_shows_whole_addresses_and_byte_columns(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    panel = app.window.workbench.new_server()
    now = time.time_ns()
    panel._on_clients(
        [
            ClientInfo(i, f"127.0.0.1:{60000 + i}", now, 123_456 * i, 99_999, ClientState.CONNECTED)
            for i in range(1, 4)
        ]
    )
    settle(qtbot, app)
    assert app.window.width() <= 1024
    assert_cells_readable(panel.client_view)


def test_the_relay_pair_table_shows_whole_addresses(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    panel = app.window.workbench.new_relay()
    for pair in (1, 2):
        panel._on_pair_opened(pair, f"127.0.0.1:{60100 + pair}", "127.0.0.1:38527")
    settle(qtbot, app)
    assert app.window.width() <= 1024
    assert_cells_readable(panel.pairs)


def test_a_running_server_with_rules_leaves_the_log_room(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    panel = app.window.workbench.new_server()
    panel.host_edit.setText("127.0.0.1")
    panel.port_spin.setValue(0)
    panel.mode_combo.setCurrentIndex(panel.mode_combo.findData(ServerMode.RULES))
    panel.rules.table.setRowCount(0)
    for pattern in ("PING", "HELLO", "QUIT"):
        panel.rules.add_rule(MatchKind.STARTS, pattern, InputFormat.ESCAPED, "OK\\r\\n")
    assert panel.rules.table.isVisible()  # shown while the rules are being written
    panel.toggle()
    qtbot.waitUntil(lambda: panel.running, timeout=5000)
    settle(qtbot, app)
    table = panel.log.table
    rows = table.viewport().height() // table.verticalHeader().defaultSectionSize()
    # 7: the log's search field takes a second toolbar row on a pane this narrow (not squeezed).
    assert rows >= 7
    # Folded, the line still says what answers (plural forms filled in by the translation pass).
    assert panel.rules.fold_button.text().replace("(s)", "s") == "3 rules active — Edit"
    assert panel.rules.summary.text().startswith("PING → OK")
    panel.rules.fold_button.click()  # still there to edit while the server runs
    assert panel.rules.table.isVisible()
    panel.toggle()
    qtbot.waitUntil(lambda: not panel.running, timeout=5000)


def test_a_long_status_sentence_moves_nothing(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    server = app.window.workbench.new_server()
    settle(qtbot, app)
    before = (server.host_edit.geometry(), server.start_button.geometry())
    sentence = "Listening on " + ", ".join(f"[fd00::{i}]:8000" for i in range(1, 12))
    server.state_label.setText(sentence)
    settle(qtbot, app)
    assert (server.host_edit.geometry(), server.start_button.geometry()) == before
    assert server.state_label.toolTip() == sentence
    assert app.window.width() <= 1024

    client = app.window.workbench.tcp_client
    app.window.workbench.tabs.setCurrentWidget(client)
    settle(qtbot, app)
    before = (client.local_edit.geometry(), client.cert_button.geometry())
    client.state_label.setText("Could not connect: " + "a very long reason " * 20)
    settle(qtbot, app)
    assert (client.local_edit.geometry(), client.cert_button.geometry()) == before
