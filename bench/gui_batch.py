"""The composer's batches from the GUI: "Send N times" and "Race N" against curl, GUI stalls.

Run: ``.venv/bin/python -m bench.gui_batch [--count 100] [--rounds 5]``
(QT_QPA_PLATFORM=offscreen by default).

SocketDesk: the real composer panel with a history database, the button clicked, timed until
the batch has ended (every result listed in the table and stored in SQLite). Baselines, in the
same run against the same loopback nginx: ``curl URL URL …`` (one process, one kept-alive
connection) for "Send N times", ``curl --parallel --parallel-immediate`` for "Race N". Rounds
alternate; medians are compared (ratio = curl's time / ours). A 1 ms QTimer probe records the
GUI's longest and p99 stall while the composer runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from bench.stall_probe import StallProbe
from desktop.core.store import open_database
from desktop.core.store.http_history import HttpHistory
from desktop.ui.http.composer_panel import ComposerPanel
from desktop.ui.http.send_bar import SendMode
from desktop.workers.http_bridge import BatchDone, HttpBridge
from desktop.workers.loop_thread import EventLoopThread
from desktop.workers.task_runner import TaskRunner
from tests.peers.nginx import Nginx, running_nginx

_TEXT = "GET /hello.txt HTTP/1.1\nHost: 127.0.0.1\nUser-Agent: bench\nAccept: */*\n\n"
_TIMEOUT_S = 60


def main(argv: list[str] | None = None) -> str:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    qapp = QApplication.instance() or QApplication([])
    assert isinstance(qapp, QApplication)
    times: dict[str, list[float]] = {name: [] for name in _NAMES}
    probe = StallProbe()
    with (
        tempfile.TemporaryDirectory(prefix="bench-gui-batch-") as folder,
        running_nginx(Path(folder) / "nginx") as nginx,
    ):
        io = EventLoopThread()
        io.start_and_wait()
        bridge = HttpBridge(io)
        conn = open_database(Path(folder) / "history.sqlite3")
        panel = ComposerPanel(bridge, TaskRunner(), history=HttpHistory(conn))
        panel.resize(1400, 800)
        panel.show()
        panel.target_bar.set_endpoint(nginx.host, nginx.port, False)
        panel.editor.set_text(_TEXT)
        panel.send_bar.count_spin.setValue(args.count)
        try:
            for index in range(args.rounds):
                order = _NAMES if index % 2 == 0 else list(reversed(_NAMES))
                for name in order:
                    if name.startswith("curl"):
                        times[name].append(_curl(nginx, args.count, parallel="parallel" in name))
                    else:
                        mode = SendMode.RACE if "Race" in name else SendMode.SEQUENCE
                        times[name].append(
                            _composer(qapp, panel, bridge, probe, mode=mode, count=args.count)
                        )
        finally:
            panel.close()
            bridge.close()
            io.stop(3000)
            conn.close()
    medians = {name: statistics.median(values) for name, values in times.items()}
    longest, p99 = probe.summary()
    lines = [
        f"== Composer batches of {args.count} from the GUI (loopback nginx) ==",
        "",
        f"{'contender':<46} {'median s':>9} {'min':>7} {'max':>7}",
        *(
            f"{name:<46} {medians[name]:>9.3f} {min(values):>7.3f} {max(values):>7.3f}"
            for name, values in times.items()
        ),
        "",
        f"Send N times: curl / composer = {medians[_CURL_SEQ] / medians[_SEQ]:.2f}x;"
        f" Race N: curl / composer = {medians[_CURL_PAR] / medians[_RACE]:.2f}x"
        " (above 1: the composer is faster)",
        f"GUI stall while the composer ran: max {longest:.1f} ms, p99 {p99:.1f} ms"
        f" (every result listed and stored in SQLite on the GUI thread); rounds: {args.rounds}",
        "curl's process start-up is in its time; the composer's Race waits 50 ms before the"
        " last bytes (RACE_SETTLE_S)",
    ]
    text = "\n".join(lines)
    print(text)
    return text


_SEQ = "composer: Send N times (one kept-alive conn.)"
_CURL_SEQ = "curl URL URL … (one kept-alive connection)"
_RACE = "composer: Race N (last-byte sync)"
_CURL_PAR = "curl --parallel --parallel-immediate"
_NAMES = [_SEQ, _CURL_SEQ, _RACE, _CURL_PAR]


def _composer(
    qapp: QApplication,
    panel: ComposerPanel,
    bridge: HttpBridge,
    probe: StallProbe,
    *,
    mode: SendMode,
    count: int,
) -> float:
    panel.send_bar.set_mode(mode)
    done: list[BatchDone] = []
    loop = QEventLoop()

    def finished(batch: BatchDone) -> None:
        done.append(batch)
        loop.quit()

    bridge.batch_finished.connect(finished)
    QTimer.singleShot(_TIMEOUT_S * 1000, loop.quit)
    probe.start()
    started = time.perf_counter()
    panel.send_bar.send_button.click()
    loop.exec()
    elapsed = time.perf_counter() - started
    probe.stop()
    bridge.batch_finished.disconnect(finished)
    qapp.processEvents()
    rows = panel.batch_view.model.rowCount()
    if not done or done[0].done != count or rows != count:
        raise RuntimeError(f"{mode.value}: {rows} of {count} results ({done})")
    errors = [r.error for r in panel.batch_view.model.results if r.error]
    if errors:
        raise RuntimeError(f"{mode.value}: {len(errors)} failed: {errors[0]}")
    return elapsed


def _curl(nginx: Nginx, count: int, *, parallel: bool) -> float:
    url = nginx.url("/hello.txt")
    argv = ["curl", "-sS", "--no-progress-meter", "-H", "User-Agent: bench"]
    if parallel:
        argv += ["--parallel", "--parallel-immediate", "--parallel-max", str(count)]
    started = time.perf_counter()
    subprocess.run(argv + [url] * count, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
