"""The Messenger workspace, until the messenger lands: what it will be."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.ui.widgets.coming_page import ComingPage

__all__ = ["MessengerPage"]


class MessengerPage(ComingPage):
    """An honest "coming" page for the LAN messenger."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("MessengerPage", "LAN Messenger"),
            QCoreApplication.translate(
                "MessengerPage",
                "Chat with IP Messenger, FeiQ (飞秋) and iptux users on your network, on port 2425.",  # noqa: E501
            ),
            [
                QCoreApplication.translate(
                    "MessengerPage", "Everyone on the LAN in one roster, grouped, with status"
                ),
                QCoreApplication.translate(
                    "MessengerPage",
                    "Chat with delivery and read receipts, in Chinese and any language",
                ),
                QCoreApplication.translate("MessengerPage", "Files and folders"),
                QCoreApplication.translate("MessengerPage", "History that is never lost"),
            ],
            parent,
        )
