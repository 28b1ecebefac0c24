"""Help ▸ About: what SocketDesk is, and the versions it runs on."""

from __future__ import annotations

import html
import platform
import sys

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop import __version__

__all__ = ["AboutDialog", "runtime_versions"]


def runtime_versions() -> dict[str, str]:
    """Versions of SocketDesk, Python, Qt and PySide6, for About and crash reports."""
    return {
        "SocketDesk": __version__,
        "Python": platform.python_version(),
        "Qt": qVersion(),
        "PySide6": PySide6.__version__,
        "Platform": f"{platform.system()} {platform.release()} ({sys.platform})",
    }


class AboutDialog(QDialog):
    """Name, purpose and versions; a button copies the versions for bug reports."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About SocketDesk"))
        self.versions = runtime_versions()
        rows = "".join(
            f"<tr><td><b>{k}</b>&nbsp;&nbsp;</td><td>{v}</td></tr>"
            for k, v in self.versions.items()
        )
        # tr() outside the f-string: lupdate reads only a literal given to tr().
        purpose = self.tr("Socket workbench, LAN messenger and raw HTTP composer.")
        text = QLabel(
            f"<h2>SocketDesk {__version__}</h2><p>{html.escape(purpose)}</p><table>{rows}</table>"
        )
        text.setObjectName("aboutText")
        icon = QLabel()
        icon.setPixmap(QGuiApplication.windowIcon().pixmap(64, 64))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton(self.tr("Copy versions"))
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self._copy)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(icon)
        layout.addWidget(text)
        layout.addWidget(buttons)

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(
            "\n".join(f"{k}: {v}" for k, v in self.versions.items())
        )
