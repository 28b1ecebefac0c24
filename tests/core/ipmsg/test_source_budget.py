"""Token buckets per sender and for everyone, with explicit time."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.ipmsg.source_budget import SourceBudget, Verdict

A, B = "198.18.6.1", "198.18.6.2"


def _admitted(budget: SourceBudget, source: str, count: int, now: float) -> int:
    return sum(budget.admit(source, now) is Verdict.ADMIT for _ in range(count))


def test_a_sender_gets_its_burst_then_its_rate() -> None:
    budget = SourceBudget(rate=10, burst=5, total_rate=1000, total_burst=1000)
    assert _admitted(budget, A, 8, 0.0) == 5
    assert budget.admit(A, 0.0) is Verdict.SOURCE_OVER
    assert _admitted(budget, A, 8, 0.5) == 5  # 0.5 s x 10/s refilled, capped at the burst
    assert _admitted(budget, A, 8, 0.625) == 1  # 1.25 tokens
    assert _admitted(budget, B, 8, 0.625) == 5  # another sender has its own bucket
    assert budget.dropped == 3 + 1 + 3 + 7 + 3
    assert (budget.dropped_from(A), budget.dropped_from(B)) == (14, 3)


def test_everyone_together_is_bounded_too() -> None:
    budget = SourceBudget(rate=100, burst=100, total_rate=4, total_burst=6)
    assert [budget.admit(f"198.18.7.{n}", 0.0) for n in range(8)] == [Verdict.ADMIT] * 6 + [
        Verdict.TOTAL_OVER
    ] * 2
    assert budget.admit("198.18.7.9", 1.0) is Verdict.ADMIT  # 4 refilled in one second


def test_senders_remembered_are_bounded() -> None:
    budget = SourceBudget(rate=0, burst=1, total_rate=1e9, total_burst=1e9, max_sources=3)
    for n in range(10):
        budget.admit(f"198.18.8.{n}", 0.0)
    assert len(budget) == 3
    assert budget.dropped_from("198.18.8.0") == 0  # forgotten, least recently heard first
    assert budget.admit("198.18.8.9", 0.0) is Verdict.SOURCE_OVER  # the latest is remembered


def test_a_flooder_is_named_once_a_minute() -> None:
    budget = SourceBudget()
    assert not budget.should_notice(A, 0.0)  # never heard from
    budget.admit(A, 0.0)
    assert [budget.should_notice(A, t) for t in (1.0, 30.0, 61.5, 62.0)] == [
        True,
        False,
        True,
        False,
    ]
    assert budget.should_notice(None, 1.0)  # "everyone" has its own minute
    assert not budget.should_notice(None, 2.0)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(st.floats(0, 2, allow_nan=False), st.sampled_from([A, B])),
        min_size=1,
        max_size=300,
    )
)
def test_no_sender_ever_gets_more_than_its_burst_plus_its_rate(
    arrivals: list[tuple[float, str]],
) -> None:
    budget = SourceBudget(rate=20, burst=8, total_rate=30, total_burst=12)
    now, admitted = 0.0, {A: 0, B: 0}
    for gap, source in arrivals:
        now += gap / 10
        if budget.admit(source, now) is Verdict.ADMIT:
            admitted[source] += 1
    for source in (A, B):
        assert admitted[source] <= 8 + 20 * now + 1e-9
    assert sum(admitted.values()) <= 12 + 30 * now + 1e-9
    assert budget.dropped == len(arrivals) - sum(admitted.values())


@settings(max_examples=200, deadline=None)
@given(
    steps=st.lists(
        st.tuples(st.sampled_from([A, B, "198.18.6.3"]), st.floats(0, 0.05)), max_size=80
    ),
    rate=st.floats(0, 50),
    burst=st.floats(0, 6),
    total_rate=st.floats(0, 80),
    total_burst=st.floats(0, 8),
)
def test_surely_admits_is_only_said_of_a_datagram_admit_admits(
    steps: list[tuple[str, float]], rate: float, burst: float, total_rate: float, total_burst: float
) -> None:
    """The engine acknowledges first when ``surely_admits``: ``admit`` must then agree, whatever
    time passed, and the budget ends as if ``admit`` alone had been asked."""
    budget = SourceBudget(rate, burst, total_rate, total_burst, max_sources=2)
    alone = SourceBudget(rate, burst, total_rate, total_burst, max_sources=2)
    now = 0.0
    said = 0
    for source, later in steps:
        now += later
        sure = budget.surely_admits(source)
        verdict = budget.admit(source, now)
        assert verdict is alone.admit(source, now)
        if sure:
            said += 1
            assert verdict is Verdict.ADMIT
    assert budget.dropped == alone.dropped
    if steps and burst >= 2 and total_burst >= 2 and len(set(s for s, _ in steps)) == 1:
        assert said > 0 or len(steps) == 1  # a second datagram within the burst is sure


def test_a_sender_never_heard_or_out_of_tokens_is_not_surely_admitted() -> None:
    budget = SourceBudget(rate=0, burst=2, total_rate=1e9, total_burst=1e9)
    assert not budget.surely_admits(A)  # no bucket yet: ``admit`` decides
    assert budget.admit(A, 0.0) is Verdict.ADMIT
    assert budget.surely_admits(A)  # one token left
    assert budget.admit(A, 0.0) is Verdict.ADMIT
    assert not budget.surely_admits(A)
    assert budget.admit(A, 5.0) is Verdict.SOURCE_OVER
    everyone = SourceBudget(rate=1e9, burst=1e9, total_rate=0, total_burst=1)
    everyone.admit(A, 0.0)
    assert not everyone.surely_admits(A)  # its own bucket is full, everyone's is empty
