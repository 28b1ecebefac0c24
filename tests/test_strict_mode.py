"""Under SOCKETDESK_STRICT=1 (CI) a skip is a failure; without it, a skip with its reason."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_probe(
    strict: bool, probe: str = "tests/helpers/strict_probe.py"
) -> subprocess.CompletedProcess[str]:
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
            probe,
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


XFAIL_PROBE = "tests/helpers/strict_probe_xfail.py"
MODULE_SKIP_PROBE = "tests/helpers/strict_probe_module_skip.py"


def test_xfails_fail_under_strict() -> None:
    result = run_probe(strict=True, probe=XFAIL_PROBE)
    assert result.returncode == 1, result.stdout
    assert "3 failed" in result.stdout, result.stdout
    for reason in ("known to be broken", "thought to be broken", "gave up at run time"):
        assert reason in result.stdout
    assert "xfail under SOCKETDESK_STRICT=1" in result.stdout


def test_xfails_are_reported_without_strict() -> None:
    result = run_probe(strict=False, probe=XFAIL_PROBE)
    assert result.returncode == 0, result.stdout
    assert "2 xfailed, 1 xpassed" in result.stdout, result.stdout


def test_a_module_skipped_while_collected_fails_under_strict() -> None:
    result = run_probe(strict=True, probe=MODULE_SKIP_PROBE)
    assert result.returncode != 0, result.stdout
    assert "1 error" in result.stdout, result.stdout
    assert "skipped while collecting under SOCKETDESK_STRICT=1" in result.stdout
    assert "the whole module needs a missing peer" in result.stdout


def test_a_module_skipped_while_collected_skips_without_strict() -> None:
    result = run_probe(strict=False, probe=MODULE_SKIP_PROBE)
    assert result.returncode == 5, result.stdout  # pytest's "no tests ran"; nothing failed
    assert "1 skipped" in result.stdout, result.stdout
