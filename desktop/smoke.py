"""``socketdesk --smoke-start``: the real start-up, each workspace and window shown, a clean quit.

The release check runs it in every package (wheel, PyInstaller folder and file, .deb) under
``QT_QPA_PLATFORM=offscreen``: it proves that the bundle has the Qt modules and plugins, the
icons and the translations the window needs, and that every workspace (the HTTP one is built on
first show), the Messenger's Transfers window and the Preferences dialog (each of its pages) can
be built and shown. It prints one line per workspace and window and exits 0, or 1 when one did
not show.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QTabWidget, QWidget

__all__ = ["FLAG", "requested", "walk_workspaces"]

FLAG = "--smoke-start"


def _report(name: str, shown: bool) -> int:
    print(f"smoke: {name} {'shown' if shown else 'NOT SHOWN'}", flush=True)
    return int(not shown)


def _show_window(qapp: QApplication, open_window: Callable[[], QWidget]) -> int:
    """Open a window, show each page of its tabs, close it; 1 if something did not show."""
    window = open_window()
    qapp.processEvents()
    shown = window.isVisible()
    for pages in window.findChildren(QTabWidget):
        for index in range(pages.count()):
            pages.setCurrentIndex(index)
            qapp.processEvents()
            shown = shown and pages.currentWidget().isVisible()
    failed = _report(window.windowTitle(), shown)
    if isinstance(window, QDialog):
        window.reject()  # nothing applied
    else:
        window.close()
    qapp.processEvents()
    return failed


def walk_workspaces(
    qapp: QApplication, tabs: QTabWidget, windows: Sequence[Callable[[], QWidget]] = ()
) -> None:
    """Once the event loop runs, show each tab of ``tabs`` in turn, then open and close each of
    ``windows`` (functions that open one and return it), then quit the application."""

    def walk() -> None:
        failed = 0
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            qapp.processEvents()
            name = tabs.tabText(index).replace("&", "")
            failed += _report(name, tabs.currentWidget().isVisible())
        for open_window in windows:
            failed += _show_window(qapp, open_window)
        drawn = not qapp.windowIcon().pixmap(32).isNull()  # the file and the SVG plugin
        failed += not drawn
        print(f"smoke: icon {'drawn' if drawn else 'NOT DRAWN'}", flush=True)
        qapp.exit(1 if failed else 0)

    QTimer.singleShot(0, walk)


def requested(argv: list[str]) -> bool:
    """True when the command line asks for the smoke start."""
    return FLAG in argv[1:]
