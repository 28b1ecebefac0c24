"""Periodic send on the event loop's monotonic clock (not a GUI timer).

asyncio's selector timeout has 1 ms granularity (epoll's timeout is in ms, rounded up), so a
wake-up may come up to ~1 ms after the deadline. To keep jitter under 2 ms at 1 ms intervals the
sender schedules each tick with ``loop.call_at`` and computes the next deadline from the schedule
(``t0 + k * interval``), never from the previous actual send time: lateness then never
accumulates, it stays a bounded sawtooth between 0 and about one millisecond. Each tick wakes
0.3 ms early and busy-waits the rest of the way (why, with numbers: ``_SPIN_LEAD_S``).
"""

from __future__ import annotations

import asyncio
import math
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass

from desktop.core.errors import SocketDeskError
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence

__all__ = ["MIN_INTERVAL_S", "PeriodicSender", "PeriodicStats", "sent_all", "stopped_after"]

# The shortest interval: the event loop's timer granularity (see the module docstring).
MIN_INTERVAL_S = 0.001

# Wake this long before each deadline and busy-wait the rest. Measured here (2 vCPU Xeon VM,
# CPython 3.11, Linux 6.18; CPU is the whole process as a share of one core):
#   at 1 ms, 3,000 sends over loopback TCP, 2-3 alternating runs per row:
#     no busy-wait:  jitter p50 0.56 ms, p99 1.09 ms, CPU 3-4 %, but ~9 % of the ticks come just
#                    over 1 ms late (epoll rounds the wait up to whole ms), so each one counts as
#                    "late" and restarts the schedule: 3,000 sends took 3.29 s, not 3.00 s;
#     0.1 ms:        p99 0.97-1.04 ms, CPU 4-6 %, late 6-73, 3.01-3.08 s;
#     0.2 ms:        p99 0.89 ms, CPU 5 %, late 1-5, 3.00 s;
#     0.3 ms:        p99 0.77-0.79 ms, CPU 6-7 %, late 1-3, 3.00 s;
#     0.5 ms:        p99 0.58-0.66 ms, CPU 11-16 %, late 0-2, 3.00 s;
#     all of 1 ms:   p99 0.00 ms, CPU 100 % (the loop spins all the time).
#   with 0.3 ms, no-op sends, 2 runs: p99 0.80 ms at 2 and 5 ms (CPU 1-3 %), 0.80 at 20 ms,
#     0.92-1.06 at 100 ms (CPU ~0 %), but 1.77 ms at 10 ms: selectors.EpollSelector rounds a
#     9.x ms timeout to 9 * 1e-3 = 0.009000000000000001 s, which epoll.poll rounds up again to
#     10 ms. A lead of 1-1.5 ms fixes 10 ms (p99 1.1/0.6 ms, CPU 1/3 %) but spins ~1 ms per
#     tick elsewhere (CPU 18 % at 5 ms, 5 % at 20 ms), so 0.3 ms it is.
# So p99 < 2 ms needs no busy-wait, but holding the rate at 1 ms does (given the late rule of
# PeriodicSender); 0.3 ms costs ~3 points of a core more than none. It blocks the loop for at
# most 0.3 ms per tick.
_SPIN_LEAD_S = 0.0003


@dataclass(frozen=True)
class PeriodicStats:
    """How a periodic send went.

    Attributes:
        sent: messages sent.
        late: ticks sent more than one interval after their scheduled time.
        jitter_p50_ms: median of (actual send time - scheduled time), in ms.
        jitter_p99_ms: 99th percentile of the same.
        jitter_max_ms: the largest of the same.
        samples: how many of the last sends the percentiles are taken over.
    """

    sent: int
    late: int
    jitter_p50_ms: float
    jitter_p99_ms: float
    jitter_max_ms: float
    samples: int = 0


