"""The response views over real exchanges with a loopback server: raw, hex, pretty, image, save."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import gzip
import json
import socket
import threading
import tracemalloc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from desktop.core.http.exchange import ExchangeResult, HttpTarget, exchange
from desktop.core.http.pretty import PRETTY_MAX
from desktop.ui.http.paged_text import PagedText
from desktop.ui.http.pages import PAGE_BYTES, RAW_PAGE_BYTES
from desktop.ui.http.response_view import ResponseView
from desktop.ui.http.save_body import safe_filename
from desktop.ui.widgets.hex_view import ROW_BYTES
from desktop.workers.task_runner import TaskRunner

REQUEST = b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"


@contextmanager
def answering_server(payload: bytes) -> Iterator[int]:
    """Accepts one connection, reads the request head, sends ``payload`` and closes cleanly
    (the request read first, so the close is a FIN, never a reset that loses data in flight)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)

    def serve() -> None:
        conn, _ = listener.accept()
        with conn:
            conn.settimeout(10)
            request = b""
            while b"\r\n\r\n" not in request:
                chunk = conn.recv(4096)
                if not chunk:
                    return
                request += chunk
            with contextlib.suppress(OSError):  # the client may stop reading at its cap
                conn.sendall(payload)
                conn.shutdown(socket.SHUT_WR)
                while conn.recv(65536):
                    pass

    thread = threading.Thread(target=serve, name="answering-server", daemon=True)
    thread.start()
    try:
        yield int(listener.getsockname()[1])
    finally:
        listener.close()
        thread.join(10)


def fetch(payload: bytes, max_response_bytes: int = 256 << 20) -> ExchangeResult:
    """What the exchange engine reads from a loopback server that sends ``payload``."""

    async def run(port: int) -> ExchangeResult:
        target = HttpTarget("127.0.0.1", port, read_timeout=10)
        result = await exchange(target, [REQUEST], max_response_bytes=max_response_bytes)
        if result.connection is not None:
            result.connection.close()
        return result

    with answering_server(payload) as port:
        return asyncio.run(run(port))


def response(body: bytes, *headers: str) -> bytes:
    head = "".join(f"{h}\r\n" for h in headers)
    return b"HTTP/1.1 200 OK\r\n" + head.encode() + b"Content-Length: %d\r\n\r\n" % len(body) + body


@pytest.fixture
def view(qtbot: QtBot, runner: TaskRunner) -> ResponseView:
    widget = ResponseView(tasks=runner)
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    return widget


def show(qtbot: QtBot, view: ResponseView, result: ExchangeResult) -> None:
    """Show ``result`` and wait until the body, the pretty view and the preview are final."""
    with qtbot.waitSignals(
        [view.body_view.body_ready, view.pretty_view.formatted, view.image_preview.shown],
        timeout=20_000,
    ):
        view.show_result(result)


def turn_to(qtbot: QtBot, paged: PagedText, page: int) -> None:
    """Show ``page`` and wait until it is shown (its text is made on a worker)."""
    paged.show_page(page)
    qtbot.waitUntil(lambda: paged.current_page() == page)


# --- raw, anomalies, hex ----------------------------------------------------------------------


