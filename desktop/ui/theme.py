"""Light and dark palettes, following the system colour scheme unless the user chose one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

__all__ = ["apply_theme", "effective_scheme"]


def effective_scheme(choice: str) -> Qt.ColorScheme:
    """The scheme to use for a setting value ("system", "light" or "dark")."""
    if choice == "dark":
        return Qt.ColorScheme.Dark
    if choice == "light":
        return Qt.ColorScheme.Light
    system = QGuiApplication.styleHints().colorScheme()
    return Qt.ColorScheme.Dark if system == Qt.ColorScheme.Dark else Qt.ColorScheme.Light


def apply_theme(app: QApplication, choice: str) -> Qt.ColorScheme:
    """Apply the Fusion style with a palette for ``choice``; returns the scheme applied."""
    app.setStyle("Fusion")
    scheme = effective_scheme(choice)
    app.setPalette(_dark_palette() if scheme == Qt.ColorScheme.Dark else _light_palette())
    return scheme


def _light_palette() -> QPalette:
    palette = QPalette()
    accent = QColor("#1f6feb")
    palette.setColor(QPalette.ColorRole.Highlight, accent)
    palette.setColor(QPalette.ColorRole.Link, accent)
    return palette


def _dark_palette() -> QPalette:
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#1e1f22",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#16171a",
        QPalette.ColorRole.AlternateBase: "#24262b",
        QPalette.ColorRole.ToolTipBase: "#2b2d31",
        QPalette.ColorRole.ToolTipText: "#e6e6e6",
        QPalette.ColorRole.PlaceholderText: "#8b8d93",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#2b2d31",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.BrightText: "#ff6b6b",
        QPalette.ColorRole.Highlight: "#2f81f7",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#58a6ff",
        QPalette.ColorRole.Mid: "#3a3c42",
        QPalette.ColorRole.Dark: "#111214",
        QPalette.ColorRole.Light: "#3f4147",
    }
    for role, color in roles.items():
        palette.setColor(role, QColor(color))
    disabled = QColor("#6e7076")
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette
