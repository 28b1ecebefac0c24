"""Which asyncio event loop SocketDesk runs on: uvloop where installed, else asyncio's own.

uvloop (libuv under asyncio's API) is installed on Linux and macOS (``pyproject.toml``'s
platform marker). The environment variable ``SOCKETDESK_LOOP`` chooses: unset or ``auto`` takes
uvloop when installed and the stock loop otherwise (Windows, or a build without it);
``asyncio`` forces the stock loop; ``uvloop`` requires uvloop (an error if it is missing). The
whole suite passes on both (issue #15); ``make test`` runs it on the default and a
representative part again on the stock loop.
Every loop SocketDesk makes comes from here: the CLI's ``run``, the app's loop thread, and the
test suite (``tests/conftest.py``). Measured in ``docs/BENCHMARKS.md`` ("Performance (#15)").
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable, Coroutine
from typing import Any, Literal, TypeVar

__all__ = ["ENV", "LoopKind", "loop_factory", "loop_kind", "new_event_loop", "run"]

ENV = "SOCKETDESK_LOOP"
LoopKind = Literal["asyncio", "uvloop"]
T = TypeVar("T")


def loop_kind(choice: str | None = None) -> LoopKind:
    """The loop to use for ``choice`` (default: ``$SOCKETDESK_LOOP``); see the module's text.

    Raises:
        RuntimeError: uvloop was asked for by name and is not installed.
    """
    wanted = (os.environ.get(ENV, "") if choice is None else choice).strip().lower() or "auto"
    if wanted not in ("uvloop", "auto"):
        return "asyncio"
    try:
        import uvloop  # noqa: F401, PLC0415  (optional: absent on Windows)
    except ImportError:
        if wanted == "uvloop":
            raise RuntimeError(f"{ENV}=uvloop, but uvloop is not installed") from None
        return "asyncio"
    return "uvloop"


def loop_factory(kind: LoopKind | None = None) -> Callable[[], asyncio.AbstractEventLoop]:
    """A function making a new loop of ``kind`` (default: ``loop_kind()``)."""
    if (kind or loop_kind()) == "uvloop":
        import uvloop  # noqa: PLC0415

        return uvloop.new_event_loop
    policy = asyncio.DefaultEventLoopPolicy()  # the platform's stock loop (Proactor on Windows)
    return policy.new_event_loop


def new_event_loop(kind: LoopKind | None = None) -> asyncio.AbstractEventLoop:
    """A new (not running, not current) event loop of ``kind`` (default: ``loop_kind()``)."""
    return loop_factory(kind)()


def run(coro: Coroutine[Any, Any, T], kind: LoopKind | None = None) -> T:
    """``asyncio.run`` on a loop of ``kind`` (default: ``loop_kind()``)."""
    with asyncio.Runner(loop_factory=loop_factory(kind)) as runner:
        return runner.run(coro)
