"""Start at login: an XDG autostart entry on Linux and the BSDs; elsewhere "not supported here".

The entry is ``$XDG_CONFIG_HOME/autostart/socketdesk.desktop`` (``~/.config`` when the variable
is unset or not absolute, as the XDG Base Directory spec says). Windows (a ``Run`` registry value
or a shortcut in the Startup folder) and macOS (a login item or a LaunchAgent) are not written
by SocketDesk: the user adds it there by hand (docs/ARCHITECTURE.md, "Desktop integration").
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from desktop.core.errors import SocketDeskError
from desktop.core.os_reasons import os_reason
from desktop.core.sentence import QT_TRANSLATE_NOOP, sentence

__all__ = [
    "AutostartError",
    "autostart_file",
    "autostart_supported",
    "launch_command",
    "set_start_at_login",
    "starts_at_login",
]

ENTRY_NAME = "socketdesk.desktop"


class AutostartError(SocketDeskError):
    """Start at login cannot be switched here (unsupported system, or the file cannot be
    written)."""


def autostart_supported(platform: str | None = None) -> bool:
    """True where SocketDesk writes an XDG autostart entry itself (``platform``: ``sys.platform``
    when None)."""
    return (platform or sys.platform).startswith(("linux", "freebsd", "openbsd", "netbsd"))


def autostart_file(env: Mapping[str, str] | None = None) -> Path:
    """Where the autostart entry goes (``env``: ``os.environ`` when None)."""
    env = os.environ if env is None else env
    config = env.get("XDG_CONFIG_HOME", "")
    base = Path(config) if config and Path(config).is_absolute() else Path.home() / ".config"
    return base / "autostart" / ENTRY_NAME


def launch_command() -> list[str]:
    """How to start this installation: the bundle's executable, the ``socketdesk`` script next
    to this Python, or ``python -m desktop``."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    script = Path(sys.executable).with_name("socketdesk")
    if script.is_file():
        return [str(script)]
    found = shutil.which("socketdesk")
    return [found] if found else [sys.executable, "-m", "desktop"]


def _exec_quote(argument: str) -> str:
    """One argument of a desktop entry's ``Exec`` key (quoted as the spec asks)."""
    if argument and not any(c in argument for c in " \t\n\"'\\><~|&;$*?#()`="):
        return argument
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in argument)
    return f'"{escaped}"'


def entry_text(command: Sequence[str]) -> str:
    """The autostart entry starting ``command``."""
    exec_line = " ".join(_exec_quote(a) for a in command).replace("%", "%%")
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=SocketDesk\n"
        "Comment=Socket workbench, LAN messenger and HTTP composer\n"
        f"Exec={exec_line}\n"
        "Icon=socketdesk\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def starts_at_login(env: Mapping[str, str] | None = None, platform: str | None = None) -> bool:
    """True when our autostart entry exists."""
    return autostart_supported(platform) and autostart_file(env).is_file()


def set_start_at_login(
    on: bool,
    command: Sequence[str] | None = None,
    env: Mapping[str, str] | None = None,
    platform: str | None = None,
) -> Path:
    """Write (``on``) or remove the autostart entry; returns its path.

    Raises:
        AutostartError: not supported on this system, or the file cannot be written/removed.
    """
    if not autostart_supported(platform):
        raise AutostartError(
            sentence(
                QT_TRANSLATE_NOOP(
                    "core",
                    "Starting at login is not supported here: add SocketDesk to your system's "
                    "startup programs instead.",
                )
            )
        )
    path = autostart_file(env)
    try:
        if on:
            path.parent.mkdir(parents=True, exist_ok=True)
            text = entry_text(command if command is not None else launch_command())
            temporary = path.with_suffix(".tmp")
            temporary.write_text(text, encoding="utf-8")
            temporary.replace(path)
        else:
            path.unlink(missing_ok=True)
    except OSError as error:
        raise AutostartError(
            sentence(
                QT_TRANSLATE_NOOP("core", "The autostart entry {path} cannot be changed: {reason}"),
                path=str(path),
                reason=os_reason(error),
            )
        ) from error
    return path
