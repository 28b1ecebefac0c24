"""Composition root: builds every object of the GUI application and wires them in one place."""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktop import __version__, smoke
from desktop.core.errors import StoreError
from desktop.core.limits import raise_open_file_limit
from desktop.core.paths import data_dir, log_dir
from desktop.core.store.chat_history import ChatHistory
from desktop.core.store.database import DB_NAME, Database
from desktop.core.store.http_history import HttpHistory
from desktop.core.store.saved_messages import SavedMessageStore
from desktop.resources import resource_path
from desktop.settings import Settings
from desktop.ui.about_dialog import runtime_versions
from desktop.ui.crash_handler import CrashHandler
from desktop.ui.http.composer_panel import ComposerPanel
from desktop.ui.main_window import MainWindow
from desktop.ui.messenger.messenger_panel import MessengerPanel
from desktop.ui.messenger.tray import MessengerTray
from desktop.ui.theme import apply_theme
from desktop.ui.translations import install_translations
from desktop.ui.widgets.saved_messages import SavedMessages
from desktop.ui.workbench.workbench_page import WorkbenchPage
from desktop.workers.collector import MainThreadCollector
from desktop.workers.http_bridge import HttpBridge
from desktop.workers.loop_thread import EventLoopThread
from desktop.workers.messenger_bridge import MessengerBridge
from desktop.workers.session_factory import SessionFactory
from desktop.workers.task_runner import TaskRunner

__all__ = ["Application", "display_problem", "main"]

log = logging.getLogger("ui")

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


