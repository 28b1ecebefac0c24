"""Datagram budgets per sender: one flooding address cannot take the messenger's time.

Every datagram costs the I/O thread a parse, a roster look-up, often an answer and an event for
the GUI, and that thread shares the interpreter lock with the GUI (DESIGN.md, "The GIL is
shared"). A token bucket per sender IP (the port is free for a sender to change) bounds what one
address can make the node do; a second bucket bounds everyone together, for a flood spoofed from
many addresses. A datagram over budget is dropped before it is parsed, and counted. Sans-IO:
times are passed in.
"""

from __future__ import annotations

import enum
from collections import OrderedDict
from dataclasses import dataclass

__all__ = [
    "MAX_SOURCES",
    "SOURCE_BURST",
    "SOURCE_RATE",
    "TOTAL_BURST",
    "TOTAL_RATE",
    "SourceBudget",
    "Verdict",
]

# A person's client sends a few datagrams a second (a message, its retries, an entry and what
# iptux sends after it, §1.4-1.5); 100 a second sustained, with bursts of 200, is twenty times
# that and still leaves several users behind one address (NAT) room to talk.
SOURCE_RATE = 100.0
SOURCE_BURST = 200.0
# Everyone together: the heaviest real load is a 1,000-host LAN answering one BR_ENTRY within
# 1-4 s (§1.4), about 1,000 datagrams a second at the peak; twice that, with a 4,000 burst.
TOTAL_RATE = 2000.0
TOTAL_BURST = 4000.0
# Buckets remembered, least recently heard forgotten first (a forgotten sender starts again with
# a full burst; the total bucket still bounds a flood from more addresses than this).
MAX_SOURCES = 4096
# A sender over its budget is named to the user at most once a minute.
NOTICE_QUIET_S = 60.0


class Verdict(enum.Enum):
    """What to do with one datagram."""

    ADMIT = "admit"
    SOURCE_OVER = "source over budget"  # its sender sends too much
    TOTAL_OVER = "total over budget"  # everyone together sends too much


@dataclass(slots=True)
class _Bucket:
    tokens: float
    at: float
    dropped: int = 0
    noticed_at: float | None = None


class SourceBudget:
    """Token buckets per sender and for everyone.

    Args:
        rate: datagrams a second one sender may sustain.
        burst: datagrams one sender may send at once after a quiet spell.
        total_rate: datagrams a second all senders together may sustain.
        total_burst: the same, at once.
        max_sources: senders remembered.

    Attributes:
        dropped: datagrams refused so far, all senders.
    """

    def __init__(
        self,
        rate: float = SOURCE_RATE,
        burst: float = SOURCE_BURST,
        total_rate: float = TOTAL_RATE,
        total_burst: float = TOTAL_BURST,
        max_sources: int = MAX_SOURCES,
    ) -> None:
        self.rate = rate
        self.burst = burst
        self.total_rate = total_rate
        self.total_burst = total_burst
        self.max_sources = max_sources
        self.dropped = 0
        self._sources: OrderedDict[str, _Bucket] = OrderedDict()
        self._total: _Bucket | None = None

    def __len__(self) -> int:
        return len(self._sources)

    def admit(self, source: str, now: float) -> Verdict:
        """Whether a datagram from ``source`` at ``now`` may be handled, or why not.

        On every datagram's path, before a listed peer's acknowledgement (issue #15): one
        function, no call per bucket.
        """
        sources = self._sources
        bucket = sources.get(source)
        if bucket is None:
            bucket = sources[source] = _Bucket(self.burst, now)
            while len(sources) > self.max_sources:
                sources.popitem(last=False)
        else:
            sources.move_to_end(source)
        total = self._total
        if total is None:
            total = self._total = _Bucket(self.total_burst, now)
        # The sender's own, then everyone's (each with the budget's rate and burst).
        for each, rate, burst in (
            (bucket, self.rate, self.burst),
            (total, self.total_rate, self.total_burst),
        ):
            if now > each.at:
                each.tokens = min(burst, each.tokens + (now - each.at) * rate)
                each.at = now
            if each.tokens < 1.0:
                each.dropped += 1
                self.dropped += 1
                return Verdict.SOURCE_OVER if each is bucket else Verdict.TOTAL_OVER
            each.tokens -= 1.0
        return Verdict.ADMIT

    def surely_admits(self, source: str) -> bool:
        """Whether ``admit`` will admit a datagram from ``source``, whatever the time it is given.

        True when ``source``'s bucket and everyone's each still hold a whole token: tokens only
        grow until ``admit`` takes them, so the verdict is already known. A few look-ups, for
        the acknowledgement's path (issue #15); ``admit`` must still be called for the datagram
        (it takes the tokens). False says nothing: ask ``admit``.
        """
        bucket = self._sources.get(source)
        total = self._total
        return (
            bucket is not None
            and bucket.tokens >= 1.0
            and total is not None
            and total.tokens >= 1.0
        )

    def dropped_from(self, source: str) -> int:
        """Datagrams from ``source`` refused for its own budget (while it is remembered)."""
        bucket = self._sources.get(source)
        return 0 if bucket is None else bucket.dropped

    def should_notice(self, source: str | None, now: float) -> bool:
        """True at most once a minute per sender (None: for everyone): time to tell the user."""
        bucket = self._total if source is None else self._sources.get(source)
        if bucket is None:
            return False
        if bucket.noticed_at is not None and now - bucket.noticed_at < NOTICE_QUIET_S:
            return False
        bucket.noticed_at = now
        return True
