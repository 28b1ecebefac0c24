"""The ``on_loop`` fixture: a test's scenario run on each event loop SocketDesk supports."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any

import pytest

from desktop.core import event_loop
from desktop.core.event_loop import LoopKind

LOOPS: list[LoopKind] = ["asyncio", "uvloop"]


@pytest.fixture(params=LOOPS)
def on_loop(request: pytest.FixtureRequest) -> Callable[[Coroutine[Any, Any, None]], None]:
    """Runs a coroutine to its end on a new loop of the parametrised kind (and checks the kind)."""
    kind: LoopKind = request.param

    def run(coro: Coroutine[Any, Any, None]) -> None:
        async def checked() -> None:
            name = type(asyncio.get_running_loop()).__module__
            assert name.startswith("uvloop") == (kind == "uvloop"), name
            await coro

        event_loop.run(checked(), kind)

    return run
