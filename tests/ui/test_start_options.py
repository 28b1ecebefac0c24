"""Start minimised to the tray, start at login (menu entries and settings), the app icon."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QSize
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.app import ICON_SIZES, Application, app_icon
from desktop.core import autostart
from desktop.resources import resource_path
from desktop.settings import Settings
from desktop.ui.messenger.tray import MessengerTray


def build(qtbot, tmp_path: Path, **values: object) -> Application:  # type: ignore[no-untyped-def]
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    for key, value in values.items():
        settings.set(getattr(Settings, key), value)
    app = Application(QApplication.instance(), settings, show_crash_dialogs=False)
    qtbot.addWidget(app.window)
    return app


@pytest.mark.parametrize(
    ("minimised", "tray", "shown"),
    [
        (True, True, False),
        (True, False, True),  # no tray to come back from: the window shows
        (False, True, True),
    ],
)
def test_start_minimised_to_the_tray(  # type: ignore[no-untyped-def]
    qtbot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    *,
    minimised: bool,
    tray: bool,
    shown: bool,
) -> None:
    monkeypatch.setattr(MessengerTray, "available", property(lambda self: tray))
    app = build(qtbot, tmp_path, START_MINIMISED=minimised)
    try:
        assert app.window.menus.start_minimised_action.isChecked() == minimised
        app.show()
        assert app.window.isVisible() == shown
        app.window.menus.start_minimised_action.setChecked(not minimised)
        assert app.settings.get(Settings.START_MINIMISED) == (not minimised)
    finally:
        app.shutdown()


def test_start_at_login_menu_writes_and_removes_the_entry(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    entry = tmp_path / "config" / "autostart" / "socketdesk.desktop"
    app = build(qtbot, tmp_path)
    try:
        action = app.window.menus.start_at_login_action
        assert not action.isChecked()
        action.setChecked(True)
        assert entry.is_file() and "Exec=" in entry.read_text(encoding="utf-8")
        assert app.settings.get(Settings.START_AT_LOGIN)
        action.setChecked(False)
        assert not entry.exists()
        assert not app.settings.get(Settings.START_AT_LOGIN)
    finally:
        app.shutdown()


def test_start_at_login_where_unsupported_says_so(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setattr(autostart, "autostart_supported", lambda platform=None: False)
    app = build(qtbot, tmp_path)
    try:
        app.window.menus.start_at_login_action.setChecked(True)
        box = app.window.findChild(QMessageBox, "startAtLoginProblem")
        assert box is not None and "not supported here" in box.text()
        assert not app.window.menus.start_at_login_action.isChecked()
        assert not app.settings.get(Settings.START_AT_LOGIN)
        assert not (tmp_path / "config").exists()
        box.close()
    finally:
        app.shutdown()


def test_app_icon_has_every_png_size() -> None:
    for size in ICON_SIZES:
        assert resource_path("icons", f"socketdesk-{size}.png").is_file()
    sizes = app_icon().availableSizes()
    assert {QSize(s, s) for s in ICON_SIZES} <= set(sizes)
    assert resource_path("socketdesk.desktop").is_file()
