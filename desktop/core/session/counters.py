"""A session's counters, sampled from the totals its engine keeps (never counted twice)."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.net.connection import Totals

__all__ = ["CounterSample", "Totals", "sample"]


@dataclass(frozen=True, slots=True)
class CounterSample:
    """A session's counters at one moment.

    Attributes:
        bytes_in: bytes received since the session started.
        bytes_out: bytes sent since the session started.
        messages_in: reads that delivered them.
        messages_out: writes that sent them.
    """

    bytes_in: int = 0
    bytes_out: int = 0
    messages_in: int = 0
    messages_out: int = 0


def sample(totals: Totals) -> CounterSample:
    """What ``totals`` says now (the engine keeps counting; this is a copy)."""
    return CounterSample(totals.bytes_in, totals.bytes_out, totals.chunks_in, totals.chunks_out)
