"""The real application, its Messenger tab on a test-LAN host, for the messenger benches.

The whole ``Application`` is built as a user gets it (main window, history in SQLite, the 1 ms
switch interval), in a private data directory; only its I/O thread is moved into a test-LAN
host's network namespace before the messenger starts (``tests.lan.subnet.enter_namespace``), so
the node's socket lives on the test LAN while the window runs in this process.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from desktop.core.ipmsg_io.engine import EngineStats
from tests.lan.netlan import lan_available, sweep_stale
from tests.lan.subnet import enter_namespace

__all__ = ["engine_stats", "need_lan", "open_app", "spin"]


def need_lan(bench: str) -> None:
    """Exit with a sentence unless this process can build test LANs; sweep old leftovers."""
    ok, reason = lan_available()
    if not ok:
        raise SystemExit(f"{bench}: {reason}")
    sweep_stale()


async def _enter(namespace: str) -> None:
    enter_namespace(namespace)


def open_app(namespace: str, nickname: str, targets: str):  # type: ignore[no-untyped-def]
    """The application with its window shown on the Messenger tab, ready to ``start()``.

    Returns:
        (QApplication, Application): the messenger panel is ``app.window.messenger``.
    """
    data = Path(tempfile.mkdtemp(prefix="socketdesk-bench-"))
    os.environ["SOCKETDESK_DATA_DIR"] = str(data)
    from desktop.app import Application
    from desktop.settings import Settings

    qapp = QApplication.instance() or QApplication([])
    settings = Settings(QSettings(str(data / "settings.ini"), QSettings.Format.IniFormat))
    app = Application(qapp, settings, show_crash_dialogs=False)
    app.window.resize(1200, 800)
    app.window.show()
    app.window.tabs.setCurrentWidget(app.window.messenger)
    app.io.submit(_enter(namespace)).result(5)
    panel = app.window.messenger
    panel.nickname.setText(nickname)
    panel.identity.use_interface_list(lambda: [])  # the root namespace's are not ours
    panel.identity.set_interface("0.0.0.0")
    panel.port.setValue(2425)
    panel.targets.setText(targets)
    return qapp, app


def engine_stats(app) -> EngineStats | None:  # type: ignore[no-untyped-def]
    """The messenger engine's counters, read on the I/O thread (None if it is not running)."""
    return app.messenger_bridge.stats().result(5)  # type: ignore[no-any-return]


def spin(condition: Callable[[], bool], timeout: float) -> bool:
    """Run the GUI's event loop until ``condition()`` holds or ``timeout`` s pass; its value."""
    deadline = time.perf_counter() + timeout
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(5)

    def check() -> None:
        if condition() or time.perf_counter() > deadline:
            loop.quit()

    timer.timeout.connect(check)
    timer.start()
    if not condition():
        loop.exec()
    timer.stop()
    return condition()
