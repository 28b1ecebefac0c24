"""A QThread that runs one asyncio event loop for all socket engines."""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import threading
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from PySide6.QtCore import QThread

from desktop.core import event_loop

__all__ = ["EventLoopThread"]

log = logging.getLogger("net")
T = TypeVar("T")

LoopErrorHandler = Callable[[BaseException], None]
_GRACE_S = 1.0  # how long tasks may finish after stop() before they are cancelled
_FLUSH_S = 0.01  # a few loop iterations for callbacks already scheduled at stop()


class EventLoopThread(QThread):
    """Hosts an asyncio event loop; other threads hand it work with ``call`` and ``submit``.

    The loop is created inside the thread, after it starts. Engines live on this loop; bridges
    emit queued signals from it to the GUI thread.

    Args:
        on_unhandled: called (on the loop thread) with an exception no task handled; the app
            wires this to the crash handler.
    """

    def __init__(self, on_unhandled: LoopErrorHandler | None = None) -> None:
        super().__init__()
        self.setObjectName("io-loop")
        self._on_unhandled = on_unhandled
        self._loop: asyncio.AbstractEventLoop | None = None
        self._ready = threading.Event()

    def start_and_wait(self) -> None:
        """Start the thread and return once its loop accepts work."""
        self.start()
        self._ready.wait()

    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        """The running loop (valid after ``start_and_wait``)."""
        assert self._loop is not None, "EventLoopThread not started"
        return self._loop

    def run(self) -> None:
        threading.current_thread().name = "io-loop"
        loop = event_loop.new_event_loop()  # uvloop where installed (core/event_loop.py)
        loop.set_exception_handler(self._handle_exception)
        self._loop = loop
        asyncio.set_event_loop(loop)
        self._ready.set()
        try:
            loop.run_forever()
            # Callbacks scheduled by the last commands (a transport's final close runs one
            # iteration after close()) still run, so no socket is left for the GC to find.
            loop.run_until_complete(asyncio.sleep(_FLUSH_S))
            # Closing work posted just before stop (a server closing its sockets) gets a short
            # grace period to finish; whatever still runs after it is cancelled.
            pending = asyncio.all_tasks(loop)
            if pending:
                loop.run_until_complete(asyncio.wait(pending, timeout=_GRACE_S))
            pending = asyncio.all_tasks(loop)
            for task in pending:
                task.cancel()
            if pending:
                loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
            loop.run_until_complete(loop.shutdown_asyncgens())
        finally:
            loop.close()

    def call(self, func: Callable[..., Any], *args: Any) -> None:
        """Run ``func(*args)`` on the loop thread soon (thread-safe, never blocks)."""
        self.loop.call_soon_threadsafe(func, *args)

    def submit(self, coro: Coroutine[Any, Any, T]) -> concurrent.futures.Future[T]:
        """Schedule a coroutine on the loop (thread-safe); returns a concurrent future."""
        return asyncio.run_coroutine_threadsafe(coro, self.loop)

    def stop(self, timeout_ms: int = 3000) -> bool:
        """Ask the loop to stop, then wait for the thread. Returns True if it ended in time."""
        if self._loop is not None and self.isRunning():
            self._loop.call_soon_threadsafe(self._loop.stop)
        return self.wait(timeout_ms)

    def _handle_exception(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        error = context.get("exception")
        if isinstance(error, BaseException) and self._on_unhandled is not None:
            self._on_unhandled(error)
        else:
            log.error("event loop: %s", context.get("message", context))
