"""Under SOCKETDESK_STRICT=1 (CI) a skip is a failure; without it, a skip with its reason."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_probe(strict: bool) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "SOCKETDESK_STRICT"}
    if strict:
        env["SOCKETDESK_STRICT"] = "1"
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:randomly",
            "tests/helpers/strict_probe.py",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_skips_fail_under_strict() -> None:
    result = run_probe(strict=True)
    assert result.returncode == 1, result.stdout
    assert "2 failed" in result.stdout
    assert "the peer is not installed" in result.stdout
    assert "skipped under SOCKETDESK_STRICT=1" in result.stdout


def test_skips_skip_without_strict() -> None:
    result = run_probe(strict=False)
    assert result.returncode == 0, result.stdout
    assert "2 skipped" in result.stdout
