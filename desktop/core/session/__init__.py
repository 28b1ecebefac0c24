"""What every Workbench session does whatever its transport, Qt-free: lifecycle, counters,
save-to-file, periodic send, reconnect with back-off, the ``{{counter}}`` sequence.

Used by the GUI bridges (``desktop/workers``) and by the CLI alike.
"""

from desktop.core.session.counters import CounterSample, sample
from desktop.core.session.lifecycle import Phase, SessionStatus
from desktop.core.session.reconnect import Backoff, keep_connected
from desktop.core.session.sequence import FieldSequence
from desktop.core.session.session import SessionCore, SessionReport

__all__ = [
    "Backoff",
    "CounterSample",
    "FieldSequence",
    "Phase",
    "SessionCore",
    "SessionReport",
    "SessionStatus",
    "keep_connected",
    "sample",
]
