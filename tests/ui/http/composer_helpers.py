"""Helpers for the composer's request-side tests: a panel on a real bridge, sending, waiting."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.core.store.http_history import HttpHistory
from desktop.ui.http.composer_panel import ComposerPanel
from desktop.workers.http_bridge import HttpBridge
from desktop.workers.task_runner import TaskRunner


def make_panel(
    qtbot: QtBot, bridge: HttpBridge, tasks: TaskRunner, history: HttpHistory | None = None
) -> ComposerPanel:
    """A shown composer panel on ``bridge``, its background work on ``tasks``."""
    panel = ComposerPanel(bridge, tasks, history=history)
    qtbot.addWidget(panel)
    panel.show()
    return panel


def click(qtbot: QtBot, widget: object) -> None:
    """A left click on ``widget``."""
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)  # type: ignore[arg-type, no-untyped-call]


def send_and_wait(
    qtbot: QtBot, panel: ComposerPanel, host: str, port: int, text: str, *, timeout: int = 10_000
) -> None:
    """Type ``text``, point at ``host``:``port``, click Send, wait until the panel is idle."""
    panel.target_bar.set_endpoint(host, port, panel.tls_check.isChecked())
    panel.editor.set_text(text)
    click(qtbot, panel.send_button)
    qtbot.waitUntil(lambda: not panel.busy, timeout=timeout)


def body(panel: ComposerPanel) -> str:
    """The response body shown."""
    return panel.response_view.body_edit.toPlainText()
