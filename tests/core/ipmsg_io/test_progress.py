"""Snapshots of a running transfer: every state change, progress at most ~10 a second."""

from __future__ import annotations

from desktop.core.ipmsg.transfer import Direction, Transfer, TransferState
from desktop.core.ipmsg_io.progress import TransferReporter


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _reporter(clock: Clock, seen: list[Transfer]) -> TransferReporter:
    row = Transfer(1, Direction.RECEIVE, "amin", ("127.0.0.1", 2425), 5, 1, "a.bin", size=10_000)
    return TransferReporter(row, seen.append, clock=clock, wall=lambda: 1.0e9)


def test_progress_is_published_at_most_ten_times_a_second() -> None:
    clock, seen = Clock(), []  # type: ignore[var-annotated]
    reporter = _reporter(clock, seen)
    reporter.start()
    for done in range(1, 1001):
        clock.now += 0.001  # a thousand chunks in one second
        reporter.advance(done)
    running = [t for t in seen if t.state is TransferState.RUNNING]
    assert 1 + 9 <= len(running) <= 1 + 11
    assert reporter.current.done == 1000  # the latest value is kept even when not published


def test_every_state_change_is_published() -> None:
    clock, seen = Clock(), []  # type: ignore[var-annotated]
    reporter = _reporter(clock, seen)
    reporter.publish()
    reporter.start()
    reporter.advance(10)  # too soon: not published
    reporter.finish(TransferState.DONE)
    assert [t.state for t in seen] == [
        TransferState.WAITING,
        TransferState.RUNNING,
        TransferState.DONE,
    ]
    assert seen[-1].done == 10 and seen[-1].rate == 0 and seen[-1].finished_at == 1.0e9


def test_the_rate_is_smoothed() -> None:
    clock, seen = Clock(), []  # type: ignore[var-annotated]
    reporter = _reporter(clock, seen)
    reporter.start()
    done = 0
    for _ in range(50):  # 1,000 bytes/s steadily
        clock.now += 0.2
        done += 200
        reporter.advance(done)
    assert abs(reporter.current.rate - 1000) < 1
    clock.now += 0.2
    reporter.advance(done + 2000)  # a burst ten times faster moves the rate only part way
    assert 1000 < reporter.current.rate < 10_000
