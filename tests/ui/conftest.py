"""UI fixtures: a started I/O thread, bridges and a task runner, stopped after each test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.ui.translations import install_translations
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


@pytest.fixture(autouse=True)
def english_plurals(qapp) -> None:  # type: ignore[no-untyped-def]
    """The interface in English as the app installs it: with the English plural forms
    ("1 client connected"); a test that installs another language removes its translators."""
    from PySide6.QtCore import QTranslator

    if not qapp.findChildren(QTranslator):
        install_translations(qapp, "en")


def _remove_translators(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QLocale, QTranslator

    for translator in qapp.findChildren(QTranslator):
        qapp.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(QLocale("en"))


@pytest.fixture
def chinese(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """The interface in Simplified Chinese for one test, English again afterwards."""
    _remove_translators(qapp)
    assert install_translations(qapp, "zh_CN") == "zh_CN"
    yield
    _remove_translators(qapp)
    install_translations(qapp, "en")
