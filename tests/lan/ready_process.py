"""Helper programs on a test LAN that say ``ready`` when set up and end with one JSON line."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

from tests.lan.netlan import ROOT, LanHost

__all__ = ["launch", "outcome"]


def launch(host: LanHost, module: str, *args: str) -> subprocess.Popen[str]:
    """``python -m module args`` as ``host``, returned once it printed ``ready``."""
    process = host.popen(
        [sys.executable, "-m", module, *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    if line.strip() != "ready":
        process.kill()
        _out, err = process.communicate(timeout=10)
        raise RuntimeError(f"{module} did not start: {err.strip() or line!r}")
    return process


def outcome(process: subprocess.Popen[str], timeout: float = 30) -> dict[str, Any]:
    """The JSON line a launched helper prints last (after it ends)."""
    out, err = process.communicate(timeout=timeout)
    if process.returncode != 0:
        raise RuntimeError(f"helper failed ({process.returncode}): {err.strip()}")
    return json.loads(out.strip().splitlines()[-1])  # type: ignore[no-any-return]
