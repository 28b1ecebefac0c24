from __future__ import annotations

import time
import tracemalloc

import pytest

from desktop.core.http import AnomalyKind, ResponseReader
from tests.core.http.cases import CASES, CHUNKED, OK, Case
from tests.core.http.feeding import byte_pieces, random_pieces, read, snapshot

IDS = [case.id for case in CASES]


def _read(case: Case, pieces: list[bytes], close: bool = True) -> ResponseReader:
    return read(pieces, method=case.method, close=close, **case.caps)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_vector_whole(case: Case) -> None:
    reader = _read(case, [case.data])
    kept = len(case.data) if case.kept is None else case.kept
    assert reader.raw == case.data[:kept]
    assert reader.discarded == len(case.data) - kept
    assert reader.responses == list(case.responses)
    assert [(a.kind, a.offset) for a in reader.anomalies] == list(case.anomalies)
    assert all(str(a.message).endswith(".") and len(str(a.message)) > 20 for a in reader.anomalies)
    assert reader.error_offset == case.error_offset
    assert reader.complete


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_vector_before_close(case: Case) -> None:
    reader = _read(case, [case.data], close=False)
    assert reader.complete == case.complete_before_close


@pytest.mark.parametrize("case", CASES, ids=IDS)
@pytest.mark.parametrize("close", [False, True], ids=["open", "closed"])
def test_vector_byte_by_byte_is_the_same(case: Case, close: bool) -> None:
    whole = snapshot(_read(case, [case.data], close))
    assert snapshot(_read(case, byte_pieces(case.data), close)) == whole


@pytest.mark.parametrize("case", CASES, ids=IDS)
@pytest.mark.parametrize("seed", range(8))
def test_vector_in_random_pieces_is_the_same(case: Case, seed: int) -> None:
    for close in (False, True):
        whole = snapshot(_read(case, [case.data], close))
        assert snapshot(_read(case, random_pieces(case.data, seed), close)) == whole


def test_every_anomaly_kind_and_framing_has_a_vector() -> None:
    kinds = {kind for case in CASES for kind, _ in case.anomalies}
    assert kinds == set(AnomalyKind)
    framings = {r.framing for case in CASES for r in case.responses}
    assert framings == {"content-length", "chunked", "close", "none"}


# A body delimited by close takes every byte: there is no "after" for it.
SELF_DELIMITED = [c for c in CASES if c.conformant and c.responses[-1].framing != "close"]


@pytest.mark.parametrize("case", SELF_DELIMITED, ids=lambda c: c.id)
@pytest.mark.parametrize("junk", [b"\x00junk\r\n", b"garbage after the message"])
def test_trailing_junk_after_a_complete_response_is_flagged_not_parsed(
    case: Case, junk: bytes
) -> None:
    reader = read([case.data + junk], method=case.method)
    assert reader.raw == case.data + junk
    assert reader.responses == list(case.responses)
    assert [(a.kind, a.offset) for a in reader.anomalies] == [
        (AnomalyKind.EXTRA_BYTES_AFTER_BODY, len(case.data))
    ]
    assert reader.error_offset is None
    assert snapshot(read(byte_pieces(case.data + junk), method=case.method)) == snapshot(reader)


def test_body_and_length_follow_the_bytes_as_they_arrive() -> None:
    reader = ResponseReader()
    reader.feed(OK + b"Content-Length: 6\r\n\r\nab")
    assert reader.responses[0].body == b"ab"
    assert not reader.responses[0].complete
    assert not reader.complete
    reader.feed(b"cdef")
    assert reader.responses[0].body == b"abcdef"
    assert reader.responses[0].complete
    assert reader.complete


def test_a_pipelined_response_in_progress_makes_the_exchange_incomplete_again() -> None:
    reader = ResponseReader()
    reader.feed(OK + b"Content-Length: 0\r\n\r\n")
    assert reader.complete
    reader.feed(b"HTTP/1.1 200 OK\r\n")
    assert not reader.complete
    assert len(reader.responses) == 2


