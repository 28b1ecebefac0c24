"""The settings facade: every setting declared once, checked, and carried in a file."""

from __future__ import annotations

import ast
import json
import os
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from desktop.settings import Setting, SettingError, Settings
from desktop.settings_file import FILE_KEY, export_settings, import_settings, read_settings_file

ROOT = Path(__file__).resolve().parents[1]


def test_no_module_but_the_facade_touches_qsettings() -> None:
    """``QSettings`` and its ``value``/``setValue`` calls live in desktop/settings.py only."""
    offenders = []
    for path in sorted((ROOT / "desktop").rglob("*.py")):
        if path.name == "settings.py" and path.parent.name == "desktop":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            name = None
            if isinstance(node, ast.Name | ast.alias):
                name = node.id if isinstance(node, ast.Name) else node.name
            elif isinstance(node, ast.Attribute):
                name = node.attr
            if name == "QSettings" or (
                name in ("value", "setValue", "remove", "allKeys", "childKeys")
                and isinstance(node, ast.Attribute)
                and "settings" in ast.unparse(node.value).lower()
            ):
                offenders.append(f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', '?')}")
    assert offenders == []


def test_each_key_is_declared_once_with_a_valid_default() -> None:
    declared = Settings.declared()
    keys = [s.key for s in declared]
    assert len(keys) == len(set(keys)) and len(keys) > 20
    for setting in declared:
        assert setting.problem(setting.default) is None, setting.key


def test_set_refuses_a_wrong_value_and_stores_nothing(settings: Settings) -> None:
    for setting, wrong in (
        (Settings.THEME, "purple"),
        (Settings.MESSENGER_PORT, 70000),
        (Settings.MESSENGER_PORT, True),
        (Settings.LOG_MAX_MB, "64"),
        (Settings.MESSENGER_NICKNAME, "bad\nname"),
        (Settings.MESSENGER_INTERFACE, "eth0"),
    ):
        with pytest.raises(SettingError) as caught:
            settings.set(setting, wrong)
        assert setting.key in str(caught.value) or "name" in str(caught.value)
        assert settings.get(setting) == setting.default
    with pytest.raises(SettingError):
        settings.set_many({Settings.THEME: "dark", Settings.MESSENGER_PORT: -1})
    assert settings.get(Settings.THEME) == "system"  # the valid one was not stored either


def test_changed_is_emitted_once_per_real_change(settings: Settings) -> None:
    seen: list[str] = []
    settings.changed.connect(seen.append)
    settings.set(Settings.THEME, "dark")
    settings.set(Settings.THEME, "dark")
    settings.set_many({Settings.THEME: "light", Settings.LOG_MAX_MB: 8})
    assert seen == ["ui/theme", "ui/theme", "workbench/log_max_mb"]


def test_a_stored_value_that_is_not_valid_reads_as_the_default(tmp_path: Path) -> None:
    backend = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    backend.setValue("ui/theme", "purple")
    backend.setValue("messenger/port", 99999)
    settings = Settings(backend)
    assert settings.get(Settings.THEME) == "system"
    assert settings.get(Settings.MESSENGER_PORT) == 2425


# -- export and import ---------------------------------------------------------------------------
def ini(tmp_path: Path, name: str) -> Settings:
    return Settings(QSettings(str(tmp_path / name), QSettings.Format.IniFormat))


def test_round_trip_to_another_machine(tmp_path: Path) -> None:
    here = ini(tmp_path, "here.ini")
    here.set_many(
        {
            Settings.THEME: "dark",
            Settings.LANGUAGE: "zh_CN",
            Settings.MESSENGER_NICKNAME: "小王",
            Settings.MESSENGER_PORT: 2426,
            Settings.MESSENGER_INTERFACE: "192.0.2.7",  # this machine's: not carried
            Settings.TCP_CLIENT_TIMEOUT: 2.5,
            Settings.HTTP_RECORD_HISTORY: False,
        }
    )
    path = tmp_path / "exported.json"
    old = os.umask(0o022)
    try:
        count = export_settings(here, path)
    finally:
        os.umask(old)
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document[FILE_KEY] == 1 and len(document["settings"]) == count
    assert "messenger/interface" not in document["settings"]
    assert "ui/window_geometry" not in document["settings"]

    there = ini(tmp_path, "there.ini")
    seen: list[str] = []
    there.changed.connect(seen.append)
    assert import_settings(there, path) == count
    assert there.get(Settings.THEME) == "dark"
    assert there.get(Settings.MESSENGER_NICKNAME) == "小王"
    assert there.get(Settings.TCP_CLIENT_TIMEOUT) == 2.5
    assert there.get(Settings.HTTP_RECORD_HISTORY) is False
    assert there.get(Settings.MESSENGER_INTERFACE) == ""
    assert "ui/theme" in seen
    reread = QSettings(str(tmp_path / "there.ini"), QSettings.Format.IniFormat)
    assert reread.value("messenger/port") in (2426, "2426")  # synced to disk


BAD_FILES = {
    "not JSON": (b"{ not json", "is not a SocketDesk settings file"),
    "not UTF-8": (b'{"a": "\xff"}', "is not a SocketDesk settings file"),
    "another document": (b'{"socketdesk_saved_messages": 1, "messages": []}', "is not a"),
    "a list": (b"[1, 2]", "is not a SocketDesk settings file"),
    "newer version": (
        b'{"socketdesk_settings": 2, "settings": {}}',
        "written by a newer version of SocketDesk (settings file version 2",
    ),
    "version as text": (b'{"socketdesk_settings": "1", "settings": {}}', "is not a"),
    "version true": (b'{"socketdesk_settings": true, "settings": {}}', "is not a"),
    "unknown key": (
        b'{"socketdesk_settings": 1, "settings": {"ui/theme": "dark", "ui/sparkle": 1}}',
        "a setting SocketDesk does not know: ui/sparkle",
    ),
    "machine-only key": (
        b'{"socketdesk_settings": 1, "settings": {"messenger/interface": "10.0.0.1"}}',
        "does not know: messenger/interface",
    ),
    "wrong type": (
        b'{"socketdesk_settings": 1, "settings": {"ui/theme": "dark", "messenger/port": "2425"}}',
        "messenger/port must be a whole number, not '2425'",
    ),
    "bool for a number": (
        b'{"socketdesk_settings": 1, "settings": {"workbench/log_max_mb": true}}',
        "workbench/log_max_mb must be a whole number",
    ),
    "out of range": (
        b'{"socketdesk_settings": 1, "settings": {"ui/theme": "dark", "messenger/port": 65536}}',
        "messenger/port must be between 0 and 65535, not 65536",
    ),
    "not a choice": (
        b'{"socketdesk_settings": 1, "settings": {"ui/language": "fr"}}',
        "ui/language must be one of system, en, zh_CN, not 'fr'",
    ),
}


@pytest.mark.parametrize("content", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_a_bad_file_changes_nothing(tmp_path: Path, content: tuple[bytes, str]) -> None:
    data, words = content
    path = tmp_path / "bad.json"
    path.write_bytes(data)
    settings = ini(tmp_path, "s.ini")
    settings.set(Settings.MESSENGER_PORT, 3000)
    before = {s.key: settings.get(s) for s in Settings.declared()}
    seen: list[str] = []
    settings.changed.connect(seen.append)
    with pytest.raises(SettingError) as caught:
        import_settings(settings, path)
    assert words in str(caught.value)
    assert str(path) in str(caught.value)
    assert {s.key: settings.get(s) for s in Settings.declared()} == before
    assert seen == []


def test_a_missing_file_says_why(tmp_path: Path) -> None:
    with pytest.raises(SettingError, match="No such file or directory"):
        read_settings_file(tmp_path / "nowhere.json")


def test_every_declared_setting_reports_its_own_key() -> None:
    problem = Setting("x/y", int, 1, bounds=(0, 3)).problem(9)
    assert problem is not None and str(problem) == "x/y must be between 0 and 3, not 9."
