"""The composer against hostile servers: what curl does, and what the GUI goes through.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench.http_hostile [--cases a,b]``.

For each case of ``tests/peers/hostile_http.py`` that stresses memory or time (an endless
header, a 1 MB header line, a slow drip cancelled after 2 s, an endless chunked body), in one
run on loopback:

* the installed curl (``--max-time 10``; its version is read and printed): its exit code, the
  bytes it took, its time;
* the composer panel (``ComposerPanel`` → ``HttpBridge`` → ``exchange()``, the GUI's own
  path, default caps): the bytes kept, the anomaly or error shown, the longest and p99 GUI
  stall (a 1 ms ``QTimer`` probe), the RSS growth of the process, the time to the result.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from bench.stall_probe import StallProbe
from desktop.core.http.exchange import ExchangeResult
from desktop.ui.http.composer_panel import ComposerPanel
from desktop.workers.http_bridge import HttpBridge
from desktop.workers.loop_thread import EventLoopThread
from desktop.workers.task_runner import TaskRunner
from tests.peers.hostile_http import HostileServer, running_hostile

# Every case that stresses memory or time, the worst (an endless chunked body to the 256 MiB cap)
# included: the reader stops at the cap and the Body tab shows a bounded view of it.
CASES = ("endless_header", "huge_header", "slow_drip", "endless_chunked")
CANCEL_AFTER_S = {"slow_drip": 2.0}


def main(argv: list[str] | None = None) -> str:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", default=",".join(CASES))
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    io = EventLoopThread()
    io.start_and_wait()
    bridge = HttpBridge(io)
    panel = ComposerPanel(bridge, TaskRunner())
    panel.show()
    rows: list[str] = []
    try:
        with running_hostile() as server:
            for case in args.cases.split(","):
                rows.append(_curl(server, case))
                rows.append(_gui(app, panel, server, case))
    finally:
        bridge.close()
        panel.close()
        io.stop(3000)
    lines = [
        f"== Hostile servers: {_curl_version()} vs the composer panel (loopback) ==",
        "",
        f"{'case':<16} {'client':<8} {'kept bytes':>11} {'time s':>7} {'stall max':>10}"
        f" {'p99 ms':>7} {'RSS +MiB':>9}  outcome",
        *rows,
    ]
    text = "\n".join(lines)
    print(text)
    return text


def _curl_version() -> str:
    """``curl 7.88.1``, as the installed curl says."""
    first = subprocess.run(
        ["curl", "--version"], capture_output=True, text=True, check=False
    ).stdout.split()
    return " ".join(first[:2]) if len(first) >= 2 else "curl (version unknown)"


def _curl(server: HostileServer, case: str) -> str:
    url = f"http://{server.host}:{server.port}/{case}"
    limit = str(CANCEL_AFTER_S.get(case, 10.0))
    started = time.perf_counter()
    done = subprocess.run(
        ["curl", "-s", "-o", "/dev/null", "--max-time", limit, "-w", "%{size_download}", url],
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - started
    size = done.stdout.strip() or "0"
    outcome = f"exit {done.returncode}"
    return f"{case:<16} {'curl':<8} {size:>11} {elapsed:>7.2f} {'':>10} {'':>7} {'':>9}  {outcome}"


def _gui(app: QApplication, panel: ComposerPanel, server: HostileServer, case: str) -> str:
    panel.host_edit.setText(server.host)
    panel.port_spin.setValue(server.port)
    panel.tls_check.setChecked(False)
    panel.editor.set_text(HostileServer.request(case).decode())
    results: list[ExchangeResult] = []

    def finished(result: ExchangeResult) -> None:
        results.append(result)

    panel._bridge.exchange_finished.connect(finished)
    probe = StallProbe()
    rss_before = _rss_mib()
    probe.start()
    started = time.perf_counter()
    panel.send()
    cancel_at = CANCEL_AFTER_S.get(case)
    if cancel_at is not None:
        QTimer.singleShot(int(cancel_at * 1000), panel.cancel)
    while panel.busy and time.perf_counter() - started < 60:
        app.processEvents()
        time.sleep(0.0005)
    elapsed = time.perf_counter() - started
    for _ in range(50):  # the result is painted
        app.processEvents()
    probe.stop()
    longest, p99 = probe.summary()
    panel._bridge.exchange_finished.disconnect(finished)
    kept = len(results[0].reader.raw) if results else 0
    anomalies = panel.response_view.anomaly_list
    shown = anomalies.item(anomalies.count() - 1).text() if anomalies.count() else ""
    outcome = (shown or panel.status_label.text())[:70]
    grown = _rss_mib() - rss_before
    return (
        f"{case:<16} {'composer':<8} {kept:>11} {elapsed:>7.2f} {longest:>10.1f} {p99:>7.1f}"
        f" {grown:>9.0f}  {outcome}"
    )


def _rss_mib() -> float:
    """The peak RSS so far (ru_maxrss, KiB on Linux), in MiB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    main()
