"""The answer to a raw HTTP exchange: exact bytes, headers, body, anomalies, timings, TLS."""

from __future__ import annotations

import json

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QFormLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.core.codec.visible import visible_text
from desktop.core.http.charset import decode_text
from desktop.core.http.decode import decode_content
from desktop.core.http.exchange import ExchangeResult
from desktop.core.http.message import ParsedResponse
from desktop.ui.widgets.certificate_view import session_html

__all__ = ["HeadersModel", "ResponseView"]

# Formatting JSON builds the whole tree in memory and a long document slows the editor down:
# above this, the body is shown as received with a notice.
PRETTY_JSON_MAX = 2 << 20
# The decoded body kept for display: a larger one is cut (the Raw tab still has the bytes).
BODY_DISPLAY_MAX = 16 << 20
# The raw bytes shown: beyond this the Raw tab ends with a notice (one line per LF keeps it
# readable, but millions of lines would make the editor sluggish).
RAW_DISPLAY_MAX = 4 << 20
_LINE_MAX = 1 << 20  # visible_text's per-line cap

Index = QModelIndex | QPersistentModelIndex


class HeadersModel(QAbstractTableModel):
    """The status line and the header fields of one response, as received."""

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


def raw_text(data: bytes) -> str:
    """The bytes one line per LF, CR, LF, TAB and control bytes drawn as escapes."""
    shown = data[:RAW_DISPLAY_MAX]
    lines = [visible_text(line, "utf-8", _LINE_MAX) for line in shown.split(b"\n")]
    text = "\\n\n".join(lines)
    return text


def pretty_json(text: str) -> str | None:
    """``text`` indented when it is one JSON document, else None."""
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return json.dumps(value, indent=2, ensure_ascii=False)


class ResponseView(QTabWidget):
    """Tabs: Raw, Headers, Body, Anomalies, Timings, TLS."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.raw_edit = QPlainTextEdit(readOnly=True)
        self.raw_edit.setFont(fixed)
        self.raw_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.headers_model = HeadersModel(self)
        self.headers_table = QTableView()
        self.headers_table.setModel(self.headers_model)
        self.headers_table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch
        )
        self.headers_table.verticalHeader().hide()
        self.body_notice = QLabel()
        self.body_notice.setWordWrap(True)
        self.body_edit = QPlainTextEdit(readOnly=True)
        self.body_edit.setFont(fixed)
        body_page = QWidget()
        body_layout = QVBoxLayout(body_page)
        body_layout.addWidget(self.body_notice)
        body_layout.addWidget(self.body_edit, 1)
        self.anomaly_list = QListWidget()
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
        self.tls_browser = QTextBrowser()
        self.addTab(self.raw_edit, self.tr("Raw"))
        self.addTab(self.headers_table, self.tr("Headers"))
        self.addTab(body_page, self.tr("Body"))
        self.addTab(self.anomaly_list, self.tr("Anomalies"))
        self.addTab(timings_page, self.tr("Timings"))
        self.addTab(self.tls_browser, self.tr("TLS"))

    def clear_result(self) -> None:
        """Show nothing."""
        self.raw_edit.clear()
        self.headers_model.set_response(None)
        self.body_notice.clear()
        self.body_edit.clear()
        self.anomaly_list.clear()
        for label in self.timing_labels.values():
            label.setText("—")
        self.tls_browser.clear()

    def show_result(self, result: ExchangeResult) -> None:
        """Show everything ``result`` holds; the last response fills Headers and Body."""
        raw = result.reader.raw
        text = raw_text(raw)
        if len(raw) > RAW_DISPLAY_MAX:
            text += "\n" + self.tr("[%n byte(s) more not shown]", "", len(raw) - RAW_DISPLAY_MAX)
        self.raw_edit.setPlainText(text)
        response = result.responses[-1] if result.responses else None
        self.headers_model.set_response(response)
        self._show_body(response)
        self.anomaly_list.clear()
        for anomaly in result.reader.anomalies:
            self.anomaly_list.addItem(
                self.tr("At byte {offset}: {message}").format(
                    offset=anomaly.offset, message=anomaly.message
                )
            )
        for key, label in self.timing_labels.items():
            value = getattr(result.timings, key)
            label.setText("—" if value is None else self.tr("{ms:.1f} ms").format(ms=value))
        if result.tls_info is not None:
            self.tls_browser.setHtml(session_html(result.tls_info))
        else:
            self.tls_browser.setPlainText(self.tr("Plain TCP: no TLS."))

    def _show_body(self, response: ParsedResponse | None) -> None:
        if response is None:
            self.body_notice.setText(self.tr("No response was parsed."))
            self.body_edit.clear()
            return
        notes: list[str] = []
        decoded = decode_content(response.body, response.codings(), BODY_DISPLAY_MAX)
        if decoded.error:
            notes.append(decoded.error)
        if decoded.truncated:
            notes.append(self.tr("The body is cut at %n byte(s).", "", BODY_DISPLAY_MAX))
        types = response.header_values(b"content-type")
        content_type = types[0] if types else None
        text = decode_text(decoded.data, content_type)
        if text.note:
            notes.append(text.note)
        shown = text.text
        if len(decoded.data) > PRETTY_JSON_MAX:
            if shown.lstrip()[:1] in ("{", "["):
                notes.append(self.tr("Too large to format as JSON: shown as received."))
        else:
            pretty = pretty_json(shown) if shown.lstrip()[:1] in ("{", "[", '"') else None
            if pretty is not None:
                shown = pretty
                notes.append(self.tr("JSON, formatted."))
        self.body_notice.setText("\n".join(notes))
        self.body_edit.setPlainText(shown)
