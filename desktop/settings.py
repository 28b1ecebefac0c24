"""Every setting declared once (key, type, default, validation), read and written through one
typed facade that says when a value changed.

Nothing else in ``desktop/`` touches ``QSettings`` (``tests/test_settings_declared_once.py``
scans for it): a page that shows a setting reads it here and follows ``Settings.changed``.
"""

from __future__ import annotations

import ipaddress
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, cast

from PySide6.QtCore import QByteArray, QObject, QSettings, QStandardPaths, Signal

from desktop.core.codec.input import ENCODINGS
from desktop.core.errors import SocketDeskError
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence

__all__ = ["MESSENGER_CODEPAGES", "Setting", "SettingError", "Settings"]

T = TypeVar("T")

# The ANSI code pages IP Messenger users have: what unflagged text is read and written in.
MESSENGER_CODEPAGES = ("cp936", "cp932", "cp950", "cp949")
# A nickname or group is sent in every announcement; IP Messenger clients show about this much.
_NAME_MAX = 64


def _downloads() -> str:
    """The platform's Downloads folder (the home folder where there is none)."""
    paths = QStandardPaths
    return paths.writableLocation(paths.StandardLocation.DownloadLocation) or (
        paths.writableLocation(paths.StandardLocation.HomeLocation)
    )


class SettingError(SocketDeskError):
    """A value a setting does not accept (wrong type, out of range, not one of its choices)."""


@dataclass(frozen=True, eq=False)
class Setting(Generic[T]):
    """One declared setting.

    Attributes:
        key: the QSettings key.
        type: the Python type of its value.
        default: the value when none is stored (or the stored one is not valid).
        choices: the only values allowed, when not empty.
        bounds: the inclusive range of a number, when not None.
        check: a further rule: the sentence saying why a value is wrong, or None.
        portable: exported to and imported from a settings file (False for what belongs to
            this machine or this window: geometry, the chosen interface…).
    """

    key: str
    type: type[T]
    default: T
    choices: tuple[T, ...] = ()
    bounds: tuple[float, float] | None = None
    check: Callable[[T], Sentence | None] | None = None
    portable: bool = True

    def problem(self, value: object, *, named: bool = True) -> Sentence | None:
        """Why ``value`` cannot be this setting's value, or None when it can.

        ``named``: the sentence of ``check`` starts with the key (as the others always do);
        the preferences dialog, which shows the sentence beside its field, passes False.
        """
        expected = self.type
        if expected is float and type(value) is int:
            value = float(value)
        if (type(value) is bool and expected is not bool) or not isinstance(value, expected):
            return sentence(
                QT_TRANSLATE_NOOP("core", "{key} must be {kind}, not {value}."),
                key=self.key,
                kind=_KINDS.get(expected, expected.__name__),
                value=repr(value),
            )
        if self.choices and value not in self.choices:
            return sentence(
                QT_TRANSLATE_NOOP("core", "{key} must be one of {choices}, not {value}."),
                key=self.key,
                choices=", ".join(str(c) for c in self.choices),
                value=repr(value),
            )
        if self.bounds is not None and not self.bounds[0] <= cast(float, value) <= self.bounds[1]:
            low, high = (_number(b) for b in self.bounds)
            return sentence(
                QT_TRANSLATE_NOOP("core", "{key} must be between {low} and {high}, not {value}."),
                key=self.key,
                low=low,
                high=high,
                value=repr(value),
            )
        problem = self.check(cast(T, value)) if self.check is not None else None
        if problem is None or not named:
            return problem
        return sentence(
            QT_TRANSLATE_NOOP("core", "{key}: {problem}"), key=self.key, problem=problem
        )


_KINDS: dict[type, Sentence] = {
    bool: sentence(QT_TRANSLATE_NOOP("core", "true or false")),
    int: sentence(QT_TRANSLATE_NOOP("core", "a whole number")),
    float: sentence(QT_TRANSLATE_NOOP("core", "a number")),
    str: sentence(QT_TRANSLATE_NOOP("core", "text")),
}


