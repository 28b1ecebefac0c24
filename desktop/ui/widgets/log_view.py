"""A session's log: a virtualized table over the ring, with view options and a detail pane."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal, Slot
from PySide6.QtGui import QFontDatabase, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.capture import Direction, Record, RecordRing
from desktop.core.codec import ENCODINGS, detect_encoding, hexdump, visible_text
from desktop.ui.widgets.record_log_model import RecordLogModel

__all__ = ["LogView"]

# Detail pane: bytes of the selected record shown as a hexdump (its row shows only the first
# RecordLogModel.ROW_LIMIT bytes, 256).
_DETAIL_LIMIT = 64 * 1024
# Received bytes gathered before "Auto" picks an encoding.
_AUTO_SAMPLE = 4096
# The narrowest the search field gets: its placeholder and a few typed characters.
_SEARCH_MIN = 140


class _PeerFilter(QSortFilterProxyModel):
    """Shows only the records of one peer (a server's client), or all."""

    def __init__(self) -> None:
        super().__init__()
        self.peer: str | None = None

    def set_peer(self, peer: str | None) -> None:
        self.beginFilterChange()
        self.peer = peer
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        if self.peer is None:
            return True
        model = self.sourceModel()
        assert isinstance(model, RecordLogModel)
        return model.ring[source_row].peer == self.peer


class LogView(QWidget):
    """Table of records with Text/Hex view, encoding (or Auto), pause, follow, search, export.

    Signals:
        export_requested(str): "text", "hexdump", "raw" or "pcapng".
    """

    export_requested = Signal(str)

    def __init__(self, max_bytes: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RecordLogModel(RecordRing(max_bytes=max_bytes))
        # Attached to the model only while a filter is set: attached, it hears every
        # rowsInserted and asks ``filterAcceptsRow`` (Python) once per new row, which under a
        # UDP flood (thousands of rows a batch, each call waiting for the GIL) was half the
        # GUI thread's time with no filter set at all.
        self.proxy = _PeerFilter()
        self.held = RecordRing(max_bytes=max_bytes)  # records that arrive while paused
        self._auto_sample = bytearray()
        self.detected: str | None = None
        self._build()
        self._connect_signals()

    # -- construction ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.mode_combo = QComboBox()
        self.mode_combo.addItem(self.tr("Text"), RecordLogModel.TEXT)
        self.mode_combo.addItem(self.tr("Hex"), RecordLogModel.HEX)
        self.encoding_combo = QComboBox()
        self.encoding_combo.setObjectName("logEncoding")
        self.encoding_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.encoding_combo.addItem(self.tr("Auto"), "auto")
        for codec, label in ENCODINGS:
            self.encoding_combo.addItem(label, codec)
        self.pause_check = QCheckBox(self.tr("Pause view"))
        self.pause_check.setToolTip(self.tr("Freeze the view; capture and counters go on"))
        self.follow_check = QCheckBox(self.tr("Follow"))
        self.follow_check.setChecked(True)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search"))
        self.search_edit.setToolTip(self.tr("Search text or hex — Enter: next"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMaximumWidth(220)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setShortcut(QKeySequence("Ctrl+L"))
        self.export_button = QToolButton()
        self.export_button.setText(self.tr("Export"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        for kind, label in (
            ("text", self.tr("Log as text…")),
            ("hexdump", self.tr("Hexdump…")),
            ("raw", self.tr("Received bytes…")),
            ("pcapng", self.tr("pcapng for Wireshark…")),
        ):
            action = menu.addAction(label)
            action.setData(kind)
        menu.triggered.connect(lambda action: self.export_requested.emit(action.data()))
        self.export_button.setMenu(menu)
        self.status_label = QLabel()
        self.status_label.setObjectName("logStatus")

        tools = QHBoxLayout()
        self._tools = tools
        # On a pane too narrow for one row, the search field and the status go to a second
        # row instead of being squeezed (_place_search).
        self._second_row = QHBoxLayout()
        tools.addWidget(self.mode_combo)
        tools.addWidget(self.encoding_combo)
        tools.addWidget(self.pause_check)
        tools.addWidget(self.follow_check)
        tools.addWidget(self.status_label, 1)
        tools.addWidget(self.search_edit)
        tools.addWidget(self.clear_button)
        tools.addWidget(self.export_button)

        self.table = QTableView()
        self.table.setObjectName("logView")
        self.table.setModel(self.model)  # the filter proxy only while a filter is set
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        vertical = self.table.verticalHeader()
        vertical.setVisible(False)
        vertical.setDefaultSectionSize(22)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.resizeSection(RecordLogModel.TIME, 100)
        header.resizeSection(RecordLogModel.DIRECTION, 36)
        header.resizeSection(RecordLogModel.PEER, 150)
        header.resizeSection(RecordLogModel.SIZE, 72)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.detail = QPlainTextEdit()
        self.detail.setObjectName("logDetail")
        self.detail.setReadOnly(True)
        self.detail.setFont(mono)
        self.detail.setPlaceholderText(self.tr("Select a row to see all its bytes"))
        self.detail.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 1)
        split.setSizes([500, 90])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(tools)
        layout.addLayout(self._second_row)
        layout.addWidget(split, 1)
        self._fit_encoding()

    def _connect_signals(self) -> None:
        self.mode_combo.currentIndexChanged.connect(self._view_changed)
        self.encoding_combo.currentIndexChanged.connect(self._view_changed)
        self.pause_check.toggled.connect(self._pause_toggled)
        self.clear_button.clicked.connect(self.clear)
        self.search_edit.returnPressed.connect(self.find_next)
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)

    # -- data -------------------------------------------------------------------------------------
    def append(self, records: Sequence[Record]) -> None:
        """Add records (a batch); held back while the view is paused."""
        if self.encoding_combo.currentData() == "auto" and self.detected is None:
            self._learn_encoding(records)
        if self.pause_check.isChecked():
            self.held.append_many(records)
            self.status_label.setText(
                self.tr("Paused: %n new record(s) waiting", "", len(self.held))
            )
            return
        self.model.append_records(records)
        if self.follow_check.isChecked():
            self.table.scrollToBottom()

    def add_info(self, record: Record) -> None:
        """Add one session event."""
        self.append([record])

    @Slot()
    def clear(self) -> None:
        """Forget every record shown (counters are not touched)."""
        self.model.clear()
        self.held.clear()
        self.detail.clear()

    def records(self, peer: str | None = None) -> list[Record]:
        """The records held, oldest first (of one peer, or all)."""
        ring = self.model.ring
        rows = [ring[i] for i in range(len(ring))]
        return rows if peer is None else [r for r in rows if r.peer == peer]

    def set_peer_filter(self, peer: str | None) -> None:
        """Show only one peer's records (None: all).

        Without a filter the view reads the model directly: every call through a proxy is one
        more Qt→Python round trip, each of which must take the GIL from the busy I/O thread.
        """
        if peer is not None and self.proxy.sourceModel() is not self.model:
            self.proxy.setSourceModel(self.model)
        self.proxy.set_peer(peer)
        wanted = self.model if peer is None else self.proxy
        if self.table.model() is not wanted:
            self.table.setModel(wanted)
            self.table.selectionModel().currentRowChanged.connect(self._show_detail)
        if peer is None and self.proxy.sourceModel() is not None:
            self.proxy.setSourceModel(None)  # type: ignore[arg-type]

    def _source_row(self, index: QModelIndex) -> int:
        model = self.table.model()
        return self.proxy.mapToSource(index).row() if model is self.proxy else index.row()

    # -- toolbar --------------------------------------------------------------------------------
    def _fit_encoding(self) -> None:
        """The encoding box never narrower than its text ("Auto (utf-8)" must not clip)."""
        self.encoding_combo.setMinimumWidth(self.encoding_combo.sizeHint().width())
        self._place_search()

    def _one_row_width(self) -> int:
        """The width the toolbar needs on one row, the search field at its minimum."""
        fixed = (
            self.mode_combo,
            self.encoding_combo,
            self.pause_check,
            self.follow_check,
            self.clear_button,
            self.export_button,
        )
        spacing = max(self._tools.spacing(), 0) * (len(fixed) + 1)
        return sum(w.sizeHint().width() for w in fixed) + _SEARCH_MIN + spacing

    def _place_search(self) -> None:
        """Search and status on the toolbar when it fits, else on a row of their own."""
        one_row = self.width() >= self._one_row_width()
        if one_row == (self._tools.indexOf(self.search_edit) >= 0):
            return
        for widget in (self.status_label, self.search_edit):
            self._tools.removeWidget(widget)
            self._second_row.removeWidget(widget)
        if one_row:
            at = self._tools.indexOf(self.clear_button)
            self._tools.insertWidget(at, self.search_edit)
            self._tools.insertWidget(at, self.status_label, 1)
        else:
            self._second_row.addWidget(self.status_label, 1)
            self._second_row.addWidget(self.search_edit)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_search()

    # -- view -------------------------------------------------------------------------------------
    @property
    def encoding(self) -> str:
        """The encoding in use for text (the detected one under Auto; UTF-8 until known)."""
        chosen = self.encoding_combo.currentData()
        return (self.detected or "utf-8") if chosen == "auto" else str(chosen)

    def _learn_encoding(self, records: Sequence[Record]) -> None:
        for record in records:
            if record.direction is Direction.IN:
                self._auto_sample += record.data[: _AUTO_SAMPLE - len(self._auto_sample)]
        if len(self._auto_sample) >= _AUTO_SAMPLE or (
            self._auto_sample and not self._auto_sample.isascii()
        ):
            self.detected = detect_encoding(bytes(self._auto_sample))
            self.encoding_combo.setItemText(0, self.tr("Auto ({name})").format(name=self.detected))
            self._fit_encoding()
            self._view_changed()

    @Slot()
    def _view_changed(self) -> None:
        self.model.set_view(self.mode_combo.currentData(), self.encoding)
        self._show_detail(self.table.currentIndex())

    @Slot(bool)
    def _pause_toggled(self, paused: bool) -> None:
        if paused:
            self.status_label.setText(self.tr("Paused"))
            return
        held = [self.held[i] for i in range(len(self.held))]
        self.held.clear()
        self.status_label.clear()
        self.append(held)

    @Slot(QModelIndex)
    def _show_detail(self, index: QModelIndex) -> None:
        if not index.isValid():
            self.detail.clear()
            return
        record = self.model.ring[self._source_row(index)]
        data = record.data[:_DETAIL_LIMIT]
        more = len(record.data) - len(data)
        text = visible_text(data, self.encoding, _DETAIL_LIMIT)
        parts = [text, "", hexdump(data)]
        if more:
            parts.append(
                self.tr("… {more} more bytes not shown (export to see them)").format(more=more)
            )
        self.detail.setPlainText("\n".join(parts))

    @Slot()
    def find_next(self) -> None:
        """Select the next row holding the search text, as text or hex bytes (wrapping around)."""
        needle = self.search_edit.text()
        if not needle:
            self.status_label.setText(self.tr("Type text or hex bytes to search for"))
            return
        view_model = self.table.model()
        rows = view_model.rowCount()
        start = self.table.currentIndex().row() + 1 if self.table.currentIndex().isValid() else 0
        matches = self.model.matcher(needle)
        for step in range(rows):
            row = (start + step) % rows
            source = self._source_row(view_model.index(row, RecordLogModel.DATA))
            if matches(source):
                self.follow_check.setChecked(False)
                self.table.selectRow(row)
                self.table.scrollTo(view_model.index(row, 0))
                self.status_label.clear()
                return
        self.status_label.setText(self.tr("Not found: {text}").format(text=needle))