def test_raw_shows_line_ends_and_lists_every_anomaly_with_a_jump(
    qtbot: QtBot, view: ResponseView
) -> None:
    payload = b"HTTP/1.1 200 OK\nContent-Length: 2\r\n\r\nokJUNK after the body"
    result = fetch(payload)
    show(qtbot, view, result)
    text = view.raw_edit.toPlainText()
    assert text.startswith("HTTP/1.1 200 OK\\n\nContent-Length: 2\\r\\n\n\\r\\n\nokJUNK")
    items = [view.anomaly_list.item(i) for i in range(view.anomaly_list.count())]
    offsets = [item.data(Qt.ItemDataRole.UserRole) for item in items]
    assert offsets == [a.offset for a in result.reader.anomalies] and len(offsets) == 2
    assert items[1].text().startswith(f"At byte {payload.index(b'JUNK')}:")
    with qtbot.waitSignal(view.raw_view.offset_chosen) as blocker:
        view.anomaly_list.itemClicked.emit(items[1])
    junk = payload.index(b"JUNK")
    assert blocker.args == [junk]
    assert text[view.raw_view.text.cursor_offset_text() :].startswith("JUNK")
    assert view.hex_view.selected_rows() == (junk // ROW_BYTES, junk // ROW_BYTES)
    assert view.hex_view.row_text(0).startswith("00000000  48 54 54 50")
    view.hex_view.offset_clicked.emit(payload.index(b"okJUNK"))  # a click in Hex: Raw follows
    assert text[view.raw_view.text.cursor_offset_text() :].startswith("okJUNK")


def test_the_point_where_parsing_failed_is_marked(qtbot: QtBot, view: ResponseView) -> None:
    payload = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\nZZ\r\n"
    result = fetch(payload)
    assert result.reader.error_offset == payload.index(b"ZZ")
    show(qtbot, view, result)
    first = view.anomaly_list.item(0)
    assert first.data(Qt.ItemDataRole.UserRole) == payload.index(b"ZZ")
    assert "Parsing failed" in first.text()
    marks = view.raw_edit.extraSelections()
    assert len(marks) == 1 and marks[0].cursor.selectedText().startswith("ZZ")


def test_a_large_raw_response_is_paged_and_every_page_reachable(
    qtbot: QtBot, view: ResponseView
) -> None:
    body = b"".join(b"line %07d\r\n" % i for i in range(200_000))  # 2.6 MB
    result = fetch(response(body))
    show(qtbot, view, result)
    pages = view.raw_view.text
    assert pages.page_count() == pytest.approx(len(result.reader.raw) / RAW_PAGE_BYTES, abs=1)
    assert len(view.raw_edit.toPlainText()) < 2 * PAGE_BYTES
    view.setCurrentWidget(view.raw_view)
    assert pages.page_bar.isVisible()
    qtbot.mouseClick(pages.last_button, Qt.MouseButton.LeftButton)  # type: ignore[no-untyped-call]
    qtbot.waitUntil(lambda: pages.current_page() == pages.page_count() - 1)  # made on a worker
    assert view.raw_edit.toPlainText().endswith("line 0199999\\r\\n\n")
    assert view.body_view.text.page_count() > 1
    turn_to(qtbot, view.body_view.text, view.body_view.text.page_count() - 1)
    assert view.body_edit.toPlainText().endswith("line 0199999\n")  # the editor drops CR


# --- pretty ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content_type", "body", "line"),
    [
        ("application/json", b'{"b":[1,2],"a":"x"}', '  "b": ['),
        ("application/xml", b"<?xml version='1.0'?><r><a>1</a></r>", "  <a>"),
        ("text/html", b"<!doctype html><html><body><p>hi</p></body></html>", "    <p>"),
    ],
)
def test_json_xml_and_html_are_formatted_and_highlighted(
    qtbot: QtBot, view: ResponseView, content_type: str, body: bytes, line: str
) -> None:
    show(qtbot, view, fetch(response(body, f"Content-Type: {content_type}")))
    pretty = view.pretty_view.result
    assert pretty is not None and pretty.reformatted and line in pretty.text.splitlines()
    assert "<span style=" in pretty.html
    document = view.pretty_view.browser.document()
    colours = {
        fragment.charFormat().foreground().color().name()
        for block in _blocks(document)
        for fragment in _fragments(block)
    }
    assert len(colours) > 1  # highlighted: more than one text colour
    assert "formatted" in view.pretty_view.notice.text()


def test_a_medium_json_body_is_formatted_on_a_worker(qtbot: QtBot, view: ResponseView) -> None:
    value = {"items": [{"n": i, "name": f"item {i}"} for i in range(2000)]}
    body = json.dumps(value, separators=(",", ":")).encode()
    assert 16 << 10 < len(body) < PRETTY_MAX
    show(qtbot, view, fetch(response(body, "Content-Type: application/json")))
    pretty = view.pretty_view.result
    assert pretty is not None and json.loads(pretty.text) == value
    assert pretty.text.startswith('{\n  "items": [\n    {\n      "n": 0,')


