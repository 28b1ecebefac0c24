"""Start-up: launch → main window painted, SocketDesk vs a bare PySide6 window, same run.

Each contender is a fresh process (offscreen platform, private data/config/runtime folders);
the parent times from ``Popen`` to the child's "shown" line on stdout (SocketDesk prints
``socketdesk-event: shown`` at its window's first paint under ``SOCKETDESK_EVENTS=1``; the
baseline prints the same at its first paint), then kills it. Rounds alternate the order; the
median is reported with the ratio. Then ``python -X importtime`` of the app's import lists the
slowest modules (cumulative µs).

Usage: ``python -m bench.startup [ROUNDS]`` (default 5).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_HELLO = """
import sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv)
label = QLabel("hello")
class First(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print("socketdesk-event: shown", flush=True)
            label.removeEventFilter(self)
        return False
first = First()
label.installEventFilter(first)
label.show()
app.exec()
"""


def _env(folder: Path) -> dict[str, str]:
    runtime = folder / "run"
    runtime.mkdir(mode=0o700, exist_ok=True)
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_RUNTIME_DIR": str(runtime),
        "XDG_CONFIG_HOME": str(folder / "config"),
        "SOCKETDESK_DATA_DIR": str(folder / "data"),
        "SOCKETDESK_EVENTS": "1",
    }


def time_to_shown(argv: list[str], env: dict[str, str]) -> float:
    """Seconds from launch to the ``shown`` line."""
    start = time.perf_counter()
    process = subprocess.Popen(
        argv, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    try:
        assert process.stdout is not None
        for line in process.stdout:
            if line.strip() == "socketdesk-event: shown":
                return time.perf_counter() - start
        raise RuntimeError(f"{argv} ended ({process.wait()}) without showing a window")
    finally:
        process.kill()
        process.wait()
        if process.stdout is not None:
            process.stdout.close()


def import_profile(top: int = 15) -> list[tuple[int, str]]:
    """The ``top`` slowest imports of ``desktop.app`` (cumulative µs, module)."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import desktop.app"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    rows = []
    for line in result.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _self, cumulative, name = (part.strip() for part in line[12:].split("|"))
        rows.append((int(cumulative), name))
    # Only top-level names of a chain are interesting once: keep the biggest entries.
    return sorted(rows, reverse=True)[:top]


def main(argv: list[str]) -> None:
    rounds = int(argv[0]) if argv else 5
    contenders = {
        "bare PySide6 window": [sys.executable, "-c", _HELLO],
        "SocketDesk (checkout)": [sys.executable, "-m", "desktop", "--new-instance"],
    }
    seconds: dict[str, list[float]] = {name: [] for name in contenders}
    with tempfile.TemporaryDirectory(prefix="socketdesk-startup-") as folder:
        env = _env(Path(folder))
        time_to_shown(contenders["SocketDesk (checkout)"], env)  # first run: creates folders
        for index in range(rounds):
            order = list(contenders.items())
            for name, command in order if index % 2 == 0 else reversed(order):
                seconds[name].append(time_to_shown(command, env))
    base = statistics.median(seconds["bare PySide6 window"])
    print("== start-up: launch to first paint of the main window (offscreen) ==\n")
    print(f"{'contender':<26} {'median s':>9} {'min s':>7} {'vs bare':>8}")
    for name, values in seconds.items():
        median = statistics.median(values)
        print(f"{name:<26} {median:>9.3f} {min(values):>7.3f} {median / base:>7.2f}x")
    print(f"\nrounds: {rounds}; ratio = contender time / bare window time (lower is better)\n")
    print("slowest imports of desktop.app (python -X importtime, cumulative):")
    for cumulative, name in import_profile():
        print(f"  {cumulative / 1000:8.1f} ms  {name}")


if __name__ == "__main__":
    main(sys.argv[1:])
