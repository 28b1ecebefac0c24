"""One-shot background jobs (exports, file work) with the result delivered on the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from desktop.core.errors import SocketDeskError

__all__ = ["TaskRunner"]

Done = Callable[[Any, str | None], None]


class _Relay(QObject):
    finished = Signal(object, object, object)  # callback, result, error sentence


class _Job(QRunnable):
    def __init__(self, relay: _Relay, func: Callable[[], Any], done: Done) -> None:
        super().__init__()
        self._relay = relay
        self._func = func
        self._done = done

    def run(self) -> None:
        try:
            result = self._func()
        except SocketDeskError as error:  # expected failures: a sentence for the user
            self._relay.finished.emit(self._done, None, str(error))
            return
        self._relay.finished.emit(self._done, result, None)


class TaskRunner(QObject):
    """Runs ``func()`` on a pool thread and calls ``done(result, error)`` on the GUI thread.

    Only ``SocketDeskError`` becomes an error sentence; any other exception is a bug: PySide6
    hands it to ``sys.excepthook``, which the app's crash handler owns.

    Args:
        pool: the thread pool; tests may pass their own.
    """

    def __init__(self, pool: QThreadPool | None = None) -> None:
        super().__init__()
        self._pool = pool if pool is not None else QThreadPool.globalInstance()
        self._relay = _Relay()
        self._relay.finished.connect(self._finished)

    def run(self, func: Callable[[], Any], done: Done) -> None:
        """Start ``func`` in the background."""
        self._pool.start(_Job(self._relay, func, done))

    @Slot(object, object, object)
    def _finished(self, done: Done, result: Any, error: str | None) -> None:
        done(result, error)

    def wait(self, timeout_ms: int = 30_000) -> bool:
        """Wait for running jobs (shutdown and tests)."""
        return self._pool.waitForDone(timeout_ms)
