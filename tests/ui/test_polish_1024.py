"""What a user at 1024×700 saw cut off or confusing, in English and Chinese.

The response tabs show whole labels, the history line starts with method and path, the log's
encoding box and search field are never squeezed, a running server says which rules answer, and
the HTTP bar says the server closed the connection rather than "No open connection".
"""

from __future__ import annotations

import datetime
import socket
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from desktop.core.capture import Direction, Record
from desktop.core.codec import InputFormat
from desktop.core.net.auto_reply import MatchKind
from desktop.core.net.tcp_server import ServerMode
from desktop.core.store.http_history import HistoryEntry
from desktop.settings import Settings
from desktop.ui.http.history_model import entry_text
from desktop.ui.translations import install_translations
from desktop.ui.workbench.tcp_server_panel import TcpServerPanel
from desktop.ui.workbench.udp_panel import UdpPanel
from desktop.workers.http_bridge import HttpBridge
from desktop.workers.loop_thread import EventLoopThread
from desktop.workers.task_runner import TaskRunner
from desktop.workers.tcp_server_bridge import TcpServerBridge
from desktop.workers.udp_bridge import UdpBridge
from tests.ui.conftest import _remove_translators
from tests.ui.http.composer_helpers import make_panel, send_and_wait


@pytest.fixture(params=["en", "zh_CN"])
def language(request, qapp) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """Each test in English and in Chinese."""
    _remove_translators(qapp)
    install_translations(qapp, request.param)
    yield request.param
    _remove_translators(qapp)
    install_translations(qapp, "en")


def test_every_response_tab_shows_its_whole_label(
    qtbot: QtBot, io: EventLoopThread, runner: TaskRunner, language: str
) -> None:
    bridge = HttpBridge(io)
    try:
        panel = make_panel(qtbot, bridge, runner)
        panel.resize(1008, 600)  # the composer in a 1024 px window
        qtbot.waitUntil(lambda: panel.response_view.tabBar().width() > 0)
        view = panel.response_view
        bar = view.tabBar()
        assert view.elideMode() == Qt.TextElideMode.ElideNone
        needed = sum(bar.tabSizeHint(i).width() for i in range(view.count()))
        assert needed <= bar.width(), (language, needed, bar.width())
        assert bar.tabRect(view.count() - 1).right() < bar.width()  # TLS, the last, in view
    finally:
        bridge.close()


def test_a_history_line_starts_with_method_and_path() -> None:
    now = datetime.datetime.now()
    entry = HistoryEntry(
        1, int(now.timestamp() * 1e9), "a", 80, False, "GET /status HTTP/1.1", 200, None, 1, False
    )
    text = entry_text(entry)
    assert text.startswith("GET /status  200  ")
    assert now.strftime("%H:%M:%S") in text and str(now.year) not in text  # today: time only
    older = entry_text(entry, today=now.date() + datetime.timedelta(days=3))
    assert now.strftime("%m-%d %H:%M") in older


def test_the_log_toolbar_is_never_squeezed(
    qtbot: QtBot, io: EventLoopThread, tmp_path, runner: TaskRunner, language: str
) -> None:
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    bridge = UdpBridge(io)
    panel = UdpPanel(bridge, settings, runner)
    qtbot.addWidget(panel)
    try:
        panel.resize(1008, 620)  # a UDP session in a 1024 px window
        panel.show()
        log = panel.log
        log.append([Record(0, Direction.IN, "127.0.0.1:1", "你好，UDP".encode())])
        qtbot.waitUntil(lambda: log.detected is not None)
        combo = log.encoding_combo
        qtbot.waitUntil(lambda: combo.width() >= combo.sizeHint().width())
        assert "utf-8" in combo.itemText(0)  # "Auto (utf-8)", shown whole
        qtbot.waitUntil(lambda: log.search_edit.width() >= 120)
    finally:
        bridge.shutdown()


def test_a_running_server_says_which_rules_answer(
    qtbot: QtBot, io: EventLoopThread, tmp_path, settings, runner: TaskRunner
) -> None:
    bridge = TcpServerBridge(io, tmp_path)
    panel = TcpServerPanel(bridge, settings, runner)
    qtbot.addWidget(panel)
    panel.show()
    try:
        panel.host_edit.setText("127.0.0.1")
        panel.port_spin.setValue(0)
        panel.mode_combo.setCurrentIndex(panel.mode_combo.findData(ServerMode.RULES))
        panel.rules.table.setRowCount(0)
        panel.rules.add_rule(MatchKind.STARTS, "PING", InputFormat.ESCAPED, "PONG")
        panel.rules.add_rule(MatchKind.CONTAINS, "hi", InputFormat.ESCAPED, "hello")
        panel.rules.add_rule(MatchKind.EXACT, "01 02", InputFormat.HEX, "06")
        panel.toggle()
        qtbot.waitUntil(lambda: panel.running, timeout=5000)
        rules = panel.rules
        assert not rules.is_expanded()  # folded for the log's room, yet…
        # (English plural forms are filled in by the translation pass: "rule(s)" until then.)
        assert rules.fold_button.text().replace("(s)", "s") == "3 rules active — Edit"
        assert rules.summary.isVisible()
        assert rules.summary.text() == "PING → PONG · hi → hello · 01 02 → 06"
        rules.fold_button.click()  # "Edit" opens them
        assert rules.is_expanded() and rules.table.isVisible()
    finally:
        bridge.stop()


def _closing_server() -> tuple[socket.socket, int]:
    """A loopback server answering once with ``Connection: close``, then closing."""
    listener = socket.create_server(("127.0.0.1", 0))

    def serve() -> None:
        try:
            conn, _ = listener.accept()
        except OSError:
            return
        with conn:
            request = b""
            while b"\r\n\r\n" not in request:
                chunk = conn.recv(4096)
                if not chunk:
                    return
                request += chunk
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")

    threading.Thread(target=serve, daemon=True).start()
    return listener, int(listener.getsockname()[1])


def test_the_bar_says_the_server_closed_the_connection(
    qtbot: QtBot, io: EventLoopThread, runner: TaskRunner
) -> None:
    bridge = HttpBridge(io)
    listener, port = _closing_server()
    try:
        panel = make_panel(qtbot, bridge, runner)
        assert panel.send_bar.reuse_check.isChecked()
        send_and_wait(qtbot, panel, "127.0.0.1", port, "GET / HTTP/1.1\nHost: x\n\n")
        qtbot.waitUntil(lambda: "closed" in panel.send_bar.connection_label.text())
        assert panel.send_bar.connection_label.text() == (
            "The server closed the connection; the next request opens a new one."
        )
        panel.send_bar.reuse_check.setChecked(False)  # no reuse: nothing to explain
        assert panel.send_bar.connection_label.text() == "No open connection"
    finally:
        listener.close()
        bridge.close()
