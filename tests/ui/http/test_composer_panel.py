"""The composer slice: panel → HttpBridge → exchange engine → a real nginx on loopback, and back."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.core.http.exchange import ExchangeResult
from desktop.core.http.message import ParsedResponse
from desktop.core.store import open_database
from desktop.core.store.http_history import HistoryEntry, HttpHistory
from desktop.ui.http.composer_panel import ComposerPanel
from desktop.ui.http.history_model import HistoryModel
from desktop.ui.http.response_view import HeadersModel, pretty_json, raw_text
from desktop.workers.http_bridge import HttpBridge
from desktop.workers.task_runner import TaskRunner
from tests.helpers.servers import closed_port, unresponsive_port
from tests.peers.nginx import BIG_TEXT, HELLO, Nginx


@pytest.fixture
def panel(qtbot: QtBot, http_bridge: HttpBridge, runner: TaskRunner) -> ComposerPanel:
    widget = ComposerPanel(http_bridge, runner)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def send(qtbot: QtBot, panel: ComposerPanel, host: str, port: int, text: str) -> None:
    panel.host_edit.setText(host)
    panel.port_spin.setValue(port)
    panel.editor.set_text(text)
    qtbot.mouseClick(panel.send_button, Qt.MouseButton.LeftButton)  # type: ignore[no-untyped-call]
    assert panel.busy
    qtbot.waitUntil(lambda: not panel.busy, timeout=10_000)


def header_rows(panel: ComposerPanel) -> list[tuple[str, str]]:
    model = panel.response_view.headers_model
    return [(model.index(r, 0).data(), model.index(r, 1).data()) for r in range(model.rowCount())]


GET_HELLO = "GET /hello.txt HTTP/1.1\nHost: localhost\n\n"


def test_get_over_plain_tcp_shows_status_headers_and_the_exact_bytes(
    qtbot: QtBot, panel: ComposerPanel, http_bridge: HttpBridge, nginx: Nginx
) -> None:
    with qtbot.waitSignal(http_bridge.exchange_finished, timeout=10_000) as blocker:
        send(qtbot, panel, nginx.host, nginx.port, GET_HELLO)
    result: ExchangeResult = blocker.args[0]
    assert result.error is None and result.raw_sent == GET_HELLO.replace("\n", "\r\n").encode()
    rows = header_rows(panel)
    assert rows[0] == ("Status", "200 OK")
    assert ("Server", "nginx") in [(n, v.split("/")[0]) for n, v in rows]
    raw = panel.response_view.raw_edit.toPlainText()
    assert raw.startswith("HTTP/1.1 200 OK\\r\\n\n")
    assert raw == raw_text(result.reader.raw)
    assert raw.endswith("Hello from nginx!\\n\n")
    assert panel.response_view.body_edit.toPlainText() == HELLO.decode()
    assert panel.response_view.timing_labels["total_ms"].text().endswith("ms")
    assert panel.response_view.tls_browser.toPlainText() == "Plain TCP: no TLS."
    assert "200" in panel.status_label.text()


def test_a_second_request_reuses_the_kept_alive_connection(
    qtbot: QtBot, panel: ComposerPanel, http_bridge: HttpBridge, nginx: Nginx
) -> None:
    send(qtbot, panel, nginx.host, nginx.port, GET_HELLO)
    with qtbot.waitSignal(http_bridge.exchange_finished, timeout=10_000) as blocker:
        send(qtbot, panel, nginx.host, nginx.port, GET_HELLO)
    assert blocker.args[0].reused
    assert blocker.args[0].timings.connect_ms is None


def test_tls_shows_the_certificate(qtbot: QtBot, panel: ComposerPanel, nginx: Nginx) -> None:
    panel.tls_check.setChecked(True)
    panel.verify_check.setChecked(False)  # nginx's certificate is self-signed
    send(qtbot, panel, nginx.host, nginx.tls_port, GET_HELLO)
    tls = panel.response_view.tls_browser.toPlainText()
    assert "TLSv1." in tls and "Leaf (self-signed)" in tls and "localhost" in tls
    assert header_rows(panel)[0] == ("Status", "200 OK")
    assert panel.response_view.timing_labels["tls_ms"].text().endswith("ms")


def test_exact_mode_sends_an_lf_only_request_as_typed(
    qtbot: QtBot, panel: ComposerPanel, http_bridge: HttpBridge, nginx: Nginx
) -> None:
    panel.editor.exact_check.setChecked(True)
    with qtbot.waitSignal(http_bridge.exchange_finished, timeout=10_000) as blocker:
        send(qtbot, panel, nginx.host, nginx.port, GET_HELLO)
    assert blocker.args[0].raw_sent == GET_HELLO.encode()
    assert header_rows(panel)[0] == ("Status", "200 OK")


def test_the_note_says_what_sending_changes(panel: ComposerPanel) -> None:
    panel.editor.set_text("POST /x HTTP/1.1\nHost: localhost\n\nabc")
    assert "3 bytes" in panel.editor.note_label.text()
    panel.editor.exact_check.setChecked(True)
    assert "3 bytes" not in panel.editor.note_label.text()


def test_no_content_length_note_for_a_request_without_a_body(panel: ComposerPanel) -> None:
    panel.editor.set_text("GET / HTTP/1.1\nHost: x\n\n")
    assert "Content-Length" not in panel.editor.note_label.text()


def test_a_refused_port_shows_a_sentence(
    qtbot: QtBot, panel: ComposerPanel, http_bridge: HttpBridge
) -> None:
    with qtbot.waitSignal(http_bridge.exchange_failed, timeout=10_000) as blocker:
        send(qtbot, panel, "127.0.0.1", closed_port(), GET_HELLO)
    sentence = str(blocker.args[0])
    assert sentence and sentence == panel.banner.text()
    assert "refused" in sentence.lower()
    assert panel.send_button.isEnabled() and not panel.cancel_button.isEnabled()


def test_cancel_stops_a_hanging_connect(
    qtbot: QtBot, panel: ComposerPanel, http_bridge: HttpBridge
) -> None:
    with unresponsive_port() as port:
        panel.host_edit.setText("127.0.0.1")
        panel.port_spin.setValue(port)
        qtbot.mouseClick(panel.send_button, Qt.MouseButton.LeftButton)  # type: ignore[no-untyped-call]
        assert panel.cancel_button.isEnabled()
        with qtbot.waitSignal(http_bridge.exchange_failed, timeout=5000) as blocker:
            qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)  # type: ignore[no-untyped-call]
    assert "cancel" in str(blocker.args[0]).lower()
    assert not panel.busy and panel.send_button.isEnabled()


def test_curl_import_and_export(panel: ComposerPanel) -> None:
    assert panel.import_curl("curl -k https://127.0.0.1:8443/a -H 'X-A: 1'")
    assert (panel.host_edit.text(), panel.port_spin.value()) == ("127.0.0.1", 8443)
    assert panel.tls_check.isChecked() and not panel.verify_check.isChecked()
    assert "X-A: 1" in panel.editor.text()
    command = panel.export_text("curl")
    assert command is not None and "https://127.0.0.1:8443/a" in command and "-k" in command
    assert not panel.import_curl("wget http://x")
    assert panel.banner.text()


def test_json_is_formatted_and_raw_text_marks_line_ends() -> None:
    assert pretty_json('{"a":[1,2]}') == '{\n  "a": [\n    1,\n    2\n  ]\n}'
    assert pretty_json("not json") is None
    assert raw_text(b"A\r\nB\x00") == "A\\r\\n\nB\\x00"


def test_headers_model_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = HeadersModel()
    response = ParsedResponse(
        0, http_version=b"HTTP/1.1", status=200, reason=b"OK", headers=[(b"A", b"1"), (b"B", b"2")]
    )
    model.set_response(response)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 3
    model.set_response(None)  # the tester, still connected, checks the reset
    assert model.rowCount() == 0


def test_a_gzipped_chunked_body_is_shown_decoded(
    qtbot: QtBot, panel: ComposerPanel, nginx: Nginx
) -> None:
    request = "GET /big.txt HTTP/1.1\nHost: localhost\nAccept-Encoding: gzip\n\n"
    send(qtbot, panel, nginx.host, nginx.port, request)
    assert ("Content-Encoding", "gzip") in header_rows(panel)
    body = panel.response_view.body_view.text  # 440 KiB: a few pages
    shown = []
    for page in range(body.page_count()):
        body.show_page(page)
        qtbot.waitUntil(lambda page=page: body.current_page() == page)  # made on a worker
        shown.append(panel.response_view.body_edit.toPlainText())
    assert "".join(shown) == BIG_TEXT.decode()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "history.sqlite3"


@pytest.fixture
def history_conn(db_path: Path) -> Iterator[sqlite3.Connection]:
    conn = open_database(db_path)
    yield conn
    conn.close()


def history_panel(
    qtbot: QtBot, bridge: HttpBridge, runner: TaskRunner, history: HttpHistory
) -> ComposerPanel:
    widget = ComposerPanel(bridge, runner, history=history)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_each_exchange_is_stored_listed_and_restored(
    qtbot: QtBot,
    http_bridge: HttpBridge,
    runner: TaskRunner,
    history_conn: sqlite3.Connection,
    *,
    db_path: Path,
    nginx: Nginx,
) -> None:
    history = HttpHistory(history_conn)
    panel = history_panel(qtbot, http_bridge, runner, history)
    assert panel.history_pane.model.rowCount() == 0
    send(qtbot, panel, nginx.host, nginx.port, GET_HELLO)
    entries = history.recent()
    assert len(entries) == 1 and entries[0].status == 200
    assert (entries[0].host, entries[0].port) == (nginx.host, nginx.port)
    assert panel.history_pane.model.rowCount() == 1
    label = panel.history_pane.model.index(0, 0).data()
    assert "200" in label and "GET /hello.txt" in label and f"{nginx.host}:{nginx.port}" in label
    raw_before = panel.response_view.raw_edit.toPlainText()

    panel.host_edit.setText("elsewhere")
    panel.port_spin.setValue(1)
    panel.editor.set_text("POST /other HTTP/1.1\n\n")
    panel.response_view.clear_result()
    panel.history_pane.view.activated.emit(panel.history_pane.model.index(0, 0))
    assert (panel.host_edit.text(), panel.port_spin.value()) == (nginx.host, nginx.port)
    assert not panel.tls_check.isChecked()
    assert panel.editor.text() == GET_HELLO
    assert header_rows(panel)[0] == ("Status", "200 OK")
    assert panel.response_view.raw_edit.toPlainText() == raw_before
    assert panel.response_view.body_edit.toPlainText() == HELLO.decode()

    panel.history_pane.filter_edit.setText("nothing like it")
    assert panel.history_pane.model.rowCount() == 0
    panel.history_pane.filter_edit.setText("hello")
    assert panel.history_pane.model.rowCount() == 1

    # A new panel on a new connection to the same file: the history survived a restart.
    reopened = open_database(db_path)
    try:
        again = history_panel(qtbot, http_bridge, runner, HttpHistory(reopened))
        assert again.history_pane.model.rowCount() == 1
        again.history_pane.view.clicked.emit(again.history_pane.model.index(0, 0))
        assert header_rows(again)[0] == ("Status", "200 OK")
    finally:
        reopened.close()


def test_a_failed_exchange_is_stored_with_its_sentence(
    qtbot: QtBot, http_bridge: HttpBridge, runner: TaskRunner, history_conn: sqlite3.Connection
) -> None:
    history = HttpHistory(history_conn)
    panel = history_panel(qtbot, http_bridge, runner, history)
    send(qtbot, panel, "127.0.0.1", closed_port(), GET_HELLO)
    (entry,) = history.recent()
    assert entry.status is None and entry.error == panel.banner.text()
    assert panel.history_pane.model.rowCount() == 1


def test_without_a_history_the_list_is_not_shown(panel: ComposerPanel) -> None:
    assert not panel.history_pane.view.isVisible()
    assert panel.history_pane.model.rowCount() == 0


def test_history_model_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = HistoryModel()
    entries = [
        HistoryEntry(
            2, 2_000_000_000, "b", 443, True, "POST /x HTTP/1.1", None, "boom", None, False
        ),
        HistoryEntry(1, 1_000_000_000, "a", 80, False, "GET / HTTP/1.1", 200, None, 1.0, False),
    ]
    model.set_entries(entries)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 2
    assert model.index(0, 0).data(Qt.ItemDataRole.UserRole) == 2
    tip = model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)  # full date, request, error
    assert tip.splitlines()[1:] == ["POST /x HTTP/1.1", "boom"]
    model.set_entries([])
    assert model.rowCount() == 0


def test_an_exact_request_is_restored_in_exact_mode(
    qtbot: QtBot,
    http_bridge: HttpBridge,
    runner: TaskRunner,
    history_conn: sqlite3.Connection,
    nginx: Nginx,
) -> None:
    """Bytes sent as typed (LF-only lines) come back so that sending again sends them again."""
    panel = history_panel(qtbot, http_bridge, runner, HttpHistory(history_conn))
    panel.editor.exact_check.setChecked(True)
    send(qtbot, panel, nginx.host, nginx.port, GET_HELLO)
    normal = "GET /hello.txt HTTP/1.1\r\nHost: localhost\r\n\r\n"
    panel.editor.exact_check.setChecked(False)
    send(qtbot, panel, nginx.host, nginx.port, normal)
    lf_only, crlf = reversed(HttpHistory(history_conn).recent())
    panel.restore(lf_only.id)
    assert panel.editor.exact() and panel.editor.built().data == GET_HELLO.encode()
    panel.restore(crlf.id)
    assert not panel.editor.exact() and panel.editor.built().data == normal.encode()


def test_a_restored_tls_exchange_shows_its_tls_session(
    qtbot: QtBot,
    http_bridge: HttpBridge,
    runner: TaskRunner,
    history_conn: sqlite3.Connection,
    nginx: Nginx,
) -> None:
    panel = history_panel(qtbot, http_bridge, runner, HttpHistory(history_conn))
    panel.tls_check.setChecked(True)
    panel.verify_check.setChecked(False)  # nginx's certificate is self-signed
    send(qtbot, panel, nginx.host, nginx.tls_port, GET_HELLO)
    shown = panel.response_view.tls_browser.toPlainText()
    assert "Leaf (self-signed)" in shown
    [entry] = HttpHistory(history_conn).recent()
    panel.response_view.clear_result()
    assert panel.restore(entry.id)
    assert panel.response_view.tls_browser.toPlainText() == shown
