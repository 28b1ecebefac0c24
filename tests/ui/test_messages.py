"""The one message path: de-duplicated, said once, gone when no longer true, the same banner on
every page, colours from the palette, and a status bar that belongs to the page in front."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from desktop.app import Application
from desktop.settings import Settings
from desktop.ui.http.composer_panel import ComposerPanel
from desktop.ui.messages import Level, Messages
from desktop.ui.theme import apply_theme, tone_colors
from desktop.ui.widgets.notice_banner import NoticeBanner
from desktop.ui.workbench.tcp_client_panel import TcpClientPanel
from desktop.ui.workbench.tcp_server_panel import TcpServerPanel
from desktop.workers.http_bridge import HttpBridge
from tests.helpers.servers import closed_port


@pytest.fixture
def app(qtbot, tmp_path) -> Iterator[Application]:  # type: ignore[no-untyped-def]
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    application = Application(QApplication.instance(), settings, show_crash_dialogs=False)
    qtbot.addWidget(application.window)
    try:
        yield application
    finally:
        application.shutdown()


@pytest.fixture
def http_bridge(io) -> Iterator[HttpBridge]:  # type: ignore[no-untyped-def]
    bridge = HttpBridge(io)
    yield bridge
    bridge.close()


def shown_texts(root: QWidget) -> list[str]:
    """The text of every label the user can see under ``root``."""
    return [label.text() for label in root.findChildren(QLabel) if label.isVisibleTo(root)] + [
        root.window().statusBar().currentMessage()
    ]  # type: ignore[attr-defined]


def test_the_same_sentence_twice_is_shown_once_and_a_key_replaces(qtbot) -> None:  # type: ignore[no-untyped-def]
    board = Messages("test")
    banner = NoticeBanner(board)
    qtbot.addWidget(banner)
    board.error("Port 9 is in use.")
    board.error("Port 9 is in use.", key="start")  # the same sentence under another key
    assert banner.text() == "Port 9 is in use."
    assert len(banner.rows()) == 1
    board.info("Exported.", key="export")
    board.info("Exported again.", key="export")  # same key: replaced, not stacked
    assert board.texts() == ["Port 9 is in use.", "Exported again."]
    board.clear("start")
    assert board.texts() == ["Exported again."]
    assert banner.kind == "info"


def test_a_notice_goes_by_itself_and_an_error_stays(qtbot) -> None:  # type: ignore[no-untyped-def]
    board = Messages("test", info_timeout_ms=50)
    board.error("Refused.")
    with qtbot.waitSignal(board.changed, timeout=5000):
        board.info("Copied.")
    with qtbot.waitSignal(board.changed, timeout=5000):
        pass  # the notice's time ran out
    assert board.texts() == ["Refused."]
    assert [m.level for m in board.messages()] == [Level.ERROR]


def test_a_relay_whose_port_is_taken_says_so_once(qtbot, app: Application) -> None:  # type: ignore[no-untyped-def]
    window = app.window
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        panel = app.window.workbench.new_relay()
        panel.listen_edit.setText("127.0.0.1")
        panel.listen_spin.setValue(port)
        panel.target_edit.setText("127.0.0.1")
        panel.target_spin.setValue(closed_port())
        with qtbot.waitSignal(panel.relay.start_failed, timeout=5000):
            panel.toggle()
        qtbot.waitUntil(lambda: panel.banner.isVisibleTo(window), timeout=5000)
    said = [text for text in shown_texts(window) if "already in use" in text]
    assert len(said) == 1  # shown once, naming the program that holds it (this test)
    assert said[0].startswith(f"127.0.0.1:{port} is already in use by ")
    assert said[0].endswith(f"(pid {os.getpid()}).")
    qtbot.waitUntil(lambda: panel.state_label.text() == "Stopped", timeout=5000)  # queued after


def test_select_clients_goes_once_a_client_is_selected(  # type: ignore[no-untyped-def]
    qtbot, server_bridge, settings, runner
) -> None:
    panel = TcpServerPanel(server_bridge, settings, runner)
    qtbot.addWidget(panel)
    panel.host_edit.setText("127.0.0.1")
    panel.port_spin.setValue(0)
    panel.toggle()
    qtbot.waitUntil(lambda: panel.running, timeout=5000)
    port = int(panel.state_label.text().rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port)):
        qtbot.waitUntil(lambda: panel.clients.rowCount() == 1, timeout=5000)
        panel.target_combo.setCurrentIndex(panel.target_combo.findData("selected"))
        panel.send_box.editor.setPlainText("hi")
        panel.send_box.send_button.click()
        assert panel.banner.text() == "Select one or more clients in the table first."
        panel.client_view.selectRow(0)
        assert not panel.banner.isVisibleTo(panel)
        assert "Select one or more" not in panel.banner.text()


def test_the_status_bar_shows_only_the_page_in_front(qtbot, app: Application) -> None:  # type: ignore[no-untyped-def]
    window = app.window
    bar = window.statusBar()
    window.tabs.setCurrentWidget(window.workbench)
    assert window.traffic_label.isVisibleTo(window)
    for page in (window.messenger, window.http):
        window.tabs.setCurrentWidget(page)
        texts = [w.text() for w in bar.findChildren(QLabel) if w.isVisibleTo(window)]
        assert not any(texts), texts  # no Workbench sentence, no byte counts
    window.tabs.setCurrentWidget(window.workbench)
    assert window.traffic_label.isVisibleTo(window)


def test_http_refused_is_the_same_banner_as_the_workbench(  # type: ignore[no-untyped-def]
    qtbot, tcp_bridge, settings, runner, http_bridge: HttpBridge
) -> None:
    port = closed_port()
    client = TcpClientPanel(tcp_bridge, settings, runner)
    composer = ComposerPanel(http_bridge, runner)
    for page in (client, composer):
        qtbot.addWidget(page)
        page.show()
    client.host_edit.setText("127.0.0.1")
    client.port_spin.setValue(port)
    client.toggle_connection()
    composer.host_edit.setText("127.0.0.1")
    composer.port_spin.setValue(port)
    composer.editor.set_text("GET / HTTP/1.1\nHost: x\n\n")
    with qtbot.waitSignal(http_bridge.exchange_failed, timeout=10_000):
        composer.send()
    qtbot.waitUntil(client.banner.isVisible, timeout=5000)
    for page in (client, composer):
        banner = page.findChild(NoticeBanner)
        assert banner is not None and banner.isVisible()
        assert banner.kind == "error" and "refused" in banner.text()
    assert "refused" not in composer.status_label.text()  # said once, in the banner


def _pixel(row: QWidget) -> QColor:
    image = row.grab().toImage()
    return image.pixelColor(7, image.height() // 2)  # between the tone strip and the text


def _close(a: QColor, b: QColor) -> bool:
    return all(abs(x - y) <= 2 for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


def test_banner_colours_come_from_the_palette_and_follow_a_theme_change(qtbot) -> None:  # type: ignore[no-untyped-def]
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    before = QPalette(qapp.palette())
    banner = NoticeBanner()
    qtbot.addWidget(banner)
    banner.resize(400, 60)
    banner.show()
    try:
        apply_theme(qapp, "light")
        banner.messages.error("The connection was refused.")
        row = banner.rows()[0]
        light = _pixel(row)
        assert _close(light, tone_colors(qapp.palette(), "error").background)
        assert light.lightnessF() > 0.8
        apply_theme(qapp, "dark")  # live: the same row, no new message
        expected = tone_colors(qapp.palette(), "error").background
        qtbot.waitUntil(lambda: _close(_pixel(row), expected), timeout=5000)
        dark = _pixel(row)
        assert dark.lightnessF() < 0.35
        text = row.label.palette().color(QPalette.ColorRole.WindowText)
        assert text.lightnessF() > 0.7  # light text on the dark tint
        apply_theme(qapp, "light")
        qtbot.waitUntil(lambda: _close(_pixel(row), light), timeout=5000)
        text = row.label.palette().color(QPalette.ColorRole.WindowText)
        assert text.lightnessF() < 0.3  # dark text again: readable after switching back
    finally:
        qapp.setPalette(before)
