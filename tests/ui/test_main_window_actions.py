"""The main window's actions: what the composition root shares, File ▸ New/Close, Quit, language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QMessageBox

from desktop.app import Application
from desktop.core.store.database import DB_NAME
from desktop.settings import Settings
from desktop.ui.workbench.relay_panel import RelayPanel
from desktop.ui.workbench.tcp_client_panel import TcpClientPanel
from desktop.ui.workbench.tcp_server_panel import TcpServerPanel


def build(qtbot, tmp_path: Path, **values) -> Application:  # type: ignore[no-untyped-def]
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    for key, value in values.items():
        settings.set(getattr(Settings, key), value)
    app = Application(
        QApplication.instance(),
        settings,
        show_crash_dialogs=False,
        use_tray=False,
        folder=tmp_path / "data",
    )
    qtbot.addWidget(app.window)
    return app


def show(qtbot, app: Application) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitActive(app.window):  # window shortcuts need the active window
        app.window.show()
        app.window.activateWindow()


def start_server(qtbot, panel: TcpServerPanel) -> None:  # type: ignore[no-untyped-def]
    panel.host_edit.setText("127.0.0.1")
    panel.port_spin.setValue(0)
    panel.toggle()
    qtbot.waitUntil(lambda: panel.running, timeout=5000)


# -- what the composition root owns ---------------------------------------------------------------


def test_one_database_in_the_given_folder_closed_at_exit(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = build(qtbot, tmp_path)
    path = tmp_path / "data" / DB_NAME
    try:
        assert app.store is not None and app.store.path == path
        conn = app.store.connection
        assert app.library is not None and app.library.store._conn is conn
        assert app.messenger.history is not None and app.messenger.history._conn is conn
        assert app.window.http._history is not None and app.window.http._history._conn is conn
    finally:
        app.shutdown()
    assert app.store.closed
    # Every connection to the file is closed: SQLite checkpointed and removed the write-ahead log.
    assert path.is_file() and not path.with_name(DB_NAME + "-wal").exists()


def test_crash_reports_go_to_the_folder_the_composition_root_gives(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = build(qtbot, tmp_path)
    try:
        report = app.crash.handle(RuntimeError, RuntimeError("boom"), None, "test")
        assert report.path is not None and report.path.parent == tmp_path / "data" / "logs"
    finally:
        app.shutdown()


def test_one_task_runner_shared_and_shut_down(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = build(qtbot, tmp_path)
    try:
        assert app.window.http.response_view.tasks is app.runner
        assert all(panel.runner is app.runner for panel in app.window.workbench.panels())
    finally:
        app.shutdown()
    assert app.runner._pool._shutdown  # type: ignore[attr-defined]


def test_bridges_keep_certificates_in_the_given_folder(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = build(qtbot, tmp_path)
    try:
        assert app.sessions.cert_dir == tmp_path / "data"
        assert app.window.workbench.new_server().server._cert_dir == tmp_path / "data"
        assert app.window.workbench.new_relay().relay._cert_dir == tmp_path / "data"
    finally:
        app.shutdown()


# -- File and Edit ---------------------------------------------------------------------------------


def test_file_new_offers_the_relay(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = build(qtbot, tmp_path)
    try:
        window = app.window
        window.tabs.setCurrentIndex(2)
        assert window.menus.new_relay_action.shortcut().toString() == "Ctrl+Shift+R"
        window.menus.new_relay_action.trigger()
        assert window.tabs.currentWidget() is window.workbench
        assert isinstance(window.workbench.current_panel(), RelayPanel)
    finally:
        app.shutdown()


def test_ctrl_w_closes_the_current_session_tab(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = build(qtbot, tmp_path)
    try:
        show(qtbot, app)
        workbench = app.window.workbench
        server = workbench.new_server()
        start_server(qtbot, server)
        assert len(workbench.panels()) == 2 and workbench.current_panel() is server
        show(qtbot, app)  # offscreen, disabling the focused field deactivated the window
        with qtbot.waitSignal(server.server.stopped, timeout=5000):  # its server is stopped
            qtbot.keyClick(app.window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
        assert server not in workbench.panels() and len(workbench.panels()) == 1
        # Elsewhere than the Workbench, Ctrl+W leaves the sessions alone.
        app.window.tabs.setCurrentIndex(1)
        qtbot.keyClick(app.window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
        assert len(workbench.panels()) == 1
    finally:
        app.shutdown()


def test_edit_menu_uses_the_panels_actions(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = build(qtbot, tmp_path)
    try:
        show(qtbot, app)
        panel = app.window.workbench.current_panel()
        assert isinstance(panel, TcpClientPanel)
        app.window.menus.find_action.trigger()
        qtbot.waitUntil(panel.log.search_edit.hasFocus, timeout=5000)
        app.window.menus.focus_send_action.trigger()
        qtbot.waitUntil(panel.send_box.editor.hasFocus, timeout=5000)
        panel.info("something")
        app.window.menus.clear_log_action.trigger()
        assert panel.log.records() == []
    finally:
        app.shutdown()


# -- Quit ------------------------------------------------------------------------------------------


def quit_box(qtbot, app: Application) -> QMessageBox:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: app.window.quit_box is not None and app.window.quit_box.isVisible())
    box = app.window.quit_box
    assert box is not None
    return box


def test_quit_asks_while_a_server_runs_and_can_stop_asking(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = build(qtbot, tmp_path)
    try:
        show(qtbot, app)
        start_server(qtbot, app.window.workbench.new_server())
        app.window.menus.quit_action.trigger()
        box = quit_box(qtbot, app)
        assert "1 TCP server" in box.text()
        box.button(QMessageBox.StandardButton.Cancel).click()
        qtbot.waitUntil(lambda: app.window.quit_box is None)
        assert app.window.isVisible()  # cancelled: still running

        app.window.menus.quit_action.trigger()
        box = quit_box(qtbot, app)
        box.findChild(QCheckBox, "dontAskAgain").setChecked(True)
        next(b for b in box.buttons() if b.objectName() == "quitButton").click()
        qtbot.waitUntil(lambda: not app.window.isVisible())
        assert app.settings.get(Settings.CONFIRM_QUIT) is False
    finally:
        app.shutdown()


def test_the_close_button_asks_as_quit_does(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = build(qtbot, tmp_path)
    try:
        show(qtbot, app)
        start_server(qtbot, app.window.workbench.new_server())
        assert not app.window.close()  # the title bar's close button: the same question
        box = quit_box(qtbot, app)
        assert "1 TCP server" in box.text()
        box.button(QMessageBox.StandardButton.Cancel).click()
        qtbot.waitUntil(lambda: app.window.quit_box is None)
        assert app.window.isVisible()

        app.window.close()
        box = quit_box(qtbot, app)
        box.findChild(QCheckBox, "dontAskAgain").setChecked(True)  # the same setting
        next(b for b in box.buttons() if b.objectName() == "quitButton").click()
        qtbot.waitUntil(lambda: not app.window.isVisible())
        assert app.settings.get(Settings.CONFIRM_QUIT) is False
    finally:
        app.shutdown()


def test_quit_does_not_ask_when_nothing_runs_or_when_told_not_to(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = build(qtbot, tmp_path)
    try:
        show(qtbot, app)
        assert app.window.running_services() == []  # a client session does not count
        app.window.menus.quit_action.trigger()
        assert app.window.quit_box is None and not app.window.isVisible()
    finally:
        app.shutdown()
    again = build(qtbot, tmp_path / "again", CONFIRM_QUIT=False)
    try:
        show(qtbot, again)
        start_server(qtbot, again.window.workbench.new_server())
        again.window.menus.quit_action.trigger()
        assert again.window.quit_box is None and not again.window.isVisible()
    finally:
        again.shutdown()


# -- language -------------------------------------------------------------------------------------


def test_a_language_change_says_it_needs_a_restart(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = build(qtbot, tmp_path, LANGUAGE="en")
    try:
        show(qtbot, app)
        chinese = next(a for a in app.window.menus.language_group.actions() if a.data() == "zh_CN")
        chinese.trigger()
        assert app.settings.get(Settings.LANGUAGE) == "zh_CN"
        notice = app.window.language_notice
        assert notice is not None
        qtbot.waitUntil(notice.isVisible)
        assert "简体中文" in notice.text() and "next time it starts" in notice.text()
        assert not notice.isModal() or notice.windowModality() != Qt.WindowModality.ApplicationModal
        # Back to the language in effect: nothing to restart for, the notice goes.
        english = next(a for a in app.window.menus.language_group.actions() if a.data() == "en")
        english.trigger()
        assert app.window.language_notice is None
    finally:
        app.shutdown()
