"""The main window: workspaces, menus, shortcuts, About, window state, theme."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel

from desktop.app import Application
from desktop.settings import Settings
from desktop.ui.http.composer_panel import ComposerPanel
from desktop.ui.messenger.messenger_panel import MessengerPanel


def build(qtbot, tmp_path, **values) -> Application:  # type: ignore[no-untyped-def]
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    for key, value in values.items():
        settings.set(getattr(Settings, key), value)
    app = Application(QApplication.instance(), settings, show_crash_dialogs=False)
    qtbot.addWidget(app.window)
    return app


def test_three_workspaces_and_menus(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    app = build(qtbot, tmp_path)
    try:
        window = app.window
        tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
        assert tabs == ["Workbench", "Messenger", "HTTP"]
        assert isinstance(window.messenger, MessengerPanel)
        assert isinstance(window.http, ComposerPanel)
        menus = [a.text() for a in window.menuBar().actions()]
        assert menus == ["&File", "&Edit", "&View", "&Tools", "&Help"]
        assert window.menus.quit_action.shortcut().toString() == "Ctrl+Q"
        assert not QApplication.windowIcon().isNull()
    finally:
        app.shutdown()


def test_ctrl_number_switches_workspace(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    app = build(qtbot, tmp_path)
    try:
        window = app.window
        with qtbot.waitActive(window):  # window shortcuts need the active window
            window.show()
            window.activateWindow()
        qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
        assert window.tabs.currentIndex() == 2
        qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
        assert window.tabs.currentIndex() == 0
    finally:
        app.shutdown()


def test_about_shows_versions(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import PySide6
    from PySide6.QtCore import qVersion

    app = build(qtbot, tmp_path)
    try:
        dialog = app.window.show_about()
        qtbot.addWidget(dialog)
        assert dialog.versions["Qt"] == qVersion()
        assert dialog.versions["PySide6"] == PySide6.__version__
        text = dialog.findChild(QLabel, "aboutText")
        assert text is not None and f"<td>{qVersion()}</td>" in text.text()
        assert dialog.isVisible() and not dialog.isModal()
    finally:
        app.shutdown()


def test_window_state_is_saved_and_restored(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    app = build(qtbot, tmp_path)
    try:
        app.window.resize(777, 555)
        app.window.tabs.setCurrentIndex(2)
        app.window.close()
    finally:
        app.shutdown()
    again = build(qtbot, tmp_path)
    try:
        assert again.window.size().width() == 777
        assert again.window.size().height() == 555
        assert again.window.tabs.currentIndex() == 2
    finally:
        again.shutdown()


def test_theme_menu_switches_palette_and_is_remembered(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    app = build(qtbot, tmp_path)
    try:
        dark = next(a for a in app.window.menus.theme_group.actions() if a.data() == "dark")
        dark.trigger()
        window_color = QApplication.palette().color(QPalette.ColorRole.Window)
        assert window_color.lightness() < 60
        assert app.settings.get(Settings.THEME) == "dark"
        light = next(a for a in app.window.menus.theme_group.actions() if a.data() == "light")
        light.trigger()
        assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() > 180
    finally:
        app.shutdown()


def test_http_workspace_is_built_when_its_tab_is_first_shown(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Start-up skips the HTTP page (a third of the imports); its tab builds it, in place."""
    app = build(qtbot, tmp_path, HTTP_RECORD_HISTORY=True)
    try:
        window = app.window
        assert not window.http_built and app.http_bridge is None
        assert not isinstance(window.tabs.widget(2), ComposerPanel)
        app.settings.set(Settings.HTTP_RECORD_HISTORY, False)  # changed before the page exists
        window.show()
        window.tabs.setCurrentIndex(2)
        assert window.http_built and app.http_bridge is not None
        page = window.tabs.widget(2)
        assert isinstance(page, ComposerPanel) and page is window.http is app.composer
        assert window.tabs.currentIndex() == 2 and window.tabs.tabText(2) == "HTTP"
        assert window.tabs.count() == 3 and page.isVisible()
        assert not page.history_pane.recording  # built with the setting as it is now
    finally:
        app.shutdown()


def test_asking_for_the_http_page_builds_it_behind_the_current_tab(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    app = build(qtbot, tmp_path)
    try:
        window = app.window
        assert not window.http_built
        page = window.http  # tests and the screenshot tools reach into the page
        assert isinstance(page, ComposerPanel) and window.tabs.widget(2) is page
        assert window.tabs.currentIndex() == 0
        window.tabs.setCurrentWidget(window.http)
        assert window.tabs.currentIndex() == 2
    finally:
        app.shutdown()


def test_http_as_the_last_workspace_is_built_at_start(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    app = build(qtbot, tmp_path, WORKSPACE=2)
    try:
        assert app.window.http_built and app.window.tabs.currentWidget() is app.window.http
    finally:
        app.shutdown()
