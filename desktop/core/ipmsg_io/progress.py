"""Publishing one transfer's snapshots: every state change, progress at most ~10 times a second.

Shared by downloads (``transfer_book``) and uploads (``file_server``). The rate is smoothed
exponentially over about a second, so the speed and ETA shown do not jump with each chunk.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import replace

from desktop.core.ipmsg.transfer import Transfer, TransferState
from desktop.core.sentence import Sentence

__all__ = ["PUBLISH_INTERVAL", "Publish", "TransferReporter"]

PUBLISH_INTERVAL = 0.1  # seconds between progress snapshots of one running transfer
_RATE_TAU = 1.0  # seconds: the smoothing time constant of the rate

Publish = Callable[[Transfer], None]


class TransferReporter:
    """Holds a transfer's latest snapshot and publishes the ones worth showing.

    Args:
        snapshot: the transfer as it is now.
        publish: receives each published snapshot.
        clock: a monotonic clock in seconds (for throttling and the rate).
        wall: wall-clock time for ``started_at``/``finished_at``.
    """

    def __init__(
        self,
        snapshot: Transfer,
        publish: Publish,
        *,
        clock: Callable[[], float] = time.monotonic,
        wall: Callable[[], float] = time.time,
    ) -> None:
        self.current = snapshot
        self._publish = publish
        self._clock = clock
        self._wall = wall
        self._last = -math.inf
        self._mark_time = 0.0
        self._mark_done = 0

    def update(self, **changes: object) -> None:
        """Change fields (path, size, name...) without publishing."""
        self.current = replace(self.current, **changes)  # type: ignore[arg-type]

    def publish(self) -> None:
        """Publish the current snapshot now (a state change, or a new row)."""
        self._publish(self.current)

    def start(self, done: int = 0) -> None:
        """Running from ``done`` bytes on."""
        now = self._clock()
        self._mark_time, self._mark_done, self._last = now, done, now
        self.current = replace(
            self.current,
            state=TransferState.RUNNING,
            done=done,
            rate=0.0,
            reason=None,
            started_at=self._wall(),
            finished_at=0.0,
        )
        self._publish(self.current)

    def advance(self, done: int, files_done: int | None = None) -> None:
        """Progress to ``done`` bytes; publishes if the last snapshot is old enough."""
        files = self.current.files_done if files_done is None else files_done
        self.current = replace(self.current, done=done, files_done=files)
        now = self._clock()
        if now - self._last < PUBLISH_INTERVAL:
            return
        elapsed = now - self._mark_time
        if elapsed > 0:
            instant = max(0, done - self._mark_done) / elapsed
            weight = 1 - math.exp(-elapsed / _RATE_TAU)
            rate = instant if self.current.rate == 0 else self.current.rate
            rate += weight * (instant - rate)
            self.current = replace(self.current, rate=rate)
        self._mark_time, self._mark_done, self._last = now, done, now
        self._publish(self.current)

    def finish(self, state: TransferState, reason: Sentence | None = None) -> None:
        """Ended as ``state`` (done, failed, cancelled...), with why."""
        self.current = replace(
            self.current, state=state, reason=reason, rate=0.0, finished_at=self._wall()
        )
        self._publish(self.current)
