"""Crash reports: an unexpected exception written to a file with what is needed to act on it."""

from __future__ import annotations

import datetime as _dt
import platform
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from desktop import __version__
from desktop.core.private import private_dir, private_file

__all__ = ["CrashReport", "write_crash_report"]


@dataclass(frozen=True, slots=True)
class CrashReport:
    """A crash report that was written to disk.

    Attributes:
        summary: one line naming the exception, for a dialog.
        details: the whole report text (versions, thread, traceback).
        path: the file the report was written to, or None when writing failed.
    """

    summary: str
    details: str
    path: Path | None


def write_crash_report(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    thread_name: str,
    folder: Path,
    *,
    extra_versions: dict[str, str] | None = None,
) -> CrashReport:
    """Format an exception and write it to a new file in ``folder`` (created if needed; the
    composition root gives the log folder).

    Writing never raises: if the disk refuses, the report is still returned with ``path=None``.
    """
    now = _dt.datetime.now(_dt.UTC)
    versions = {
        "SocketDesk": __version__,
        "Python": sys.version.split()[0],
        "Platform": platform.platform(),
        **(extra_versions or {}),
    }
    lines = [f"SocketDesk crash report, {now.isoformat(timespec='seconds')}"]
    lines += [f"{name}: {value}" for name, value in versions.items()]
    lines.append(f"Thread: {thread_name}")
    lines.append("")
    lines += traceback.format_exception(exc_type, exc, tb)
    details = "\n".join(line.rstrip("\n") for line in lines) + "\n"
    summary = "".join(traceback.format_exception_only(exc_type, exc)).strip()
    path: Path | None
    try:
        private_dir(folder)
        path = private_file(folder / f"crash-{now.strftime('%Y%m%d-%H%M%S-%f')}.txt")
        path.write_text(details, encoding="utf-8")
    except OSError:
        path = None
    return CrashReport(summary=summary, details=details, path=path)
