"""What a live rate graph costs, per drawing library: size added, import time, GUI stall.

Run: ``.venv/bin/python -m bench.rate_graph --python /tmp/rg-scratch/bin/python [--seconds 8]``
where ``--python`` is an interpreter with PySide6-Essentials *and* PySide6-Addons (QtCharts),
pyqtgraph and numpy installed (a scratch venv: they are not the app's dependencies); offscreen Qt.

Candidates: the app's own QPainter widget (``desktop.ui.widgets.rate_graph``), QtCharts (two
QChartViews, four QLineSeries) and pyqtgraph (two PlotWidgets, four curves), each drawing the
same 60 s of history at 10 samples/s (600 points per series, the window full from the start)
and updated 10 times a second while a flooder sends to a loopback socket read by a thread of
the same process (the GIL shared, as with a session's engine). "none" is the same flood without
a graph. Reported: installed size added to PySide6-Essentials, what PyInstaller would collect
(the module's extension and the shared libraries it loads that Essentials does not ship, or the
package's files without its tests), import time over ``import PySide6.QtWidgets`` (median of 5
fresh interpreters), the GUI's longest and p99 stall (1 ms QTimer probe) and the time of one
synchronous repaint of the graph (median of 50) — with ratios to the QPainter widget.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CANDIDATES = ("none", "qpainter", "qtcharts", "pyqtgraph")
# 60 s at 10 samples/s: every candidate draws this many points per series at each update.
POINTS, UPDATE_MS, COUNTERS_MS = 600, 100, 16
GRAPHS = ("qpainter", "qtcharts", "pyqtgraph")


# -- sizes (run in the interpreter that has the candidates) ------------------------------------
def _dist_files(name: str) -> list[Path]:
    dist = metadata.distribution(name)
    return [Path(str(dist.locate_file(f))) for f in dist.files or ()]


def _size(paths: list[Path]) -> int:
    return sum(p.stat().st_size for p in paths if p.is_file())


def _loaded_libraries(extension: Path) -> set[Path]:
    out = subprocess.run(["ldd", str(extension)], capture_output=True, text=True, check=True)
    found = set()
    for line in out.stdout.splitlines():
        if "=>" in line and "/" in line.split("=>", 1)[1]:
            found.add(Path(line.split("=>", 1)[1].split("(")[0].strip()).resolve())
    return found


def sizes() -> dict[str, dict[str, int]]:
    """Bytes installed and bytes PyInstaller would collect, per candidate."""
    addons = [p.resolve() for p in _dist_files("PySide6-Addons")]
    addon_set = set(addons)
    charts = next(p for p in addons if p.name.startswith("QtCharts.") and p.suffix == ".so")
    collected = {charts} | {p for p in _loaded_libraries(charts) if p in addon_set}
    numeric = _dist_files("numpy") + _dist_files("pyqtgraph") + _dist_files("colorama")
    shipped = [p for p in numeric if "tests" not in p.parts and p.suffix not in (".pyi", ".pyc")]
    own = ROOT / "desktop" / "ui" / "widgets" / "rate_graph.py"
    return {
        "qpainter": {"installed": 0, "collected": own.stat().st_size},
        "qtcharts": {"installed": _size(addons), "collected": _size(sorted(collected))},
        "pyqtgraph": {"installed": _size(numeric), "collected": _size(shipped)},
    }


def import_ms(python: str, name: str, runs: int = 5) -> float:
    """Median time to import ``name`` and build its first graph, in a fresh interpreter with a
    QApplication already made (PySide6 loads its types lazily: the first use pays)."""
    code = (
        "import os, time\nos.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtWidgets import QApplication\napp = QApplication([])\n"
        "import bench.rate_graph as bench\nt = time.perf_counter()\n"
        f"bench._make_graph({name!r})\nprint((time.perf_counter() - t) * 1000)"
    )
    return statistics.median(
        float(subprocess.run([python, "-c", code], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout)
        for _ in range(runs)
    )  # fmt: skip


# -- the stall run (one candidate per child process) ---------------------------------------------
class _Reader(threading.Thread):
    """Reads a flood on loopback as fast as it can, counting bytes and reads."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.bytes = self.reads = 0

    def run(self) -> None:
        conn, _ = self.listener.accept()
        buffer = bytearray(256 * 1024)
        with conn:
            while n := conn.recv_into(buffer):
                self.bytes += n
                self.reads += 1


