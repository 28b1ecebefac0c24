"""Suite-wide set-up: offscreen Qt, a private data directory, strict-mode skips."""

from __future__ import annotations

import asyncio
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Every file the app writes (crash reports, logs, settings of tests) goes to a private folder.
_DATA = tempfile.mkdtemp(prefix="socketdesk-test-")
os.environ["SOCKETDESK_DATA_DIR"] = _DATA

from desktop.core.event_loop import loop_kind  # noqa: E402
from desktop.workers.collector import MainThreadCollector, collect_if_due  # noqa: E402
from tests.helpers.strict import STRICT  # noqa: E402

_collector: list[MainThreadCollector] = []

# The suite runs on the loop the app runs on (SOCKETDESK_LOOP: auto by default, i.e. uvloop where
# installed; asyncio forces the stock loop);
# tests/core/net/test_event_loops.py runs a subset on both at once.
LOOP = loop_kind()
if LOOP == "uvloop":
    import uvloop

    asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())


def pytest_report_header() -> str:
    """Say which event loop the tests run on."""
    return f"event loop: {LOOP} (SOCKETDESK_LOOP=auto|asyncio|uvloop)"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """Under SOCKETDESK_STRICT=1 a skipped test is a failed test: CI must run everything.

    An expected failure is no exception: an xfail (failed as expected, or passed anyway) hides
    a test that does not do its job, so it fails too.
    """
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    if not STRICT:
        return
    if hasattr(report, "wasxfail"):
        if report.when == "call" or report.skipped:
            reason = report.wasxfail or "no reason given"
            del report.wasxfail
            report.outcome = "failed"
            report.longrepr = (
                f"xfail under SOCKETDESK_STRICT=1 (expected failures are failures in CI): {reason}"
            )
    elif report.skipped:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"skipped under SOCKETDESK_STRICT=1 (skips are failures in CI): {reason}"


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector: pytest.Collector) -> Iterator[None]:
    """Under SOCKETDESK_STRICT=1 a module that skips itself while collected (``pytest.skip(...,
    allow_module_level=True)``, ``pytest.importorskip``) fails: its tests would never run."""
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    if STRICT and report.skipped:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = (
            f"skipped while collecting under SOCKETDESK_STRICT=1 (skips are failures in CI): "
            f"{reason}"
        )


@pytest.fixture
def data_dir() -> Path:
    """The private data directory of this test session."""
    return Path(_DATA)


@pytest.fixture
def settings(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A Settings facade over a temporary INI file."""
    from PySide6.QtCore import QSettings

    from desktop.settings import Settings

    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture(scope="session", autouse=True)
def _collect_on_the_main_thread_only() -> Iterator[None]:
    """As the application does (``desktop/workers/collector.py``): no automatic collection in
    the I/O or task threads, where destroying a Qt object of the GUI thread crashes."""
    import gc

    gc.disable()
    yield
    for collector in _collector:
        collector.stop()
    gc.enable()


@pytest.fixture(autouse=True)
def _collect_between_tests(_collect_on_the_main_thread_only: None) -> Iterator[None]:
    """Collect when due after each test, and from a GUI-thread timer while a test waits."""
    from PySide6.QtCore import QCoreApplication

    if not _collector and QCoreApplication.instance() is not None:
        collector = MainThreadCollector()
        collector.start()
        _collector.append(collector)
    yield
    collect_if_due()
