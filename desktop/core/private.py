"""Private files: the data and log directories 0700, every file in them 0600.

The chat history, the HTTP history (``Authorization`` headers, cookies) and the logs are the
user's alone on a shared machine. Modes are set with ``chmod`` after creating, so the result
does not depend on the process's umask, and existing installs are tightened at each start.

On Windows ``chmod`` only toggles the read-only flag: there the per-user profile folders'
ACLs are what keeps the files private, and these functions create without changing modes.
"""

from __future__ import annotations

import contextlib
import io
import logging.handlers
import os
import stat
from pathlib import Path

__all__ = [
    "DIR_MODE",
    "FILE_MODE",
    "POSIX",
    "PrivateLogHandler",
    "private_dir",
    "private_file",
    "tighten_tree",
]

DIR_MODE = 0o700
FILE_MODE = 0o600
POSIX = os.name == "posix"


def private_dir(path: Path) -> Path:
    """Create ``path`` (and missing parents) if needed and make it 0700; returns it."""
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    if POSIX:
        os.chmod(path, DIR_MODE)
    return path


def private_file(path: Path) -> Path:
    """Create ``path`` empty if it is missing and make it 0600; returns it."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), FILE_MODE)
    try:
        if POSIX:
            os.fchmod(fd, FILE_MODE)
    finally:
        os.close(fd)
    return path


def tighten_tree(root: Path) -> int:
    """Make ``root`` and every directory below it 0700 and every file 0600.

    Symbolic links are neither followed nor changed. A file that vanishes meanwhile is skipped.

    Returns:
        How many modes were changed.
    """
    if not POSIX or not root.is_dir():
        return 0
    changed = _tighten(root, DIR_MODE)
    for folder, dirs, files in os.walk(root):
        for name in dirs:
            changed += _tighten(Path(folder, name), DIR_MODE)
        for name in files:
            changed += _tighten(Path(folder, name), FILE_MODE)
    return changed


def _tighten(path: Path, mode: int) -> int:
    with contextlib.suppress(FileNotFoundError):
        info = os.lstat(path)
        if stat.S_ISLNK(info.st_mode) or stat.S_IMODE(info.st_mode) == mode:
            return 0
        os.chmod(path, mode)
        return 1
    return 0


class PrivateLogHandler(logging.handlers.RotatingFileHandler):
    """A rotating log file created 0600 (rotation renames it, keeping the mode)."""

    def _open(self) -> io.TextIOWrapper:  # type: ignore[type-arg,unused-ignore]
        private_file(Path(self.baseFilename))
        return super()._open()
