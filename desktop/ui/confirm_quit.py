"""The question asked before quitting while a server, a relay or the Messenger runs.

A non-modal box with Quit, Cancel (Escape) and "Don't ask again"; ``MainWindow`` opens it with
``quit_confirmation`` and reads the answer with ``quit_answer`` when it is finished. Texts are
in the ``MainWindow`` translation context, where they were made.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QMessageBox, QPushButton, QWidget

__all__ = ["quit_answer", "quit_confirmation"]


def quit_confirmation(parent: QWidget, running: list[str]) -> QMessageBox:
    """The question, not opened yet: ``running`` names what quitting would stop."""
    separator = QCoreApplication.translate("MainWindow", ", ", "list separator")
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("MainWindow", "Quit SocketDesk"),
        QCoreApplication.translate(
            "MainWindow",
            "Still running: {running}. Quitting stops them and closes their connections.",
        ).format(running=separator.join(running)),
        QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setObjectName("quitConfirmation")
    quit_button = box.addButton(
        QCoreApplication.translate("MainWindow", "&Quit"), QMessageBox.ButtonRole.AcceptRole
    )
    quit_button.setObjectName("quitButton")
    box.setDefaultButton(quit_button)
    dont_ask = QCheckBox(  # parented: the box owns it
        QCoreApplication.translate("MainWindow", "Don't ask again"), box
    )
    dont_ask.setObjectName("dontAskAgain")
    box.setCheckBox(dont_ask)
    return box


def quit_answer(box: QMessageBox) -> tuple[bool, bool]:
    """``(quit, don't ask again)`` from a finished ``quit_confirmation`` box."""
    button = box.clickedButton()
    confirmed = isinstance(button, QPushButton) and button.objectName() == "quitButton"
    dont_ask = box.findChild(QCheckBox, "dontAskAgain")
    return confirmed, dont_ask is not None and dont_ask.isChecked()
