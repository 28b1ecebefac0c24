"""Edit ▸ Preferences: values land in the facade and in QSettings on OK, the pages follow at
once, Cancel and refused values store nothing; export and import from the Data page."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop.app import Application
from desktop.core.store.saved_messages import SavedMessage
from desktop.settings import Settings
from desktop.ui.preferences.dialog import PreferencesDialog


@pytest.fixture
def app(qapp: QApplication, tmp_path: Path) -> Iterator[Application]:
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    application = Application(
        qapp, settings, show_crash_dialogs=False, use_tray=False, folder=tmp_path / "data"
    )
    try:
        yield application
    finally:
        application.window.close()
        application.shutdown()
        application.apply_theme("light")


def open_dialog(app: Application) -> PreferencesDialog:
    app.window.menus.preferences_action.trigger()
    dialog = app.preferences
    assert isinstance(dialog, PreferencesDialog) and dialog.isVisible()
    return dialog


def button(dialog: PreferencesDialog, which: QDialogButtonBox.StandardButton) -> None:
    dialog.buttons.button(which).click()


def on_disk(tmp_path: Path, key: str) -> object:
    return QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat).value(key)


def test_ok_stores_every_page_and_the_app_follows(
    app: Application, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = open_dialog(app)
    general, messenger, work = dialog.general, dialog.messenger, dialog.work
    general.theme.setCurrentIndex(general.theme.findData("dark"))
    messenger.nickname.setText("  Ann  ")
    messenger.port.setValue(2426)
    messenger.codepage.setCurrentIndex(messenger.codepage.findData("cp932"))
    work.log_cap.setValue(8)
    work.encoding.setCurrentIndex(work.encoding.findData("gbk"))
    work.record_history.setChecked(False)
    button(dialog, QDialogButtonBox.StandardButton.Ok)
    qtbot.waitUntil(lambda: app.preferences is None)

    settings = app.settings
    assert settings.get(Settings.THEME) == "dark"
    assert settings.get(Settings.MESSENGER_NICKNAME) == "Ann"
    assert settings.get(Settings.MESSENGER_PORT) == 2426
    assert settings.get(Settings.LOG_MAX_MB) == 8
    assert settings.get(Settings.HTTP_RECORD_HISTORY) is False
    assert on_disk(tmp_path, "ui/theme") == "dark"
    assert str(on_disk(tmp_path, "messenger/port")) == "2426"
    # Followed at once: the palette, the composer's history, the Messenger's fields, the menu.
    assert app.scheme == Qt.ColorScheme.Dark
    assert not app.composer.history_pane.recording
    assert app.messenger.identity.nickname.text() == "Ann"
    assert app.messenger.identity.port.value() == 2426
    assert app.messenger.identity.codepage_name() == "cp932"
    checked = [a.data() for a in app.window.menus.theme_group.actions() if a.isChecked()]
    assert checked == ["dark"]
    # New sessions take the log cap and the send encoding.
    app.window.menus.new_client_action.trigger()
    panel = app.window.workbench.current_panel()
    assert panel is not None and panel.send_box.encoding_combo.currentData() == "gbk"

    # The dialog opens again on the stored values.
    again = open_dialog(app)
    assert again.general.theme.currentData() == "dark"
    assert again.messenger.nickname.text() == "Ann"
    assert not again.work.record_history.isChecked()
    button(again, QDialogButtonBox.StandardButton.Cancel)


def test_cancel_stores_nothing(app: Application, qtbot: QtBot, tmp_path: Path) -> None:
    dialog = open_dialog(app)  # stores the Messenger's fields first (the login as nickname)
    nickname = app.settings.get(Settings.MESSENGER_NICKNAME)
    seen: list[str] = []
    app.settings.changed.connect(seen.append)
    dialog.general.theme.setCurrentIndex(dialog.general.theme.findData("dark"))
    dialog.messenger.nickname.setText("Bob")
    dialog.work.log_cap.setValue(3)
    button(dialog, QDialogButtonBox.StandardButton.Cancel)
    qtbot.waitUntil(lambda: app.preferences is None)
    assert seen == []
    assert app.settings.get(Settings.MESSENGER_NICKNAME) == nickname
    assert app.settings.get(Settings.THEME) == "system"
    assert app.settings.get(Settings.LOG_MAX_MB) == 64
    assert on_disk(tmp_path, "ui/theme") is None


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("x" * 65, "Nickname: A name can be at most 64 characters long."),
        ("tab\there", "Nickname: A name cannot hold control characters."),
    ],
)
def test_a_refused_value_stores_nothing_and_says_why(
    app: Application, name: str, words: str
) -> None:
    dialog = open_dialog(app)
    nickname = app.settings.get(Settings.MESSENGER_NICKNAME)
    dialog.general.theme.setCurrentIndex(dialog.general.theme.findData("dark"))
    dialog.tabs.setCurrentWidget(dialog.work)
    dialog.messenger.nickname.setText(name)
    button(dialog, QDialogButtonBox.StandardButton.Ok)
    assert dialog.isVisible()  # stays open on the wrong field
    assert dialog.tabs.currentWidget() is dialog.messenger
    shown = [m.text() for m in dialog.messages.messages()]
    assert shown == [words]
    assert app.settings.get(Settings.THEME) == "system"  # the valid value was not stored either
    assert app.settings.get(Settings.MESSENGER_NICKNAME) == nickname
    dialog.messenger.nickname.setText("Ann")
    button(dialog, QDialogButtonBox.StandardButton.Ok)
    assert not dialog.isVisible() and app.settings.get(Settings.THEME) == "dark"


def test_a_new_language_says_it_needs_a_restart(app: Application) -> None:
    """The open windows are not retranslated: the dialog says so and nothing pretends."""
    assert app.language == "en"
    dialog = open_dialog(app)
    note = dialog.general.language_note
    assert not note.isVisibleTo(dialog)
    dialog.general.language.setCurrentIndex(dialog.general.language.findData("zh_CN"))
    assert note.isVisibleTo(dialog)
    assert "简体中文 from its next start" in note.text()
    dialog.general.language.setCurrentIndex(dialog.general.language.findData("en"))
    assert not note.isVisibleTo(dialog)  # English is what is shown now: nothing to wait for
    dialog.general.language.setCurrentIndex(dialog.general.language.findData("zh_CN"))
    button(dialog, QDialogButtonBox.StandardButton.Ok)
    assert app.settings.get(Settings.LANGUAGE) == "zh_CN"
    checked = [a.data() for a in app.window.menus.language_group.actions() if a.isChecked()]
    assert checked == ["zh_CN"]
    assert app.window.tabs.tabText(0) == "Workbench"  # as the note said: from the next start


def test_settings_export_and_import_from_the_data_page(app: Application, tmp_path: Path) -> None:
    app.settings.set(Settings.THEME, "dark")
    dialog = open_dialog(app)
    nickname = app.settings.get(Settings.MESSENGER_NICKNAME)
    exported = tmp_path / "carry.json"
    dialog.data.ask_path = lambda _title, _suggested, _saving: exported
    dialog.data.export_settings_button.click()
    assert json.loads(exported.read_text(encoding="utf-8"))["settings"]["ui/theme"] == "dark"
    assert "Exported" in dialog.messages.messages()[-1].text()

    document = json.loads(exported.read_text(encoding="utf-8"))
    document["settings"]["ui/theme"] = "light"
    document["settings"]["messenger/nickname"] = "Imported"
    document["settings"]["messenger/port"] = "not a port"  # one bad value: nothing applies
    exported.write_text(json.dumps(document), encoding="utf-8")
    dialog.data.import_settings_button.click()
    message = dialog.messages.messages()[-1].text()
    assert message.startswith("Nothing was imported: ") and "messenger/port" in message
    assert app.settings.get(Settings.THEME) == "dark"
    assert app.settings.get(Settings.MESSENGER_NICKNAME) == nickname

    del document["settings"]["messenger/port"]
    exported.write_text(json.dumps(document), encoding="utf-8")
    dialog.data.import_settings_button.click()
    assert dialog.messages.messages()[-1].text().startswith("Imported ")
    assert app.settings.get(Settings.THEME) == "light"
    assert app.scheme == Qt.ColorScheme.Light
    assert dialog.messenger.nickname.text() == "Imported"  # the open dialog shows it too
    assert app.messenger.identity.nickname.text() == "Imported"


def test_saved_messages_travel_through_the_data_page(app: Application, tmp_path: Path) -> None:
    assert app.library is not None
    store = app.library.store
    store.save(SavedMessage("ping", "PING\\r\\n", "escaped", "utf-8", "none"))
    store.save(SavedMessage("hello", "你好", "text", "gbk", "crlf"))
    dialog = open_dialog(app)
    path = tmp_path / "messages.json"
    dialog.data.ask_path = lambda _title, _suggested, _saving: path
    dialog.data.export_library_button.click()
    assert dialog.messages.messages()[-1].text().startswith("Exported 2 saved message")

    for name in ("ping", "hello"):
        store.delete(name)
    document = json.loads(path.read_text(encoding="utf-8"))
    document["messages"].append({"name": "broken", "data": 5})  # one bad entry
    path.write_text(json.dumps(document), encoding="utf-8")
    dialog.data.import_library_button.click()
    message = dialog.messages.messages()[-1].text()
    assert message.startswith("Nothing was imported: ") and "Message 3" in message
    assert store.list() == []

    document["messages"].pop()
    path.write_text(json.dumps(document), encoding="utf-8")
    changed: list[bool] = []
    app.library.changed.connect(lambda: changed.append(True))
    dialog.data.import_library_button.click()
    assert dialog.messages.messages()[-1].text().startswith("Imported 2 saved message")
    assert [(m.name, m.data, m.encoding) for m in store.list()] == [
        ("hello", "你好", "gbk"),
        ("ping", "PING\\r\\n", "utf-8"),
    ]
    assert changed


def test_start_options_from_the_dialog_write_the_autostart_entry(
    app: Application, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    entry = tmp_path / "config" / "autostart" / "socketdesk.desktop"
    dialog = open_dialog(app)
    dialog.general.start_minimised.setChecked(True)
    dialog.general.start_at_login.setChecked(True)
    button(dialog, QDialogButtonBox.StandardButton.Ok)
    assert app.settings.get(Settings.START_MINIMISED) and app.settings.get(Settings.START_AT_LOGIN)
    assert app.window.menus.start_minimised_action.isChecked()
    assert app.window.menus.start_at_login_action.isChecked()
    assert entry.is_file()  # written as the Tools menu does
    again = open_dialog(app)
    assert again.general.start_at_login.isChecked()
    again.general.start_at_login.setChecked(False)
    button(again, QDialogButtonBox.StandardButton.Ok)
    assert not entry.exists() and not app.window.menus.start_at_login_action.isChecked()


def test_files_page_stores_the_download_folder_and_auto_accept(
    app: Application, tmp_path: Path
) -> None:
    dialog = open_dialog(app)
    files = dialog.files
    inbox = tmp_path / "inbox"
    files.download.setText(str(inbox))
    files.auto_accept.setChecked(True)
    assert files.peers.isEnabled()
    files.peers.setPlainText("alice@office-pc\n\n  鲍勃@pc2 \n")
    button(dialog, QDialogButtonBox.StandardButton.Ok)
    assert not dialog.isVisible()
    assert app.settings.get(Settings.DOWNLOAD_FOLDER) == str(inbox)
    assert app.settings.get(Settings.AUTO_ACCEPT) is True
    assert json.loads(app.settings.get(Settings.AUTO_ACCEPT_PEERS)) == [
        "alice@office-pc",
        "鲍勃@pc2",
    ]
    assert on_disk(tmp_path, "messenger/download_folder") == str(inbox)


def test_files_page_refuses_a_relative_folder_and_a_person_without_host(
    app: Application,
) -> None:
    before = app.settings.get(Settings.DOWNLOAD_FOLDER)
    dialog = open_dialog(app)
    dialog.files.download.setText("relative/inbox")
    dialog.files.auto_accept.setChecked(True)
    dialog.files.peers.setPlainText("alice")
    button(dialog, QDialogButtonBox.StandardButton.Ok)
    assert dialog.isVisible()  # refused: nothing stored, the dialog stays on the field
    assert app.settings.get(Settings.DOWNLOAD_FOLDER) == before
    assert app.settings.get(Settings.AUTO_ACCEPT) is False
    dialog.reject()
