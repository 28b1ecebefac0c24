"""Catch unexpected exceptions from every thread: log them to a file, show a friendly dialog."""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QWidget

from desktop.core.crashlog import CrashReport, write_crash_report
from desktop.ui.crash_dialog import CrashDialog

__all__ = ["CrashHandler"]

log = logging.getLogger("ui")


class CrashHandler(QObject):
    """Installs ``sys.excepthook`` and ``threading.excepthook``.

    Reports are written on the thread that failed; the dialog is shown on the GUI thread
    through a queued signal. Only one dialog is open at a time; further crashes while it is
    open are still written to disk and counted.

    Args:
        versions: the versions a report names (Qt, PySide6…).
        folder: where reports are written (the composition root's log folder).
        show_dialogs: False in tests that check reports without dialogs.

    Signals:
        crashed(CrashReport): a report was written.
    """

    crashed = Signal(object)

    def __init__(self, versions: dict[str, str], folder: Path, show_dialogs: bool = True) -> None:
        super().__init__()
        self._versions = versions
        self.folder = folder
        self._show_dialogs = show_dialogs
        self.parent_widget: QWidget | None = None
        self.dialog: CrashDialog | None = None
        self.suppressed = 0
        self.crashed.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        """Route unhandled exceptions of all threads here."""
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_excepthook

    def handle(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
        thread_name: str | None = None,
    ) -> CrashReport:
        """Write a report and ask for the dialog (from any thread)."""
        name = thread_name or threading.current_thread().name
        report = write_crash_report(
            exc_type, exc, tb, name, self.folder, extra_versions=self._versions
        )
        log.error(
            "unexpected error in thread %s: %s (report: %s)", name, report.summary, report.path
        )
        self.crashed.emit(report)
        return report

    def handle_exception(self, exc: BaseException) -> None:
        """``handle`` for an exception object (the I/O loop's unhandled-error hook)."""
        self.handle(type(exc), exc, exc.__traceback__)

    def _excepthook(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        self.handle(exc_type, exc, tb)

    def _thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        name = args.thread.name if args.thread is not None else "unknown thread"
        self.handle(args.exc_type, args.exc_value, args.exc_traceback, name)

    @Slot(object)
    def _show(self, report: CrashReport) -> None:
        if not self._show_dialogs:
            return
        if self.dialog is not None and self.dialog.isVisible():
            self.suppressed += 1
            return
        self.dialog = CrashDialog(report, self.parent_widget)
        self.dialog.show()
