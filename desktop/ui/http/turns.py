"""Work on the GUI thread cut into turns of the event loop, each after the repaints asked for.

Showing a large response is several steps (#15): each runs in a turn of its own, so that the
event loop (timers, input) runs between them, and the next step starts only after the screen
shows what the last one set. Qt posts a window's repaint (``UpdateRequest``) at
``Qt.LowEventPriority``; a step posted one priority lower is delivered after it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt

__all__ = ["AFTER_PAINT", "Turns"]

AFTER_PAINT = int(Qt.EventPriority.LowEventPriority.value) - 1
_STEP = QEvent.Type(QEvent.registerEventType())


class Turns(QObject):
    """Calls functions in later turns of the GUI event loop, in order, each after the repaints
    already asked for. Owned by a widget: steps still waiting die with it."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._steps: deque[Callable[[], None]] = deque()

    def after_paint(self, step: Callable[[], None]) -> None:
        """Call ``step`` in a later turn, after the repaints asked for so far."""
        self._steps.append(step)
        QCoreApplication.postEvent(self, QEvent(_STEP), AFTER_PAINT)

    def event(self, event: QEvent) -> bool:
        if event.type() == _STEP:
            self._steps.popleft()()
            return True
        return super().event(event)
