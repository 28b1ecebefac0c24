"""The HTTP workspace, until the composer lands: what it will be."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.ui.widgets.coming_page import ComingPage

__all__ = ["HttpPage"]


class HttpPage(ComingPage):
    """An honest "coming" page for the raw HTTP composer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("HttpPage", "Raw HTTP"),
            QCoreApplication.translate(
                "HttpPage",
                "Type a raw HTTP request, send it over TCP or TLS, and see the exact bytes that came back next to a parsed, decoded view.",  # noqa: E501 (one literal for lupdate)
            ),
            [
                QCoreApplication.translate(
                    "HttpPage", "Exact bytes sent and received, anomalies marked"
                ),
                QCoreApplication.translate(
                    "HttpPage", "Timings and the whole TLS certificate chain"
                ),
                QCoreApplication.translate("HttpPage", "History, diff, import and export as curl"),
            ],
            parent,
        )
