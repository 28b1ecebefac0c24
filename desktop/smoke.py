"""``socketdesk --smoke-start``: the real start-up, each workspace shown in turn, a clean quit.

The release check runs it in every package (wheel, PyInstaller folder and file, .deb) under
``QT_QPA_PLATFORM=offscreen``: it proves that the bundle has the Qt modules and plugins, the
icons and the translations the window needs. It prints one line per workspace and exits 0, or 1
when a workspace did not show.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QTabWidget

__all__ = ["FLAG", "requested", "walk_workspaces"]

FLAG = "--smoke-start"


def walk_workspaces(qapp: QApplication, tabs: QTabWidget) -> None:
    """Once the event loop runs, show each tab of ``tabs`` in turn, then quit the application."""

    def walk() -> None:
        failed = 0
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            qapp.processEvents()
            shown = tabs.currentWidget().isVisible()
            failed += not shown
            name = tabs.tabText(index).replace("&", "")
            print(f"smoke: {name} {'shown' if shown else 'NOT SHOWN'}", flush=True)
        drawn = not qapp.windowIcon().pixmap(32).isNull()  # the file and the SVG plugin
        failed += not drawn
        print(f"smoke: icon {'drawn' if drawn else 'NOT DRAWN'}", flush=True)
        qapp.exit(1 if failed else 0)

    QTimer.singleShot(0, walk)


def requested(argv: list[str]) -> bool:
    """True when the command line asks for the smoke start."""
    return FLAG in argv[1:]
