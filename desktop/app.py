"""Composition root: builds every object of the GUI application and wires them in one place.

The command line that starts it (``--self-test``, single instance, the smoke start) is
``desktop/launch.py``.
"""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QSize, Qt, Slot
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.core.autostart import AutostartError, set_start_at_login
from desktop.core.errors import StoreError
from desktop.core.paths import data_dir, log_dir
from desktop.core.private import private_dir, tighten_tree
from desktop.core.store.chat_history import ChatHistory
from desktop.core.store.database import DB_NAME, Database
from desktop.core.store.http_history import HttpHistory
from desktop.core.store.saved_messages import SavedMessageStore
from desktop.core.store.transfers import TransferStore
from desktop.resources import resource_path
from desktop.settings import Settings
from desktop.ui.about_dialog import runtime_versions
from desktop.ui.crash_handler import CrashHandler
from desktop.ui.main_window import MainWindow
from desktop.ui.messenger.messenger_panel import MessengerPanel
from desktop.ui.messenger.tray import MessengerTray
from desktop.ui.preferences.dialog import PreferencesDialog
from desktop.ui.sentences import say
from desktop.ui.single_instance import FirstPaint
from desktop.ui.theme import apply_theme
from desktop.ui.translations import install_translations
from desktop.ui.widgets.saved_messages import SavedMessages
from desktop.ui.workbench.workbench_page import WorkbenchPage
from desktop.workers.collector import MainThreadCollector
from desktop.workers.loop_thread import EventLoopThread
from desktop.workers.messenger_bridge import MessengerBridge
from desktop.workers.session_factory import SessionFactory
from desktop.workers.task_runner import TaskRunner

if TYPE_CHECKING:
    from desktop.ui.http.composer_panel import ComposerPanel
    from desktop.workers.http_bridge import HttpBridge

__all__ = ["Application", "secure_folders"]

