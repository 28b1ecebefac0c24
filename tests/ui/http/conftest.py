"""Fixtures shared by the composer's UI tests: nginx, a bridge on the I/O thread, a history."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.store import open_database
from desktop.core.store.http_history import HttpHistory
from desktop.workers.http_bridge import HttpBridge
from desktop.workers.loop_thread import EventLoopThread
from tests.peers.nginx import Nginx, running_nginx


@pytest.fixture(scope="module")
def nginx(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Nginx]:
    """One nginx per test module (plain and TLS ports)."""
    with running_nginx(tmp_path_factory.mktemp("nginx")) as server:
        yield server


@pytest.fixture
def http_bridge(io: EventLoopThread) -> Iterator[HttpBridge]:
    """The composer's bridge on the shared I/O thread; closed after the test."""
    bridge = HttpBridge(io)
    yield bridge
    bridge.close()


@pytest.fixture
def history(tmp_path: Path) -> Iterator[HttpHistory]:
    """An HTTP history in a fresh database."""
    conn: sqlite3.Connection = open_database(tmp_path / "history.sqlite3")
    yield HttpHistory(conn)
    conn.close()