def _number(bound: float) -> str:
    return str(int(bound)) if bound == int(bound) else str(bound)


def _plain_name(value: str) -> Sentence | None:
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in value):
        return sentence(QT_TRANSLATE_NOOP("core", "A name cannot hold control characters."))
    if len(value) > _NAME_MAX:
        return sentence(
            QT_TRANSLATE_NOOP("core", "A name can be at most {count} characters long."),
            count=_NAME_MAX,
        )
    return None


def _folder(value: str) -> Sentence | None:
    if value and not os.path.isabs(value):
        return sentence(
            QT_TRANSLATE_NOOP("core", "{value} is not a full folder path."), value=repr(value)
        )
    return None


def _people(value: str) -> Sentence | None:
    try:
        people = json.loads(value)
    except ValueError:
        people = None
    if not isinstance(people, list) or not all(
        isinstance(p, str) and "@" in p and not any(ord(c) < 0x20 for c in p) for p in people
    ):
        return sentence(QT_TRANSLATE_NOOP("core", "Each person is written as user@host."))
    return None


def _interface(value: str) -> Sentence | None:
    if not value:
        return None
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return sentence(
            QT_TRANSLATE_NOOP("core", "{value} is not an interface address."), value=repr(value)
        )
    return None


class Settings(QObject):
    """Typed access to ``QSettings``.

    Args:
        backend: the QSettings to use; tests pass an INI file in a temporary directory.

    Signals:
        changed(str): the value of this key changed (through ``set`` or ``set_many``).
    """

    changed = Signal(str)

    # -- declarations ----------------------------------------------------------------------------
    LANGUAGE = Setting("ui/language", str, "system", choices=("system", "en", "zh_CN"))
    THEME = Setting("ui/theme", str, "system", choices=("system", "light", "dark"))
    WINDOW_GEOMETRY = Setting("ui/window_geometry", QByteArray, QByteArray(), portable=False)
    WINDOW_STATE = Setting("ui/window_state", QByteArray, QByteArray(), portable=False)
    WORKSPACE = Setting("ui/workspace", int, 0, bounds=(0, 99), portable=False)
    CONFIRM_QUIT = Setting("ui/confirm_quit", bool, True)  # ask when servers etc. are running
    # Start with the window hidden and the tray icon shown (the window shows when no tray).
    START_MINIMISED = Setting("ui/start_minimised", bool, False)
    # An XDG autostart entry is kept to match at every start (Linux/BSD; core/autostart.py);
    # it belongs to this machine's session, so it is not carried in an exported file.
    START_AT_LOGIN = Setting("ui/start_at_login", bool, False, portable=False)
    # The Messenger's files (download folder, auto-accept) are declared by their own work and
    # get rows in the preferences dialog's Messenger page once they are here.
    TCP_CLIENT_HOST = Setting("workbench/tcp_client/host", str, "127.0.0.1", portable=False)
    TCP_CLIENT_PORT = Setting("workbench/tcp_client/port", int, 7, bounds=(0, 65535))
    TCP_CLIENT_TIMEOUT = Setting("workbench/tcp_client/timeout_s", float, 10.0, bounds=(0.1, 3600))
    LOG_MAX_MB = Setting("workbench/log_max_mb", int, 64, bounds=(1, 4096))
    SEND_ENCODING = Setting(
        "workbench/send_encoding", str, "utf-8", choices=tuple(c for c, _ in ENCODINGS)
    )
    HTTP_RECORD_HISTORY = Setting("http/record_history", bool, True)
    MESSENGER_NICKNAME = Setting("messenger/nickname", str, "", check=_plain_name)
    MESSENGER_GROUP = Setting("messenger/group", str, "", check=_plain_name)
    # "": all interfaces; else the address of one (of this machine: not carried elsewhere)
    MESSENGER_INTERFACE = Setting("messenger/interface", str, "", check=_interface, portable=False)
    MESSENGER_PORT = Setting("messenger/port", int, 2425, bounds=(0, 65535))
    MESSENGER_TARGETS = Setting("messenger/targets", str, "")
    MESSENGER_CODEPAGE = Setting(
        "messenger/legacy_codepage", str, "cp936", choices=MESSENGER_CODEPAGES
    )
    MESSENGER_AWAY = Setting("messenger/away", bool, False, portable=False)
    MESSENGER_AWAY_MESSAGE = Setting("messenger/away_message", str, "")
    # {"198.18.0.2:2425": "cp932", ...}: the encodings chosen per peer, as JSON
    MESSENGER_ENCODINGS = Setting("messenger/peer_encodings", str, "{}", portable=False)
    MESSENGER_CLOSE_TO_TRAY = Setting("messenger/close_to_tray", bool, True)
    MESSENGER_CLOSED = Setting("messenger/closed_conversations", str, "{}", portable=False)
    # Where accepted files go unless the user picks another folder for an offer.
    DOWNLOAD_FOLDER = Setting(
        "messenger/download_folder", str, _downloads(), check=_folder, portable=False
    )
    # Accept offers from the peers listed (JSON list of "user@host") without asking, into
    # AUTO_ACCEPT_FOLDER ("": the download folder). Off by default.
    AUTO_ACCEPT = Setting("messenger/auto_accept", bool, False)
    AUTO_ACCEPT_PEERS = Setting("messenger/auto_accept_peers", str, "[]", check=_people)
    AUTO_ACCEPT_FOLDER = Setting(
        "messenger/auto_accept_folder", str, "", check=_folder, portable=False
    )

    def __init__(self, backend: QSettings | None = None) -> None:
        super().__init__()
        self._backend = backend if backend is not None else QSettings()

    @classmethod
    def declared(cls) -> list[Setting[Any]]:
        """Every declared setting, in declaration order."""
        return [value for value in vars(cls).values() if isinstance(value, Setting)]

    @classmethod
    def find(cls, key: str) -> Setting[Any] | None:
        """The setting stored under ``key``, or None."""
        return next((s for s in cls.declared() if s.key == key), None)

    def get(self, setting: Setting[T]) -> T:
        """The stored value, or the default when absent or not valid."""
        raw: Any = self._backend.value(setting.key, setting.default)
        value: Any = raw
        if not isinstance(raw, setting.type):
            try:
                if setting.type is bool and isinstance(raw, str):
                    value = raw.lower() in ("1", "true", "yes")
                else:
                    value = setting.type(raw)  # type: ignore[call-arg]
            except (TypeError, ValueError):
                return setting.default
        if setting.type is float and type(value) is int:
            value = float(value)
        return setting.default if setting.problem(value) is not None else cast(T, value)

    def set(self, setting: Setting[T], value: T) -> None:
        """Store a value; ``changed`` is emitted when it differs from the one before.

        Raises:
            SettingError: the value is not valid for the setting (nothing is stored).
        """
        self.set_many({setting: value})

    def set_many(self, values: dict[Setting[Any], Any]) -> None:
        """Store several values after checking them all: one invalid value stores none.

        Raises:
            SettingError: the first value that is not valid.
        """
        for setting, value in values.items():
            problem = setting.problem(value)
            if problem is not None:
                raise SettingError(problem)
        changed = []
        for setting, given in values.items():
            value = float(given) if setting.type is float else given
            if self.get(setting) != value:
                changed.append(setting.key)
            self._backend.setValue(setting.key, value)
        for key in changed:
            self.changed.emit(key)

    def sync(self) -> None:
        """Write pending changes to disk."""
        self._backend.sync()

    def file_name(self) -> str:
        """Where the values are kept (an INI or plist file, or a registry path)."""
        return self._backend.fileName()

    def make_private(self) -> None:
        """Keep the settings file (nickname, recent hosts, broadcast targets) the user's alone:
        0600, created now if missing. Qt keeps a file's mode when it rewrites it. Nothing to do
        where the values are not a file (the Windows registry)."""
        self._backend.sync()
        name = self._backend.fileName()
        if os.name == "posix" and name and os.path.isfile(name):
            os.chmod(name, 0o600)