def test_a_body_above_the_limit_is_not_formatted_and_says_so(
    qtbot: QtBot, view: ResponseView
) -> None:
    body = json.dumps(list(range(PRETTY_MAX // 3))).encode()
    assert len(body) > PRETTY_MAX
    show(qtbot, view, fetch(response(body, "Content-Type: application/json")))
    assert view.pretty_view.result is None
    assert "only bodies up to" in view.pretty_view.notice.text()
    assert view.pretty_view.browser.toPlainText() == ""
    view.setCurrentWidget(view.pretty_view)
    assert view.pretty_view.plain_button.isVisible()
    qtbot.mouseClick(view.pretty_view.plain_button, Qt.MouseButton.LeftButton)  # type: ignore[no-untyped-call]
    assert view.currentWidget() is view.body_view
    assert view.body_edit.toPlainText().startswith("[0, 1, 2,")


# --- image ---------------------------------------------------------------------------------------


def _png(width: int, height: int) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#3366cc"))
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")
    return bytes(array.data())


def test_a_png_is_previewed_with_its_dimensions(qtbot: QtBot, view: ResponseView) -> None:
    png = _png(37, 21)
    show(qtbot, view, fetch(response(png, "Content-Type: image/png")))
    preview = view.image_preview
    assert (preview.image_size.width(), preview.image_size.height()) == (37, 21)
    assert "PNG image, 37 × 21 pixels" in preview.info.text()
    assert preview.picture.pixmap().width() == 37


def test_a_broken_image_gets_a_sentence(qtbot: QtBot, view: ResponseView) -> None:
    show(qtbot, view, fetch(response(_png(5, 5)[:40], "Content-Type: image/png")))
    assert view.image_preview.info.text().startswith("The image could not be decoded")
    assert view.image_preview.picture.pixmap().isNull()


# --- save body -----------------------------------------------------------------------------------


def test_save_body_writes_the_exact_bytes_decoded_or_as_received(
    qtbot: QtBot, view: ResponseView, tmp_path: Path
) -> None:
    body = bytes(range(256)) * 300
    packed = gzip.compress(body)
    payload = response(packed, "Content-Encoding: gzip", "Content-Type: application/octet-stream")
    show(qtbot, view, fetch(payload))
    for decoded, expected in ((True, body), (False, packed)):
        path = tmp_path / f"body-{decoded}.bin"
        with qtbot.waitSignal(view.body_view.saved) as blocker:
            view.body_view.save_to(path, decoded=decoded)
        assert path.read_bytes() == expected
        assert blocker.args[0].endswith(f"written to {path}.")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["body-False.bin", "body-True.bin"]


def test_a_save_that_fails_says_why(qtbot: QtBot, view: ResponseView, tmp_path: Path) -> None:
    show(qtbot, view, fetch(response(b"hello")))
    with qtbot.waitSignal(view.body_view.saved) as blocker:
        view.body_view.save_to(tmp_path / "missing" / "x.bin")
    assert blocker.args[0].startswith("Could not write")
    assert view.body_view.save_status.text() == blocker.args[0]


def test_the_default_name_comes_from_content_disposition_sanitised(
    qtbot: QtBot, view: ResponseView
) -> None:
    hostile = 'Content-Disposition: attachment; filename="../../.bashrc\\"x"'
    show(qtbot, view, fetch(response(b"{}", hostile, "Content-Type: application/json")))
    assert view.body_view.suggested_name() == 'bashrc"x'.replace('"', "_")


@pytest.mark.parametrize(
    ("header", "kind", "name"),
    [
        (b'attachment; filename="report.pdf"', None, "report.pdf"),
        (b"attachment; filename=../../etc/passwd", None, "passwd"),
        (b'attachment; filename="..\\\\..\\\\windows\\\\system.ini"', None, "system.ini"),
        (b"attachment; filename*=UTF-8''%E6%8A%A5%E5%91%8A.txt; filename=x.txt", None, "报告.txt"),
        (b"attachment; filename*=UTF-8''..%2F..%2Fevil%00.sh", None, "evil_.sh"),
        (b'attachment; filename="CON.txt"', None, "_CON.txt"),
        (b'attachment; filename="a\r\nb|c?.txt"', None, "a__b_c_.txt"),
        (b'attachment; filename="..."', "json", "response.json"),
        (b'attachment; filename=""', "png", "response.png"),
        (None, None, "response.bin"),
        (b'attachment; filename="' + b"a" * 300 + b'.tar.gz"', None, "a" * 117 + ".gz"),
    ],
)
def test_safe_filename(header: bytes | None, kind: str | None, name: str) -> None:
    assert safe_filename(header, kind) == name


# --- caps and memory -----------------------------------------------------------------------------


def test_the_reader_cap_gives_an_honest_truncated_notice(qtbot: QtBot, view: ResponseView) -> None:
    result = fetch(response(b"x" * (3 << 20)), max_response_bytes=1 << 20)
    show(qtbot, view, result)
    assert view.raw_view.notice.text().startswith("Truncated at 1.0 MiB")
    assert view.body_notice.text().startswith("Truncated at 1.0 MiB")


def test_the_decoded_body_cap_gives_an_honest_truncated_notice(
    qtbot: QtBot, view: ResponseView
) -> None:
    view.body_cap = 64 << 10
    payload = response(gzip.compress(b"z" * (1 << 20)), "Content-Encoding: gzip")
    show(qtbot, view, fetch(payload))
    assert "Truncated at 64.0 KiB" in view.body_notice.text()
    assert view.body_view.body is not None and len(view.body_view.body.data) == 64 << 10


def test_a_20_mb_response_is_shown_with_bounded_extra_memory(
    qtbot: QtBot, view: ResponseView
) -> None:
    line = b'{"id": 123456, "name": "the quick brown fox", "ok": true}\n'
    body = line * ((20 << 20) // len(line))
    result = fetch(response(body, "Content-Type: application/x-ndjson"))
    assert result.error is None and result.responses[0].body_size == len(body)
    del body
    gc.collect()
    tracemalloc.start()
    try:
        before, _ = tracemalloc.get_traced_memory()
        show(qtbot, view, result)
        turn_to(qtbot, view.raw_view.text, view.raw_view.text.page_count() - 1)
        turn_to(qtbot, view.body_view.text, view.body_view.text.page_count() - 1)
        view.hex_view.scroll_to_offset(len(result.reader.raw) - 1)
        for index in range(view.count()):
            view.setCurrentIndex(index)
        view.grab()
        after, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    size = len(result.reader.raw)
    # The raw buffer is frozen into bytes once (a transient copy); nothing else grows with it.
    assert after - before < 1.15 * size
    assert peak - before < 2.3 * size
    assert result.responses[0].body_view().obj is result.reader.raw
    assert view.body_view.body is not None and view.body_view.body.data.obj is result.reader.raw
    assert len(view.raw_edit.toPlainText()) < 2 * PAGE_BYTES
    assert len(view.body_edit.toPlainText()) < 2 * PAGE_BYTES
    assert view.body_edit.toPlainText().endswith(line.decode())
    assert "only bodies up to" in view.pretty_view.notice.text()


def _blocks(document):  # type: ignore[no-untyped-def]
    block = document.begin()
    while block.isValid():
        yield block
        block = block.next()


def _fragments(block):  # type: ignore[no-untyped-def]
    it = block.begin()
    while not it.atEnd():
        yield it.fragment()
        it += 1


def test_an_svg_is_previewed_when_qtsvg_is_there(qtbot: QtBot, view: ResponseView) -> None:
    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30">'
        b'<rect width="40" height="30" fill="red"/></svg>'
    )
    show(qtbot, view, fetch(response(svg, "Content-Type: image/svg+xml")))
    preview = view.image_preview
    assert (preview.image_size.width(), preview.image_size.height()) == (40, 30)
    assert preview.info.text().startswith("SVG image, 40 × 30 pixels")


def test_trailers_are_listed_after_the_headers(qtbot: QtBot, view: ResponseView) -> None:
    payload = (
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nTrailer: X-Sum\r\n\r\n"
        b"3\r\nabc\r\n0\r\nX-Sum: 42\r\n\r\n"
    )
    show(qtbot, view, fetch(payload))
    model = view.headers_model
    rows = [(model.index(r, 0).data(), model.index(r, 1).data()) for r in range(model.rowCount())]
    assert rows[-1] == ("X-Sum (trailer)", "42")
    assert view.body_edit.toPlainText() == "abc"
    assert view.body_notice.text() == "3 B, read as utf-8 (valid UTF-8)."
