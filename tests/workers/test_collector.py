"""Collection on the GUI thread only: due generations collected, state restored."""

from __future__ import annotations

import gc

from pytestqt.qtbot import QtBot

from desktop.workers.collector import MainThreadCollector, collect_if_due


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_a_due_generation_is_collected() -> None:
    gc.collect()
    for _ in range(50):
        _Cycle()
    assert collect_if_due((10, 1000, 1000)) == 0  # 50 new objects passed a threshold of 10
    assert collect_if_due((10**9, 10**9, 10**9)) is None


def test_the_timer_collects_cycles_and_stop_restores_the_state(qtbot: QtBot) -> None:
    was_enabled = gc.isenabled()
    collector = MainThreadCollector(interval_ms=10)
    collector.start()
    try:
        assert not gc.isenabled()
        freed: list[bool] = []
        import weakref

        cycle = _Cycle()
        weakref.finalize(cycle, freed.append, True)
        del cycle
        for _ in range(2000):  # enough allocations for generation 0 to be due
            _Cycle()
        qtbot.waitUntil(lambda: freed == [True], timeout=5000)
    finally:
        collector.stop()
    assert gc.isenabled() == was_enabled
