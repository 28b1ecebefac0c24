"""The short, friendly dialog shown after an unexpected error, with "copy details"."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desktop.core.crashlog import CrashReport

__all__ = ["CrashDialog"]


class CrashDialog(QDialog):
    """Says that something went wrong, where the report is, and offers to copy it."""

    def __init__(self, report: CrashReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setObjectName("crashDialog")
        self.setWindowTitle(self.tr("SocketDesk — unexpected error"))
        icon = QLabel()
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(32, 32)
        )
        headline = QLabel(
            self.tr(
                "<b>Something went wrong inside SocketDesk.</b><br>"
                "Your sessions are still running. If this keeps happening, please send the "
                "details to the developers."
            )
        )
        headline.setWordWrap(True)
        self.summary_label = QLabel(report.summary)
        self.summary_label.setWordWrap(True)
        where = (
            self.tr("A report was saved to {path}.").format(path=report.path)
            if report.path
            else self.tr("The report could not be saved to disk.")
        )
        self.where_label = QLabel(where)
        self.where_label.setWordWrap(True)
        self.details = QPlainTextEdit(report.details)
        self.details.setReadOnly(True)
        self.details.setVisible(False)
        self.details.setMinimumHeight(180)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy details"))
        self.toggle_button = QPushButton(self.tr("Show details"))
        self.toggle_button.setCheckable(True)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.toggle_button, QDialogButtonBox.ButtonRole.ActionRole)
        if report.path is not None:
            folder = QPushButton(self.tr("Open folder"))
            buttons.addButton(folder, QDialogButtonBox.ButtonRole.ActionRole)
            folder.clicked.connect(self._open_folder)
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy_details)
        self.toggle_button.toggled.connect(self.details.setVisible)

        layout = QVBoxLayout(self)
        layout.addWidget(icon)
        layout.addWidget(headline)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.where_label)
        layout.addWidget(self.details)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        """Put the whole report on the clipboard."""
        QGuiApplication.clipboard().setText(self.report.details)
        self.copy_button.setText(self.tr("Copied"))

    def _open_folder(self) -> None:
        if self.report.path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.report.path.parent)))
