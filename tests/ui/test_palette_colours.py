"""Every custom colour comes from the palette and follows a theme change live: for each place,
Light → Dark → Light, the colours used follow the palette in use and text stays readable."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QIcon, QImage, QPalette, QPixmap, QTextCharFormat
from PySide6.QtWidgets import QApplication, QTextBrowser
from pytestqt.qtbot import QtBot

from desktop.core.capture import Direction, Record
from desktop.core.errors import InputError
from desktop.core.net.certs import CertificateInfo
from desktop.core.net.tls import TlsSessionInfo, VerifyProblem
from desktop.ui.http.diff_view import ResponseDiffDialog
from desktop.ui.http.paged_text import PagedText
from desktop.ui.http.pages import Pages
from desktop.ui.http.pretty_view import PrettyView
from desktop.ui.http.request_editor import RequestEditor
from desktop.ui.messenger.tray import badge_icon
from desktop.ui.theme import apply_theme, contrast, is_dark, tint, tone_hue
from desktop.ui.widgets.certificate_view import CertificateDialog
from desktop.ui.widgets.log_view import LogView
from desktop.ui.widgets.send_box import SendBox
from desktop.workers.task_runner import TaskRunner
from tests.ui.http.test_response_view import fetch, response

TEXT = 4.5  # WCAG AA for text given as a colour (role data, formats, HTML)
INK = 3.0  # for text sampled from a grab (anti-aliasing softens the strokes)
THEMES = ("light", "dark", "light")

Switch = Callable[[str], QPalette]


@pytest.fixture
def switch(qapp: QApplication) -> Iterator[Switch]:
    """Applies a theme to the application (as View ▸ Theme does) and gives its palette."""
    before = QPalette(qapp.palette())

    def apply(choice: str) -> QPalette:
        apply_theme(qapp, choice)
        QApplication.processEvents()
        palette = qapp.palette()
        assert is_dark(palette) == (choice == "dark")
        return palette

    yield apply
    qapp.setPalette(before)


def _base(palette: QPalette) -> QColor:
    return palette.color(QPalette.ColorRole.Base)


def _text(palette: QPalette) -> QColor:
    return palette.color(QPalette.ColorRole.Text)


def _over(color: QColor, background: QColor) -> QColor:
    """``color`` composited over an opaque ``background``."""
    a = color.alphaF()
    pairs = zip(color.getRgbF()[:3], background.getRgbF()[:3], strict=True)
    return QColor.fromRgbF(*(c * a + b * (1 - a) for c, b in pairs))


def _near(a: QColor, b: QColor, tolerance: int) -> bool:
    pairs = zip(a.getRgb()[:3], b.getRgb()[:3], strict=True)
    return max(abs(x - y) for x, y in pairs) <= tolerance


def _follows(background: QColor, palette: QPalette) -> None:
    """A tinted background is on the palette's side (dark in Dark) and its text reads on it."""
    assert (background.lightnessF() < 0.5) == is_dark(palette), background.name()
    assert contrast(_text(palette), background) >= TEXT, background.name()


def _ink(image: QImage, rect: QRect, background: QColor) -> QColor:
    """The pixel of ``rect`` that differs most from ``background``: the text's colour."""
    best, best_ratio = background, 1.0
    for y in range(rect.top(), rect.bottom() + 1):
        for x in range(rect.left(), rect.right() + 1):
            pixel = image.pixelColor(x, y)
            ratio = contrast(pixel, background)
            if ratio > best_ratio:
                best, best_ratio = pixel, ratio
    return best


