"""A 100 MB response received, decoded and shown by the composer, against curl -o /dev/null.

Run: ``.venv/bin/python -m bench.http_large_response [--mib 100] [--rounds 1]``
(QT_QPA_PLATFORM=offscreen by default).

A loopback nginx (``tests/peers/nginx.py``) serves a 100 MiB file two ways: as it is
(``Content-Length``, identity) and gzipped by nginx on the fly (``Transfer-Encoding: chunked``,
``Content-Encoding: gzip``). For each, a fresh process builds the real ``ComposerPanel`` (its
``ResponseView``) over ``HttpBridge`` on the I/O thread, sends the request from the panel, waits
until every view is ready (body decoded, pretty/image decided), then pages the raw text to the
end, walks every tab, scrolls the hex view to the last byte and pages the body to the end.
Reported: the GUI's longest and p99 stall (1 ms QTimer probe) over the whole run, the resident
memory peak above the process's baseline as a multiple of the response size, and the time to
shown against ``curl -o /dev/null`` (with ``--compressed`` for gzip) for the same URL.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
# Text, so gzip has something to do, yet not so repetitive that it shrinks to nothing.
_LINE = b'{"id": %08d, "name": "row %08d", "payload": "the quick brown fox jumps over it"}\n'


def main(argv: list[str] | None = None) -> str:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mib", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument(
        "--child", nargs=3, metavar=("PORT", "PATH", "GZIP"), help=argparse.SUPPRESS
    )
    args = parser.parse_args(argv)
    if args.child:
        port, path, gz = args.child
        print(json.dumps(_child(int(port), path, gz == "1")))
        return ""
    from tests.peers.nginx import running_nginx

    size = args.mib << 20
    rows: list[str] = []
    cases = [
        ("plain (Content-Length)", "/large.bin", False),
        ("chunked + gzip", "/large.json", True),
    ]
    with (
        tempfile.TemporaryDirectory(prefix="bench-large-") as folder,
        running_nginx(Path(folder)) as nginx,
    ):
        data = _body(size)
        (Path(folder) / "www" / "large.json").write_bytes(data)
        (Path(folder) / "www" / "large.bin").write_bytes(data)  # octet-stream: no gzip
        del data
        for name, path, gz in cases:
            ours = [_run_child(nginx.port, path, gz) for _ in range(args.rounds)]
            curl = [_curl(nginx.url(path), gz) for _ in range(max(3, args.rounds))]
            rows.append(_row(name, ours, statistics.median(curl), size))
    lines = [
        f"== HTTP composer: a {args.mib} MiB response received, decoded and shown"
        " (loopback nginx) ==",
        "",
        f"{'response':<24} {'wire MiB':>9} {'longest stall ms':>17} {'p99 ms':>7}"
        f" {'RSS peak / size':>16} {'shown s':>8} {'curl s':>7} {'ours/curl':>10}",
        *rows,
        "",
        "targets (#15): longest stall < 50 ms; RSS peak over baseline < 2x the response size",
        "shown = from the Send click until every view is ready (then the run pages and scrolls"
        " to the end, stalls counted throughout); curl = curl -o /dev/null (--compressed for gzip)",
    ]
    text = "\n".join(lines)
    print(text)
    return text


def _body(size: int) -> bytes:
    rows = []
    total, index = 0, 0
    while total < size:
        line = _LINE % (index, index * 7919 % 100_000_000)
        rows.append(line)
        total += len(line)
        index += 1
    return b"".join(rows)[:size]


def _run_child(port: int, path: str, gz: bool) -> dict[str, float]:
    argv = [sys.executable, "-m", "bench.http_large_response", "--child", str(port), path]
    done = subprocess.run(
        [*argv, "1" if gz else "0"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"the GUI run failed:\n{done.stderr[-4000:]}")
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _curl(url: str, gz: bool) -> float:
    argv = ["curl", "-s", "-o", "/dev/null", "-w", "%{time_total}", url]
    if gz:
        argv.insert(1, "--compressed")
    done = subprocess.run(argv, capture_output=True, text=True, timeout=300, check=True)
    return float(done.stdout)


def _row(name: str, runs: list[dict[str, float]], curl_s: float, size: int) -> str:
    worst = max(runs, key=lambda r: r["stall_max_ms"])
    shown = statistics.median(r["shown_s"] for r in runs)
    rss = max(r["rss_peak_bytes"] for r in runs) / size
    wire = statistics.median(r["wire_bytes"] for r in runs) / (1 << 20)
    return (
        f"{name:<24} {wire:>9.1f} {worst['stall_max_ms']:>17.1f} {worst['stall_p99_ms']:>7.1f}"
        f" {rss:>15.2f}x {shown:>8.2f} {curl_s:>7.2f} {shown / curl_s:>9.1f}x"
    )


# --- the GUI process ------------------------------------------------------------------------------


def _child(port: int, path: str, gz: bool) -> dict[str, float]:
    import gc

    from PySide6.QtWidgets import QApplication

    from desktop.workers.http_bridge import HttpBridge
    from desktop.workers.loop_thread import EventLoopThread

    sys.setswitchinterval(0.001)  # as the composition root sets it (ARCHITECTURE.md)
    app = QApplication([])
    io = EventLoopThread()
    io.start_and_wait()
    bridge = HttpBridge(io)
    try:
        run = _GuiRun(app, bridge, port, path, gz)
        gc.collect()
        return run.measure()
    finally:
        bridge.close()
        io.stop(3000)


class _GuiRun:
    """The composer in this process: send from the panel, wait for every view, then browse."""

    def __init__(self, app: object, bridge: object, port: int, path: str, gz: bool) -> None:
        from desktop.ui.http.composer_panel import ComposerPanel

        self.app = app
        import tempfile
        from pathlib import Path

        from desktop.core.store import open_database
        from desktop.core.store.http_history import HttpHistory
        from desktop.workers.task_runner import TaskRunner

        # With a history, as the application has one: the exchange is stored on the GUI thread.
        database = Path(tempfile.mkdtemp(prefix="socketdesk-bench-")) / "history.sqlite3"
        history = HttpHistory(open_database(database))
        self.panel = ComposerPanel(bridge, TaskRunner(), history=history)  # type: ignore[arg-type]
        self.panel.resize(1200, 800)
        self.panel.show()
        self.view = self.panel.response_view
        accept = "Accept-Encoding: gzip\n" if gz else ""
        self.panel.host_edit.setText("127.0.0.1")
        self.panel.port_spin.setValue(port)
        self.panel.editor.set_text(f"GET {path} HTTP/1.1\nHost: 127.0.0.1\n{accept}\n")
        self.ready = {"body": False, "pretty": False, "image": False}
        self.view.body_view.body_ready.connect(self._body_ready)
        self.view.pretty_view.formatted.connect(self._pretty_ready)
        self.view.image_preview.shown.connect(self._image_ready)
        self.trace = os.environ.get("BENCH_TRACE") == "1"
        self.started = 0.0

    def _body_ready(self, _body: object) -> None:
        self.ready["body"] = True

    def _pretty_ready(self) -> None:
        self.ready["pretty"] = True

    def _image_ready(self) -> None:
        self.ready["image"] = True

    def measure(self) -> dict[str, float]:
        from bench.proc import rss_kib
        from bench.stall_probe import StallProbe

        self.settle(100)
        Path(f"/proc/{os.getpid()}/clear_refs").write_text("5")  # peak RSS (VmHWM) := now
        baseline_kib = rss_kib(os.getpid())[0]
        self.probe = StallProbe()
        self.probe.start()
        self.started = time.perf_counter()
        self.panel.send_button.click()
        self.wait_until(lambda: all(self.ready.values()))
        shown = time.perf_counter() - self.started
        self.browse()
        self.probe.stop()
        longest, p99 = self.probe.summary()
        body = self.view.body_view.body
        if body is None or not self.view.body_edit.toPlainText():
            raise RuntimeError("the body was not shown")
        return {
            "stall_max_ms": longest,
            "stall_p99_ms": p99,
            "rss_peak_bytes": (rss_kib(os.getpid())[1] - baseline_kib) * 1024,
            "shown_s": shown,
            "wire_bytes": self.view.hex_view.data_length(),
            "decoded_bytes": len(body.data),
        }

    def browse(self) -> None:
        """Raw to its last page, every tab in turn, hex to the last byte, body to its end."""
        view = self.view
        view.setCurrentWidget(view.raw_view)
        self.settle()
        raw = view.raw_view.text
        raw.show_page(raw.page_count() - 1)
        self.settle()
        for index in range(view.count()):
            view.setCurrentIndex(index)
            self.settle()
        view.setCurrentWidget(view.hex_view)
        view.hex_view.scroll_to_offset(view.hex_view.data_length() - 1)
        self.settle()
        view.setCurrentWidget(view.body_view)
        body = view.body_view.text
        body.show_page(body.page_count() - 1)
        self.settle()

    def wait_until(self, condition, timeout_s: float = 300) -> None:  # type: ignore[no-untyped-def]
        deadline = time.monotonic() + timeout_s
        while not condition():
            if time.monotonic() > deadline:
                raise RuntimeError("timed out waiting for the views")
            self.settle(2)

    def settle(self, ms: int = 50) -> None:
        """Run the event loop for ``ms`` (the probe keeps ticking)."""
        from PySide6.QtCore import QEventLoop, QTimer

        if self.trace and self.started:
            worst = max(self.probe.gaps_ms or [0.0])
            print(
                f"{time.perf_counter() - self.started:7.3f}s worst {worst:.0f} ms", file=sys.stderr
            )
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()


if __name__ == "__main__":
    main()
