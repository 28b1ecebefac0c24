"""An honest placeholder for a workspace a later release fills: its plan, and no fake controls."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

__all__ = ["ComingPage"]


class ComingPage(QWidget):
    """A title, a sentence saying the workspace is not built yet, and what it will offer."""

    def __init__(
        self, title: str, summary: str, planned: Sequence[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        heading = QLabel(f"<h2>{title}</h2>")
        status = QLabel(
            self.tr(
                "This workspace is coming in a later version. "
                "Nothing here sends or receives anything yet."
            )
        )
        status.setObjectName("comingStatus")
        status.setWordWrap(True)
        description = QLabel(summary)
        description.setWordWrap(True)
        items = "".join(f"<li>{item}</li>" for item in planned)
        planned_title = self.tr("Planned:")
        plan = QLabel(f"<b>{planned_title}</b><ul>{items}</ul>")
        plan.setWordWrap(True)
        plan.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        for widget in (heading, status, description, plan):
            layout.addWidget(widget)
        layout.addStretch(1)
