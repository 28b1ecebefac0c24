"""What every session does whatever its transport: counters, saving, periodic sends, fields.

``SessionCore`` is Qt-free and runs on the session's event loop; the Workbench bridges and the
CLI commands each own one. It reports through a small ``SessionReport`` (a bridge turns the calls
into queued signals; the CLI prints them).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Protocol

from desktop.core.errors import SaveError, SocketDeskError
from desktop.core.net.connection import Totals
from desktop.core.sentence import Sentence
from desktop.core.session.counters import CounterSample, sample
from desktop.core.session.file_sink import StreamFile
from desktop.core.session.periodic import PeriodicSender
from desktop.core.session.sentences import saved
from desktop.core.session.sequence import FieldSequence

__all__ = ["SessionCore", "SessionReport"]


class SessionReport(Protocol):
    """Where a ``SessionCore`` reports (called on the loop thread)."""

    def on_error(self, what: SocketDeskError | Sentence) -> None:
        """Something failed (saving, a periodic send…)."""

    def on_notice(self, what: Sentence) -> None:
        """Something finished (a file saved, a periodic send done)."""

    def on_saving(self, saving: bool) -> None:
        """Saving received data started or stopped."""

    def on_periodic(self, running: bool) -> None:
        """A periodic send started or stopped."""


class SessionCore:
    """The transport-independent half of a session (loop thread only, but ``sequence``).

    Args:
        report: told about errors, notices, saving and periodic state.
        totals: the engine's totals this session samples (engines are given these).

    Attributes:
        totals: counted by the engine's connections; ``counters()`` samples them.
        sequence: the ``{{counter}}`` numbers of this session (any thread).
        saving: the file received data goes to, or None.
    """

    def __init__(self, report: SessionReport, totals: Totals | None = None) -> None:
        self._report = report
        self.totals = totals if totals is not None else Totals()
        self.sequence = FieldSequence()
        self.saving: StreamFile | None = None
        self._periodic: PeriodicSender | None = None

    # -- counters --------------------------------------------------------------------------------
    def counters(self) -> CounterSample:
        """The session's counters now."""
        return sample(self.totals)

    # -- saving ----------------------------------------------------------------------------------
    def save(self, data: memoryview | bytes) -> None:
        """Append received bytes to the file being saved (call only while ``saving``)."""
        saving = self.saving
        if saving is None:
            return
        try:
            saving.write(data)
        except SaveError as error:
            self.saving = None
            self._report.on_saving(False)
            self._report.on_error(error)

    def can_splice(self) -> bool:
        """True while received bytes are being saved (a ``SpliceTarget``)."""
        return self.saving is not None

    def splice_in(self, pipe: int, count: int) -> bool:
        """Append ``count`` bytes waiting in ``pipe`` to the file being saved (the zero-copy
        receive path, ``desktop.core.net.splice_receive``); False when nothing is being saved
        now (a failure is reported as ``save`` reports it)."""
        saving = self.saving
        if saving is None:
            return False
        try:
            saving.splice_from(pipe, count)
        except SaveError as error:
            self.saving = None
            self._report.on_saving(False)
            self._report.on_error(error)
            return False
        return True

    def start_saving(self, path: str | os.PathLike[str]) -> bool:
        """Save every received byte to ``path`` from now on (finishing an earlier file)."""
        self.stop_saving()
        try:
            self.saving = StreamFile(path)
        except SaveError as error:
            self._report.on_error(error)
            return False
        self._report.on_saving(True)
        return True

    def stop_saving(self) -> int | None:
        """Finish the file being saved; returns the bytes saved (None: nothing was saved)."""
        saving, self.saving = self.saving, None
        if saving is None:
            return None
        written: int | None = None
        try:
            written = saving.close()
        except SaveError as error:
            self._report.on_error(error)
        else:
            self._report.on_notice(saved(written, saving.path))
        self._report.on_saving(False)
        return written

    # -- periodic sends --------------------------------------------------------------------------
    @property
    def periodic_running(self) -> bool:
        """True while a periodic send runs."""
        return self._periodic is not None

    def start_periodic(
        self,
        send: Callable[[bytes], None],
        build: Callable[[FieldSequence], bytes],
        interval_s: float,
        count: int | None,
    ) -> None:
        """Send ``build(sequence)`` every ``interval_s`` s, ``count`` times (None: until stopped).

        Must run on the loop. ``send`` raises ``SocketDeskError`` when it cannot send, which
        stops the run with that sentence; ``build`` takes ``{{counter}}`` numbers from this
        session's sequence only when the message has the field.
        """
        self.stop_periodic()
        sequence = self.sequence

        def tick(_n: int) -> None:
            send(build(sequence))

        sender = PeriodicSender(tick, interval_s, count, on_done=self._periodic_done)
        self._periodic = sender
        self._report.on_periodic(True)
        sender.start()

    def stop_periodic(self) -> None:
        """Stop a periodic send (its "Stopped after N messages." follows)."""
        if self._periodic is not None:
            self._periodic.stop()

    def _periodic_done(self, sentence: Sentence) -> None:
        self._periodic = None
        self._report.on_periodic(False)
        self._report.on_notice(sentence)

    # -- end -------------------------------------------------------------------------------------
    def stop(self) -> None:
        """Stop what the session does on its own: periodic sends and saving."""
        self.stop_periodic()
        self.stop_saving()