log = logging.getLogger("ui")

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)  # tools/make_icons.py renders these PNGs


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
        if logs is None:
            logs = log_dir() if folder is None else folder / "logs"
        self.logs = logs
        secure_folders(self.folder, self.logs)
        settings.make_private()
        # The GUI thread re-takes the GIL for every Qt→Python call while painting; with the I/O
        # thread busy, each take waits up to the switch interval. 1 ms instead of 5 ms keeps the
        # GUI's stalls under a flood short (bench/gui_flood.py).
        sys.setswitchinterval(0.001)
        self.crash = CrashHandler(runtime_versions(), self.logs, show_crash_dialogs)
        self._previous_hooks = (sys.excepthook, threading.excepthook)
        self.crash.install()
        self.language = install_translations(qapp, settings.get(Settings.LANGUAGE))
        self.scheme = apply_theme(qapp, settings.get(Settings.THEME))
        qapp.setWindowIcon(app_icon())

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
            self.http_bridge: HttpBridge | None = None  # with the HTTP page (_build_composer)
            self.messenger_bridge = MessengerBridge(self.io)
            self.messenger = MessengerPanel(
                self.messenger_bridge,
                history=ChatHistory(conn) if conn is not None else None,
                settings=settings,
                transfers=TransferStore(conn) if conn is not None else None,
            )
            self.window = MainWindow(
                settings, workbench, self.messenger, self._build_composer, folder=self.folder
            )
            self.preferences: PreferencesDialog | None = None
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
        self.first_paint = FirstPaint(self.window)
        self._connect_signals()

    def _build_composer(self) -> ComposerPanel:
        """The HTTP page and its bridge, built when its tab is first shown: the HTTP engine,
        brotli, zstandard, cryptography and pyOpenSSL are imported then, not at start-up."""
        from desktop.ui.http.composer_panel import ComposerPanel  # noqa: PLC0415 (lazy page)
        from desktop.workers.http_bridge import HttpBridge  # noqa: PLC0415

        self.http_bridge = HttpBridge(self.io)
        conn = self.store.connection if self.store is not None else None
        composer = ComposerPanel(
            self.http_bridge, self.runner, history=HttpHistory(conn) if conn is not None else None
        )
        composer.history_pane.set_recording(self.settings.get(Settings.HTTP_RECORD_HISTORY))
        return composer

    @property
    def composer(self) -> ComposerPanel:
        """The HTTP page, built now if its tab was never shown (tests, tools)."""
        return cast("ComposerPanel", self.window.http)

    def show(self) -> None:
        """Show the window, or only the tray icon when "start minimised" is on and a tray
        exists."""
        if self.settings.get(Settings.START_MINIMISED) and self.tray.available:
            log.info("started minimised to the tray")
            return
        self.window.show()

    def apply_start_at_login(self, on: bool) -> AutostartError | None:
        """Store "start at login" and write or remove the autostart entry; the error when this
        system is not supported or the file cannot be changed (the setting is stored anyway)."""
        self.settings.set(Settings.START_AT_LOGIN, on)
        try:
            set_start_at_login(on)
        except AutostartError as error:
            log.warning("start at login: %s", error)
            return error
        return None

    def _connect_signals(self) -> None:
        self.settings.changed.connect(self._setting_changed)
        self.window.preferences_requested.connect(self.show_preferences)
        self.qapp.styleHints().colorSchemeChanged.connect(self._system_scheme_changed)
        self.messenger.unread_changed.connect(self.window.set_messenger_unread)
        self.messenger.unread_changed.connect(self.tray.set_unread)
        self.messenger.notify_requested.connect(self.tray.notify)
        self.tray.show_requested.connect(self.window.show_from_tray)
        self.tray.quit_requested.connect(self.window.quit)
        self.window.hidden_to_tray.connect(self.tray.window_hidden)
        self.window.set_close_to_tray(self.keeps_running_in_tray)
        self.window.menus.start_at_login_action.toggled.connect(self._start_at_login_toggled)
        # With a tray, closing the window hides it; only Quit ends the application.
        self.qapp.setQuitOnLastWindowClosed(not self.tray.available)

    def keeps_running_in_tray(self) -> bool:
        """Closing the window now hides it: a tray, the setting on, the Messenger running."""
        return (
            self.tray.available
            and self.settings.get(Settings.MESSENGER_CLOSE_TO_TRAY)
            and self.messenger.running
        )

    @Slot()
    def show_preferences(self) -> PreferencesDialog:
        """Open Edit ▸ Preferences (one at a time, window-modal)."""
        if self.preferences is not None:
            self.preferences.raise_()
            return self.preferences
        self.messenger.save_settings()  # what the Messenger's fields show, not what they did
        dialog = PreferencesDialog(
            self.settings,
            self.language,
            self.folder,
            self.library.store if self.library is not None else None,
            self.window,
        )
        if self.library is not None:
            dialog.data.library_changed.connect(self.library.changed)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._preferences_closed)
        self.preferences = dialog
        dialog.open()
        return dialog

    @Slot()
    def _preferences_closed(self) -> None:
        self.preferences = None

    @Slot(str)
    def _setting_changed(self, key: str) -> None:
        """Follow a changed setting where it shows now; the language waits for the next start
        (the dialog says so), log caps and send encodings apply to new sessions."""
        if key == Settings.THEME.key:
            self.apply_theme(self.settings.get(Settings.THEME))
        elif key == Settings.HTTP_RECORD_HISTORY.key and self.window.http_built:
            recording = self.settings.get(Settings.HTTP_RECORD_HISTORY)
            self.composer.history_pane.set_recording(recording)
        elif key in _IDENTITY_KEYS:
            self.messenger.identity.load(self.settings)

    @Slot(bool)
    def _start_at_login_toggled(self, on: bool) -> None:
        error = self.apply_start_at_login(on)
        if error is not None:
            action = self.window.menus.start_at_login_action
            action.blockSignals(True)  # the entry is as it was: so is the check mark
            action.setChecked(not on)
            action.blockSignals(False)
            self.settings.set(Settings.START_AT_LOGIN, not on)
            title = QCoreApplication.translate("Application", "Start at login")
            box = QMessageBox(QMessageBox.Icon.Information, title, say(error), parent=self.window)
            box.setObjectName("startAtLoginProblem")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()

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
        if self.http_bridge is not None:
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


_IDENTITY_KEYS = {
    s.key
    for s in (
        Settings.MESSENGER_NICKNAME,
        Settings.MESSENGER_GROUP,
        Settings.MESSENGER_INTERFACE,
        Settings.MESSENGER_PORT,
        Settings.MESSENGER_TARGETS,
        Settings.MESSENGER_CODEPAGE,
    )
}


def secure_folders(*folders: Path) -> None:
    """Create the data and log folders 0700 and tighten what an older install left readable
    by others: every folder in them 0700, every file 0600 (``core/private.py``)."""
    for folder in folders:
        private_dir(folder)
        changed = tighten_tree(folder)
        if changed:
            log.info("made %d files and folders in %s private to this user", changed, folder)


def app_icon() -> QIcon:
    """The application icon: its PNG sizes (sharp at 16 px too), else the SVG."""
    icon = QIcon()
    for size in ICON_SIZES:
        png = resource_path("icons", f"socketdesk-{size}.png")
        if png.is_file():
            icon.addFile(str(png), QSize(size, size))
    return icon if not icon.isNull() else QIcon(str(resource_path("icons", "socketdesk.svg")))


def _open_store(path: Path) -> Database | None:
    """The database, or None (with a logged reason) if it is unusable: the app runs without
    saved messages and histories then."""
    try:
        return Database(path)
    except StoreError as error:
        log.error("saved messages and histories are unavailable: %s", error)
        return None
