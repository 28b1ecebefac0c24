"""Unexpected exceptions in any thread: a report file and a friendly dialog, no traceback box."""

from __future__ import annotations

import asyncio
import threading

from PySide6.QtWidgets import QApplication

from desktop.ui.crash_dialog import CrashDialog
from desktop.ui.crash_handler import CrashHandler
from desktop.workers.loop_thread import EventLoopThread


def test_exception_in_a_python_thread(qtbot, data_dir) -> None:  # type: ignore[no-untyped-def]
    handler = CrashHandler({"Qt": "test"}, data_dir / "logs")
    saved = threading.excepthook
    handler.install()
    try:
        with qtbot.waitSignal(handler.crashed, timeout=5000) as crashed:
            worker = threading.Thread(target=lambda: 1 / 0, name="doomed-worker")
            worker.start()
            worker.join()
        report = crashed.args[0]
        assert report.summary == "ZeroDivisionError: division by zero"
        assert report.path.parent == data_dir / "logs"  # the folder it was given
        assert report.path.read_text(encoding="utf-8") == report.details
        assert "Thread: doomed-worker" in report.details
        qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible())
        dialog = handler.dialog
        assert isinstance(dialog, CrashDialog)
        qtbot.addWidget(dialog)
        assert dialog.summary_label.text() == report.summary
        assert not dialog.details.isVisible()  # short first; details on request
        dialog.copy_details()
        assert QApplication.clipboard().text() == report.details
    finally:
        threading.excepthook = saved
        import sys

        sys.excepthook = sys.__excepthook__


def test_exception_on_the_io_loop(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    handler = CrashHandler({}, tmp_path, show_dialogs=False)
    io = EventLoopThread(on_unhandled=handler.handle_exception)
    io.start_and_wait()
    try:

        def explode() -> None:
            raise KeyError("lost key")

        with qtbot.waitSignal(handler.crashed, timeout=5000) as crashed:
            io.call(lambda: asyncio.get_running_loop().call_soon(explode))
        assert crashed.args[0].summary == "KeyError: 'lost key'"
        assert "Thread: io-loop" in crashed.args[0].details
    finally:
        assert io.stop(3000)


def test_a_second_crash_while_the_dialog_is_open_is_counted_not_stacked(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    handler = CrashHandler({}, tmp_path)
    for _ in range(3):
        try:
            raise ValueError("again")
        except ValueError as error:
            handler.handle(type(error), error, error.__traceback__)
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.suppressed == 2)
    qtbot.addWidget(handler.dialog)


def test_excepthook_on_the_gui_thread(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    handler = CrashHandler({}, tmp_path, show_dialogs=False)
    try:
        raise RuntimeError("in a slot")
    except RuntimeError as error:
        with qtbot.waitSignal(handler.crashed, timeout=5000) as crashed:
            handler._excepthook(type(error), error, error.__traceback__)
    assert crashed.args[0].summary == "RuntimeError: in a slot"
