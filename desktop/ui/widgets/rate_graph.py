"""A live, foldable graph of a session's bytes/s and messages/s, in and out, drawn with QPainter.

Batches only hand over their totals (``observe``: O(1), no drawing); a timer samples the
rates (``desktop.core.capture.rates``) a few times a second and repaints once per tick, so the
cost does not grow with the traffic. Why QPainter and not QtCharts or pyqtgraph:
docs/ARCHITECTURE.md ("The rate graph").
"""

from __future__ import annotations

import time
from html import escape

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt, QTimer, Slot
from PySide6.QtGui import (
    QColor,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
    QTransform,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from desktop.core.capture import RecordBatch
from desktop.core.capture.rates import RateSample, RateSampler, Totals, axis_ceiling, scale_rate
from desktop.ui.theme import mix, tone_text

__all__ = ["RateGraph", "RatePlot", "RateUnits"]

# 60 s of history at 5 samples/s: smooth enough to read, 300 points per series to draw.
_INTERVAL_MS, _SECONDS = 200, 60
# The plot is a slim strip so the log keeps its room at 1024×700.
_PLOT_HEIGHT = 40
# The hue of received data, as the log draws it, for a light and a dark palette (GitHub
# Primer's success foregrounds).
# How far the grid moves from the background to the text.
_GRID = 0.14


class RateUnits(QObject):
    """Formats rates with translated units (a QObject for ``tr``)."""

    def bytes_rate(self, value: float) -> str:
        """``1536.0`` → ``"1.5 KiB/s"`` in the interface language."""
        scaled, prefix = scale_rate(value, binary=True)
        units = (
            self.tr("{value} B/s"),
            self.tr("{value} KiB/s"),
            self.tr("{value} MiB/s"),
            self.tr("{value} GiB/s"),
            self.tr("{value} TiB/s"),
        )
        return units[prefix].format(value=_number(scaled, prefix))

    def messages_rate(self, value: float) -> str:
        """``2500.0`` → ``"2.5k/s"``: reads or datagrams per second."""
        scaled, prefix = scale_rate(value, binary=False)
        units = (
            self.tr("{value}/s"),
            self.tr("{value}k/s"),
            self.tr("{value}M/s"),
            self.tr("{value}G/s"),
            self.tr("{value}T/s"),
        )
        return units[prefix].format(value=_number(scaled, prefix))


def _number(scaled: float, prefix: int) -> str:
    if prefix == 0 and scaled == int(scaled):
        return str(int(scaled))
    return f"{scaled:.1f}" if scaled < 10 else f"{scaled:.0f}"


def series_colors(palette: QPalette) -> tuple[QColor, QColor]:
    """The colours of the "in" and "out" series over ``palette`` (light and dark alike).

    The log's colours (one place: ``theme.tone_text``): received in the success tone, sent in
    the accent tone.
    """
    return tone_text(palette, "success"), tone_text(palette, "accent")


class RatePlot(QWidget):
    """Two small charts side by side: bytes/s and messages/s, in and out, one line each.

    The lines are kept as polygons in data space (x: sample number, y: rate) and grow by one
    point per sample; a painter transform maps them onto the chart. A paint is then a few Qt
    calls whatever the number of points: Python work per paint is what stalls a GUI whose
    interpreter lock a flooded reader thread keeps taking (docs/ARCHITECTURE.md).
    """

    FIELDS = ("bytes_in", "bytes_out", "messages_in", "messages_out")

    def __init__(self, sampler: RateSampler, units: RateUnits, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("ratePlot")
        self.sampler = sampler
        self.units = units
        self.paints = 0  # how many times it was drawn (tests check it is not per batch)
        self._lines = [QPolygonF() for _ in self.FIELDS]
        self._last: RateSample | None = None  # the newest sample in the lines
        self._count = 0  # samples ever added: the x of the newest point
        self.setFixedHeight(_PLOT_HEIGHT)
        self.setMouseTracking(True)

    def chart_rects(self) -> tuple[QRectF, QRectF]:
        """Where the bytes/s chart and the messages/s chart are drawn."""
        area = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        split = area.width() * 0.62
        gap = 8.0
        return (
            QRectF(area.left(), area.top(), split - gap / 2, area.height()),
            QRectF(area.left() + split + gap / 2, area.top(), area.width() - split - gap / 2,
                   area.height()),
        )  # fmt: skip

    def _sync(self) -> None:
        """Bring the lines up to the sampler: one point each for one new sample, else rebuild."""
        latest = self.sampler.latest()
        if latest is self._last:
            return
        if self._last is not None and len(self.sampler) >= 2 and self.sampler[-2] is self._last:
            self._add(latest)  # type: ignore[arg-type]  # not None: the sampler grew
        else:
            self._lines = [QPolygonF() for _ in self.FIELDS]
            for sample in self.sampler:
                self._add(sample)
        self._last = latest

    def _add(self, sample: RateSample) -> None:
        self._count += 1
        for line, field in zip(self._lines, self.FIELDS, strict=True):
            line.append(QPointF(self._count, getattr(sample, field)))
            if line.size() > self.sampler.capacity:
                line.remove(0)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw both charts: frame, mid line, the axis top in a corner, the in and out lines."""
        self.paints += 1
        self._sync()
        painter = QPainter(self)
        peak = self.sampler.peak()
        bytes_rect, messages_rect = self.chart_rects()
        for rect, binary, lines in (
            (bytes_rect, True, self._lines[:2]),
            (messages_rect, False, self._lines[2:]),
        ):
            fields = self.FIELDS[:2] if binary else self.FIELDS[2:]
            top = axis_ceiling(max(getattr(peak, f) for f in fields) if peak else 0.0, binary)
            self._chart(painter, rect, lines, top, binary=binary)
        painter.end()

    def _chart(
        self, painter: QPainter, rect: QRectF, lines: list[QPolygonF], top: float, *, binary: bool
    ) -> None:
        """One chart: bytes/s (``binary``) or messages/s, its axis top written in its corner."""
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        painter.setPen(QPen(mix(base, text, _GRID), 1))
        painter.setBrush(base)
        painter.drawRect(rect)
        middle = rect.center().y()
        painter.drawLine(QPointF(rect.left(), middle), QPointF(rect.right(), middle))
        if lines[0].size() >= 2:
            # Data space (x: sample number, y: rate) onto the chart, the newest at the right.
            sx = rect.width() / max(self.sampler.capacity - 1, 1)
            sy = (rect.height() - 2) / top
            painter.save()
            painter.setClipRect(rect)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setTransform(
                QTransform(sx, 0, 0, -sy, rect.right() - self._count * sx, rect.bottom()), True
            )
            for line, color in zip(lines, series_colors(palette), strict=True):
                pen = QPen(color, 0)  # cosmetic, 1 pixel: the rasterizer's fast path
                painter.setPen(pen)
                painter.drawPolyline(line)
            painter.restore()
        painter.setPen(mix(base, text, 0.7))
        font = painter.font()
        font.setPointSizeF(max(font.pointSizeF() * 0.85, 6.0))
        painter.setFont(font)
        label = self.units.bytes_rate if binary else self.units.messages_rate
        painter.drawText(
            rect.adjusted(4, 1, -4, -1),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            label(top),
        )

    def sample_at(self, x: float) -> RateSample | None:
        """The sample drawn at ``x`` (either chart), or None where nothing is drawn."""
        samples = list(self.sampler)
        for rect in self.chart_rects():
            if rect.left() <= x <= rect.right() and samples:
                step = rect.width() / max(self.sampler.capacity - 1, 1)
                back = round((rect.right() - x) / step)
                return samples[-1 - back] if back < len(samples) else None
        return None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Hover: the rates at the pointer, and how long ago."""
        sample = self.sample_at(event.position().x())
        latest = self.sampler.latest()
        if sample is None or latest is None:
            self.setToolTip("")
            return
        units = self.units
        self.setToolTip(
            self.tr(
                "{ago:.1f} s ago\nIn: {bytes_in}, {messages_in}\nOut: {bytes_out}, {messages_out}"
            ).format(
                ago=latest.t - sample.t,
                bytes_in=units.bytes_rate(sample.bytes_in),
                messages_in=units.messages_rate(sample.messages_in),
                bytes_out=units.bytes_rate(sample.bytes_out),
                messages_out=units.messages_rate(sample.messages_out),
            )
        )


class RateGraph(QWidget):
    """A slim plot of the last minute, and ``header``: a fold button with the rates and peaks.

    The caller places both: the header in a row it already has (folded, the graph then costs no
    height at all), this widget (the plot) where the graph goes.

    ``observe(batch)`` for every batch (cheap); the widget's own timer samples and repaints.

    Args:
        interval_ms: how often a sample is taken and the plot repainted.
        seconds: how much history is kept and drawn.
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        interval_ms: int = _INTERVAL_MS,
        seconds: int = _SECONDS,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("rateGraph")
        self.sampler = RateSampler(max(2, seconds * 1000 // interval_ms))
        self.units = RateUnits()
        self.fold_button = QToolButton()
        self.fold_button.setObjectName("rateFold")
        self.fold_button.setCheckable(True)
        self.fold_button.setAutoRaise(True)
        self.fold_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.fold_button.setText(self.tr("Rates"))
        self.summary = QLabel()
        self.summary.setObjectName("rateSummary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.plot = RatePlot(self.sampler, self.units)
        self.header = QWidget()  # the fold button and the rates, placed by the caller
        self.header.setObjectName("rateHeader")
        header = QHBoxLayout(self.header)
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(self.fold_button)
        header.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        self.fold_button.toggled.connect(self.set_expanded)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        self.set_expanded(True)
        self.refresh()

    @property
    def expanded(self) -> bool:
        """The plot is shown (not folded to its header line)."""
        return self.fold_button.isChecked()

    @Slot(bool)
    def set_expanded(self, expanded: bool) -> None:
        """Show the plot, or fold it to the header line (rates keep being sampled)."""
        self.fold_button.blockSignals(True)
        self.fold_button.setChecked(expanded)
        self.fold_button.blockSignals(False)
        self.fold_button.setArrowType(
            Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow
        )
        self.fold_button.setToolTip(
            self.tr("Hide the rate graph") if expanded else self.tr("Show the rate graph")
        )
        self.plot.setVisible(expanded)
        if self.parentWidget() is not None:  # (a parentless widget shown would be a window)
            self.setVisible(expanded)  # folded: no room is left behind in the panel's layout

    def observe(self, batch: RecordBatch) -> None:
        """Take a batch's totals (no drawing here: the timer draws)."""
        self.sampler.observe(
            Totals(batch.bytes_in, batch.bytes_out, batch.messages_in, batch.messages_out)
        )

    def reset(self) -> None:
        """Forget the history (the counters of the session start again)."""
        self.sampler.reset()
        self.refresh()

    @Slot()
    def tick(self) -> None:
        """Sample the rates since the last tick and repaint (what the timer does)."""
        self.sampler.sample(time.monotonic())
        self.refresh()

    def refresh(self) -> None:
        """Show the samples as they are: the rates line now, the plot at its next paint."""
        self._show_summary()
        self.plot.update()  # nothing is drawn while it is hidden or folded

    def changeEvent(self, event: QEvent) -> None:
        """A theme switch recolours the legend (the plot reads the palette when it paints)."""
        if event.type() == QEvent.Type.PaletteChange:
            self.refresh()
        super().changeEvent(event)

    def _show_summary(self) -> None:
        latest = self.sampler.latest()
        peak = self.sampler.peak()
        color_in, color_out = series_colors(self.palette())
        units = self.units
        zero = units.bytes_rate(0.0), units.messages_rate(0.0)
        in_text = self.tr("In {bytes} · {messages}").format(
            bytes=units.bytes_rate(latest.bytes_in) if latest else zero[0],
            messages=units.messages_rate(latest.messages_in) if latest else zero[1],
        )
        out_text = self.tr("Out {bytes} · {messages}").format(
            bytes=units.bytes_rate(latest.bytes_out) if latest else zero[0],
            messages=units.messages_rate(latest.messages_out) if latest else zero[1],
        )
        peak_text = self.tr("Peak in {peak_in} · out {peak_out}").format(
            peak_in=units.bytes_rate(peak.bytes_in) if peak else zero[0],
            peak_out=units.bytes_rate(peak.bytes_out) if peak else zero[0],
        )
        gap = "&nbsp;" * 4
        self.summary.setText(
            f'<span style="color:{color_in.name()}">■</span> {escape(in_text)}{gap}'
            f'<span style="color:{color_out.name()}">■</span> {escape(out_text)}{gap}'
            f"{escape(peak_text)}"
        )
        self.summary.setToolTip(
            self.tr(
                "Bytes per second and messages (reads or datagrams) per second over the last "
                "{seconds} s"
            ).format(seconds=round(self.sampler.capacity * self.timer.interval() / 1000))
        )
