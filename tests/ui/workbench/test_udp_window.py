"""The UDP session in the real main window: File ▸ New, the New session menu, 1024×700, the
places other widgets plug in, the pcapng export's sentence."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from desktop.app import Application
from desktop.core.net.udp_peers import PeerSnapshot
from desktop.settings import Settings
from desktop.ui.workbench.udp_panel import UdpPanel
from tests.ui.workbench.test_layout_small_screen import assert_cells_readable, settle


@pytest.fixture
def app(qtbot, tmp_path) -> Iterator[Application]:  # type: ignore[no-untyped-def]
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    application = Application(
        QApplication.instance(), settings, show_crash_dialogs=False, use_tray=False
    )
    qtbot.addWidget(application.window)
    application.window.resize(1024, 700)
    application.window.show()
    qtbot.waitExposed(application.window)
    yield application
    application.shutdown()


def rows(count: int) -> list[PeerSnapshot]:
    now = time.time()
    return [
        PeerSnapshot(f"127.0.0.1:{60000 + i}", ("127.0.0.1", 60000 + i), 12345, 99_999, 7, 512, now)
        for i in range(count)
    ]


def test_file_new_udp_session_and_the_new_session_menu(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    window = app.window
    window.tabs.setCurrentIndex(1)
    assert window.menus.new_udp_action.shortcut().toString() == "Ctrl+Shift+U"
    window.menus.new_udp_action.trigger()
    assert window.tabs.currentWidget() is window.workbench
    assert isinstance(window.workbench.current_panel(), UdpPanel)
    window.workbench.new_udp_action.trigger()
    assert isinstance(window.workbench.current_panel(), UdpPanel)
    assert len([p for p in window.workbench.panels() if isinstance(p, UdpPanel)]) == 2


def test_a_running_session_at_1024x700_keeps_the_log_room(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    panel = app.window.workbench.new_udp()
    panel.host_combo.setEditText("127.0.0.1")
    panel.toggle()
    qtbot.waitUntil(lambda: panel.running, timeout=5000)
    panel._on_peers(rows(5))
    panel.add_tool(QPushButton("Broadcast…"))  # what "udpextras" plugs in
    index = panel.add_side_tab(QLabel("multicast"), "Multicast")
    settle(qtbot, app)
    assert app.window.width() <= 1024 and app.window.height() <= 700
    assert panel.tools.isVisible() and panel.tools.y() == panel.target_host.y()  # no extra row
    assert panel.side_tabs.tabText(0) == "Peers" and panel.side_tabs.tabText(index) == "Multicast"
    assert_cells_readable(panel.peer_view)
    table = panel.log.table
    assert table.viewport().height() // table.verticalHeader().defaultSectionSize() >= 7
    assert panel.log.width() >= 400
    assert panel.peer_pane.count_label.text().startswith("5 peer")  # plural: after lupdate
    panel.toggle()
    qtbot.waitUntil(lambda: not panel.running, timeout=5000)


def test_target_is_public_and_pcapng_endpoints_are_udp(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    panel = app.window.workbench.new_udp()
    assert panel.target() is None
    panel.set_target("::1", 9)
    assert panel.target() == ("::1", 9)
    panel.export("pcapng", "/nonexistent/x.pcapng")
    assert "no connection was made" in panel.banner.label.text()  # nothing seen yet
    panel.local = "127.0.0.1:5000"
    panel._on_peers(rows(2))
    assert set(panel.pcapng_endpoints()) == {"127.0.0.1:60000", "127.0.0.1:60001"}
    endpoints = panel.pcapng_endpoints()["127.0.0.1:60001"]
    assert (endpoints.local_port, endpoints.remote_port) == (5000, 60001)
    assert endpoints.transport == "udp"
