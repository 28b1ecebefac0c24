"""The GUI under a UDP flood: 64-byte datagrams into a UDP session of the real main window.

Run: ``.venv/bin/python -m bench.udp_gui_flood [--seconds 10] [--rate 150000]``
(QT_QPA_PLATFORM=offscreen by default; under Xvfb set DISPLAY and QT_QPA_PLATFORM=xcb).

The window (1024×700) shows a UDP session, its log visible and following; ``socketdesk-cli udp
flood`` sends from its own process. Reported: the GUI's longest and p99 stall (a 1 ms QTimer
probe), peak RSS against the log's cap, datagrams sent and counted by the session, log rows.
Targets (issue 12): longest stall < 200 ms, p99 < 50 ms, RSS bounded by the log's cap.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from bench.proc import rss_kib
from bench.stall_probe import StallProbe

ROOT = Path(__file__).resolve().parents[1]
DRAIN_S = 3.0  # after the flooder ends, time for the last batches to be shown


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--rate", default="150000", help="datagrams/s for udp flood (or max)")
    args = parser.parse_args(argv)

    from desktop.app import Application
    from desktop.settings import Settings

    qapp = QApplication([])
    ini = Path(tempfile.mkdtemp()) / "settings.ini"
    settings = Settings(QSettings(str(ini), QSettings.Format.IniFormat))
    app = Application(qapp, settings, show_crash_dialogs=False, use_tray=False)
    app.window.resize(1024, 700)
    app.window.show()
    panel = app.window.workbench.new_udp()
    panel.host_combo.setEditText("127.0.0.1")
    probe = StallProbe()
    result: dict[str, float] = {}
    state: dict[str, object] = {}

    def flood() -> None:
        port = panel.local.rsplit(":", 1)[1]
        command = [sys.executable, "-m", "desktop.cli", "udp", "flood", "127.0.0.1", port]
        command += ["--rate", args.rate, "--seconds", str(args.seconds), "--size", "64"]
        state["flooder"] = subprocess.Popen(
            command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        result["rss_before"] = rss_kib(os.getpid())[0] / 1024
        probe.start()
        timer.start(100)

    def check() -> None:
        flooder = state["flooder"]
        assert isinstance(flooder, subprocess.Popen)
        if flooder.poll() is None:
            return
        ended = state.setdefault("ended", time.monotonic())
        assert isinstance(ended, float)
        if time.monotonic() - ended < DRAIN_S:
            return
        timer.stop()
        probe.stop()
        longest, p99 = probe.summary()
        batch = panel.last_batch
        result.update(
            counted=batch.messages_in if batch else 0,
            longest=longest,
            p99=p99,
            rss=rss_kib(os.getpid())[1] / 1024,
            rows=panel.log.model.rowCount(),
        )
        state["output"] = flooder.stdout.read() if flooder.stdout else ""
        app.shutdown()
        qapp.quit()

    timer = QTimer()
    timer.timeout.connect(check)
    panel.udp.started.connect(lambda _a: QTimer.singleShot(300, flood))
    panel.toggle()
    qapp.exec()
    cap = settings.get(Settings.LOG_MAX_MB)
    print(f"udp flood said: {str(state.get('output', '')).strip()}")
    print(
        f"UDP session, log visible: longest stall {result['longest']:.1f} ms, "
        f"p99 {result['p99']:.1f} ms, peak RSS {result['rss']:.0f} MiB "
        f"({result['rss_before']:.0f} MiB before the flood; log cap {cap} MiB), "
        f"{result['counted']:.0f} datagrams counted, {result['rows']:.0f} log rows"
    )


if __name__ == "__main__":
    main()
