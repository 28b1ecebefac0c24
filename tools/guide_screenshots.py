"""Take the user guide's screenshots: every guide scene, in English and Chinese, at 1024×700.

Usage: ``python -m tools.guide_screenshots OUT_DIR [--languages en,zh_CN] [--alternate]
[--jobs N] [SCENE…]``. Each worker starts its own Xvfb (a free display, found with
``-displayfd``), and each scene runs in a fresh ``python -m tools.screenshot`` process on it,
writing ``OUT_DIR/<scene>-<language>.png``. ``--alternate`` takes each scene in one language
only, English and Chinese in turn (what the test suite does to stay quick). Exit status 1 when a
scene fails, times out, writes no PNG or leaves a crash report.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tools.guide_scenes import GUIDE_SCENES

ROOT = Path(__file__).resolve().parents[1]
SCREEN = "1024x700x24"
LANGUAGES = ("en", "zh_CN")
SCENE_TIMEOUT = 60.0
PNG = b"\x89PNG\r\n\x1a\n"


def image_name(scene: str, language: str) -> str:
    """The file a scene's picture is written to, e.g. ``client-zh_CN.png``."""
    return f"{scene}-{language}.png"


class Display:
    """An Xvfb of our own on a free display number, stopped by ``close()``."""

    def __init__(self) -> None:
        read, write = os.pipe()
        self.process = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", SCREEN, "-nolisten", "tcp"],
            pass_fds=(write,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        os.close(write)
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number:
            self.close()
            raise RuntimeError("Xvfb did not start")
        self.name = f":{number}"

    def close(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def take(scene: str, language: str, out_dir: Path, display: str) -> str | None:
    """Run one scene; None when its PNG was written cleanly, else what went wrong."""
    out = out_dir / image_name(scene, language)
    out.unlink(missing_ok=True)
    data = Path(tempfile.mkdtemp(prefix="socketdesk-guide-"))
    env = {
        **os.environ,
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "SOCKETDESK_SCREENSHOT_DATA_DIR": str(data),
    }
    command = [sys.executable, "-m", "tools.screenshot", language, "light", str(out), scene]
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # a hanging scene is killed whole
    )
    try:
        output, _ = process.communicate(timeout=SCENE_TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        return f"{scene} ({language}): did not finish within {SCENE_TIMEOUT:.0f} s"
    try:
        if process.returncode != 0:
            return f"{scene} ({language}): exit status {process.returncode}\n{output[-2000:]}"
        crashes = sorted((data / "logs").glob("crash-*.txt"))
        if crashes:
            return f"{scene} ({language}): crash report\n{crashes[0].read_text()[-2000:]}"
        if not out.exists() or out.read_bytes()[:8] != PNG:
            return f"{scene} ({language}): no PNG written to {out}"
        return None
    finally:
        shutil.rmtree(data, ignore_errors=True)


def run(out_dir: Path, shots: list[tuple[str, str]], jobs: int) -> list[str]:
    """Take ``shots`` ((scene, language) pairs) with ``jobs`` displays; the failures."""
    out_dir.mkdir(parents=True, exist_ok=True)
    queues: list[list[tuple[str, str]]] = [shots[i::jobs] for i in range(jobs)]

    def work(queue: list[tuple[str, str]]) -> list[str]:
        display = Display()
        try:
            failures = []
            for scene, language in queue:
                problem = take(scene, language, out_dir, display.name)
                print(problem or f"{out_dir / image_name(scene, language)}", flush=True)
                if problem:
                    failures.append(problem)
            return failures
        finally:
            display.close()

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        return [failure for failures in pool.map(work, queues) for failure in failures]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.guide_screenshots")
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("scenes", nargs="*", help="default: every guide scene")
    parser.add_argument("--languages", default=",".join(LANGUAGES))
    parser.add_argument("--alternate", action="store_true", help="one language per scene")
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_intermixed_args(argv)
    scenes = args.scenes or list(GUIDE_SCENES)
    unknown = [scene for scene in scenes if scene not in GUIDE_SCENES]
    if unknown:
        parser.error(f"not a guide scene: {', '.join(unknown)}")
    languages = args.languages.split(",")
    if args.alternate:
        shots = [(scene, languages[n % len(languages)]) for n, scene in enumerate(scenes)]
    else:
        shots = [(scene, language) for scene in scenes for language in languages]
    failures = run(args.out_dir, shots, max(1, args.jobs))
    for failure in failures:
        print(failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