def test_log_colours_are_read_from_the_palette_when_asked_and_the_view_repaints(
    qtbot: QtBot, switch: Switch
) -> None:
    view = LogView(1 << 20)
    qtbot.addWidget(view)
    view.resize(700, 300)
    view.show()
    qtbot.waitExposed(view)
    now = time.time_ns()
    view.append(
        [
            Record(now, Direction.IN, "127.0.0.1:9", b"HHHHHHHHHHHH received"),
            Record(now, Direction.OUT, "127.0.0.1:9", b"HHHHHHHHHHHH sent"),
            Record(now, Direction.INFO, "127.0.0.1:9", b"HHHHHHHHHHHH connected"),
        ]
    )
    model = view.model
    seen: dict[str, list[QColor]] = {}
    for theme in THEMES:
        palette = switch(theme)
        colors = []
        for row in range(3):
            index = model.index(row, model.DATA)
            color = model.data(index, 9)  # ForegroundRole
            assert isinstance(color, QColor)
            assert contrast(color, _base(palette)) >= TEXT, (theme, row, color.name())
            colors.append(color)
        seen.setdefault(theme, colors)
        # What is painted follows too: the received row's text in the view, sampled.
        table = view.table
        rect = table.visualRect(table.model().index(0, model.DATA))
        rect = rect.adjusted(2, 2, -2, -2)

        def painted(expected: QColor = colors[0], rect: QRect = rect) -> bool:
            image = view.table.viewport().grab().toImage()
            background = image.pixelColor(rect.right() - 1, rect.top() + 1)
            ink = _ink(image, rect, background)
            return contrast(ink, background) >= INK and _near(ink, expected, 48)

        qtbot.waitUntil(painted, timeout=5000)
    assert [c.name() for c in seen["light"]] != [c.name() for c in seen["dark"]]


def test_diff_rows_are_tinted_from_the_palette_and_redrawn_on_a_switch(
    qtbot: QtBot, switch: Switch
) -> None:
    left = fetch(response(b"one\ntwo\nthree\n", 'ETag: "v1"'))
    right = fetch(response(b"one\nTWO\nfour\nfive\n", 'ETag: "v2"'))
    dialog = ResponseDiffDialog(left, right)
    qtbot.addWidget(dialog)
    dialog.show()
    for theme in THEMES:
        palette = switch(theme)
        tinted = 0
        for view in (dialog.left_view, dialog.right_view):
            block = view.document().begin()
            while block.isValid():
                fmt = block.blockFormat()
                if fmt.hasProperty(QTextCharFormat.Property.BackgroundBrush):
                    _follows(fmt.background().color(), palette)
                    tinted += 1
                for piece in block.layout().formats() or []:
                    assert not piece.format.hasProperty(QTextCharFormat.Property.ForegroundBrush)
                it = block.begin()
                while not it.atEnd():
                    char = it.fragment().charFormat()
                    if char.hasProperty(QTextCharFormat.Property.ForegroundBrush):
                        color = char.foreground().color()
                        background = (
                            fmt.background().color()
                            if fmt.hasProperty(QTextCharFormat.Property.BackgroundBrush)
                            else _base(palette)
                        )
                        assert contrast(color, background) >= TEXT
                    it += 1
                block = block.next()
        assert tinted >= 4, theme  # the changed and missing lines of both sides


def test_request_highlighting_reads_on_the_base_in_both_themes(
    qtbot: QtBot, switch: Switch
) -> None:
    editor = RequestEditor()
    qtbot.addWidget(editor)
    editor.show()
    editor.set_bytes(b"POST /submit HTTP/1.1\r\nHost: example.test\r\n\r\nbody=1")
    colors: dict[str, set[str]] = {}
    for theme in THEMES:
        palette = switch(theme)
        document = editor.text_edit.document()
        used: set[str] = set()
        block = document.begin()
        while block.isValid():
            for piece in block.layout().formats():
                color = piece.format.foreground().color()
                used.add(color.name())
                assert contrast(color, _base(palette)) >= TEXT, (theme, color.name())
            block = block.next()
        assert len(used) >= 4
        colors.setdefault(theme, used)
        marker = editor.text_edit.marker_color
        assert contrast(marker, _base(palette)) >= INK, (theme, marker.name())
        assert editor.exact_bytes() is not None  # new colours are not an edit
    assert colors["light"] != colors["dark"]


def test_send_box_input_error_follows_the_theme(qtbot: QtBot, switch: Switch) -> None:
    box = SendBox(with_file=False)
    qtbot.addWidget(box)
    box.resize(700, 200)
    box.show()
    qtbot.waitExposed(box)
    box.editor.setPlainText("48 65 zz")
    box.show_error(InputError("'z' is not a hex digit", position=6, length=2))
    for theme in THEMES:
        palette = switch(theme)
        [selection] = box.editor.extraSelections()
        background = _over(selection.format.background().color(), _base(palette))
        _follows(background, palette)
        foreground = selection.format.foreground().color()
        assert contrast(foreground, background) >= TEXT
        label = box.error_label

        def readable(label=label, palette=palette) -> bool:
            image = label.grab().toImage()
            window = palette.color(QPalette.ColorRole.Window)
            ink = _ink(image, image.rect(), window)
            return contrast(ink, window) >= INK and ink.red() > ink.blue()  # red-ish: an error

        qtbot.waitUntil(readable, timeout=5000)


