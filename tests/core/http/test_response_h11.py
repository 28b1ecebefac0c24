"""h11 as a second opinion: on conformant responses it must see what our lenient reader sees."""

from __future__ import annotations

import h11
import pytest

from desktop.core.http import ParsedResponse
from tests.core.http.cases import CASES, Case
from tests.core.http.feeding import read

CONFORMANT = [case for case in CASES if case.conformant]

Seen = tuple[int, list[tuple[bytes, bytes]], bytes, list[tuple[bytes, bytes]]]


def _h11_read(data: bytes, method: bytes, count: int) -> list[Seen]:
    """Status, raw headers, body and trailers of ``count`` final responses (plus 1xx) per h11."""
    conn = h11.Connection(our_role=h11.CLIENT)
    seen: list[Seen] = []
    conn.receive_data(data)
    conn.receive_data(b"")
    for _ in range(count):
        if conn.our_state is h11.DONE:
            conn.start_next_cycle()
        conn.send(h11.Request(method=method, target="/", headers=[("Host", "example.test")]))
        conn.send(h11.EndOfMessage())
        body = b""
        while True:
            event = conn.next_event()
            if isinstance(event, h11.InformationalResponse):
                seen.append((event.status_code, list(event.headers.raw_items()), b"", []))
            elif isinstance(event, h11.Response):
                status, headers = event.status_code, list(event.headers.raw_items())
            elif isinstance(event, h11.Data):
                body += event.data
            elif isinstance(event, h11.EndOfMessage):
                seen.append((status, headers, body, list(event.headers.raw_items())))
                break
            else:
                raise AssertionError(f"h11 gave {event!r}")
    return seen


def _ours(response: ParsedResponse) -> Seen:
    assert response.status is not None
    return response.status, response.headers, response.body, response.trailers


@pytest.mark.parametrize("case", CONFORMANT, ids=lambda c: c.id)
def test_h11_sees_the_same_responses(case: Case) -> None:
    reader = read([case.data], method=case.method)
    finals = sum(1 for r in reader.responses if r.status is not None and r.status >= 200)
    assert [_ours(r) for r in reader.responses] == _h11_read(case.data, case.method, finals)
    assert reader.anomalies == []


def test_h11_agrees_on_obs_fold_unfolding() -> None:
    data = b"HTTP/1.1 200 OK\r\nX-Long: a\r\n  b\t\r\nContent-Length: 0\r\n\r\n"
    assert _ours(read([data]).responses[0]) == _h11_read(data, b"GET", 1)[0]


def test_h11_agrees_on_lf_only_lines() -> None:
    data = b"HTTP/1.1 200 OK\nContent-Length: 2\n\nhi"
    assert _ours(read([data]).responses[0]) == _h11_read(data, b"GET", 1)[0]


def _h11_rejects(data: bytes, method: bytes) -> bool:
    """Whether h11 raises on these bytes (read to the close) before it has read them all."""
    conn = h11.Connection(our_role=h11.CLIENT)
    conn.send(h11.Request(method=method, target="/", headers=[("Host", "example.test")]))
    conn.send(h11.EndOfMessage())
    conn.receive_data(data)
    conn.receive_data(b"")
    try:
        while True:
            event = conn.next_event()
            if event is h11.NEED_DATA or event is h11.PAUSED:
                return False
            if isinstance(event, (h11.EndOfMessage, h11.ConnectionClosed)):
                return False
    except h11.RemoteProtocolError:
        return True


REFUSED = [case for case in CASES if _h11_rejects(case.data, case.method)]


def test_h11_refuses_the_deviations_this_table_is_about() -> None:
    assert {"bare-cr-between-fields", "two-spaces-before-status", "rtsp"} <= {
        case.id for case in REFUSED
    }


@pytest.mark.parametrize("case", REFUSED, ids=lambda c: c.id)
def test_what_h11_refuses_the_lenient_reader_names(case: Case) -> None:
    """A strict parser's rejection is never silent here: the reader names an anomaly (the
    differential that smuggling work looks for), and keeps every byte."""
    reader = read([case.data], method=case.method)
    assert reader.anomalies, f"h11 refuses {case.data[:60]!r} but the reader said nothing"
    assert reader.raw == case.data
