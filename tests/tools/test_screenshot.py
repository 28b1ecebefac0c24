"""The screenshot tool drives the real window under Xvfb: it must keep working and not crash."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.strict import require

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("scene", ["client", "server", "messenger", "http"])
def test_screenshot_scene_runs_without_a_crash(scene: str, tmp_path: Path) -> None:
    require(shutil.which("xvfb-run") is not None, "xvfb-run is not installed")
    require(shutil.which("import") is not None, "imagemagick's import is not installed")
    out = tmp_path / f"{scene}.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "SOCKETDESK_DATA_DIR": str(tmp_path / "data")}
    # Its own process group: a scene that hangs is killed whole (xvfb-run, Xvfb and the app),
    # never left running after the test.
    process = subprocess.Popen(
        [
            "xvfb-run",
            "-a",
            "-s",
            "-screen 0 1280x800x24",
            sys.executable,
            "-m",
            "tools.screenshot",
            "zh_CN",
            "light",
            str(out),
            scene,
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        _, stderr = process.communicate(timeout=90)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail(f"the {scene} scene did not finish within 90 s")
    result = subprocess.CompletedProcess(process.args, process.returncode, "", stderr)
    assert result.returncode == 0, result.stderr[-2000:]
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    crashes = list((tmp_path / "data" / "logs").glob("crash-*.txt"))
    assert crashes == [], crashes[0].read_text() if crashes else ""
