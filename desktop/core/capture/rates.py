"""Rates from a session's running totals: bytes/s and messages/s in and out, per interval.

A session reports totals (``RecordBatch``: bytes and messages in and out so far) up to ~60 times
a second. ``RateSampler.observe`` keeps only the latest totals (O(1), cheap per batch); a clock
calls ``sample`` a few times a second, which turns the totals gained since the previous sample
into one ``RateSample`` per interval, kept in a bounded ring. A sample taken while nothing
arrived says 0, so a graph driven by the clock falls to 0 when traffic stops.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["RateSample", "RateSampler", "Totals", "axis_ceiling", "scale_rate"]

# Below this interval a sample is not taken: a rate over a few microseconds is noise, and a
# clock that fires twice in a row must not divide by ~0.
_MIN_INTERVAL_S = 1e-3
# Binary prefixes for bytes/s (B, KiB, MiB, GiB, TiB) and decimal ones for messages/s.
_BINARY_STEP, _DECIMAL_STEP = 1024.0, 1000.0
_MAX_PREFIX = 4


@dataclass(frozen=True, slots=True)
class Totals:
    """A session's counters at one moment (all since the session started)."""

    bytes_in: int = 0
    bytes_out: int = 0
    messages_in: int = 0
    messages_out: int = 0

    def minus(self, earlier: Totals) -> Totals:
        """What was counted between ``earlier`` and these totals."""
        return Totals(
            self.bytes_in - earlier.bytes_in,
            self.bytes_out - earlier.bytes_out,
            self.messages_in - earlier.messages_in,
            self.messages_out - earlier.messages_out,
        )

    def restarted_since(self, earlier: Totals) -> bool:
        """A counter went down: the counters were reset (a new connection or session)."""
        return (
            self.bytes_in < earlier.bytes_in
            or self.bytes_out < earlier.bytes_out
            or self.messages_in < earlier.messages_in
            or self.messages_out < earlier.messages_out
        )


@dataclass(frozen=True, slots=True)
class RateSample:
    """The rates over one interval ending at ``t`` (seconds on the sampler's clock).

    Attributes:
        t: when the interval ended.
        seconds: how long the interval was.
        totals: the counters at ``t``.
        bytes_in, bytes_out: bytes per second over the interval.
        messages_in, messages_out: reads/datagrams (in) and writes (out) per second.
    """

    t: float
    seconds: float
    totals: Totals
    bytes_in: float
    bytes_out: float
    messages_in: float
    messages_out: float


class RateSampler:
    """Per-interval rates from running totals, the last ``capacity`` intervals kept.

    Args:
        capacity: how many samples are kept (e.g. 60 s at 5 samples/s is 300); older ones go.
    """

    def __init__(self, capacity: int = 300) -> None:
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self._samples: deque[RateSample] = deque(maxlen=capacity)
        self._latest = Totals()
        self._base: tuple[float, Totals] | None = None

    @property
    def capacity(self) -> int:
        """How many samples are kept at most."""
        return self._samples.maxlen or 0

    @property
    def totals(self) -> Totals:
        """The latest totals observed."""
        return self._latest

    def observe(self, totals: Totals) -> None:
        """Remember the session's latest totals (cheap: called for every batch)."""
        self._latest = totals

    def sample(self, now: float) -> RateSample | None:
        """Close the interval ending at ``now``: its rates, or None for the first call.

        The first call (and the first after counters went down) only sets the starting point.
        """
        latest = self._latest
        base = self._base
        if base is None or latest.restarted_since(base[1]):
            self._base = (now, latest)
            return None
        seconds = now - base[0]
        if seconds < _MIN_INTERVAL_S:
            return None
        gained = latest.minus(base[1])
        sample = RateSample(
            now,
            seconds,
            latest,
            gained.bytes_in / seconds,
            gained.bytes_out / seconds,
            gained.messages_in / seconds,
            gained.messages_out / seconds,
        )
        self._samples.append(sample)
        self._base = (now, latest)
        return sample

    def reset(self) -> None:
        """Forget every sample and the totals (another session is shown)."""
        self._samples.clear()
        self._latest = Totals()
        self._base = None

    def __len__(self) -> int:
        return len(self._samples)

    def __getitem__(self, index: int) -> RateSample:
        """A sample by position (0 the oldest, -1 the newest)."""
        return self._samples[index]

    def __iter__(self) -> Iterator[RateSample]:
        return iter(self._samples)

    def latest(self) -> RateSample | None:
        """The newest sample, or None before two samples were taken."""
        return self._samples[-1] if self._samples else None

    def peak(self) -> RateSample | None:
        """The highest of each rate over the samples kept (a synthetic sample), or None."""
        if not self._samples:
            return None
        last = self._samples[-1]
        return RateSample(
            last.t,
            last.t - self._samples[0].t + self._samples[0].seconds,
            last.totals,
            max(s.bytes_in for s in self._samples),
            max(s.bytes_out for s in self._samples),
            max(s.messages_in for s in self._samples),
            max(s.messages_out for s in self._samples),
        )


def scale_rate(value: float, binary: bool = True) -> tuple[float, int]:
    """``value`` in a unit readable to people: ``(scaled, prefix)``.

    ``prefix`` is 0 for none, 1 for kilo (KiB with ``binary``, k otherwise), 2 for mega, 3 for
    giga, 4 for tera; the caller names the unit (in the interface language).
    """
    step = _BINARY_STEP if binary else _DECIMAL_STEP
    prefix = 0
    while abs(value) >= step and prefix < _MAX_PREFIX:
        value /= step
        prefix += 1
    return value, prefix


def axis_ceiling(peak: float, binary: bool = True) -> float:
    """The top of a graph's axis for ``peak``: 1, 2 or 5 times a power of ten, in its unit.

    ``axis_ceiling(3000)`` is 5 KiB/s (5120.0); never below 1 (an idle graph still has an axis).
    """
    scaled, prefix = scale_rate(max(peak, 1.0), binary)
    step = _BINARY_STEP if binary else _DECIMAL_STEP
    magnitude = 1.0
    while magnitude * 10 <= scaled:
        magnitude *= 10
    for factor in (1.0, 2.0, 5.0, 10.0):
        if scaled <= factor * magnitude:
            return float(factor * magnitude * step**prefix)
    raise AssertionError("unreachable")  # pragma: no cover - factor 10 always covers scaled
