"""One-shot background jobs (exports, file work, decoding) with the result delivered on the GUI
thread.

The composition root (``desktop/app.py``) builds one ``TaskRunner`` for the whole application,
hands it to every panel that needs one, and shuts it down at exit; tests build their own.

The jobs run on a ``concurrent.futures`` thread pool, not on ``QThreadPool``: a Python
``QRunnable`` is deleted by the pool thread when it finishes, and with the garbage collector
running on the GUI thread at that moment the process crashed (seen under a collector made
eager, ``gc.set_threshold(20, 2, 2)``, in the test suite). Plain Python threads have no C++
object to delete; the result still crosses to the GUI thread only through a queued signal.
"""

from __future__ import annotations

import concurrent.futures
import logging
import os
import threading
from collections.abc import Callable
from concurrent.futures import Executor
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from desktop.core.errors import SocketDeskError

__all__ = ["PRESTARTED", "TaskRunner"]

Done = Callable[[Any, SocketDeskError | None], None]

# Pool threads started with the runner: a job handed to a pool with no idle thread starts one,
# and ``Thread.start`` waits for the new thread to run, which needs the GIL: on a busy machine
# the GUI thread waited 21 ms in it while a 100 MiB response was shown (#15). The composer runs
# up to three jobs at once for one response (decoding, the history, pretty-printing).
PRESTARTED = 4

log = logging.getLogger("tasks")


def _start_threads(pool: Executor, count: int) -> None:
    """Make ``pool`` start ``count`` threads now (each job holds its thread until all started)."""
    everyone = threading.Barrier(count)

    def gather() -> None:
        try:
            everyone.wait(10)
        except threading.BrokenBarrierError:  # best effort: a later job starts its own thread
            log.debug("task runner: %d pool threads did not all start within 10 s", count)

    for _ in range(count):
        pool.submit(gather)


class _GuiThreadDelivery(QObject):
    """Lives on the GUI thread; a pool thread emits ``finished`` and Qt queues it across."""

    finished = Signal(object, object, object)  # callback, result, SocketDeskError or None


class TaskRunner(QObject):
    """Runs ``func()`` on a pool thread and calls ``done(result, error)`` on the GUI thread.

    Only a ``SocketDeskError`` is an expected failure: ``done`` receives the error itself (the
    UI words it with ``say()``, in the interface language). Any other exception is a bug: it is
    raised again on the GUI thread, where the app's crash handler owns ``sys.excepthook``.

    Args:
        pool: where jobs run; by default a thread pool of the runner's own (jobs are short and
            CPU or disk bound), shut down by ``shutdown()``. A pool passed in stays the caller's.
    """

    def __init__(self, pool: Executor | None = None) -> None:
        super().__init__()
        self._owns_pool = pool is None
        workers = max(2, os.cpu_count() or 2)
        self._pool: Executor = pool or concurrent.futures.ThreadPoolExecutor(
            max_workers=workers, thread_name_prefix="socketdesk-task"
        )
        if self._owns_pool:
            _start_threads(self._pool, min(workers, PRESTARTED))
        self._delivery = _GuiThreadDelivery()
        self._delivery.finished.connect(self._finished)
        self._pending: set[concurrent.futures.Future[None]] = set()
        self._lock = threading.Lock()
        self._shut = False

    def run(self, func: Callable[[], Any], done: Done) -> None:
        """Start ``func`` in the background (dropped once the runner is shut down: a job's
        ``done`` delivered during the shutdown may ask for a follow-up, which nobody awaits)."""
        if self._shut:
            return
        future = self._pool.submit(self._job, func, done)
        with self._lock:
            self._pending.add(future)
        future.add_done_callback(self._forget)

    def _job(self, func: Callable[[], Any], done: Done) -> None:
        try:
            result = func()
        except SocketDeskError as error:  # expected failures: typed, worded by the UI
            self._delivery.finished.emit(done, None, error)
            return
        except BaseException as error:  # a bug: shown by the crash handler on the GUI thread
            self._delivery.finished.emit(done, _Bug(error), None)
            return
        self._delivery.finished.emit(done, result, None)

    def _forget(self, future: concurrent.futures.Future[None]) -> None:
        with self._lock:
            self._pending.discard(future)

    @Slot(object, object, object)
    def _finished(self, done: Done, result: Any, error: SocketDeskError | None) -> None:
        if isinstance(result, _Bug):
            raise result.error
        done(result, error)

    def wait(self, timeout_ms: int = 30_000) -> bool:
        """Wait for running jobs (shutdown and tests); True if they all ended in time."""
        with self._lock:
            pending = list(self._pending)
        _done, not_done = concurrent.futures.wait(pending, timeout=timeout_ms / 1000)
        return not not_done

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """Wait for running jobs, then stop the runner's own pool (at exit); True if in time.

        Jobs still running after the timeout are left to finish; their results are dropped.
        """
        self._shut = True
        finished = self.wait(timeout_ms)
        if self._owns_pool:
            self._pool.shutdown(wait=False, cancel_futures=True)
        return finished


class _Bug:
    """An unexpected exception of a job, carried to the GUI thread to be raised there."""

    def __init__(self, error: BaseException) -> None:
        self.error = error
