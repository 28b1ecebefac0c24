"""The reusable hex view: rows exactly as ``hexdump -C``, painted on demand, clicks and copy."""

from __future__ import annotations

import subprocess

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from desktop.ui.widgets.hex_view import ROW_BYTES, HexView, hex_row

DATA = b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc\x00\xff"


def test_rows_match_hexdump(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "data.bin"
    path.write_bytes(DATA)
    dump = subprocess.run(["hexdump", "-C", str(path)], capture_output=True, text=True)
    if dump.returncode == 0:  # util-linux's hexdump is the reference where it is installed
        expected = [line for line in dump.stdout.splitlines()[:-1]]
    else:
        expected = [
            "00000000  48 54 54 50 2f 31 2e 31  20 32 30 30 20 4f 4b 0d  |HTTP/1.1 200 OK.|",
            "00000010  0a 43 6f 6e 74 65 6e 74  2d 4c 65 6e 67 74 68 3a  |.Content-Length:|",
            "00000020  20 33 0d 0a 0d 0a 61 62  63 00 ff                 | 3....abc..|",
        ]
    rows = [hex_row(DATA[i : i + ROW_BYTES], i) for i in range(0, len(DATA), ROW_BYTES)]
    assert rows == expected


def test_exact_rows_in_the_widget(qtbot: QtBot) -> None:
    view = HexView()
    qtbot.addWidget(view)
    view.set_data(DATA)
    assert view.row_count() == 3
    assert view.row_text(0) == (
        "00000000  48 54 54 50 2f 31 2e 31  20 32 30 30 20 4f 4b 0d  |HTTP/1.1 200 OK.|"
    )
    assert view.row_text(2) == (
        "00000020  20 33 0d 0a 0d 0a 61 62  63 00 ff                 | 3....abc..|"
    )
    view.set_data(b"")
    assert view.row_count() == 0


def test_a_large_buffer_is_kept_by_reference_and_scrolled_to_any_offset(qtbot: QtBot) -> None:
    data = bytes(range(256)) * (64 << 10)  # 16 MiB: a million rows
    view = HexView()
    qtbot.addWidget(view)
    view.resize(700, 400)
    view.show()
    view.set_data(data)
    assert view.data_length() == len(data) and view.row_count() == len(data) // ROW_BYTES
    view.scroll_to_offset(len(data) - 1)
    last = view.row_count() - 1
    assert view.selected_rows() == (last, last)
    assert view.first_visible_row() <= last < view.first_visible_row() + 100
    assert view.selected_text() == view.row_text(last)
    assert view.row_text(last).startswith(f"{last * ROW_BYTES:08x}  f0 f1")
    view.grab()  # paints the rows on screen only


def test_a_click_gives_the_offset_and_copy_copies_the_rows(qtbot: QtBot) -> None:
    view = HexView()
    qtbot.addWidget(view)
    view.resize(700, 300)
    view.show()
    view.set_data(DATA)
    metrics = view.fontMetrics()
    # Row 1, the hex cell of byte 3 of the row (column 10 + 3 * 3 characters in).
    point = QPoint(metrics.horizontalAdvance("0") * (10 + 3 * 3) + 2, metrics.height() + 2)
    with qtbot.waitSignal(view.offset_clicked) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)  # type: ignore[no-untyped-call]
    assert blocker.args == [ROW_BYTES + 3]
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)  # type: ignore[no-untyped-call]
    assert QGuiApplication.clipboard().text() == view.row_text(1)
