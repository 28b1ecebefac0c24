"""The GUI under a flood: a client sends to a server session at full speed, log visible.

Run: ``.venv/bin/python -m bench.gui_flood [--seconds 30] [--baseline-seconds 10]``
(QT_QPA_PLATFORM=offscreen by default; under Xvfb set DISPLAY and QT_QPA_PLATFORM=xcb).

SocketDesk: the real main window with a TCP server session, its log visible and following.
Baseline: what simple tools do — a QTcpServer read on the GUI thread, every chunk appended to a
QPlainTextEdit capped at 10,000 lines. Same flooder, same machine, same run. Reported: the GUI's
longest and p99 stall (1 ms QTimer probe), peak RSS, and whether the session's byte counter
equals the bytes the flooder sent.
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
from PySide6.QtNetwork import QHostAddress, QTcpServer
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from bench.proc import rss_kib
from bench.stall_probe import StallProbe

ROOT = Path(__file__).resolve().parents[1]
# After the flood stops, how long a side may take to show the last bytes before it is reported
# as behind (a GUI that cannot keep up never catches up).
DRAIN_LIMIT_S = 20.0


def start_flooder(port: int, seconds: float) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "bench.flood", str(port), str(seconds)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )


def run_socketdesk(qapp: QApplication, seconds: float) -> dict[str, float]:
    from desktop.app import Application
    from desktop.settings import Settings

    ini = Path(tempfile.mkdtemp()) / "settings.ini"
    app = Application(
        qapp, Settings(QSettings(str(ini), QSettings.Format.IniFormat)), show_crash_dialogs=False
    )
    app.window.resize(1200, 800)
    app.window.show()
    panel = app.window.workbench.new_server()
    panel.host_edit.setText("127.0.0.1")
    panel.port_spin.setValue(0)
    probe = StallProbe()
    result: dict[str, float] = {}

    def started() -> None:
        port = int(panel.state_label.text().rsplit(":", 1)[1])
        flooder = start_flooder(port, seconds)
        probe.start()

        state: dict[str, float] = {}

        def check() -> None:
            if flooder.poll() is None:
                return
            if "sent" not in state:
                state["sent"] = int(flooder.stdout.read())  # type: ignore[union-attr]
                state["ended"] = time.monotonic()
            sent = int(state["sent"])
            batch = panel.last_batch
            behind = batch is None or batch.bytes_in < sent
            if behind and time.monotonic() - state["ended"] < DRAIN_LIMIT_S:
                return  # the last batches are still on their way
            probe.stop()
            timer.stop()
            longest, p99 = probe.summary()
            result.update(
                sent=sent,
                counted=batch.bytes_in if batch else 0,
                longest=longest,
                p99=p99,
                rss=rss_kib(os.getpid())[1] / 1024,
                rows=panel.log.model.rowCount(),
            )
            app.shutdown()
            qapp.quit()

        timer = QTimer()
        timer.timeout.connect(check)
        timer.start(100)
        started.timer = timer  # type: ignore[attr-defined]

    panel.server.started.connect(lambda _a: QTimer.singleShot(200, started))
    panel.toggle()
    qapp.exec()
    return result


def run_baseline(qapp: QApplication, seconds: float) -> dict[str, float]:
    view = QPlainTextEdit()
    view.setMaximumBlockCount(10_000)
    view.resize(1200, 800)
    view.show()
    server = QTcpServer()
    server.listen(QHostAddress.SpecialAddress.LocalHost, 0)
    counted = [0]
    sockets = []

    def new_connection() -> None:
        sock = server.nextPendingConnection()
        sockets.append(sock)

        def ready() -> None:
            data = bytes(sock.readAll().data())
            counted[0] += len(data)
            view.appendPlainText(data.decode("latin-1"))

        sock.readyRead.connect(ready)

    server.newConnection.connect(new_connection)
    probe = StallProbe()
    probe.start()
    flooder = start_flooder(server.serverPort(), seconds)
    result: dict[str, float] = {}
    state: dict[str, float] = {}

    def check() -> None:
        if flooder.poll() is None:
            return
        if "sent" not in state:
            state["sent"] = int(flooder.stdout.read())  # type: ignore[union-attr]
            state["ended"] = time.monotonic()
        sent = int(state["sent"])
        if counted[0] < sent and time.monotonic() - state["ended"] < DRAIN_LIMIT_S:
            return
        probe.stop()
        timer.stop()
        longest, p99 = probe.summary()
        result.update(
            sent=sent,
            counted=counted[0],
            longest=longest,
            p99=p99,
            rss=rss_kib(os.getpid())[1] / 1024,
            rows=view.blockCount(),
        )
        server.close()
        view.close()
        qapp.quit()

    timer = QTimer()
    timer.timeout.connect(check)
    timer.start(100)
    qapp.exec()
    return result


def main(argv: list[str] | None = None) -> str:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--baseline-seconds", type=float, default=10)
    parser.add_argument("--only", choices=("socketdesk", "baseline"))
    args = parser.parse_args(argv)
    if args.only is None:
        # Each side in its own process: peak RSS must not include the other's.
        outputs = []
        for side in ("baseline", "socketdesk"):
            outputs.append(
                subprocess.run(
                    [
                        sys.executable,
                        "-m",
                        "bench.gui_flood",
                        "--only",
                        side,
                        "--seconds",
                        str(args.seconds),
                        "--baseline-seconds",
                        str(args.baseline_seconds),
                    ],
                    cwd=ROOT,
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout.strip()
            )
        text = "\n".join(
            [
                "== GUI under a full-speed flood into a server session ==",
                "",
                f"{'':<44}{'sent GB':>8}{'counted':>9}{'stall max ms':>13}"
                f"{'stall p99 ms':>13}{'peak RSS MiB':>13}",
                *outputs,
                "",
                "targets (SocketDesk): stall max < 200 ms, p99 < 50 ms, "
                "RSS < 400 MiB, counted == sent",
            ]
        )
        print(text)
        return text
    qapp = QApplication.instance() or QApplication([])
    if args.only == "baseline":
        name, r = (
            f"naive QTcpServer + QPlainTextEdit ({args.baseline_seconds:g} s)",
            run_baseline(qapp, args.baseline_seconds),
        )
    else:
        name, r = (
            f"SocketDesk server session ({args.seconds:g} s)",
            run_socketdesk(qapp, args.seconds),
        )
    ok = "yes" if r["counted"] == r["sent"] else f"{r['counted'] / r['sent']:.0%}"
    line = (
        f"{name:<44}{r['sent'] / 1e9:>8.2f}{ok:>9}{r['longest']:>13.1f}{r['p99']:>13.1f}"
        f"{r['rss']:>13.0f}"
    )
    print(line)
    return line


if __name__ == "__main__":
    main()
