"""UI fixtures: a started I/O thread and bridges, stopped after each test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop.workers.loop_thread import EventLoopThread
from desktop.workers.tcp_client_bridge import TcpClientBridge


@pytest.fixture
def io(qapp) -> Iterator[EventLoopThread]:  # type: ignore[no-untyped-def]
    thread = EventLoopThread()
    thread.start_and_wait()
    yield thread
    assert thread.stop(3000)


@pytest.fixture
def tcp_bridge(io: EventLoopThread) -> Iterator[TcpClientBridge]:
    bridge = TcpClientBridge(io)
    yield bridge
    bridge.close_connection()
