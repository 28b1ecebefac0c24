"""The status bar's traffic segment: totals, and rates from the same sampler as the graph."""

from __future__ import annotations

from desktop.core.capture import RecordBatch
from desktop.ui.widgets.traffic_label import TrafficLabel


def test_rates_per_second_from_the_totals_and_zero_when_quiet(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = TrafficLabel()
    qtbot.addWidget(label)
    label.show_batch(RecordBatch((), 0, 0))
    label.tick(10.0)
    label.show_batch(RecordBatch((), 1024, 512, 0, 2, 1))
    label.show_batch(RecordBatch((), 4096, 2048, 0, 5, 3))
    label.tick(12.0)  # 4 KiB in and 2 KiB out over 2 s
    assert label.text() == "↓ 4.0 KiB (5) 2.0 KiB/s   ↑ 2.0 KiB (3) 1.0 KiB/s"
    label.tick(13.0)  # nothing arrived in the last second
    assert label.text() == "↓ 4.0 KiB (5) 0 B/s   ↑ 2.0 KiB (3) 0 B/s"


def test_counters_that_restart_never_show_a_negative_rate(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = TrafficLabel()
    qtbot.addWidget(label)
    label.show_batch(RecordBatch((), 0, 0))
    label.tick(1.0)
    label.show_batch(RecordBatch((), 50_000, 10))
    label.tick(2.0)
    label.show_batch(RecordBatch((), 100, 0))  # another connection: counters from 0 again
    label.tick(3.0)
    assert label.text() == "↓ 100 B (0) 0 B/s   ↑ 0 B (0) 0 B/s"
    label.show_batch(RecordBatch((), 300, 0))
    label.tick(4.0)
    assert label.text() == "↓ 300 B (0) 200 B/s   ↑ 0 B (0) 0 B/s"
    label.show_batch(None)
    assert label.text() == "↓ 0 B   ↑ 0 B"
