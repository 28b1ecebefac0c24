"""The log view's search: it finds what the user sees, in Text or in Hex (issue 11)."""

from __future__ import annotations

from desktop.core.capture import Direction, Record
from desktop.ui.widgets.log_view import LogView
from desktop.ui.widgets.record_log_model import RecordLogModel

RECORDS = [
    Record(1, Direction.OUT, "127.0.0.1:9", b"PING\r\n"),
    Record(2, Direction.IN, "127.0.0.1:9", "你好 world".encode() + b"\x00\xff"),
    Record(3, Direction.INFO, "127.0.0.1:9", b"Disconnected."),
]


def make_log(qtbot, mode: str) -> LogView:  # type: ignore[no-untyped-def]
    log = LogView(max_bytes=1 << 20)
    qtbot.addWidget(log)
    log.encoding_combo.setCurrentIndex(log.encoding_combo.findData("utf-8"))
    log.mode_combo.setCurrentIndex(log.mode_combo.findData(mode))
    log.append(RECORDS)
    return log


def found(log: LogView, query: str) -> int | None:
    log.table.clearSelection()
    log.table.setCurrentIndex(log.table.model().index(-1, 0))
    log.search_edit.setText(query)
    log.find_next()
    index = log.table.currentIndex()
    return index.row() if index.isValid() else None


def test_search_finds_text_while_the_log_shows_hex(qtbot) -> None:  # type: ignore[no-untyped-def]
    log = make_log(qtbot, RecordLogModel.HEX)
    assert log.model.row_text(1).startswith("e4 bd a0")  # the view shows hex
    assert found(log, "WORLD") == 1
    assert found(log, "你好") == 1
    assert found(log, "disconnected") == 2


def test_search_finds_hex_bytes_in_either_view(qtbot) -> None:  # type: ignore[no-untyped-def]
    for mode in (RecordLogModel.TEXT, RecordLogModel.HEX):
        log = make_log(qtbot, mode)
        assert found(log, "0d 0a") == 0
        assert found(log, "00FF") == 1
        assert found(log, "0x77,0x6f") == 1
        assert found(log, "\\r\\n") == 0  # the escapes the text view shows
        assert found(log, "77 77") is None
        assert log.status_label.text() == "Not found: 77 77"


def test_an_empty_search_says_what_to_type(qtbot) -> None:  # type: ignore[no-untyped-def]
    log = make_log(qtbot, RecordLogModel.TEXT)
    assert found(log, "") is None
    assert log.status_label.text() == "Type text or hex bytes to search for"


def test_without_a_peer_filter_new_rows_cost_no_filter_call(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """An idle filter must not ask Python about every appended row (the UDP flood's stall)."""
    from desktop.ui.widgets import log_view

    calls: list[int] = []
    accepts = log_view._PeerFilter.filterAcceptsRow

    def counting(self, row, parent):  # type: ignore[no-untyped-def]
        calls.append(row)
        return accepts(self, row, parent)

    monkeypatch.setattr(log_view._PeerFilter, "filterAcceptsRow", counting)
    log = make_log(qtbot, RecordLogModel.TEXT)
    batch = [Record(10 + i, Direction.IN, f"127.0.0.1:{i % 2}", b"x") for i in range(200)]
    log.append(batch)
    assert calls == []
    # A filter still sees every row, new ones included, and goes quiet again when lifted.
    log.set_peer_filter("127.0.0.1:1")
    assert log.table.model().rowCount() == 100
    log.append([Record(999, Direction.IN, "127.0.0.1:1", b"y")])
    assert log.table.model().rowCount() == 101
    log.set_peer_filter(None)
    assert log.table.model().rowCount() == len(RECORDS) + 201
    calls.clear()
    log.append(batch)
    assert calls == []
