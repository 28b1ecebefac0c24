"""Where bundled resources (icons, translations) are, from a checkout or a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path

__all__ = ["resource_path"]


def resource_path(*parts: str) -> Path:
    """The path of a file under ``resources/``."""
    bundle = getattr(sys, "_MEIPASS", None)  # set by a PyInstaller one-file/one-dir bundle
    root = Path(bundle) if bundle else Path(__file__).resolve().parents[1]
    return root.joinpath("resources", *parts)