def test_paged_text_mark_follows_the_theme(qtbot: QtBot, switch: Switch) -> None:
    view = PagedText()
    qtbot.addWidget(view)
    view.show()
    data = b'{"a": 1,\n "b": }\n'
    view.set_pages(Pages(data, lambda chunk, _first: chunk.decode()), mark=(14, 15))
    for theme in THEMES:
        palette = switch(theme)
        [selection] = view.edit.extraSelections()
        mark = _over(selection.format.background().color(), _base(palette))
        _follows(mark, palette)
        # The theme's error mark, the same as the send box's: one look for "wrong here".
        assert _near(mark, tint(palette, "error", strength=2.0), 1), (theme, mark.name())


def _session() -> TlsSessionInfo:
    leaf = CertificateInfo(
        "CN=bad.test", "CN=Test CA", *_dates(), ("DNS:bad.test",), "0A", "AB:CD", False
    )
    problem = VerifyProblem(0, 10, "certificate has expired", leaf.subject)
    return TlsSessionInfo(
        "TLSv1.3", "TLS_AES_256_GCM_SHA384", None, (leaf,), False, (problem,), True
    )


def _dates():  # type: ignore[no-untyped-def]
    import datetime as dt

    return dt.datetime(2020, 1, 1, tzinfo=dt.UTC), dt.datetime(2021, 1, 1, tzinfo=dt.UTC)


def _html_colors(browser: QTextBrowser) -> list[QColor]:
    """The colours of the visible text in ``browser`` (not of spaces)."""
    spans = re.findall(r"color:\s*(#[0-9a-fA-F]{6})[^>]*>([^<]*)<", browser.toHtml())
    return [QColor(color) for color, text in spans if text.strip()]


def test_certificate_outcome_colours_follow_the_theme(qtbot: QtBot, switch: Switch) -> None:
    switch("light")
    dialog = CertificateDialog(_session())
    qtbot.addWidget(dialog)
    dialog.show()
    browser = dialog.findChild(QTextBrowser)
    assert browser is not None
    shown: dict[str, list[str]] = {}
    for theme in THEMES:
        palette = switch(theme)
        colors = _html_colors(browser)
        assert colors, theme
        for color in colors:
            assert contrast(color, _base(palette)) >= TEXT, (theme, color.name())
        shown.setdefault(theme, [c.name() for c in colors])
    assert shown["light"] != shown["dark"]


def test_pretty_json_is_highlighted_again_in_a_style_for_the_theme(
    qtbot: QtBot, switch: Switch, runner: TaskRunner
) -> None:
    switch("light")
    view = PrettyView(runner)
    qtbot.addWidget(view)
    view.show()
    view.show_text(b'{"name": "SocketDesk", "count": 3, "ok": true, "none": null}', "utf-8", "json")
    shown: dict[str, list[str]] = {}
    for theme in THEMES:
        palette = switch(theme)
        colors = _html_colors(view.browser)
        assert len(colors) >= 3, theme
        for color in colors:
            assert contrast(color, _base(palette)) >= TEXT, (theme, color.name())
        shown.setdefault(theme, [c.name() for c in colors])
    assert shown["light"] != shown["dark"]


def test_tray_badge_takes_the_error_tone_and_a_readable_number(
    qtbot: QtBot, switch: Switch
) -> None:
    plain = QPixmap(64, 64)
    plain.fill(QColor("#808080"))
    for theme in THEMES:
        palette = switch(theme)
        image = badge_icon(QIcon(plain), 3).pixmap(64, 64).toImage()
        disc = image.pixelColor(58, 20)  # inside the disc, away from the digit
        expected = tone_hue(palette, "error")
        assert _near(disc, expected, 3), (theme, disc.name(), expected.name())
        digit = _ink(image, QRect(30, 8, 26, 28), disc)
        assert contrast(digit, disc) >= TEXT, (theme, digit.name(), disc.name())
