"""What the listening sessions (TCP server, relay, next UDP) share: one Start/Stop button."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QPushButton, QWidget

from desktop.core.session.lifecycle import Phase
from desktop.settings import Settings
from desktop.ui.widgets.saved_messages import SavedMessages
from desktop.ui.workbench.session_panel import SessionPanel
from desktop.workers.session_bridge import SessionBridge
from desktop.workers.task_runner import TaskRunner

__all__ = ["ListeningPanel"]


class ListeningPanel(SessionPanel):
    """A session that listens: ``start_button`` starts and stops it, its settings lock while on.

    Subclasses build their controls (placing ``start_button`` and ``state_label``), then call
    ``show_idle()``; they implement ``options()``, ``setting_widgets()``, and may override
    ``on_started`` (the addresses listened on) and ``on_idle``.
    """

    LISTENING = True

    def __init__(
        self,
        bridge: SessionBridge,
        settings: Settings,
        runner: TaskRunner,
        parent: QWidget | None = None,
        library: SavedMessages | None = None,
    ) -> None:
        super().__init__(bridge, settings, runner, parent, library)
        self.start_button = QPushButton()
        self.start_button.setObjectName("startButton")
        self.start_button.clicked.connect(self.toggle)
        bridge.started.connect(self._on_started, Qt.ConnectionType.QueuedConnection)

    @property
    def running(self) -> bool:
        """True while listening."""
        return self.phase is Phase.RUNNING

    def setting_widgets(self) -> list[QWidget]:
        """The controls that cannot change while the session runs (subclasses)."""
        return []

    def on_started(self, addresses: list[str]) -> None:
        """The session listens on ``addresses`` (subclasses: e.g. the tab's title)."""

    def on_idle(self) -> None:
        """The session stopped, or never started (subclasses: e.g. clear a table)."""

    def apply_phase(self, phase: Phase) -> None:
        self.start_button.setEnabled(phase is not Phase.STARTING)
        self.start_button.setText(self.tr("Stop") if phase.active else self.tr("Start"))
        for widget in self.setting_widgets():
            widget.setEnabled(phase is Phase.IDLE)
        if phase is Phase.IDLE:
            self.on_idle()

    @Slot(list)
    def _on_started(self, addresses: list[str]) -> None:
        self.on_started(addresses)
