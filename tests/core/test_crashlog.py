from __future__ import annotations

import sys
from pathlib import Path

from desktop.core.crashlog import write_crash_report


def _boom() -> None:
    raise ValueError("the detail that matters")


def test_report_is_written_with_traceback_and_versions(tmp_path: Path) -> None:
    try:
        _boom()
    except ValueError:
        exc_type, exc, tb = sys.exc_info()
    assert exc_type is not None and exc is not None
    folder = tmp_path / "given" / "logs"  # the folder it is given, made when needed
    report = write_crash_report(exc_type, exc, tb, "worker-7", folder, extra_versions={"Qt": "6.x"})
    assert report.summary == "ValueError: the detail that matters"
    assert report.path is not None and report.path.parent == folder
    text = report.path.read_text(encoding="utf-8")
    assert text == report.details
    for needle in (
        "Thread: worker-7",
        "Qt: 6.x",
        "Python: ",
        "in _boom",
        "the detail that matters",
    ):
        assert needle in text


def test_unwritable_directory_still_returns_the_report(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    report = write_crash_report(RuntimeError, RuntimeError("x"), None, "t", blocker / "logs")
    assert report.path is None
    assert "RuntimeError: x" in report.details
