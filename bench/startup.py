"""Start-up: launch → main window painted; SocketDesk (checkout, packages) vs a bare PySide6 window.

Each contender is a fresh process (offscreen platform, private data/config/runtime/temporary
folders); the parent times from ``Popen`` to the child's "shown" line on stdout (SocketDesk prints
``socketdesk-event: shown`` at its window's first paint under ``SOCKETDESK_EVENTS=1``; the
baseline prints the same at its first paint), then ends it. Contenders:

- the bare PySide6 window and SocketDesk from the checkout (this venv's Python);
- the PyInstaller one-folder app ``dist/socketdesk/socketdesk`` and the one-file executable
  ``dist/onefile/socketdesk``, built with ``make package`` when missing (``--packaged PATH``
  names others, ``--checkout-only`` leaves them out). A packaged GUI also prints ``started``
  when Python runs (``packaging/entry.py``): for the one-file executable, which unpacks itself
  (~50 MB) into a temporary folder at every launch, "started" minus the one folder's "started"
  is the unpacking.

Rounds alternate the order; the median is reported with the ratio to the bare window. Then the
slowest imports of ``desktop.app``: ``python -X importtime`` for the checkout, and for the
one-folder app its own profile (``SOCKETDESK_IMPORTTIME=1``, ``desktop/import_profile.py``: the
bootloader ignores ``PYTHONPROFILEIMPORTTIME``).

Usage: ``python -m bench.startup [ROUNDS] [--packaged PATH]... [--checkout-only]`` (5 rounds).
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ONE_FOLDER = ROOT / "dist" / "socketdesk" / "socketdesk"
ONE_FILE = ROOT / "dist" / "onefile" / "socketdesk"
GOAL_S = 1.5  # issue 14: window shown within 1.5 s of launching the packaged app
BARE = "bare PySide6 window"
CHECKOUT = "SocketDesk (checkout)"

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
    temporary = folder / "tmp"  # a one-file executable unpacks here: removed with the folder
    temporary.mkdir(exist_ok=True)
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_RUNTIME_DIR": str(runtime),
        "XDG_CONFIG_HOME": str(folder / "config"),
        "SOCKETDESK_DATA_DIR": str(folder / "data"),
        "SOCKETDESK_EVENTS": "1",
        "TMPDIR": str(temporary),
    }


def time_to_shown(argv: list[str], env: dict[str, str]) -> tuple[float, float | None]:
    """Seconds from launch to the ``shown`` line, and to the ``started`` line if printed."""
    start = time.perf_counter()
    started = None
    process = subprocess.Popen(
        argv, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        start_new_session=True,
    )  # fmt: skip
    try:
        assert process.stdout is not None
        for line in process.stdout:
            if line.strip() == "socketdesk-event: started":
                started = time.perf_counter() - start
            elif line.strip() == "socketdesk-event: shown":
                return time.perf_counter() - start, started
        raise RuntimeError(f"{argv} ended ({process.wait()}) without showing a window")
    finally:
        # SIGTERM: a one-file bootloader passes it on and removes its unpacked folder.
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        if process.stdout is not None:
            process.stdout.close()


def _top(stderr: str, top: int) -> list[tuple[int, str]]:
    rows = []
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _self, cumulative, name = (part.strip() for part in line[12:].split("|"))
        rows.append((int(cumulative), name))
    return sorted(rows, reverse=True)[:top]


def import_profile(top: int = 15) -> list[tuple[int, str]]:
    """The ``top`` slowest imports of ``desktop.app`` in the checkout (cumulative µs, module)."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import desktop.app"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return _top(result.stderr, top)


