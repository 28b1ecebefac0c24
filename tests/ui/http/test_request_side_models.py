"""The request side's table models pass Qt's model tester and show what they hold."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt

from desktop.core.http.cookies import StoredCookie
from desktop.core.http.exchange import ExchangeResult
from desktop.core.http.response import ResponseReader
from desktop.core.http.timings import Timings
from desktop.ui.http.batch_results import BatchResultsModel, batch_summary
from desktop.ui.http.cookies_view import CookiesModel


def result(raw: bytes, first_byte_ms: float, error: str | None = None) -> ExchangeResult:
    reader = ResponseReader(b"GET")
    reader.feed(raw)
    marks = {"time_starttransfer": first_byte_ms}
    timings = Timings(None, None, None, None, None, None, 2.0, marks_ms=marks)
    return ExchangeResult(b"GET / HTTP/1.1\r\n\r\n", reader, timings, None, error, None)


OK = b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"
MISSING = b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"


def test_cookies_model(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = CookiesModel()
    expires = int(time.time()) + 3600
    model.set_cookies(
        [
            StoredCookie("sid", "x" * 500, ".shop.test", "/", True, expires),
            StoredCookie("lang", "en", "shop.test", "/docs", False, None),
        ]
    )
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 2 and model.columnCount() == 6
    assert len(model.index(0, 1).data()) == 200  # the long value is cut in the table...
    assert len(model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)) == 500  # ...not in its tip
    assert [model.index(r, 4).data() for r in range(2)] == ["yes", ""]
    assert model.index(1, 5).data() == "session"
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Domain"
    model.set_cookies([])
    assert model.rowCount() == 0


def test_batch_results_model_and_summary(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = BatchResultsModel()
    results = [result(OK, 5.0), result(MISSING, 5.5), result(b"", 0.0, "refused")]
    model.add(results[:1])
    model.add(results[1:])
    qtmodeltester.check(model, force_py=True)
    assert [model.index(r, 1).data() for r in range(3)] == ["200", "404", "—"]
    assert model.index(2, 3).data() == "—" and model.index(0, 3).data() == "5.00 ms"
    assert model.index(2, 6).data() == "refused"
    assert batch_summary(results) == (
        "3 exchanges: 200 ×1, 404 ×1, — ×1; first bytes spread over 0.50 ms."
    )
    assert batch_summary(results[2:]) == "1 exchange: — ×1."
    assert batch_summary([]) == ""
    model.clear()
    assert model.rowCount() == 0
