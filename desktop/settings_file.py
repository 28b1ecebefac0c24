"""Settings to a file and back: a versioned JSON document a user can carry to another machine.

Only the portable settings travel (``Setting.portable``): not the window's geometry, not the
interface address of this machine. Import reads and checks the whole file first, then stores
every value at once (``Settings.set_many``); one bad value stores nothing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from desktop.core.files import open_atomic
from desktop.core.os_reasons import os_reason
from desktop.core.sentence import QT_TRANSLATE_NOOP, sentence
from desktop.settings import Setting, SettingError, Settings

__all__ = ["FILE_KEY", "FILE_VERSION", "export_settings", "import_settings", "read_settings_file"]

FILE_KEY = "socketdesk_settings"
FILE_VERSION = 1
_MAX_BYTES = 1024 * 1024  # a settings file is a few kilobytes


def export_settings(settings: Settings, path: Path) -> int:
    """Write the portable settings to ``path`` (0600); returns how many were written.

    Raises:
        SaveError: the file could not be written.
    """
    values = {s.key: _plain(settings.get(s)) for s in Settings.declared() if s.portable}
    document = {FILE_KEY: FILE_VERSION, "settings": values}
    with open_atomic(path, private=True) as stream:
        stream.write((json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    return len(values)


def read_settings_file(path: Path) -> dict[Setting[Any], Any]:
    """Every value of the file at ``path``, each checked against its declaration.

    Raises:
        SettingError: the file cannot be read, is not a settings file, was written by a newer
            version, names a setting this version does not have, or holds a value its setting
            does not accept.
    """
    document = _load(path)
    not_ours = SettingError(
        sentence(
            QT_TRANSLATE_NOOP("core", "{path} is not a SocketDesk settings file."), path=str(path)
        )
    )
    if not isinstance(document, dict) or type(document.get(FILE_KEY)) is not int:
        raise not_ours
    version = document[FILE_KEY]
    if version > FILE_VERSION:
        raise SettingError(
            sentence(
                QT_TRANSLATE_NOOP(
                    "core",
                    "{path} was written by a newer version of SocketDesk (settings file version "
                    "{version}; this version reads version {known}).",
                ),
                path=str(path),
                version=version,
                known=FILE_VERSION,
            )
        )
    entries = document.get("settings")
    if version != FILE_VERSION or not isinstance(entries, dict):
        raise not_ours
    values: dict[Setting[Any], Any] = {}
    for key, value in entries.items():
        setting = Settings.find(key)
        if setting is None or not setting.portable:
            raise SettingError(
                sentence(
                    QT_TRANSLATE_NOOP(
                        "core", "{path} has a setting SocketDesk does not know: {key}."
                    ),
                    path=str(path),
                    key=key,
                )
            )
        problem = setting.problem(value)
        if problem is not None:
            raise SettingError(
                sentence(
                    QT_TRANSLATE_NOOP("core", "{path}: {problem}"),
                    path=str(path),
                    problem=problem,
                )
            )
        values[setting] = value
    return values


def import_settings(settings: Settings, path: Path) -> int:
    """Store every value of the file at ``path``, or none; returns how many were stored.

    Raises:
        SettingError: as ``read_settings_file``; nothing was stored.
    """
    values = read_settings_file(path)
    settings.set_many(values)
    settings.sync()
    return len(values)


def _plain(value: object) -> object:
    return value if isinstance(value, bool | int | float | str) else str(value)


def _load(path: Path) -> object:
    try:
        with path.open("rb") as stream:
            raw = stream.read(_MAX_BYTES + 1)
    except OSError as error:
        raise SettingError(
            sentence(
                QT_TRANSLATE_NOOP("core", "Could not read {path}: {reason}."),
                path=str(path),
                reason=os_reason(error),
            )
        ) from error
    if len(raw) > _MAX_BYTES:
        raise SettingError(
            sentence(
                QT_TRANSLATE_NOOP("core", "{path} is too large to be a settings file."),
                path=str(path),
            )
        )
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise SettingError(
            sentence(
                QT_TRANSLATE_NOOP("core", "{path} is not a SocketDesk settings file."),
                path=str(path),
            )
        ) from error
