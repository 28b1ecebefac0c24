"""UI fixtures: a started I/O thread, bridges and a task runner, stopped after each test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.workers.loop_thread import EventLoopThread
from desktop.workers.task_runner import TaskRunner
from desktop.workers.tcp_client_bridge import TcpClientBridge
from desktop.workers.tcp_server_bridge import TcpServerBridge


@pytest.fixture
def io(qapp) -> Iterator[EventLoopThread]:  # type: ignore[no-untyped-def]
    thread = EventLoopThread()
    thread.start_and_wait()
    yield thread
    assert thread.stop(3000)


@pytest.fixture
def runner(qapp) -> Iterator[TaskRunner]:  # type: ignore[no-untyped-def]
    tasks = TaskRunner()
    yield tasks
    assert tasks.shutdown(10_000)


@pytest.fixture
def tcp_bridge(io: EventLoopThread) -> Iterator[TcpClientBridge]:
    bridge = TcpClientBridge(io)
    yield bridge
    bridge.stop()


@pytest.fixture
def server_bridge(io: EventLoopThread, tmp_path: Path) -> Iterator[TcpServerBridge]:
    bridge = TcpServerBridge(io, tmp_path)
    yield bridge
    bridge.stop()
