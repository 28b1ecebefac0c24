"""The Raw tab: the exact bytes received, the parse-failure point marked, anomalies listed."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QSplitter, QVBoxLayout, QWidget

from desktop.core.http.anomaly import Anomaly
from desktop.ui.http.paged_text import PagedText
from desktop.ui.http.pages import Pages, raw_pages
from desktop.ui.sentences import say
from desktop.workers.task_runner import TaskRunner

__all__ = ["RawView"]

_OFFSET_ROLE = Qt.ItemDataRole.UserRole


class RawView(QWidget):
    """Every byte received, one line per LF with CR/LF/control bytes as escapes, paged; below
    it every anomaly with its byte offset (click one to jump there).

    Args:
        tasks: where the text of a page turned to is made (None: on the GUI thread).

    Signals:
        offset_chosen(int): an anomaly was clicked: the byte offset to show (in every view).
    """

    offset_chosen = Signal(int)

    def __init__(self, tasks: TaskRunner | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notice = QLabel(wordWrap=True)
        self.notice.hide()
        self.text = PagedText(tasks)  # page turns make their text on its workers
        self.anomaly_list = QListWidget()
        self.anomaly_list.setWordWrap(True)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.text)
        splitter.addWidget(self.anomaly_list)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.notice)
        layout.addWidget(splitter, 1)
        self.anomaly_list.itemClicked.connect(self._item_chosen)
        self.anomaly_list.itemActivated.connect(self._item_chosen)

    def clear(self) -> None:
        """Show nothing."""
        self.text.set_pages(None)
        self.anomaly_list.clear()
        self.set_notice("")

    def show_pending(self) -> None:
        """Show nothing yet: the pages are being made on a worker."""
        self.clear()
        self.text.set_message(self.tr("Preparing the raw bytes…"))

    def set_notice(self, text: str) -> None:
        """A sentence above the bytes (a cap was reached), or none."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def show_raw(
        self,
        raw: bytes,
        anomalies: list[Anomaly],
        error_offset: int | None,
        pages: Pages | None = None,
    ) -> None:
        """Show ``raw``; mark ``error_offset`` (where parsing failed) and list ``anomalies``.
        ``pages``: ``raw_pages(raw)``, when already made on a worker thread."""
        mark = None if error_offset is None else (error_offset, len(raw))
        self.text.set_pages(pages or raw_pages(raw), mark)
        self.anomaly_list.clear()
        if error_offset is not None:
            self._add(error_offset, self.tr("Parsing failed here; the rest is shown as received."))
        for anomaly in anomalies:
            self._add(anomaly.offset, say(anomaly.message))
        if self.anomaly_list.count() == 0:
            item = QListWidgetItem(self.tr("No anomalies: the response is well-formed."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.anomaly_list.addItem(item)

    def go_to_offset(self, offset: int) -> None:
        """Show the page holding byte ``offset`` with the cursor on it."""
        self.text.go_to_offset(offset)

    def _add(self, offset: int, message: str) -> None:
        text = self.tr("At byte {offset}: {message}").format(offset=offset, message=message)
        item = QListWidgetItem(text)
        item.setData(_OFFSET_ROLE, offset)
        item.setToolTip(self.tr("Click to show this byte"))
        self.anomaly_list.addItem(item)

    @Slot(QListWidgetItem)
    def _item_chosen(self, item: QListWidgetItem) -> None:
        offset = item.data(_OFFSET_ROLE)
        if isinstance(offset, int):
            self.go_to_offset(offset)
            self.offset_chosen.emit(offset)
