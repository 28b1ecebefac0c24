"""The ``{{counter}}`` sequence of one session: shared by manual sends and periodic ticks."""

from __future__ import annotations

import threading

__all__ = ["FieldSequence"]


class FieldSequence:
    """Numbers for ``{{counter}}``: 1, 2, 3… (or from a value the user sets), never repeated.

    A number is taken only by a message that contains the field, so sends without it do not
    advance the sequence. Manual sends take numbers on the GUI thread and periodic ticks on the
    I/O thread, from the same sequence: taking is atomic.

    Args:
        start: the first number given out.
    """

    def __init__(self, start: int = 1) -> None:
        self._lock = threading.Lock()
        self._next = start

    @property
    def next_value(self) -> int:
        """The number the next message with ``{{counter}}`` gets."""
        with self._lock:
            return self._next

    def take(self) -> int:
        """The next number (it is never given out again)."""
        with self._lock:
            value = self._next
            self._next = value + 1
            return value

    def restart(self, start: int) -> None:
        """Continue from ``start`` (the user's choice)."""
        with self._lock:
            self._next = start
