"""Captured traffic: records, the bounded ring buffer that holds them, counters."""

from desktop.core.capture.batch import RecordBatch
from desktop.core.capture.record import Direction, Record
from desktop.core.capture.ring import RecordRing

__all__ = ["Direction", "Record", "RecordBatch", "RecordRing"]
