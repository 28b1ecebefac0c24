"""The GUI's command line: ``--self-test``, the display check, single instance, the smoke start.

``main()`` reads the arguments, settles what must be settled before a window may exist (a
self-test needs no display; a second launch only raises the first) and then builds the
``Application`` (``desktop/app.py``, the composition root) and runs Qt's event loop.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping, Sequence

from PySide6.QtWidgets import QApplication

from desktop import __version__, smoke
from desktop.app import Application
from desktop.core.limits import raise_open_file_limit
from desktop.core.paths import log_dir
from desktop.core.private import PrivateLogHandler
from desktop.settings import Settings
from desktop.ui.single_instance import Other, SingleInstance

__all__ = ["display_problem", "main"]

_NO_DISPLAY = (
    "SocketDesk is a desktop application and no display was found: run it on a desktop "
    "session, or set QT_QPA_PLATFORM=offscreen to run it without a screen."
)


def display_problem(
    env: Mapping[str, str] = os.environ, platform: str = sys.platform
) -> str | None:
    """A sentence if Qt would find no display to open a window on, else None.

    Qt aborts the process (not a Python exception) when the xcb platform finds no X server, so
    this is checked before any QApplication exists.
    """
    if not platform.startswith("linux"):
        return None
    qpa = env.get("QT_QPA_PLATFORM", "").split(":", 1)[0]
    if qpa and qpa not in ("xcb", "wayland", "wayland-egl"):
        return None  # offscreen, vnc, eglfs, minimal…: no desktop session needed
    if qpa == "xcb":
        return None if env.get("DISPLAY") else _NO_DISPLAY
    if qpa.startswith("wayland"):
        return None if env.get("WAYLAND_DISPLAY") else _NO_DISPLAY
    return None if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY") else _NO_DISPLAY


def _setup_logging() -> None:
    handler = PrivateLogHandler(
        log_dir() / "socketdesk.log", maxBytes=2 * 1024 * 1024, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def main(argv: Sequence[str] | None = None) -> int:
    """Start the GUI; returns the exit status.

    ``--self-test`` runs the loopback self-test instead (no display needed);
    ``--new-instance`` starts even when SocketDesk is already running.
    """
    args = list(argv) if argv is not None else list(sys.argv)
    if "--self-test" in args:
        from desktop.cli import self_test  # noqa: PLC0415 (Qt-free; no display needed)

        return self_test.main()
    new_instance = "--new-instance" in args or smoke.requested(args)  # a smoke start stands alone
    args = [a for a in args if a != "--new-instance"]
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    _setup_logging()
    raise_open_file_limit()  # a server session may hold thousands of clients
    qapp = QApplication(args)
    qapp.setOrganizationName("SocketDesk")
    qapp.setApplicationName("SocketDesk")
    qapp.setApplicationVersion(__version__)
    qapp.setDesktopFileName("socketdesk")
    single = SingleInstance()
    if not new_instance:
        other = single.ask_running()
        if other is Other.RAISED:
            print("SocketDesk is already running: its window was brought to the front.")
            return 0
        if other is Other.SILENT:
            print(
                "Another SocketDesk is running but does not answer; start with "
                "--new-instance to run a second one.",
                file=sys.stderr,
            )
            return 1
        single.listen()
    settings = Settings()
    app = Application(qapp, settings)
    single.raise_requested.connect(app.window.show_from_tray)
    if settings.get(Settings.START_AT_LOGIN):
        app.apply_start_at_login(True)  # keeps the entry's command current
    app.show()
    if smoke.requested(args):
        windows = (app.messenger.open_transfers, app.show_preferences)
        smoke.walk_workspaces(qapp, app.window.tabs, windows)
    try:
        return qapp.exec()
    finally:
        single.close()
        app.shutdown()
