"""Any bytes, cut anywhere: the reader never raises, keeps the bytes exactly, and does not care
how they were cut."""

from __future__ import annotations

import copy
import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.http import ParsedResponse, ResponseReader
from tests.core.http.feeding import read, snapshot

# Pieces of HTTP, so that random inputs reach chunked bodies, trailers, folds and pipelining.
FRAGMENTS = [
    b"HTTP/1.1 200 OK\r\n",
    b"HTTP/1.0 204 No Content\n",
    b"HTTP/1.1 100 Continue\r\n\r\n",
    b"HTTP/1.1 101 Switching Protocols\r\n",
    b"HTTP/1.1 2000 X\r\n",
    b"Content-Length: 3\r\n",
    b"Content-Length: 3, 4\r\n",
    b"Content-Length : x\r\n",
    b"Transfer-Encoding: chunked\r\n",
    b"Transfer-Encoding: gzip, chunked\r\n",
    b"Transfer-Encoding: chunked, br\r\n",
    b" folded\r\n",
    b"NoColon\r\n",
    b"\r\n",
    b"\n",
    b"\r",
    b"3\r\nabc\r\n",
    b"3;ext=1\nabc\n",
    b"ZZ\r\n",
    b"0\r\n",
    b"0\r\n\r\n",
    b"Trailer: t\r\n",
    b"abc",
]

http_like = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.binary(max_size=6)), max_size=24).map(
    b"".join
)
any_bytes = st.one_of(st.binary(max_size=300), http_like)
methods = st.sampled_from([b"GET", b"HEAD", b"CONNECT", b"head"])


def _cut(data: bytes, cuts: list[int]) -> list[bytes]:
    edges = sorted({0, len(data), *(c % (len(data) + 1) for c in cuts)})
    return [data[a:b] for a, b in itertools.pairwise(edges)]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=any_bytes, cuts=st.lists(st.integers(min_value=0), max_size=20), method=methods)
def test_any_bytes_in_any_pieces_never_raise_and_raw_is_the_input(
    data: bytes, cuts: list[int], method: bytes
) -> None:
    pieces = _cut(data, cuts)
    for close in (False, True):
        reader = read(pieces, method=method, close=close)
        assert reader.raw == data
        assert reader.discarded == 0
        assert snapshot(reader) == snapshot(read([data], method=method, close=close))
        for response in reader.responses:
            assert 0 <= response.offset <= response.offset + response.length <= len(data)
        for anomaly in reader.anomalies:
            assert 0 <= anomaly.offset <= len(data)
            assert anomaly.message
    assert reader.complete


@settings(max_examples=300, deadline=None)
@given(
    data=any_bytes,
    cuts=st.lists(st.integers(min_value=0), max_size=20),
    max_header=st.integers(min_value=0, max_value=64),
    max_body=st.integers(min_value=0, max_value=64),
)
def test_caps_keep_a_prefix_and_count_the_rest(
    data: bytes, cuts: list[int], max_header: int, max_body: int
) -> None:
    reader = read(_cut(data, cuts), max_header_bytes=max_header, max_body_bytes=max_body)
    assert data.startswith(reader.raw)
    assert len(reader.raw) + reader.discarded == len(data)
    assert len(reader.raw) <= max_header + max_body
    whole = read([data], max_header_bytes=max_header, max_body_bytes=max_body)
    assert snapshot(reader) == snapshot(whole)


@settings(max_examples=200, deadline=None)
@given(data=any_bytes)
def test_a_complete_response_never_changes_afterwards(data: bytes) -> None:
    reader = ResponseReader()
    finished: list[ParsedResponse] = []
    for i in range(len(data)):
        reader.feed(data[i : i + 1])
        assert reader.responses[: len(finished)] == finished
        finished = copy.deepcopy([r for r in reader.responses if r.complete])
    reader.close()
    assert reader.responses[: len(finished)] == finished
