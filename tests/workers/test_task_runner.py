"""Background jobs: the result, a sentence, or a bug, always delivered on the GUI thread."""

from __future__ import annotations

import concurrent.futures
import gc
import os
import threading

from pytestqt.qtbot import QtBot

from desktop.core.errors import SocketDeskError
from desktop.workers.task_runner import PRESTARTED, TaskRunner


def test_the_result_arrives_on_the_gui_thread(qtbot: QtBot) -> None:
    runner = TaskRunner()
    seen: list[tuple[object, str | None, bool]] = []
    job_threads: list[threading.Thread] = []

    def job() -> int:
        job_threads.append(threading.current_thread())
        return 42

    runner.run(job, lambda result, error: seen.append((result, error, _on_gui_thread())))
    qtbot.waitUntil(lambda: seen != [], timeout=5000)
    assert seen == [(42, None, True)]
    assert job_threads[0] is not threading.main_thread()
    assert runner.wait(5000)


def test_an_expected_failure_crosses_as_the_typed_error(qtbot: QtBot) -> None:
    runner = TaskRunner()
    seen: list[tuple[object, object]] = []
    failure = SocketDeskError("The disk is full.")

    def job() -> None:
        raise failure

    runner.run(job, lambda result, error: seen.append((result, error)))
    qtbot.waitUntil(lambda: seen != [], timeout=5000)
    assert seen == [(None, failure)] and seen[0][1] is failure


def test_a_bug_is_raised_on_the_gui_thread(qtbot: QtBot) -> None:
    runner = TaskRunner()
    called: list[object] = []

    def job() -> None:
        raise ZeroDivisionError("a bug")

    with qtbot.captureExceptions() as exceptions:
        runner.run(job, lambda result, error: called.append(result))
        qtbot.waitUntil(lambda: exceptions != [], timeout=5000)
    assert isinstance(exceptions[0][1], ZeroDivisionError) and called == []


def test_many_jobs_with_an_eager_collector(qtbot: QtBot) -> None:
    """The QRunnable-based runner crashed when the collector ran as pool threads finished."""
    runner = TaskRunner()
    results: list[int] = []
    old = gc.get_threshold()
    gc.set_threshold(20, 2, 2)
    try:
        for n in range(500):
            runner.run(lambda n=n: [n] * 100, lambda result, error: results.append(result[0]))
        qtbot.waitUntil(lambda: len(results) == 500, timeout=20_000)
    finally:
        gc.set_threshold(*old)
    assert sorted(results) == list(range(500))
    assert runner.wait(5000)


def _on_gui_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def test_jobs_start_no_thread_on_the_gui_thread(qtbot: QtBot) -> None:
    # Thread.start waits for the new thread to take the GIL: the GUI must not (#15).
    runner = TaskRunner()
    try:
        prestarted = min(max(2, os.cpu_count() or 2), PRESTARTED)
        pool = runner._pool
        assert isinstance(pool, concurrent.futures.ThreadPoolExecutor)
        # The started threads are idle once their first job has returned.
        qtbot.waitUntil(lambda: pool._idle_semaphore._value == prestarted)  # type: ignore[attr-defined]
        release = threading.Event()
        results: list[object] = []
        before = {t.ident for t in threading.enumerate()}
        for index in range(prestarted):
            runner.run(lambda i=index: (release.wait(10), i)[1], lambda r, _e: results.append(r))
        started = {t.ident for t in threading.enumerate()} - before
        release.set()
        qtbot.waitUntil(lambda: len(results) == prestarted)
        assert started == set()
        assert sorted(results) == list(range(prestarted))
    finally:
        runner.shutdown()


def test_a_job_asked_for_after_shutdown_is_dropped(qtbot: QtBot) -> None:
    # A job's done(), delivered while the window closes, may ask for a follow-up (the next
    # page of a large response): the pool is gone by then, and submitting raised
    # "cannot schedule new futures after shutdown" in the Qt event loop (a CI flake).
    runner = TaskRunner()
    results: list[object] = []
    runner.run(lambda: 1, lambda result, error: runner.run(lambda: 2, results.append))
    assert runner.shutdown()
    runner.run(lambda: 3, lambda result, error: results.append(result))
    qtbot.wait(100)  # the first job's done() runs here and asks for its follow-up
    assert results == []