class Application:
    """The running application: settings, crash handler, I/O thread, bridges, main window.

    It owns what the workspaces share and hands it to them: one task runner for background jobs,
    one database (the saved messages and both histories use its connection), the data folder
    (the TLS servers' certificate cache), the I/O thread. ``shutdown()`` ends them in order.

    Args:
        qapp: the QApplication.
        settings: the settings facade.
        show_crash_dialogs: False in tests that check reports without dialogs.
        use_tray: False to never show a tray icon.
        folder: the data folder; by default the platform's (``core/paths.data_dir()``).
        logs: where crash reports go; by default ``folder/logs`` when a folder is given, else
            the platform's log folder (``core/paths.log_dir()``).
    """

    def __init__(
        self,
        qapp: QApplication,
        settings: Settings,
        show_crash_dialogs: bool = True,
        use_tray: bool = True,
        folder: Path | None = None,
        *,
        logs: Path | None = None,
    ) -> None:
        self.qapp = qapp
        self.settings = settings
        self.folder = data_dir() if folder is None else folder
        self.folder.mkdir(parents=True, exist_ok=True)
        if logs is None:
            logs = log_dir() if folder is None else folder / "logs"
        self.logs = logs
        # The GUI thread re-takes the GIL for every Qt→Python call while painting; with the I/O
        # thread busy, each take waits up to the switch interval. 1 ms instead of 5 ms keeps the
        # GUI's stalls under a flood short (bench/gui_flood.py).
        sys.setswitchinterval(0.001)
        self.crash = CrashHandler(runtime_versions(), self.logs, show_crash_dialogs)
        self._previous_hooks = (sys.excepthook, threading.excepthook)
        self.crash.install()
        self.language = install_translations(qapp, settings.get(Settings.LANGUAGE))
        self.scheme = apply_theme(qapp, settings.get(Settings.THEME))
        qapp.setWindowIcon(QIcon(str(resource_path("icons", "socketdesk.svg"))))

        self.collector = MainThreadCollector()
        self.collector.start()  # before any other thread runs Python code
        self.io = EventLoopThread(on_unhandled=self.crash.handle_exception)
        self.io.start_and_wait()
        self.runner = TaskRunner()
        self.store: Database | None = None
        try:
            self.store = _open_store(self.folder / DB_NAME)
            self.sessions = SessionFactory(self.io, cert_dir=self.folder)
            conn = self.store.connection if self.store is not None else None
            self.library = SavedMessages(SavedMessageStore(conn)) if conn is not None else None
            workbench = WorkbenchPage(self.sessions, settings, self.runner, library=self.library)
            self.http_bridge = HttpBridge(self.io)
            self.messenger_bridge = MessengerBridge(self.io)
            self.messenger = MessengerPanel(
                self.messenger_bridge,
                history=ChatHistory(conn) if conn is not None else None,
                settings=settings,
            )
            self.window = MainWindow(
                settings,
                workbench,
                self.messenger,
                ComposerPanel(
                    self.http_bridge,
                    self.runner,
                    history=HttpHistory(conn) if conn is not None else None,
                ),
                folder=self.folder,
            )
            self.tray = MessengerTray(qapp.windowIcon(), self.window, use_tray=use_tray)
        except BaseException:
            self.io.stop()  # never leave a running QThread behind a failed start
            self.runner.shutdown(0)
            if self.store is not None:
                self.store.close()
            self.collector.stop()
            sys.excepthook, threading.excepthook = self._previous_hooks
            raise
        self.crash.parent_widget = self.window
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.window.theme_chosen.connect(self.apply_theme)
        self.qapp.styleHints().colorSchemeChanged.connect(self._system_scheme_changed)
        self.messenger.unread_changed.connect(self.window.set_messenger_unread)
        self.messenger.unread_changed.connect(self.tray.set_unread)
        self.messenger.notify_requested.connect(self.tray.notify)
        self.tray.show_requested.connect(self.window.show_from_tray)
        self.tray.quit_requested.connect(self.window.quit)
        self.window.hidden_to_tray.connect(self.tray.window_hidden)
        self.window.set_close_to_tray(self.keeps_running_in_tray)
        # With a tray, closing the window hides it; only Quit ends the application.
        self.qapp.setQuitOnLastWindowClosed(not self.tray.available)

    def keeps_running_in_tray(self) -> bool:
        """Closing the window now hides it: a tray, the setting on, the Messenger running."""
        return (
            self.tray.available
            and self.settings.get(Settings.MESSENGER_CLOSE_TO_TRAY)
            and self.messenger.running
        )

    @Slot(str)
    def apply_theme(self, choice: str) -> None:
        """Re-apply the palette for a theme choice."""
        self.scheme = apply_theme(self.qapp, choice)

    @Slot()
    def _system_scheme_changed(self) -> None:
        if self.settings.get(Settings.THEME) == "system":
            self.apply_theme("system")

    def shutdown(self) -> None:
        """Close connections, stop the I/O thread and the task runner, close the database, put
        the exception hooks back."""
        self.window.mark_quitting()  # what ran is stopped here: a later close asks nothing
        for panel in self.window.workbench.panels():
            WorkbenchPage.shutdown_panel(panel)
        self.http_bridge.close()
        self.messenger.save_settings()
        self.messenger_bridge.stop(leave=True)
        if not self.runner.shutdown(10_000):
            log.error("background jobs did not finish within 10 s")
        if not self.io.stop(3000):
            log.error("the I/O thread did not stop within 3 s")
        if self.store is not None:
            self.store.close()  # last: the histories write until the engines have stopped
        self.collector.stop()
        sys.excepthook, threading.excepthook = self._previous_hooks


def _open_store(path: Path) -> Database | None:
    """The database, or None (with a logged reason) if it is unusable: the app runs without
    saved messages and histories then."""
    try:
        return Database(path)
    except StoreError as error:
        log.error("saved messages and histories are unavailable: %s", error)
        return None


def _setup_logging() -> None:
    handler = logging.handlers.RotatingFileHandler(
        log_dir() / "socketdesk.log", maxBytes=2 * 1024 * 1024, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def main(argv: Sequence[str] | None = None) -> int:
    """Start the GUI; returns the exit status."""
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    _setup_logging()
    raise_open_file_limit()  # a server session may hold thousands of clients
    args = list(argv) if argv is not None else sys.argv
    qapp = QApplication(args)
    qapp.setOrganizationName("SocketDesk")
    qapp.setApplicationName("SocketDesk")
    qapp.setApplicationVersion(__version__)
    qapp.setDesktopFileName("socketdesk")
    app = Application(qapp, Settings())
    app.window.show()
    if smoke.requested(args):
        smoke.walk_workspaces(qapp, app.window.tabs)
    try:
        return qapp.exec()
    finally:
        app.shutdown()