class PeriodicSender:
    """Calls ``send(n)`` every ``interval_s`` seconds on the running event loop.

    Ticks are due at ``t0 + k * interval_s``; the first one is at ``t0`` (``start()``). A tick
    that comes more than one interval late is counted in ``late`` and the schedule restarts
    from that moment: missed ticks are skipped, never sent in a burst.

    Note: the loop's selector waits in whole milliseconds, so each tick is scheduled with
    ``loop.call_at`` at a deadline computed from the schedule (never from the last actual send),
    a little early, and the last fraction of a millisecond is busy-waited (see ``_SPIN_LEAD_S``).

    Args:
        send: does the actual write for tick ``n`` (0-based), e.g. with
            ``encode_input(..., fields=FieldContext(counter=n))``. A ``SocketDeskError`` it
            raises stops the sender.
        interval_s: seconds between sends, at least ``MIN_INTERVAL_S``.
        count: stop after this many sends; None sends until ``stop()``.
        on_done: called once with a ``Sentence`` when the sender stops (count reached, stopped,
            or the error's sentence).
        keep_samples: how many of the latest jitter samples ``stats()`` is computed from.

    Raises:
        ValueError: ``interval_s`` is below 1 ms, or ``count``/``keep_samples`` is invalid.
    """

    def __init__(
        self,
        send: Callable[[int], None],
        interval_s: float,
        count: int | None = None,
        on_done: Callable[[Sentence], None] | None = None,
        keep_samples: int = 100_000,
    ) -> None:
        if not interval_s >= MIN_INTERVAL_S:  # also refuses NaN
            raise ValueError(
                f"The interval must be at least {MIN_INTERVAL_S * 1000:g} ms "
                f"(got {interval_s * 1000:g} ms)."
            )
        if count is not None and count < 1:
            raise ValueError(f"The number of messages must be at least 1 (got {count}).")
        if keep_samples < 1:
            raise ValueError(f"keep_samples must be at least 1 (got {keep_samples}).")
        self._send = send
        self._interval = interval_s
        self._count = count
        self._on_done = on_done
        # The last keep_samples jitters in whole µs, and how often each value occurs among
        # them: stats() then sorts a few hundred distinct values, not 100,000 samples (a sort
        # of 100,000 floats takes ~12 ms here, long enough to make 1 ms ticks late).
        self._jitter: deque[int] = deque(maxlen=keep_samples)
        self._histogram: Counter[int] = Counter()
        self._sent = 0
        self._late = 0
        self._deadline = 0.0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._handle: asyncio.TimerHandle | None = None
        self._running = False

    @property
    def running(self) -> bool:
        """True from ``start()`` until the sender stops."""
        return self._running

    def start(self) -> None:
        """Send the first message now and the next ones on schedule.

        Must be called on the thread of the running event loop.

        Raises:
            RuntimeError: the sender was already started (make a new one to send again).
        """
        if self._loop is not None:
            raise RuntimeError("This periodic sender was already started; make a new one.")
        self._loop = asyncio.get_running_loop()
        self._running = True
        self._deadline = self._loop.time()
        self._handle = self._loop.call_at(self._deadline, self._tick)

    def stop(self) -> None:
        """Stop sending; ``on_done`` gets "Stopped after N messages." (once, whatever the calls)."""
        if self._running:
            self._finish(stopped_after(self._sent))

    def stats(self) -> PeriodicStats:
        """Counts and jitter percentiles over the last ``keep_samples`` sends."""
        values = sorted(self._histogram.items())
        samples = len(self._jitter)
        return PeriodicStats(
            sent=self._sent,
            late=self._late,
            jitter_p50_ms=_percentile(values, samples, 0.50) / 1000,
            jitter_p99_ms=_percentile(values, samples, 0.99) / 1000,
            jitter_max_ms=values[-1][0] / 1000 if values else 0.0,
            samples=samples,
        )

    # -- internals -----------------------------------------------------------------------------
    def _tick(self) -> None:
        self._handle = None
        if not self._running:
            return
        assert self._loop is not None
        time = self._loop.time
        deadline = self._deadline
        now = time()
        while now < deadline:  # the busy-wait: at most _SPIN_LEAD_S
            now = time()
        lateness = now - deadline
        tick = self._sent
        self._sent = tick + 1  # counted before the call, so that a stop() inside send() counts it
        try:
            self._send(tick)
        except SocketDeskError as error:
            self._sent = tick
            self._finish(error.sentence)
            return
        except BaseException:
            self._sent = tick
            self._finish(stopped_after(tick))
            raise  # a bug: the loop's exception handler (the crash reporter) shows it
        self._record(lateness)
        if lateness > self._interval:
            # Far behind (a stalled loop, a suspended machine): skip the missed ticks instead
            # of sending them in a burst, and restart the schedule from this send.
            self._late += 1
            deadline = now
        if not self._running:  # send() stopped us
            return
        if self._count is not None and self._sent >= self._count:
            self._finish(sent_all(self._sent))
            return
        self._deadline = deadline + self._interval
        self._handle = self._loop.call_at(self._deadline - _SPIN_LEAD_S, self._tick)

    def _record(self, lateness: float) -> None:
        microseconds = round(lateness * 1_000_000)
        if len(self._jitter) == self._jitter.maxlen:
            oldest = self._jitter[0]  # append() below evicts it
            self._histogram[oldest] -= 1
            if not self._histogram[oldest]:
                del self._histogram[oldest]
        self._jitter.append(microseconds)
        self._histogram[microseconds] += 1

    def _finish(self, sentence: Sentence) -> None:
        self._running = False
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None
        if self._on_done is not None:
            self._on_done(sentence)


def stopped_after(count: int) -> Sentence:
    """ "Stopped after N messages." """
    if count == 1:
        return sentence(QT_TRANSLATE_NOOP("core", "Stopped after 1 message."))
    return sentence(QT_TRANSLATE_NOOP("core", "Stopped after {count} messages."), count=count)


def sent_all(count: int) -> Sentence:
    """ "Sent N messages." (a periodic send that reached its count)."""
    if count == 1:
        return sentence(QT_TRANSLATE_NOOP("core", "Sent 1 message."))
    return sentence(QT_TRANSLATE_NOOP("core", "Sent {count} messages."), count=count)


def _percentile(values: list[tuple[int, int]], samples: int, fraction: float) -> int:
    """Nearest-rank percentile of samples given as sorted (value, occurrences) pairs (0 if none)."""
    rank = max(1, math.ceil(fraction * samples))
    seen = 0
    for value, occurrences in values:
        seen += occurrences
        if seen >= rank:
            return value
    return 0
