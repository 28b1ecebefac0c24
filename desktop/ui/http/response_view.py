"""The answer to a raw HTTP exchange: exact bytes, hex, headers, body, pretty, image, timings, TLS.

Every view is paged or painted on demand over the bytes the reader holds (a 100 MB response is
never one widget text), and large bodies are decoded and formatted on worker threads.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Slot,
)
from PySide6.QtWidgets import (
    QFormLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QWidget,
)

from desktop.core.errors import SocketDeskError
from desktop.core.http.anomaly import AnomalyKind
from desktop.core.http.exchange import ExchangeResult
from desktop.core.http.message import ParsedResponse
from desktop.core.http.pretty import pretty_json
from desktop.core.units import format_bytes
from desktop.ui.http.body_data import BodyData
from desktop.ui.http.body_view import BodyView
from desktop.ui.http.image_preview import IMAGE_MAX_BYTES, ImagePreview, read_image
from desktop.ui.http.pages import Pages, raw_pages, raw_text
from desktop.ui.http.pretty_view import PrettyView
from desktop.ui.http.raw_view import RawView
from desktop.ui.http.turns import Turns
from desktop.ui.sentences import say
from desktop.ui.widgets.certificate_view import SessionBrowser
from desktop.ui.widgets.compact_tabs import compact_tabs
from desktop.ui.widgets.hex_view import HexView
from desktop.workers.task_runner import TaskRunner

__all__ = [
    "DEFAULT_BODY_CAP",
    "INLINE_RAW_MAX",
    "HeadersModel",
    "ResponseView",
    "pretty_json",
    "raw_text",
]

# A raw response up to this size is paged and shown at once; a larger one in turns (show_result).
INLINE_RAW_MAX = 1 << 20

# The default cap on a decoded body (the reader's own cap on received bytes is the same size).
DEFAULT_BODY_CAP = 256 << 20

Index = QModelIndex | QPersistentModelIndex


class HeadersModel(QAbstractTableModel):
    """The status line, the header fields and the trailer fields of one response, as received."""

    NAME, VALUE = 0, 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str]] = []

    def set_response(self, response: ParsedResponse | None) -> None:
        """Show ``response`` (None: empty)."""
        self.beginResetModel()
        self._rows = []
        if response is not None:
            status = "" if response.status is None else str(response.status)
            reason = response.reason.decode("latin-1")
            self._rows.append((self.tr("Status"), f"{status} {reason}".strip()))
            self._rows += [
                (name.decode("latin-1"), value.decode("latin-1"))
                for name, value in response.headers
            ]
            self._rows += [
                (
                    self.tr("{name} (trailer)").format(name=name.decode("latin-1")),
                    value.decode("latin-1"),
                )
                for name, value in response.trailers
            ]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt API)
        return 0 if parent.isValid() else 2

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        return self._rows[index.row()][index.column()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Name"), self.tr("Value"))[section] if 0 <= section < 2 else None
        return None


class ResponseView(QTabWidget):
    """Tabs: Raw (with anomalies), Hex, Headers, Body, Pretty, Image, Timings, TLS.

    Attributes:
        raw_edit: the Raw tab's editor (the current page of the raw bytes).
        body_edit: the Body tab's editor (the current page of the decoded body).
        anomaly_list: every anomaly with its offset; a click shows the byte in Raw and Hex.
    """

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self._generation = 0
        self._turns = Turns(self)
        self.raw_view = RawView(self.tasks)
        self.raw_edit: QPlainTextEdit = self.raw_view.text.edit
        self.anomaly_list: QListWidget = self.raw_view.anomaly_list
        self.hex_view = HexView()
        self.headers_model = HeadersModel(self)
        self.headers_table = QTableView()
        self.headers_table.setModel(self.headers_model)
        self.headers_table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch
        )
        self.headers_table.verticalHeader().hide()
        self.body_view = BodyView(self.tasks)
        self.body_view.max_decoded = DEFAULT_BODY_CAP
        self.body_notice = self.body_view.notice
        self.body_edit: QPlainTextEdit = self.body_view.text.edit
        self.pretty_view = PrettyView(self.tasks)
        self.image_preview = ImagePreview()
        timings_page = QWidget()
        timings_form = QFormLayout(timings_page)
        self.timing_labels: dict[str, QLabel] = {}
        for key, label in (
            ("dns_ms", self.tr("Name lookup")),
            ("connect_ms", self.tr("TCP connect")),
            ("tls_ms", self.tr("TLS handshake")),
            ("request_written_ms", self.tr("Request written")),
            ("ttfb_ms", self.tr("Waiting (TTFB)")),
            ("download_ms", self.tr("Download")),
            ("total_ms", self.tr("Total")),
        ):
            self.timing_labels[key] = QLabel("—")
            timings_form.addRow(label, self.timing_labels[key])
        self.tls_browser = SessionBrowser()
        self.addTab(self.raw_view, self.tr("Raw"))
        self.addTab(self.hex_view, self.tr("Hex"))
        self.addTab(self.headers_table, self.tr("Headers"))
        self.addTab(self.body_view, self.tr("Body"))
        self.addTab(self.pretty_view, self.tr("Pretty"))
        self.addTab(self.image_preview, self.tr("Image"))
        self.addTab(timings_page, self.tr("Timings"))
        self.addTab(self.tls_browser, self.tr("TLS"))
        # Every tab and its whole label in view at 1024 px: tighter padding (compact_tabs).
        compact_tabs(self)
        self.tabBar().setExpanding(False)
        self.raw_view.offset_chosen.connect(self.hex_view.scroll_to_offset)
        self.hex_view.offset_clicked.connect(self.raw_view.go_to_offset)
        self.body_view.body_ready.connect(self._body_ready)
        self.pretty_view.plain_requested.connect(self._show_plain_body)

    # --- settings --------------------------------------------------------------------------

    @property
    def body_cap(self) -> int:
        """The cap on a decoded body, in bytes (beyond it: "Truncated at …")."""
        return self.body_view.max_decoded

    @body_cap.setter
    def body_cap(self, value: int) -> None:
        self.body_view.max_decoded = max(1, value)

    # --- showing ---------------------------------------------------------------------------

    def clear_result(self) -> None:
        """Show nothing."""
        self._generation += 1
        self.raw_view.clear()
        self.hex_view.set_data(b"")
        self.headers_model.set_response(None)
        self.body_view.clear()
        self.pretty_view.clear()
        self.image_preview.clear()
        for label in self.timing_labels.values():
            label.setText("—")
        self.tls_browser.clear()

    def show_result(self, result: ExchangeResult) -> None:
        """Show everything ``result`` holds; the last response fills Headers, Body and Pretty.

        A raw response up to ``INLINE_RAW_MAX`` is shown at once. A larger one is shown in
        turns of the event loop (``Turns``), so that the GUI thread and a worker seldom run
        Python at the same time (they trade the GIL, and each turn took twice as long: #15):
        once this turn is over, a worker cuts the raw bytes into pages and makes the first
        page's text; the GUI thread sets it; once it is painted, the body's decoding starts on
        a worker, whose first page comes back made.
        """
        self._generation += 1
        reader = result.reader
        raw = reader.raw
        truncated = self._truncation_notes(result)
        self.hex_view.set_data(raw)
        marks = [(a.offset, 1) for a in reader.anomalies]
        if reader.error_offset is not None:
            marks.append((reader.error_offset, 1))
        self.hex_view.set_marks(marks)
        response = result.responses[-1] if result.responses else None
        self.headers_model.set_response(response)
        self.pretty_view.clear()
        self.image_preview.clear()
        if response is None:
            nothing = self.tr("No response was parsed.")
            self.pretty_view.notice.setText(nothing)
            self.image_preview.show_message(nothing)
        for key, label in self.timing_labels.items():
            value = getattr(result.timings, key)
            label.setText("—" if value is None else self.tr("{ms:.1f} ms").format(ms=value))
        if result.tls_info is not None:
            self.tls_browser.show_session(result.tls_info)
        else:
            self.tls_browser.setPlainText(self.tr("Plain TCP: no TLS."))
        if len(raw) <= INLINE_RAW_MAX:
            self.raw_view.show_raw(raw, reader.anomalies, reader.error_offset)
            self.raw_view.set_notice(" ".join(truncated))
            self.body_view.show_response(response, truncated)
            return
        self.raw_view.show_pending()
        self.raw_view.set_notice(" ".join(truncated))
        self.body_view.show_pending()
        generation = self._generation

        def raw_ready(pages: object, error: SocketDeskError | None) -> None:
            if generation != self._generation or not isinstance(pages, Pages):
                return  # a newer result is shown (making pages raises no SocketDeskError)
            self.raw_view.show_raw(raw, reader.anomalies, reader.error_offset, pages)
            self._turns.after_paint(decode)

        def decode() -> None:
            if generation == self._generation:
                self.body_view.show_response(response, truncated)

        def make_raw() -> None:
            if generation == self._generation:
                self.tasks.run(lambda: _prepared_raw(raw), raw_ready)

        # Started once this turn is over: a woken worker takes the GIL from the GUI thread.
        self._turns.after_paint(make_raw)

    def go_to_offset(self, offset: int) -> None:
        """Show byte ``offset`` of the raw response in the Raw and Hex tabs."""
        self.raw_view.go_to_offset(offset)
        self.hex_view.scroll_to_offset(offset)

    def _truncation_notes(self, result: ExchangeResult) -> list[str]:
        reader = result.reader
        if not any(a.kind is AnomalyKind.BODY_TRUNCATED_BY_CAP for a in reader.anomalies):
            return []
        return [
            self.tr(
                "Truncated at {cap}: the response reached the cap; {more} received after it"
                " were not kept."
            ).format(cap=format_bytes(reader.max_body_bytes), more=format_bytes(reader.discarded))
        ]

    @Slot(object)
    def _body_ready(self, body: BodyData) -> None:
        self.pretty_view.show_text(body.data, body.charset.encoding, body.kind)
        self._show_image(body)

    def _show_image(self, body: BodyData) -> None:
        if body.image is None:
            self.image_preview.show_message(self.tr("The body is not an image."))
            self.image_preview.shown.emit()
            return
        size = len(body.data)
        if size > IMAGE_MAX_BYTES:
            self.image_preview.show_message(
                self.tr("The image is {size}: no preview above {limit}.").format(
                    size=format_bytes(size), limit=format_bytes(IMAGE_MAX_BYTES)
                )
            )
            self.image_preview.shown.emit()
            return
        self.image_preview.show_message(self.tr("Decoding the image…"))
        data, kind, generation = bytes(body.data), body.image, self._generation

        def done(result: object, error: SocketDeskError | None) -> None:
            if generation != self._generation:
                return
            failed = say(error) if error is not None else None
            image, _size, problem = result if isinstance(result, tuple) else (None, None, failed)
            if image is None:
                self.image_preview.show_message(problem or self.tr("No preview."))
            else:
                self.image_preview.show_image(image, kind, size)
            self.image_preview.shown.emit()

        self.tasks.run(lambda: read_image(data), done)

    @Slot()
    def _show_plain_body(self) -> None:
        self.setCurrentWidget(self.body_view)


def _prepared_raw(raw: bytes) -> Pages:
    """On a worker thread: the raw view's pages, the first page's text made."""
    return raw_pages(raw).prepare(0)
