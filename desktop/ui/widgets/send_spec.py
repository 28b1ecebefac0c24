"""What the send box holds, as data: the typed text and its options, turned into bytes anywhere.

A ``SendSpec`` is Qt-free and immutable, so a periodic send builds its messages on the I/O
thread from the same spec the box validated.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop.core.codec import FieldContext, InputFormat, LineEnding, encode_input
from desktop.core.session.sequence import FieldSequence

__all__ = ["SendSpec"]


@dataclass(frozen=True)
class SendSpec:
    """Everything needed to turn the typed text into bytes, on any thread."""

    text: str
    fmt: InputFormat
    encoding: str
    line_ending: LineEnding
    fields: bool

    def build(self, counter: int, now: datetime | None = None) -> bytes:
        """The bytes to send for message number ``counter``.

        Raises:
            InputError: the text is not valid in its format (with the position).
        """
        context = FieldContext(counter=counter, now=now) if self.fields else None
        return encode_input(self.text, self.fmt, self.encoding, self.line_ending, context)

    def build_next(self, sequence: FieldSequence, now: datetime | None = None) -> bytes:
        """The bytes of the next message; takes a number from ``sequence`` only for ``{{counter}}``.

        Raises:
            InputError: the text is not valid in its format (nothing is taken then).
        """
        if not self.fields:
            return self.build(0, now)
        probe = FieldContext(counter=sequence.next_value, now=now)
        data = encode_input(self.text, self.fmt, self.encoding, self.line_ending, probe)
        if not probe.counter_used:
            return data
        return self.build(sequence.take(), now)
