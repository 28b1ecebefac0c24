"""Single instance, with two real GUI processes: the second raises the first and ends."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_RUNTIME_DIR": str(runtime),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "SOCKETDESK_DATA_DIR": str(tmp_path / "data"),
        "SOCKETDESK_EVENTS": "1",
    }


@pytest.fixture
def started(env: dict[str, str]) -> Iterator[list[subprocess.Popen[str]]]:
    processes: list[subprocess.Popen[str]] = []
    yield processes
    for process in processes:
        process.kill()
        process.wait(timeout=30)
        if process.stdout is not None:
            process.stdout.close()


def _launch(env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "desktop", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )


def _next_event(process: subprocess.Popen[str]) -> str:
    """The next ``socketdesk-event:`` line (blocks until it comes or the process ends)."""
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith("socketdesk-event: "):
            return line.split(": ", 1)[1].strip()
    return f"ended with {process.wait()}"


def test_second_launch_raises_the_first_and_ends(
    env: dict[str, str], started: list[subprocess.Popen[str]]
) -> None:
    first = _launch(env)
    started.append(first)
    assert _next_event(first) == "shown"
    assert (Path(env["XDG_RUNTIME_DIR"]) / f"socketdesk-{os.getuid()}.sock").exists()
    second = subprocess.run(
        [sys.executable, "-m", "desktop"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert second.returncode == 0
    assert "already running" in second.stdout
    assert "socketdesk-event: shown" not in second.stdout  # it never built a window
    assert _next_event(first) == "raise-requested"
    assert first.poll() is None


def test_a_crashed_instances_socket_is_taken_over(
    env: dict[str, str], started: list[subprocess.Popen[str]]
) -> None:
    crashed = _launch(env)
    started.append(crashed)
    assert _next_event(crashed) == "shown"
    crashed.send_signal(signal.SIGKILL)
    crashed.wait(timeout=30)
    assert (Path(env["XDG_RUNTIME_DIR"]) / f"socketdesk-{os.getuid()}.sock").exists()
    after = _launch(env)
    started.append(after)
    assert _next_event(after) == "shown"
    again = subprocess.run(
        [sys.executable, "-m", "desktop"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "already running" in again.stdout
    assert _next_event(after) == "raise-requested"


def test_new_instance_starts_a_second_window(
    env: dict[str, str], started: list[subprocess.Popen[str]]
) -> None:
    first = _launch(env)
    started.append(first)
    assert _next_event(first) == "shown"
    second = _launch(env, "--new-instance")
    started.append(second)
    assert _next_event(second) == "shown"
