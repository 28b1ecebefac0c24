"""How a CLI command reports what its session core tells it: one line on stderr each."""

from __future__ import annotations

import sys

from desktop.core.errors import SocketDeskError
from desktop.core.sentence import Sentence

__all__ = ["StderrReport"]


class StderrReport:
    """A ``SessionReport`` for the CLI: errors always, notices with ``verbose``.

    Attributes:
        failure: the last error (a command ends with status 1 when it is set).
    """

    def __init__(self, verbose: bool) -> None:
        self.verbose = verbose
        self.failure: SocketDeskError | Sentence | None = None

    def say(self, text: object, always: bool = False) -> None:
        """One line on stderr (always, or only with ``verbose``)."""
        if always or self.verbose:
            print(f"socketdesk-cli: {text}", file=sys.stderr, flush=True)

    def on_error(self, what: SocketDeskError | Sentence) -> None:
        self.failure = what
        self.say(what, always=True)

    def on_notice(self, what: Sentence) -> None:
        self.say(what)

    def on_saving(self, saving: bool) -> None:
        """Nothing to show: the command saves from start to end."""

    def on_periodic(self, running: bool) -> None:
        """Nothing to show: the CLI sends stdin, not periodically."""
