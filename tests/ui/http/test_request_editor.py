"""The request side of the editor: line endings shown, Content-Length note, hex editing,
templates and exports (sent to a real nginx where bytes matter)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from desktop.core.http.exchange import ExchangeResult
from desktop.ui.http.composer_panel import ComposerPanel
from desktop.ui.http.request_editor import RequestEditor
from desktop.ui.http.request_hex import RequestHexEditor, hex_lines
from desktop.ui.http.send_bar import SendMode
from desktop.workers.http_bridge import HttpBridge
from desktop.workers.task_runner import TaskRunner
from tests.peers.nginx import HELLO, Nginx
from tests.ui.http.composer_helpers import make_panel, send_and_wait


@pytest.fixture
def panel(qtbot: QtBot, http_bridge: HttpBridge, runner: TaskRunner) -> ComposerPanel:
    return make_panel(qtbot, http_bridge, runner)


@pytest.fixture
def editor(qtbot: QtBot) -> RequestEditor:
    widget = RequestEditor()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_line_endings_follow_the_mode(editor: RequestEditor) -> None:
    editor.set_text("\nPOST / HTTP/1.1\nHost: h\n\nline 1\nline 2")
    assert editor.line_endings() == ["", "CRLF", "CRLF", "CRLF", "LF", ""]
    editor.exact_check.setChecked(True)
    assert editor.line_endings() == ["LF", "LF", "LF", "LF", "LF", ""]
    editor.exact_check.setChecked(False)
    editor.set_pipeline(True)
    editor.set_text("GET /a HTTP/1.1\n\n### next request\nGET /b HTTP/1.1\nHost: h\n")
    assert editor.line_endings() == ["CRLF", "CRLF", "", "CRLF", "CRLF", ""]


def test_line_endings_are_drawn_and_can_be_hidden(editor: RequestEditor) -> None:
    editor.set_text("GET / HTTP/1.1\nHost: h\n\n")
    shown = editor.text_edit.viewport().grab().toImage()
    editor.endings_check.setChecked(False)
    hidden = editor.text_edit.viewport().grab().toImage()
    assert shown != hidden  # the markers are pixels of their own


def test_content_length_note_follows_the_body_and_says_when_typed_differs(
    editor: RequestEditor,
) -> None:
    editor.set_text("POST /x HTTP/1.1\nHost: h\nContent-Length: 1\n\nabc")
    note = editor.note_label.text()
    assert "changed from 1 to 3" in note and "3 bytes" in note
    editor.text_edit.moveCursor(editor.text_edit.textCursor().MoveOperation.End)
    editor.text_edit.insertPlainText("de")
    assert "5 bytes" in editor.note_label.text()
    assert b"Content-Length: 5\r\n" in editor.built().data
    editor.auto_length_check.setChecked(False)
    assert "Content-Length says 1 but the body has 5 bytes." in editor.note_label.text()
    assert b"Content-Length: 1\r\n" in editor.built().data


def test_hex_edits_round_trip_to_the_exact_bytes(qtbot: QtBot, editor: RequestEditor) -> None:
    hex_editor = RequestHexEditor()
    qtbot.addWidget(hex_editor)
    hex_editor.bytes_applied.connect(editor.set_bytes)
    data = b"GET / HTTP/1.1\r\nHost: h\r\nX: \x00\xff\r\n\r\n"
    hex_editor.load(data)
    assert hex_editor.hex_edit.toPlainText() == hex_lines(data)
    assert not hex_editor.modified()
    edited = hex_editor.hex_edit.toPlainText().replace("47 45 54", "50 55 54", 1)  # GET → PUT
    hex_editor.hex_edit.setPlainText(edited)
    assert hex_editor.modified()
    with qtbot.waitSignal(hex_editor.bytes_applied) as blocker:
        hex_editor.apply()
    wanted = b"PUT" + data[3:]
    assert blocker.args == [wanted]
    assert editor.exact() and editor.built().data == wanted
    assert editor.line_endings() == ["CRLF", "CRLF", "CRLF", "CRLF", ""]
    assert "exactly" in editor.note_label.text()
    editor.text_edit.insertPlainText("x")  # typing drops the hex bytes
    assert editor.exact_bytes() is None


def test_invalid_hex_says_where_and_selects_it(qtbot: QtBot) -> None:
    hex_editor = RequestHexEditor()
    qtbot.addWidget(hex_editor)
    hex_editor.load(b"AB")
    hex_editor.hex_edit.setPlainText("41 4g 42")
    with qtbot.assertNotEmitted(hex_editor.bytes_applied):
        assert hex_editor.apply() is None
    assert "column 5" in hex_editor.message_label.text()
    cursor = hex_editor.hex_edit.textCursor()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (4, 5)


def test_hex_tab_shows_what_is_sent_and_keeps_invalid_edits(panel: ComposerPanel) -> None:
    panel.editor.set_text("GET / HTTP/1.1\nHost: h\n\n")
    panel.request_pane.tabs.setCurrentWidget(panel.request_pane.hex_editor)
    assert panel.request_pane.hex_editor.hex_edit.toPlainText() == hex_lines(
        b"GET / HTTP/1.1\r\nHost: h\r\n\r\n"
    )
    panel.request_pane.hex_editor.hex_edit.setPlainText("zz")
    panel.request_pane.tabs.setCurrentWidget(panel.editor)
    assert panel.request_pane.tabs.currentWidget() is panel.request_pane.hex_editor
    assert panel.request_pane.hex_editor.hex_edit.toPlainText() == "zz"
    panel.request_pane.hex_editor.hex_edit.setPlainText("47 45 54 0a")
    panel.request_pane.tabs.setCurrentWidget(panel.editor)
    assert panel.request_pane.tabs.currentWidget() is panel.editor
    assert panel.editor.built().data == b"GET\n"


def test_hex_bytes_reach_nginx_exactly(
    qtbot: QtBot, panel: ComposerPanel, http_bridge: HttpBridge, nginx: Nginx
) -> None:
    request = b"GET /hello.txt HTTP/1.1\r\nHost: localhost\r\n\r\n"
    panel.request_pane.hex_editor.load(b"")
    panel.request_pane.hex_editor.hex_edit.setPlainText(request.hex())
    panel.request_pane.hex_editor.apply()
    panel.target_bar.set_endpoint(nginx.host, nginx.port, False)
    with qtbot.waitSignal(http_bridge.exchange_finished, timeout=10_000) as blocker:
        panel.send()
    result: ExchangeResult = blocker.args[0]
    assert result.raw_sent == request and result.responses[0].body == HELLO


def test_templates_fill_the_editor_with_the_target_host(panel: ComposerPanel) -> None:
    panel.target_bar.set_endpoint("api.test", 8080, False)
    panel.request_pane.templates_button.get_action.trigger()
    assert panel.editor.text().startswith("GET / HTTP/1.1\nHost: api.test:8080\n")
    panel.target_bar.set_endpoint("api.test", 443, True)
    panel.request_pane.templates_button.form_action.trigger()
    assert "Host: api.test\n" in panel.editor.text()
    assert panel.editor.text().endswith("\n\nname=value")
    panel.request_pane.templates_button.json_action.trigger()
    assert "Content-Type: application/json" in panel.editor.text()


def test_multipart_template_with_a_file(panel: ComposerPanel, tmp_path: Path) -> None:
    upload = tmp_path / "notes.txt"
    upload.write_text("first line\n你好\n")
    assert panel.request_pane.templates_button.use_file(upload)
    text = panel.editor.text()
    assert 'filename="notes.txt"' in text and "Content-Type: text/plain" in text
    assert "你好" in text
    binary = tmp_path / "image.bin"
    binary.write_bytes(b"\x89PNG\xff\xfe")
    assert not panel.request_pane.templates_button.use_file(binary)
    assert "not UTF-8 text" in panel.banner.text()
    assert not panel.request_pane.templates_button.use_file(tmp_path / "missing.txt")
    assert "Could not read" in panel.banner.text()


def test_export_as_python_runs_and_fetches_from_nginx(panel: ComposerPanel, nginx: Nginx) -> None:
    panel.target_bar.set_endpoint(nginx.host, nginx.port, False)
    panel.editor.set_text("GET /hello.txt HTTP/1.1\nHost: localhost\nConnection: close\n\n")
    panel.request_pane.export_button.python_action.trigger()
    script = QGuiApplication.clipboard().text()
    assert panel.banner.text() == "Copied the Python script."
    output = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, timeout=20, check=True
    ).stdout
    assert output.startswith(b"HTTP/1.1 200 OK\r\n") and output.endswith(HELLO)
    panel.request_pane.export_button.curl_action.trigger()
    assert (
        QGuiApplication.clipboard().text().endswith(f"http://{nginx.host}:{nginx.port}/hello.txt")
    )


def test_pipeline_mode_sends_every_request_on_one_connection(
    qtbot: QtBot, panel: ComposerPanel, http_bridge: HttpBridge, nginx: Nginx
) -> None:
    panel.send_bar.set_mode(SendMode.PIPELINE)
    text = (
        "GET /hello.txt HTTP/1.1\nHost: localhost\n\n"
        "### next request\n"
        "GET /status HTTP/1.1\nHost: localhost\n\n"
    )
    panel.editor.set_text(text)
    assert "2 requests in the pipeline." in panel.editor.note_label.text()
    with qtbot.waitSignal(http_bridge.exchange_finished, timeout=10_000) as blocker:
        send_and_wait(qtbot, panel, nginx.host, nginx.port, text)
    result: ExchangeResult = blocker.args[0]
    assert [r.body for r in result.responses] == [HELLO, b"ok\n"]
    assert result.raw_sent.count(b"GET ") == 2 and b"###" not in result.raw_sent
