"""What a large response costs the GUI thread (#15): the history write and the page breaks of a
large body are done on worker threads, and a body page is small enough to lay out at once."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QObject
from pytestqt.qtbot import QtBot

from desktop.core.http.exchange import ExchangeResult, HttpTarget
from desktop.core.http.response import ResponseReader
from desktop.core.http.timings import Timings
from desktop.core.store.http_history import MAX_STORED_RESPONSE, HttpHistory
from desktop.ui.http import body_view as body_view_module
from desktop.ui.http import pages as pages_module
from desktop.ui.http.body_view import BodyView
from desktop.ui.http.history_pane import BACKGROUND, HistoryPane
from desktop.ui.http.pages import RAW_PAGE_BYTES
from desktop.ui.http.response_view import INLINE_RAW_MAX, ResponseView
from desktop.workers.task_runner import TaskRunner

REQUEST = b"GET /big HTTP/1.1\r\nHost: localhost\r\n\r\n"


@pytest.fixture
def tasks() -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.shutdown()


def _result(body: bytes) -> ExchangeResult:
    reader = ResponseReader()
    reader.feed(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n")
    reader.feed(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    reader.freeze()
    return ExchangeResult(
        raw_sent=REQUEST,
        reader=reader,
        timings=Timings(None, None, None, None, None, None, 1.0),
        tls_info=None,
        error=None,
        connection=None,
    )


def _text(size: int) -> bytes:
    line = b"the quick brown fox jumps over the lazy dog, again and again\n"
    return (line * (size // len(line) + 1))[:size]


def _threads_of(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> list[str]:
    seen: list[str] = []
    original = getattr(owner, name)

    def recording(*args: object, **kwargs: object) -> object:
        seen.append(threading.current_thread().name)
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, recording)
    return seen


def test_a_large_response_is_written_to_the_history_off_the_gui_thread(
    qtbot: QtBot, history: HttpHistory, tasks: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = _threads_of(monkeypatch, HttpHistory, "add")
    pane = HistoryPane(history, tasks=tasks)
    qtbot.addWidget(pane)
    result = _result(_text(MAX_STORED_RESPONSE + BACKGROUND))
    assert pane.store(HttpTarget("127.0.0.1", 80), REQUEST, result, None) is None
    qtbot.waitUntil(lambda: pane.model.rowCount() == 1)
    assert seen and threading.main_thread().name not in seen
    [entry] = history.recent()
    stored = history.get(entry.id)
    assert stored.response == result.reader.raw[:MAX_STORED_RESPONSE]
    assert entry.truncated and entry.status == 200


def test_the_history_keeps_the_order_in_which_exchanges_finished(
    qtbot: QtBot, history: HttpHistory, tasks: TaskRunner
) -> None:
    pane = HistoryPane(history, tasks=tasks)
    qtbot.addWidget(pane)
    target = HttpTarget("127.0.0.1", 80)
    pane.store(target, REQUEST, _result(_text(2 * BACKGROUND)), None)  # written on a worker
    pane.store(target, REQUEST, _result(b"small"), None)  # written at once, finished later
    qtbot.waitUntil(lambda: pane.model.rowCount() == 2)
    newest, oldest = history.recent()
    assert newest.t_ns > oldest.t_ns
    assert history.get(newest.id).response.endswith(b"small")


def test_a_small_response_is_still_written_at_once(
    qtbot: QtBot, history: HttpHistory, tasks: TaskRunner
) -> None:
    pane = HistoryPane(history, tasks=tasks)
    qtbot.addWidget(pane)
    pane.store(HttpTarget("127.0.0.1", 80), REQUEST, _result(b"hello"), None)
    assert pane.model.rowCount() == 1  # listed before the call returns


def test_a_large_body_is_cut_into_small_pages_off_the_gui_thread(
    qtbot: QtBot, tasks: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = _threads_of(monkeypatch, body_view_module, "text_pages")
    view = BodyView(tasks)
    qtbot.addWidget(view)
    body = _text(4 << 20)
    with qtbot.waitSignal(view.body_ready, timeout=30_000):
        view.show_response(_result(body).responses[0])
    assert seen and threading.main_thread().name not in seen
    page = view.text.edit.toPlainText()
    # 512 KiB pages took 25 to 43 ms to lay out on the GUI thread: a page is now 128 KiB (plus
    # at most the rest of its last line).
    assert 0 < len(page) <= (128 << 10) + 8192
    assert body.decode().startswith(page)


def test_a_large_response_is_shown_in_turns_with_page_texts_made_off_the_gui_thread(
    qtbot: QtBot, tasks: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The GUI thread only sets text it is handed, and the body's decoding (a worker running
    Python, which takes the GIL from the GUI thread) starts once the raw page is painted."""
    raw_made = _threads_of(monkeypatch, pages_module, "raw_text")
    body_made = _threads_of(monkeypatch, pages_module, "_wrap")  # every body line goes by it
    painted = _Painted()
    raw_painted_first: list[bool] = []
    show_response = BodyView.show_response

    def decoding(body_view: BodyView, *args: object) -> None:
        raw_painted_first.append(bool(view.raw_edit.toPlainText()) and painted.since_text)
        show_response(body_view, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(BodyView, "show_response", decoding)
    view = ResponseView(tasks)
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    qtbot.waitExposed(view)
    view.raw_edit.viewport().installEventFilter(painted)
    view.raw_edit.textChanged.connect(painted.text_set)
    result = _result(_text(2 * INLINE_RAW_MAX))
    with qtbot.waitSignal(view.body_view.body_ready, timeout=30_000):
        view.show_result(result)
    assert raw_made and body_made and raw_painted_first == [True]
    assert threading.main_thread().name not in raw_made + body_made
    first_page = pages_module.raw_pages(result.reader.raw)
    assert first_page.span(0)[1] <= RAW_PAGE_BYTES + 8192
    assert view.raw_edit.toPlainText() == first_page.text(0)
    assert _text(2 * INLINE_RAW_MAX).decode().startswith(view.body_edit.toPlainText())


class _Painted(QObject):
    """Watches a viewport: has it been painted since its text was last set?"""

    def __init__(self) -> None:
        super().__init__()
        self.since_text = False

    def text_set(self) -> None:
        self.since_text = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.since_text = True
        return False


def test_a_page_turned_to_is_made_off_the_gui_thread_and_only_the_last_asked_is_shown(
    qtbot: QtBot, tasks: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = ResponseView(tasks)
    qtbot.addWidget(view)
    body = _text(4 << 20)
    result = _result(body)
    with qtbot.waitSignal(view.body_view.body_ready, timeout=30_000):
        view.show_result(result)
    made = _threads_of(monkeypatch, pages_module, "_wrap")  # every body line goes by it
    paged = view.body_view.text
    paged.show_page(3)
    paged.show_page(5)  # asked before page 3 is back: page 3 is never shown
    shown: list[int] = []
    paged.edit.textChanged.connect(lambda: shown.append(paged.current_page()))
    qtbot.waitUntil(lambda: paged.current_page() == 5)
    # An anomaly on another raw page: the cursor is put on it once that page is made.
    raw = view.raw_view.text
    offset = len(result.reader.raw) - 100
    view.go_to_offset(offset)
    qtbot.waitUntil(lambda: raw.current_page() == raw.page_count() - 1)
    assert tasks.wait()
    qtbot.wait(10)  # deliver what the workers finished
    assert shown == [5] and paged.current_page() == 5
    assert made and threading.main_thread().name not in made
    assert paged.edit.toPlainText() == pages_module.text_pages(body, "utf-8").text(5)
    assert raw.cursor_offset_text() == pages_module.raw_pages(result.reader.raw).position_of(offset)


def test_a_page_shown_at_once_is_not_replaced_by_one_still_being_made(
    qtbot: QtBot, tasks: TaskRunner
) -> None:
    view = ResponseView(tasks)
    qtbot.addWidget(view)
    body = _text(4 << 20)
    with qtbot.waitSignal(view.body_view.body_ready, timeout=30_000):
        view.show_result(_result(body))
    paged = view.body_view.text
    first = paged.edit.toPlainText()  # page 0, made ahead: shown at once when asked again
    paged.show_page(3)  # made on a worker
    paged.show_page(0)  # the user went back before page 3 came
    assert tasks.wait()
    qtbot.wait(20)  # deliver what the workers finished
    assert paged.current_page() == 0 and paged.edit.toPlainText() == first
    paged.show_page(4)  # made on a worker
    paged.go_to_offset(10)  # a byte of the page shown: that page stays, the cursor on it
    assert tasks.wait()
    qtbot.wait(20)
    assert paged.current_page() == 0 and paged.edit.toPlainText() == first