def packaged_import_profile(
    program: Path, env: dict[str, str], top: int = 15
) -> list[tuple[int, str]]:
    """The same for a packaged GUI (its ``SOCKETDESK_IMPORTTIME=1`` profile); empty when the
    package predates that (it starts the GUI instead: ended after 20 s)."""
    try:
        result = subprocess.run(
            [str(program)], cwd=ROOT, env={**env, "SOCKETDESK_IMPORTTIME": "1"},
            capture_output=True, text=True, check=True, timeout=20,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        return []
    return _top(result.stderr, top)


def _packages(args: argparse.Namespace) -> dict[str, Path]:
    if args.checkout_only:
        return {}
    if args.packaged:
        return {f"packaged {path}": Path(path) for path in args.packaged}
    if not (ONE_FOLDER.is_file() and ONE_FILE.is_file()):
        print("building the packages first: make package", flush=True)
        subprocess.run(["make", "package"], cwd=ROOT, check=True)
    return {"one folder (dist/socketdesk)": ONE_FOLDER, "one file (dist/onefile)": ONE_FILE}


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.startup", description=__doc__)
    parser.add_argument("rounds", nargs="?", type=int, default=5)
    parser.add_argument("--packaged", action="append", metavar="PATH", help="a packaged GUI")
    parser.add_argument("--checkout-only", action="store_true", help="no packaged contenders")
    args = parser.parse_args(argv)
    packages = _packages(args)
    contenders = {
        BARE: [sys.executable, "-c", _HELLO],
        CHECKOUT: [sys.executable, "-m", "desktop", "--new-instance"],
        **{name: [str(path), "--new-instance"] for name, path in packages.items()},
    }
    seconds: dict[str, list[float]] = {name: [] for name in contenders}
    started: dict[str, list[float]] = {name: [] for name in contenders}
    with tempfile.TemporaryDirectory(prefix="socketdesk-startup-") as folder:
        env = _env(Path(folder))
        for command in list(contenders.values())[1:]:
            time_to_shown(command, env)  # first runs: create folders, warm the page cache
        for index in range(args.rounds):
            order = list(contenders.items())
            for name, command in order if index % 2 == 0 else reversed(order):
                shown, up = time_to_shown(command, env)
                seconds[name].append(shown)
                if up is not None:
                    started[name].append(up)
        profiles = {CHECKOUT: import_profile()}
        folder_app = next((p for p in packages.values() if p != ONE_FILE), None)
        if folder_app is not None:
            shown_as = os.path.relpath(folder_app, ROOT)
            profiles[f"packaged {shown_as}"] = packaged_import_profile(folder_app, env)
    _print(seconds, started, args.rounds, profiles, packaged=bool(packages))


def _print(
    seconds: dict[str, list[float]],
    started: dict[str, list[float]],
    rounds: int,
    profiles: dict[str, list[tuple[int, str]]],
    *,
    packaged: bool,
) -> None:
    base = statistics.median(seconds[BARE])
    print("== start-up: launch to first paint of the main window (offscreen) ==\n")
    width = max(len(name) for name in seconds)
    print(f"{'contender':<{width}} {'median s':>9} {'min s':>7} {'vs bare':>8} {'Python up s':>12}")
    for name, values in seconds.items():
        median = statistics.median(values)
        up = f"{statistics.median(started[name]):.3f}" if started[name] else "-"
        print(f"{name:<{width}} {median:>9.3f} {min(values):>7.3f} {median / base:>7.2f}x {up:>12}")
    print(f"\nrounds: {rounds}; ratio = contender time / bare window time (lower is better);")
    print("'Python up' = launch to the packaged entry script running (bootloader, unpacking).")
    folder = next((n for n in started if n.startswith("one folder") and started[n]), None)
    onefile = next((n for n in started if n.startswith("one file") and started[n]), None)
    if folder and onefile:
        unpack = statistics.median(started[onefile]) - statistics.median(started[folder])
        print(
            f"the one-file executable unpacks itself at every launch: ~{unpack:.3f} s of its time"
        )
    if packaged:
        worst = max(statistics.median(v) for n, v in seconds.items() if n not in (BARE, CHECKOUT))
        verdict = "met" if worst <= GOAL_S else "NOT met"
        print(
            f"goal: packaged window shown <= {GOAL_S} s: {verdict} (slowest median {worst:.3f} s)"
        )
    for name, rows in profiles.items():
        how = "python -X importtime" if name == CHECKOUT else "SOCKETDESK_IMPORTTIME=1"
        print(f"\nslowest imports of desktop.app, {name} ({how}, cumulative):")
        if not rows:
            print("  none printed: a package built before entry.py had the profile")
        for cumulative, module in rows:
            print(f"  {cumulative / 1000:8.1f} ms  {module}")


if __name__ == "__main__":
    main(sys.argv[1:])
