"""Tabs that fit a narrow pane with their whole labels: less padding instead of eliding.

At 1024 px the composer's response pane holds eight tabs; with the style's padding the English
labels came out as "Head…", "Bo…"; scroll arrows would hide the last tabs (TLS) instead. A
proxy of the application's style, given to that one tab bar, trims the horizontal padding so
every label shows whole, in English and Chinese; without eliding or arrows the tab bar's width
is the pane's minimum.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QTabWidget, QWidget

__all__ = ["CompactTabStyle", "compact_tabs"]

# Pixels taken off each tab's horizontal padding (Fusion gives 24 in all).
_TRIM = 10


class CompactTabStyle(QProxyStyle):
    """The application's style with narrower tab padding."""

    def pixelMetric(
        self,
        metric: QStyle.PixelMetric,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> int:
        value = super().pixelMetric(metric, option, widget)
        if metric == QStyle.PixelMetric.PM_TabBarTabHSpace:
            return max(8, value - _TRIM)
        return value


def compact_tabs(tabs: QTabWidget) -> None:
    """Whole labels on ``tabs``: tighter padding, no eliding, no scroll arrows."""
    style = CompactTabStyle(QApplication.style().name())
    style.setParent(tabs)  # lives as long as the tabs
    tabs.tabBar().setStyle(style)
    tabs.setElideMode(Qt.TextElideMode.ElideNone)
    tabs.setUsesScrollButtons(False)
