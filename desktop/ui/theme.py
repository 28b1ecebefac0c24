"""Light and dark palettes, following the system colour scheme unless the user chose one."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

__all__ = ["ToneColors", "apply_theme", "effective_scheme", "is_dark", "mix", "tone_colors"]

# The hue of each tone, for a light and a dark palette (GitHub Primer's danger/attention
# foregrounds): only the hue is fixed here, the surfaces are mixed from the palette in use.
_TONES = {
    "error": ("#cf222e", "#f85149"),
    "warning": ("#9a6700", "#d29922"),
}
# How much of the tone's hue tints the window colour behind a banner, and its border.
_TINT_LIGHT, _TINT_DARK, _BORDER = 0.12, 0.22, 0.55


def effective_scheme(choice: str) -> Qt.ColorScheme:
    """The scheme to use for a setting value ("system", "light" or "dark")."""
    if choice == "dark":
        return Qt.ColorScheme.Dark
    if choice == "light":
        return Qt.ColorScheme.Light
    system = QGuiApplication.styleHints().colorScheme()
    return Qt.ColorScheme.Dark if system == Qt.ColorScheme.Dark else Qt.ColorScheme.Light


def apply_theme(app: QApplication, choice: str) -> Qt.ColorScheme:
    """Apply the Fusion style with a palette for ``choice``; returns the scheme applied.

    Widgets that draw their own colours take them from the palette (``tone_colors``) when they
    paint, so a change of theme reaches them at once.
    """
    app.setStyle("Fusion")
    scheme = effective_scheme(choice)
    dark = scheme == Qt.ColorScheme.Dark
    app.setPalette(_dark_palette() if dark else _light_palette(app))
    return scheme


class ToneColors(NamedTuple):
    """The colours of a surface in a tone: background, border, text and the tone's own hue."""

    background: QColor
    border: QColor
    text: QColor
    accent: QColor


def is_dark(palette: QPalette) -> bool:
    """The palette draws light text on a dark window."""
    return palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5


def mix(base: QColor, other: QColor, amount: float) -> QColor:
    """``base`` moved ``amount`` (0..1) of the way towards ``other``."""
    return QColor.fromRgbF(
        base.redF() + (other.redF() - base.redF()) * amount,
        base.greenF() + (other.greenF() - base.greenF()) * amount,
        base.blueF() + (other.blueF() - base.blueF()) * amount,
    )


def tone_colors(palette: QPalette, tone: str) -> ToneColors:
    """Colours for a banner in ``tone`` ("error", "warning" or "info") over ``palette``.

    The background is the palette's window tinted with the tone's hue, the text is the
    palette's window text (readable on it in light and dark), and "info" uses the palette's
    highlight colour as its hue.
    """
    dark = is_dark(palette)
    window = palette.color(QPalette.ColorRole.Window)
    if tone in _TONES:
        accent = QColor(_TONES[tone][1 if dark else 0])
    else:
        accent = QColor(palette.color(QPalette.ColorRole.Highlight))
    return ToneColors(
        background=mix(window, accent, _TINT_DARK if dark else _TINT_LIGHT),
        border=mix(window, accent, _BORDER),
        text=QColor(palette.color(QPalette.ColorRole.WindowText)),
        accent=accent,
    )


def _light_palette(app: QApplication) -> QPalette:
    # The style's own light palette, every role set: an empty QPalette would keep the dark
    # palette's colours for the roles it does not name after a switch back from Dark.
    style = app.style()
    palette = QPalette(style.standardPalette())
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
