"""The live rate graph: on a real TCP client session, foldable, palette colours, timer-driven."""

from __future__ import annotations

import itertools
import time

from PySide6.QtCore import QEvent, QPointF, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPalette
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from desktop.core.capture import RecordBatch
from desktop.core.capture.rates import RateSample, Totals
from desktop.ui.theme import apply_theme
from desktop.ui.widgets.rate_graph import RateGraph, series_colors
from desktop.ui.workbench.tcp_client_panel import TcpClientPanel
from tests.helpers.servers import echo_server


def make_panel(qtbot, tcp_bridge, settings, runner) -> TcpClientPanel:  # type: ignore[no-untyped-def]
    panel = TcpClientPanel(tcp_bridge, settings, runner)
    qtbot.addWidget(panel)
    panel.resize(1000, 640)
    panel.show()
    return panel


def counted_between(
    observed: list[tuple[float, int, int]], start: float, end: float
) -> tuple[int, int]:
    """Bytes in and out the counters gained between two moments, from the batches seen."""

    def at(moment: float) -> tuple[int, int]:
        before = [(i, o) for t, i, o in observed if t <= moment]
        return before[-1] if before else (0, 0)

    (in0, out0), (in1, out1) = at(start), at(end)
    return in1 - in0, out1 - out0


def test_the_graph_follows_a_live_tcp_session_and_falls_to_zero(
    qtbot, tcp_bridge, settings, runner
) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel(qtbot, tcp_bridge, settings, runner)
    graph = panel.rate_graph
    assert graph.isVisible() and graph.header.isVisible()
    observed: list[tuple[float, int, int]] = []
    batches: list[RecordBatch] = []

    def seen(batch: RecordBatch) -> None:
        observed.append((time.monotonic(), batch.bytes_in, batch.bytes_out))
        batches.append(batch)

    panel.counters_changed.connect(seen)
    with echo_server() as (host, port):
        panel.host_edit.setText(host)
        panel.port_spin.setValue(port)
        panel.toggle_connection()
        qtbot.waitUntil(lambda: panel.state == panel.CONNECTED, timeout=5000)
        panel.send_box.editor.setPlainText("x" * 2000)
        sender = QTimer()
        sender.timeout.connect(panel.send_box.send_once)
        sender.start(20)
        qtbot.waitUntil(
            lambda: len([s for s in graph.sampler if s.bytes_in > 0 and s.bytes_out > 0]) >= 4,
            timeout=10_000,
        )
        sender.stop()
        samples = list(graph.sampler)
        flowing = [i for i, s in enumerate(samples) if s.bytes_in > 0 and s.bytes_out > 0]
        latest = samples[flowing[-1]]
        assert graph.plot.paints > 0  # drawn while the bytes flowed
        # The counters' own rate over the same interval, from the batches the panel got; a
        # batch handled at the interval's edge may fall on either side: one batch's worth.
        gained_in, gained_out = counted_between(observed, latest.t - latest.seconds, latest.t)
        steps = [
            (b.bytes_in - a.bytes_in, b.bytes_out - a.bytes_out)
            for a, b in itertools.pairwise(batches)
        ]
        slack_in = max(s[0] for s in steps) / latest.seconds
        slack_out = max(s[1] for s in steps) / latest.seconds
        assert abs(latest.bytes_in - gained_in / latest.seconds) <= slack_in
        assert abs(latest.bytes_out - gained_out / latest.seconds) <= slack_out
        assert latest.bytes_in > 0 and latest.bytes_out > 0
        # What the rates add up to is what the counters counted.
        first, last = samples[0], samples[-1]
        total = sum(s.bytes_in * s.seconds for s in samples)
        start = first.totals.bytes_in - first.bytes_in * first.seconds  # before the first one
        assert abs(total - (last.totals.bytes_in - start)) < 1
        # Quiet: the clock keeps sampling and the graph falls to 0.
        qtbot.waitUntil(
            lambda: (
                graph.sampler.latest() is not None
                and graph.sampler.latest().bytes_in == 0  # type: ignore[union-attr]
                and graph.sampler.latest().bytes_out == 0
            ),  # type: ignore[union-attr]
            timeout=10_000,
        )
        assert f"In {graph.units.bytes_rate(0)} · {graph.units.messages_rate(0)}" in (
            graph.summary.text()
        )
        peak = graph.sampler.peak()
        assert peak is not None and peak.bytes_in > 0
        assert graph.units.bytes_rate(peak.bytes_in) in graph.summary.text()
        panel.toggle_connection()
        qtbot.waitUntil(lambda: panel.state == panel.IDLE, timeout=5000)


def test_it_folds_to_its_header_and_gives_the_log_the_room(
    qtbot, tcp_bridge, settings, runner
) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel(qtbot, tcp_bridge, settings, runner)
    graph = panel.rate_graph
    qtbot.waitExposed(panel)
    tall = panel.body.height()
    assert graph.expanded and graph.plot.isVisible()
    qtbot.mouseClick(graph.fold_button, Qt.MouseButton.LeftButton)
    assert not graph.expanded
    assert not graph.plot.isVisible() and graph.header.isVisible()
    assert graph.fold_button.arrowType() == Qt.ArrowType.RightArrow
    qtbot.waitUntil(lambda: panel.body.height() > tall, timeout=2000)
    graph.tick()  # folded, it still samples
    qtbot.mouseClick(graph.fold_button, Qt.MouseButton.LeftButton)
    assert graph.expanded and graph.plot.isVisible()
    qtbot.waitUntil(lambda: panel.body.height() == tall, timeout=2000)


def feed(graph: RateGraph, rates: list[int]) -> None:
    """Samples one second apart with ``rates`` bytes (and a tenth as many messages) in."""
    graph.sampler.reset()
    graph.sampler.sample(0.0)
    total = 0
    for second, rate in enumerate(rates, start=1):
        total += rate
        graph.sampler.observe(Totals(total, total // 2, total // 10, total // 20))
        graph.sampler.sample(float(second))
    graph.refresh()


def colors_in(image: QImage) -> set[str]:
    return {
        QColor(image.pixel(x, y)).name()
        for x in range(0, image.width())
        for y in range(0, image.height())
    }


def test_it_repaints_in_palette_colours_on_a_theme_switch(qtbot) -> None:  # type: ignore[no-untyped-def]
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    before = QPalette(qapp.palette())
    host = QWidget()
    qtbot.addWidget(host)
    graph = RateGraph()
    layout = QVBoxLayout(host)
    layout.addWidget(graph.header)
    layout.addWidget(graph)
    host.resize(600, 120)
    host.show()
    graph.timer.stop()
    feed(graph, [1000, 4000, 2000, 8000, 3000] * 20)
    try:
        for theme in ("light", "dark", "light"):
            apply_theme(qapp, theme)
            received, sent = series_colors(qapp.palette())
            base = qapp.palette().color(QPalette.ColorRole.Base)
            names = (received.name(), sent.name())
            qtbot.waitUntil(
                lambda names=names: all(n in graph.summary.text() for n in names), timeout=2000
            )
            drawn = colors_in(graph.plot.grab().toImage())
            assert {received.name(), sent.name(), base.name()} <= drawn, theme
        assert received.name() == "#1a7f37"  # the light hue again after the dark one
    finally:
        qapp.setPalette(before)


def test_batches_draw_nothing_the_timer_draws(qtbot, tcp_bridge, settings, runner) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel(qtbot, tcp_bridge, settings, runner)
    graph = panel.rate_graph
    qtbot.waitExposed(panel)
    graph.timer.stop()
    QApplication.processEvents()
    paints, samples = graph.plot.paints, len(graph.sampler)
    for n in range(1, 501):
        panel._on_batch(RecordBatch((), n * 100, n * 10, 0, n, n))
        QApplication.processEvents()
    assert (graph.plot.paints, len(graph.sampler)) == (paints, samples)
    assert graph.sampler.totals == Totals(50_000, 5_000, 500, 500)
    graph.timer.start()  # the clock samples and repaints by itself
    qtbot.waitUntil(lambda: len(graph.sampler) >= samples + 2, timeout=5000)
    qtbot.waitUntil(lambda: graph.plot.paints > paints, timeout=5000)
    assert graph.plot.paints <= len(graph.sampler) - samples + 2  # about one paint per tick


def test_hover_tells_the_rates_at_the_pointer(qtbot) -> None:  # type: ignore[no-untyped-def]
    host = QWidget()
    qtbot.addWidget(host)
    graph = RateGraph(interval_ms=1000, seconds=10)
    layout = QVBoxLayout(host)
    layout.addWidget(graph.header)
    layout.addWidget(graph)
    host.resize(500, 100)
    host.show()
    graph.timer.stop()
    feed(graph, [1024, 3 * 1024 * 1024])
    bytes_rect, _ = graph.plot.chart_rects()
    newest: RateSample | None = graph.plot.sample_at(bytes_rect.right() - 1)
    assert newest is not None and newest.bytes_in == 3 * 1024 * 1024
    assert graph.plot.sample_at(bytes_rect.left() + 1) is None  # nothing drawn there yet
    point = QPointF(bytes_rect.right() - 1, bytes_rect.center().y())
    move = QMouseEvent(
        QEvent.Type.MouseMove,
        point,
        graph.plot.mapToGlobal(point),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(graph.plot, move)
    assert "3.0 MiB/s" in graph.plot.toolTip()
    assert "0.0 s ago" in graph.plot.toolTip()
