"""Light and dark palettes, following the system colour scheme unless the user chose one."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

__all__ = [
    "ToneColors",
    "apply_theme",
    "contrast",
    "effective_scheme",
    "is_dark",
    "mix",
    "readable",
    "tint",
    "tone_colors",
    "tone_hue",
    "tone_text",
]

# The hue of each tone, for a light and a dark palette (GitHub Primer's danger, attention,
# success, done, sponsors and severe foregrounds, each readable on Primer's canvas): only the
# hue is fixed here, the surfaces are mixed from the palette in use. "info" and "accent" take
# the palette's highlight and link colours, "muted" is the text colour faded towards the base.
_TONES = {
    "error": ("#cf222e", "#f85149"),
    "warning": ("#9a6700", "#d29922"),
    "success": ("#1a7f37", "#3fb950"),
    "done": ("#8250df", "#a371f7"),
    "sponsors": ("#bf3989", "#db61a2"),
    "severe": ("#bc4c00", "#db6d28"),
}
# WCAG's ratio for body text; a coloured word is moved towards the text colour until it has it.
READABLE = 4.5
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


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio of two colours (1 to 21)."""

    def luminance(color: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(color.redF())
            + 0.7152 * channel(color.greenF())
            + 0.0722 * channel(color.blueF())
        )

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def readable(color: QColor, background: QColor, text: QColor, minimum: float = READABLE) -> QColor:
    """``color``, moved towards ``text`` until it reads on ``background`` (ratio ``minimum``)."""
    shown = QColor(color)
    step = 0
    while contrast(shown, background) < minimum and step < 10:
        step += 1
        shown = mix(color, text, step / 10)
    return shown


def tone_hue(palette: QPalette, tone: str) -> QColor:
    """The hue of ``tone`` for ``palette`` (light or dark), before any readability fix."""
    if tone in _TONES:
        return QColor(_TONES[tone][1 if is_dark(palette) else 0])
    if tone == "accent":
        return QColor(palette.color(QPalette.ColorRole.Link))
    if tone == "muted":
        text = palette.color(QPalette.ColorRole.Text)
        return mix(text, palette.color(QPalette.ColorRole.Base), 0.4)
    return QColor(palette.color(QPalette.ColorRole.Highlight))


def tone_text(
    palette: QPalette, tone: str, role: QPalette.ColorRole = QPalette.ColorRole.Base
) -> QColor:
    """Text in ``tone`` that reads on the palette's ``role`` (Base for views, Window for labels)."""
    text_role = (
        QPalette.ColorRole.WindowText
        if role == QPalette.ColorRole.Window
        else QPalette.ColorRole.Text
    )
    return readable(tone_hue(palette, tone), palette.color(role), palette.color(text_role))


def tint(
    palette: QPalette,
    tone: str,
    role: QPalette.ColorRole = QPalette.ColorRole.Base,
    strength: float = 1.0,
) -> QColor:
    """The palette's ``role`` tinted with ``tone``: a background the palette's text reads on.

    ``strength`` scales the tint (2.0 for a mark that must stand out, such as a parse error).
    """
    amount = (_TINT_DARK if is_dark(palette) else _TINT_LIGHT) * strength
    return mix(palette.color(role), tone_hue(palette, tone), amount)


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
