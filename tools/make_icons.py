"""Render the application icon's PNG sizes from its SVG (Qt's QSvgRenderer; no display needed).

Usage: ``QT_QPA_PLATFORM=offscreen python -m tools.make_icons`` writes
``desktop/assets/icons/socketdesk-{16,24,32,48,64,128,256,512}.png`` next to ``socketdesk.svg``
(the sizes are ``desktop.app.ICON_SIZES``). Run it again after editing the SVG and commit both.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from desktop.app import ICON_SIZES
from desktop.resources import resource_path


def render(svg: Path, size: int) -> QImage:
    """The SVG drawn on a transparent ``size``×``size`` image."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        QSvgRenderer(str(svg)).render(painter)
    finally:
        painter.end()
    return image


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    svg = resource_path("icons", "socketdesk.svg")
    for size in ICON_SIZES:
        out = svg.with_name(f"socketdesk-{size}.png")
        if not render(svg, size).save(str(out), "PNG"):
            print(f"cannot write {out}", file=sys.stderr)
            return 1
        print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
