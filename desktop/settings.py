"""Every setting declared once (key, type, default), read and written through one typed facade."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar, cast

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

__all__ = ["Setting", "Settings"]

T = TypeVar("T")


def _downloads() -> str:
    """The platform's Downloads folder (the home folder where there is none)."""
    paths = QStandardPaths
    return paths.writableLocation(paths.StandardLocation.DownloadLocation) or (
        paths.writableLocation(paths.StandardLocation.HomeLocation)
    )


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One declared setting."""

    key: str
    type: type[T]
    default: T


class Settings:
    """Typed access to ``QSettings``.

    Args:
        backend: the QSettings to use; tests pass an INI file in a temporary directory.
    """

    # -- declarations ----------------------------------------------------------------------------
    LANGUAGE = Setting("ui/language", str, "system")  # "system", "en" or "zh_CN"
    THEME = Setting("ui/theme", str, "system")  # "system", "light" or "dark"
    WINDOW_GEOMETRY = Setting("ui/window_geometry", QByteArray, QByteArray())
    WINDOW_STATE = Setting("ui/window_state", QByteArray, QByteArray())
    WORKSPACE = Setting("ui/workspace", int, 0)
    CONFIRM_QUIT = Setting("ui/confirm_quit", bool, True)  # ask when servers etc. are running
    # Start with the window hidden and the tray icon shown (the window shows when no tray).
    START_MINIMISED = Setting("ui/start_minimised", bool, False)
    # An XDG autostart entry is kept to match at every start (Linux/BSD; core/autostart.py).
    START_AT_LOGIN = Setting("ui/start_at_login", bool, False)
    TCP_CLIENT_HOST = Setting("workbench/tcp_client/host", str, "127.0.0.1")
    TCP_CLIENT_PORT = Setting("workbench/tcp_client/port", int, 7)
    TCP_CLIENT_TIMEOUT = Setting("workbench/tcp_client/timeout_s", float, 10.0)
    LOG_MAX_MB = Setting("workbench/log_max_mb", int, 64)
    MESSENGER_NICKNAME = Setting("messenger/nickname", str, "")
    MESSENGER_GROUP = Setting("messenger/group", str, "")
    MESSENGER_INTERFACE = Setting("messenger/interface", str, "")  # "": all; else an address
    MESSENGER_PORT = Setting("messenger/port", int, 2425)
    MESSENGER_TARGETS = Setting("messenger/targets", str, "")
    MESSENGER_CODEPAGE = Setting("messenger/legacy_codepage", str, "cp936")
    MESSENGER_AWAY = Setting("messenger/away", bool, False)
    MESSENGER_AWAY_MESSAGE = Setting("messenger/away_message", str, "")
    # {"198.18.0.2:2425": "cp932", ...}: the encodings chosen per peer, as JSON
    MESSENGER_ENCODINGS = Setting("messenger/peer_encodings", str, "{}")
    MESSENGER_CLOSE_TO_TRAY = Setting("messenger/close_to_tray", bool, True)
    MESSENGER_CLOSED = Setting("messenger/closed_conversations", str, "{}")
    # Where accepted files go unless the user picks another folder for an offer.
    DOWNLOAD_FOLDER = Setting("messenger/download_folder", str, _downloads())
    # Accept offers from the peers listed (JSON list of "user@host") without asking, into
    # AUTO_ACCEPT_FOLDER ("": the download folder). Off by default.
    AUTO_ACCEPT = Setting("messenger/auto_accept", bool, False)
    AUTO_ACCEPT_PEERS = Setting("messenger/auto_accept_peers", str, "[]")
    AUTO_ACCEPT_FOLDER = Setting("messenger/auto_accept_folder", str, "")

    def __init__(self, backend: QSettings | None = None) -> None:
        self._backend = backend if backend is not None else QSettings()

    def get(self, setting: Setting[T]) -> T:
        """The stored value, or the default when absent or of the wrong type."""
        raw: Any = self._backend.value(setting.key, setting.default)
        if isinstance(raw, setting.type):
            return raw
        try:
            if setting.type is bool and isinstance(raw, str):
                return cast(T, raw.lower() in ("1", "true", "yes"))
            return setting.type(raw)  # type: ignore[call-arg]
        except (TypeError, ValueError):
            return setting.default

    def set(self, setting: Setting[T], value: T) -> None:
        """Store a value."""
        self._backend.setValue(setting.key, value)

    def sync(self) -> None:
        """Write pending changes to disk."""
        self._backend.sync()
