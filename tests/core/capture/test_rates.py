from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.capture.rates import RateSampler, Totals, axis_ceiling, scale_rate


def test_bytes_and_messages_per_second_from_totals_over_time() -> None:
    sampler = RateSampler()
    assert sampler.sample(10.0) is None  # the first clock tick only sets the start
    sampler.observe(Totals(bytes_in=1000, bytes_out=10, messages_in=4, messages_out=1))
    sampler.observe(Totals(bytes_in=3000, bytes_out=50, messages_in=8, messages_out=2))
    first = sampler.sample(10.5)
    assert first is not None
    assert (first.bytes_in, first.bytes_out) == (6000.0, 100.0)
    assert (first.messages_in, first.messages_out) == (16.0, 4.0)
    assert first.seconds == 0.5
    assert first.totals.bytes_in == 3000
    sampler.observe(Totals(bytes_in=3500, bytes_out=50, messages_in=9, messages_out=2))
    second = sampler.sample(10.75)
    assert second is not None
    assert (second.bytes_in, second.bytes_out, second.messages_in) == (2000.0, 0.0, 4.0)
    assert sampler.latest() == second
    peak = sampler.peak()
    assert peak is not None
    assert (peak.bytes_in, peak.bytes_out, peak.messages_in, peak.messages_out) == (
        6000.0,
        100.0,
        16.0,
        4.0,
    )


def test_a_quiet_period_falls_to_zero() -> None:
    sampler = RateSampler()
    sampler.sample(0.0)
    sampler.observe(Totals(bytes_in=4096, messages_in=2))
    assert sampler.sample(1.0).bytes_in == 4096.0  # type: ignore[union-attr]
    quiet = sampler.sample(1.25)  # no batch arrived: the totals did not move
    assert quiet is not None
    assert (quiet.bytes_in, quiet.messages_in) == (0.0, 0.0)


def test_history_is_bounded_and_keeps_the_newest() -> None:
    sampler = RateSampler(capacity=5)
    sampler.sample(0.0)
    for tick in range(1, 50):
        sampler.observe(Totals(bytes_in=tick * 100))
        sampler.sample(tick * 0.1)
    assert len(sampler) == 5 == sampler.capacity
    assert [round(s.t, 1) for s in sampler] == [4.5, 4.6, 4.7, 4.8, 4.9]


def test_counters_that_restart_begin_again_instead_of_going_negative() -> None:
    sampler = RateSampler()
    sampler.sample(0.0)
    sampler.observe(Totals(bytes_in=5000))
    sampler.sample(1.0)
    sampler.observe(Totals(bytes_in=100))  # a new connection: counters from 0 again
    assert sampler.sample(2.0) is None
    sampler.observe(Totals(bytes_in=300))
    assert sampler.sample(3.0).bytes_in == 200.0  # type: ignore[union-attr]
    assert all(s.bytes_in >= 0 for s in sampler)


def test_a_clock_tick_twice_at_once_and_reset() -> None:
    sampler = RateSampler()
    sampler.sample(1.0)
    sampler.observe(Totals(bytes_in=10))
    assert sampler.sample(1.0) is None  # no interval to divide by
    assert sampler.peak() is None and sampler.latest() is None
    sampler.sample(2.0)
    sampler.reset()
    assert len(sampler) == 0 and sampler.totals == Totals()
    with pytest.raises(ValueError):
        RateSampler(capacity=0)


@given(
    st.lists(
        st.tuples(st.integers(0, 10**6), st.floats(0.01, 2.0)),
        min_size=1,
        max_size=40,
    )
)
def test_rates_times_intervals_add_up_to_the_counted_bytes(steps: list[tuple[int, float]]) -> None:
    sampler = RateSampler(capacity=100)
    now, total = 0.0, 0
    sampler.sample(now)
    for gained, seconds in steps:
        total += gained
        now += seconds
        sampler.observe(Totals(bytes_in=total, messages_in=total // 7))
        sampler.sample(now)
    assert sum(s.bytes_in * s.seconds for s in sampler) == pytest.approx(total)
    assert sum(s.messages_in * s.seconds for s in sampler) == pytest.approx(total // 7)


@pytest.mark.parametrize(
    ("value", "binary", "expected"),
    [
        (512.0, True, (512.0, 0)),
        (1536.0, True, (1.5, 1)),
        (3 * 1024**2, True, (3.0, 2)),
        (2500.0, False, (2.5, 1)),
        (1024.0**6, True, (1024.0**2, 4)),
    ],
)
def test_scale_rate_picks_the_prefix(
    value: float, binary: bool, expected: tuple[float, int]
) -> None:
    assert scale_rate(value, binary) == expected


@pytest.mark.parametrize(
    ("peak", "binary", "top"),
    [
        (0.0, True, 1.0),
        (3.0, True, 5.0),
        (3000.0, True, 5 * 1024.0),
        (150.0, False, 200.0),
        (1.2 * 1024**2, True, 2 * 1024.0**2),
        (10.0, False, 10.0),
    ],
)
def test_axis_ceiling_is_a_round_number_above_the_peak(
    peak: float, binary: bool, top: float
) -> None:
    assert axis_ceiling(peak, binary) == top
    assert axis_ceiling(peak, binary) >= peak