def test_feed_after_close_is_counted_not_kept() -> None:
    reader = read([OK + b"Content-Length: 0\r\n\r\n"])
    reader.feed(b"late")
    reader.close()
    assert reader.raw == OK + b"Content-Length: 0\r\n\r\n"
    assert reader.discarded == 4


def test_codings_list_content_then_transfer_codings() -> None:
    data = OK + b"Content-Encoding: gzip, br\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n"
    response = read([data]).responses[0]
    assert response.codings() == ["gzip", "br", "gzip"]
    assert response.header_values(b"CONTENT-ENCODING") == [b"gzip, br"]


def test_continue_flood_then_final_response() -> None:
    data = b"HTTP/1.1 100 Continue\r\n\r\n" * 1000 + OK + b"Content-Length: 2\r\n\r\nok"
    reader = read([data])
    assert [r.status for r in reader.responses] == [100] * 1000 + [200]
    assert reader.anomalies == []


def test_continue_flood_stops_at_the_header_cap() -> None:
    flood = b"HTTP/1.1 100 Continue\r\n\r\n" * 10_000
    reader = read(
        [flood[i : i + 4096] for i in range(0, len(flood), 4096)], max_header_bytes=1 << 16
    )
    assert len(reader.raw) == 1 << 16
    assert reader.anomalies[-1].kind is AnomalyKind.HEADER_TOO_LARGE
    assert reader.discarded == len(flood) - (1 << 16)


def test_endless_chunked_body_stops_at_the_cap_with_bounded_memory() -> None:
    cap = 1 << 20
    chunk = b"400\r\n" + b"x" * 1024 + b"\r\n"
    reader = ResponseReader(max_body_bytes=cap)
    tracemalloc.start()
    try:
        reader.feed(CHUNKED)
        for _ in range(16 * 1024):  # 16 MiB offered, 16 times the cap
            reader.feed(chunk)
        response = reader.responses[0]
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(reader.raw) == len(CHUNKED) + cap
    assert reader.complete
    assert reader.anomalies[-1].kind is AnomalyKind.BODY_TRUNCATED_BY_CAP
    assert len(response.body_raw) == cap
    assert not response.complete
    assert peak < 6 * cap  # raw, the de-chunked body, and their bytes copies


def test_one_megabyte_header_line_in_small_pieces_is_read_in_linear_time() -> None:
    data = OK + b"X-Huge: " + b"a" * 1_000_000 + b"\r\nContent-Length: 2\r\n\r\nok"
    started = time.perf_counter()
    reader = read([data[i : i + 16] for i in range(0, len(data), 16)])
    assert time.perf_counter() - started < 10  # a rescan per piece would take minutes
    assert reader.anomalies == []
    assert reader.responses[0].headers[0] == (b"X-Huge", b"a" * 1_000_000)
    assert reader.responses[0].body == b"ok"


def test_two_megabyte_header_line_stops_at_the_default_cap() -> None:
    data = OK + b"X-Huge: " + b"a" * (2 << 20) + b"\r\n\r\n"
    reader = ResponseReader()
    for i in range(0, len(data), 65536):
        reader.feed(data[i : i + 65536])
    assert len(reader.raw) == 1 << 20
    assert reader.raw == data[: 1 << 20]
    assert [a.kind for a in reader.anomalies] == [AnomalyKind.HEADER_TOO_LARGE]
    assert reader.complete


def test_a_field_line_cut_by_the_close_is_an_incomplete_head_not_a_bad_field() -> None:
    reader = ResponseReader(b"GET")
    reader.feed(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConte")
    reader.close()
    assert [a.kind for a in reader.anomalies] == [AnomalyKind.INCOMPLETE_HEAD]


def test_a_status_line_cut_inside_http_slash_is_incomplete() -> None:
    reader = ResponseReader(b"GET")
    reader.feed(b"HTT")
    reader.close()
    assert [a.kind for a in reader.anomalies] == [AnomalyKind.INCOMPLETE_HEAD]
    assert reader.raw == b"HTT"
