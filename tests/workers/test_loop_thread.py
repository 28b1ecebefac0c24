from __future__ import annotations

import asyncio
import threading

import pytest

from desktop.workers.loop_thread import EventLoopThread


@pytest.fixture
def io():  # type: ignore[no-untyped-def]
    errors: list[BaseException] = []
    thread = EventLoopThread(on_unhandled=errors.append)
    thread.errors = errors  # type: ignore[attr-defined]
    thread.start_and_wait()
    yield thread
    assert thread.stop(3000)


def test_submit_runs_on_the_loop_thread(io: EventLoopThread) -> None:
    async def where() -> str:
        await asyncio.sleep(0)
        return threading.current_thread().name

    assert io.submit(where()).result(5) == "io-loop"


def test_call_is_thread_safe(io: EventLoopThread) -> None:
    done = threading.Event()
    names: list[str] = []
    io.call(lambda: (names.append(threading.current_thread().name), done.set()))
    assert done.wait(5)
    assert names == ["io-loop"]


def test_unhandled_task_error_reaches_the_hook(io: EventLoopThread) -> None:
    async def fail() -> None:
        raise RuntimeError("from the loop")

    def start() -> None:
        loop = asyncio.get_running_loop()
        task = loop.create_task(fail())
        task.add_done_callback(
            lambda t: loop.call_exception_handler(
                {"message": "task failed", "exception": t.exception()}
            )
        )

    io.call(start)
    deadline = threading.Event()
    for _ in range(100):
        if io.errors:  # type: ignore[attr-defined]
            break
        deadline.wait(0.05)
    assert [str(e) for e in io.errors] == ["from the loop"]  # type: ignore[attr-defined]


def test_stop_cancels_pending_tasks_and_ends_the_thread() -> None:
    thread = EventLoopThread()
    thread.start_and_wait()
    cancelled = threading.Event()

    async def forever() -> None:
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:
            cancelled.set()
            raise

    thread.call(lambda: asyncio.get_running_loop().create_task(forever()))
    threading.Event().wait(0.05)
    assert thread.stop(3000)
    assert cancelled.is_set()
    assert thread.isFinished()
