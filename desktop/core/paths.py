"""Where SocketDesk keeps its files (platform data and log directories)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from desktop.core.private import private_dir

__all__ = ["APP_NAME", "data_dir", "log_dir"]

APP_NAME = "SocketDesk"
# Tests and portable installs point every file of the app elsewhere with this variable.
_OVERRIDE = "SOCKETDESK_DATA_DIR"


def data_dir() -> Path:
    """The per-user data directory, created on first use (0700: ``core/private.py``)."""
    override = os.environ.get(_OVERRIDE)
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, False))
    return private_dir(path)


def log_dir() -> Path:
    """The directory for log files and crash reports, created on first use (0700)."""
    override = os.environ.get(_OVERRIDE)
    path = Path(override) / "logs" if override else Path(platformdirs.user_log_dir(APP_NAME, False))
    return private_dir(path)