def _history() -> list[tuple[float, float, float, float]]:
    """A full window of plausible rates, so every candidate draws POINTS points from the start."""
    return [
        (5e8 + 1e8 * ((i * 37) % 11), 2e3 * (i % 7), 2e4 + 1e3 * (i % 13), 10.0 * (i % 5))
        for i in range(POINTS)
    ]


Update = Callable[[tuple[float, ...]], None]
History = list[tuple[float, float, float, float]]


def _make_graph(name: str) -> tuple[Any, Update]:
    """(window, update(rates)) for a candidate drawing 600-point series, 120 px high charts."""
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    host = QWidget()
    layout = QVBoxLayout(host)
    make = {"qpainter": _qpainter, "qtcharts": _qtcharts, "pyqtgraph": _pyqtgraph}[name]
    return host, make(layout, _history())


def _qpainter(layout: Any, history: History) -> Update:
    from desktop.core.capture.rates import Totals
    from desktop.ui.widgets.rate_graph import RateGraph

    graph = RateGraph(interval_ms=UPDATE_MS, seconds=POINTS * UPDATE_MS // 1000)
    graph.timer.stop()  # the bench's timer drives it, like the others
    graph.plot.setFixedHeight(120)  # as tall as the others (the app's strip is slimmer)
    layout.addWidget(graph.header)
    layout.addWidget(graph)
    totals = [0.0, 0.0, 0.0, 0.0]
    graph.sampler.sample(0.0)
    for i, rates in enumerate(history, start=1):
        totals = [t + r * UPDATE_MS / 1000 for t, r in zip(totals, rates, strict=True)]
        graph.sampler.observe(Totals(*(int(t) for t in totals)))
        graph.sampler.sample(i * UPDATE_MS / 1000)

    def update(rates: tuple[float, ...]) -> None:
        totals[:] = [t + r * UPDATE_MS / 1000 for t, r in zip(totals, rates, strict=True)]
        graph.sampler.observe(Totals(*(int(t) for t in totals)))  # what a batch hands over
        graph.tick()

    return update


def _qtcharts(layout: Any, history: History) -> Update:
    from PySide6.QtCharts import QChart, QChartView, QLineSeries
    from PySide6.QtCore import QPointF

    views, series = [], []
    for _ in range(2):
        chart = QChart()
        chart.legend().hide()
        pair = [QLineSeries(), QLineSeries()]
        for s in pair:
            chart.addSeries(s)
        chart.createDefaultAxes()
        view = QChartView(chart)
        view.setFixedHeight(120)
        layout.addWidget(view)
        views.append(view)
        series.extend(pair)
    data = [[r[k] for r in history] for k in range(4)]

    def update(rates: tuple[float, ...]) -> None:
        for k, s in enumerate(series):
            data[k] = [*data[k][1:], rates[k]]
            s.replace([QPointF(i, v) for i, v in enumerate(data[k])])
        for k, view in enumerate(views):
            top = max(*data[2 * k], *data[2 * k + 1], 1.0)
            view.chart().axes()[1].setRange(0, top)
            view.chart().axes()[0].setRange(0, POINTS)

    return update


def _pyqtgraph(layout: Any, history: History) -> Update:
    import numpy as np
    import pyqtgraph as pg

    plots, curves = [], []
    for _ in range(2):
        plot = pg.PlotWidget()
        plot.setFixedHeight(120)
        layout.addWidget(plot)
        plots.append(plot)
        curves.extend([plot.plot(pen="g"), plot.plot(pen="b")])
    arrays = [np.array([r[k] for r in history]) for k in range(4)]
    x = np.arange(POINTS, dtype=float)

    def update(rates: tuple[float, ...]) -> None:
        for k, curve in enumerate(curves):
            arrays[k] = np.roll(arrays[k], -1)
            arrays[k][-1] = rates[k]
            curve.setData(x, arrays[k])

    return update


def stall_run(name: str, seconds: float) -> dict[str, float]:
    """Flood a loopback socket for ``seconds`` while ``name`` updates 10×/s; stall figures."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from bench.stall_probe import StallProbe

    app = QApplication([])
    host, update = (QWidget(), None) if name == "none" else _make_graph(name)
    host.resize(1024, 300)
    host.show()
    reader = _Reader()
    reader.start()
    flooder = subprocess.Popen(
        [sys.executable, "-m", "bench.flood", str(reader.port), str(seconds)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    probe = StallProbe()
    last = [time.perf_counter(), 0, 0]
    counters = QTimer()  # the batches' totals, as a session's bridge hands them over
    counters.timeout.connect(lambda: (reader.bytes, reader.reads))
    counters.start(COUNTERS_MS)
    ticker = QTimer()

    def tick() -> None:
        now = time.perf_counter()
        span = max(now - last[0], 1e-3)
        rates = ((reader.bytes - last[1]) / span, 0.0, (reader.reads - last[2]) / span, 0.0)
        last[:] = [now, reader.bytes, reader.reads]
        if update is not None:
            update(rates)

    ticker.timeout.connect(tick)
    ticker.start(UPDATE_MS)

    def finish() -> None:
        if flooder.poll() is None:
            return
        probe.stop()
        ticker.stop()
        app.quit()

    done = QTimer()
    done.timeout.connect(finish)
    done.start(100)
    probe.start()
    app.exec()
    longest, p99 = probe.summary()
    paint_ms = 0.0
    if update is not None:
        times = []
        for _ in range(50):
            start = time.perf_counter()
            host.grab()  # the whole graph drawn once, synchronously
            times.append((time.perf_counter() - start) * 1000)
        paint_ms = statistics.median(times)
    return {"longest": longest, "p99": p99, "paint_ms": paint_ms, "bytes": reader.bytes}


# -- the report ------------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--stall", choices=CANDIDATES, help=argparse.SUPPRESS)
    parser.add_argument("--sizes", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.stall:
        print(json.dumps(stall_run(args.stall, args.seconds)))
        return
    if args.sizes:
        print(json.dumps(sizes()))
        return
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}

    def child(*extra: str) -> dict:  # type: ignore[type-arg]
        out = subprocess.run(
            [args.python, "-m", "bench.rate_graph", *extra],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]

    try:
        size = child("--sizes")
    except subprocess.CalledProcessError as error:
        raise SystemExit(
            f"bench.rate_graph: {args.python} lacks QtCharts (PySide6-Addons), pyqtgraph or numpy;"
            " `make bench` makes such a venv (.venv-graphs) and passes it as --python"
            f" ({error.stderr.strip().splitlines()[-1] if error.stderr else 'no message'})"
        ) from None
    stalls = {name: child("--stall", name, "--seconds", str(args.seconds)) for name in CANDIDATES}
    imports = {name: import_ms(args.python, name) for name in GRAPHS}
    mib = 1024 * 1024
    print(f"{'candidate':10} {'installed':>10} {'collected':>10} {'import':>8} "
          f"{'longest':>8} {'p99':>6} {'repaint':>8}  flood")  # fmt: skip
    for name in CANDIDATES:
        s, st = size.get(name, {"installed": 0, "collected": 0}), stalls[name]
        print(
            f"{name:10} {s['installed'] / mib:8.1f}Mi {s['collected'] / mib:8.2f}Mi "
            f"{imports.get(name, 0.0):6.0f}ms {st['longest']:6.1f}ms {st['p99']:4.1f}ms "
            f"{st['paint_ms']:6.2f}ms  {st['bytes'] / mib / args.seconds:.0f} MiB/s"
        )
    base = stalls["qpainter"]
    for name in ("qtcharts", "pyqtgraph"):
        st = stalls[name]
        print(
            f"{name} / qpainter: repaint {st['paint_ms'] / max(base['paint_ms'], 1e-6):.1f}×, "
            f"longest stall {st['longest'] / max(base['longest'], 1e-6):.1f}×, "
            f"import {imports[name] / max(imports['qpainter'], 1e-6):.1f}×, "
            f"collected +{size[name]['collected'] / mib:.1f} MiB"
        )


if __name__ == "__main__":
    main()
