"""A workspace tab whose page is built the first time the tab is shown.

The HTTP composer and what it imports (the HTTP engine, brotli, zstandard, cryptography,
pyOpenSSL) cost about a third of the start-up; people who never open the HTTP tab never pay it.
Until then the tab holds an empty placeholder; when the tab becomes current, or when code asks for
``page()`` (tests, the screenshot tools), the page is built and takes the placeholder's place at the
same index, with the same label.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QTabWidget, QWidget

__all__ = ["LazyWorkspace"]


class LazyWorkspace(QObject):
    """The tab ``label`` of ``tabs``, whose page ``build()`` makes when first needed.

    Signals:
        built(QWidget): the page was built and put in its tab.
    """

    built = Signal(QWidget)

    def __init__(self, tabs: QTabWidget, label: str, build: Callable[[], QWidget]) -> None:
        super().__init__(tabs)
        self._tabs = tabs
        self._build: Callable[[], QWidget] | None = build
        self._page: QWidget | None = None
        self.placeholder = QWidget()
        self.placeholder.setObjectName("lazyWorkspace")
        tabs.currentChanged.connect(self._current_changed)
        tabs.addTab(self.placeholder, label)
        self._current_changed(tabs.currentIndex())  # the first tab is current as it is added

    @property
    def is_built(self) -> bool:
        """True once the page exists."""
        return self._page is not None

    def page(self) -> QWidget:
        """The page, built now (and swapped into its tab) if it was not yet."""
        if self._page is not None:
            return self._page
        assert self._build is not None
        page, self._build = self._build(), None
        self._page = page
        tabs = self._tabs
        tabs.currentChanged.disconnect(self._current_changed)
        index = tabs.indexOf(self.placeholder)
        current = tabs.currentIndex()
        blocked = tabs.blockSignals(True)  # the same tab stays current: nothing to tell anyone
        try:
            tabs.insertTab(index, page, tabs.tabIcon(index), tabs.tabText(index))
            tabs.setTabToolTip(index, tabs.tabToolTip(index + 1))
            tabs.removeTab(index + 1)
            tabs.setCurrentIndex(current)
        finally:
            tabs.blockSignals(blocked)
        self.placeholder.deleteLater()
        self.built.emit(page)
        return page

    @Slot(int)
    def _current_changed(self, index: int) -> None:
        if self._page is None and index >= 0 and self._tabs.widget(index) is self.placeholder:
            self.page()
