"""The reader's fast path (a whole, strictly well-formed head in one regex match) gives exactly
what the line-by-line path gives, and hands everything else to it."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.http import ResponseReader
from desktop.core.http.anomaly import AnomalyKind
from desktop.core.http.head import HeadParser
from tests.core.http.feeding import snapshot

TOKEN_CHARS = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
HEAD_KINDS = {
    AnomalyKind.LF_ONLY_LINE,
    AnomalyKind.BARE_CR,
    AnomalyKind.OBS_FOLD,
    AnomalyKind.LEADING_EMPTY_LINES,
    AnomalyKind.MALFORMED_STATUS_LINE,
    AnomalyKind.STATUS_LINE_SPACES,
    AnomalyKind.HTTP_VERSION,
    AnomalyKind.NOT_HTTP,
    AnomalyKind.MALFORMED_HEADER_LINE,
}

# Values: any byte but CR and LF (the reader names no other), with OWS around them sometimes.
values = st.binary(max_size=12).map(lambda v: v.replace(b"\r", b"").replace(b"\n", b""))
names = st.one_of(
    st.sampled_from([b"Content-Length", b"content-length", b"Transfer-Encoding", b"Connection"]),
    st.text(TOKEN_CHARS, min_size=1, max_size=10).map(str.encode),
)
lengths = st.sampled_from([b"0", b"3", b"12", b" 3 ", b"3, 3", b"3, 4", b"x", b"", b"chunked"])
fields = st.lists(
    st.one_of(
        st.tuples(names, values),
        st.tuples(st.just(b"Content-Length"), lengths),
        st.tuples(st.just(b"Transfer-Encoding"), st.sampled_from([b"chunked", b"gzip", b"br"])),
        st.tuples(
            st.sampled_from([b"Connection", b"CONNECTION"]),
            st.sampled_from([b"close", b"keep-alive", b" Keep-Alive , close", b"upgrade", b""]),
        ),
    ),
    max_size=8,
)
status_lines = st.builds(
    lambda version, code, reason: b"HTTP/1.%d %03d" % (version, code) + reason,
    st.integers(0, 1),
    st.integers(100, 599),
    st.one_of(st.just(b""), values.map(lambda r: b" " + r)),
)
bodies = st.sampled_from([b"", b"abc", b"3\r\nabc\r\n0\r\n\r\n", b"HTTP/1.1 200 OK\r\n\r\n"])


def _head(status: bytes, pairs: list[tuple[bytes, bytes]]) -> bytes:
    return status + b"\r\n" + b"".join(n + b":" + v + b"\r\n" for n, v in pairs) + b"\r\n"


# One deviation each, placed in a well-formed head; the slow path names every one of them.
DEVIATIONS = [
    lambda h: h.replace(b"\r\n", b"\n", 1),  # LF-only status line
    lambda h: h.replace(b"\r\n", b"\r", 1) + b"X: 1\r\n\r\n",  # bare CR ends the status line
    lambda h: h[:-2] + b"A: 1\rB: 2\r\n\r\n",  # bare CR between fields
    lambda h: h[:-2] + b"A: 1\r\n folded\r\n\r\n",  # obs-fold
    lambda h: b"\r\n" + h,  # leading empty line
    lambda h: h.replace(b"HTTP/1.", b"HTTP/5.", 1),  # another version
    lambda h: h.replace(b"HTTP/1.1", b"RTSP/1.0", 1).replace(b"HTTP/1.0", b"ICE/1.0", 1),
    lambda h: h.replace(b" ", b"  ", 1),  # two spaces after the version
    lambda h: h[:-2] + b"Bad Name: 1\r\n\r\n",  # whitespace in the name
    lambda h: h[:-2] + b"NoColon\r\n\r\n",  # no colon
    lambda h: h[:-2] + b"A : 1\r\n\r\n",  # whitespace before the colon
]


def _both(data: bytes, method: bytes = b"GET") -> tuple[ResponseReader, ResponseReader]:
    fast, slow = ResponseReader(method), ResponseReader(method, fast=False)
    for reader in (fast, slow):
        reader.feed(data)
        reader.close()
    return fast, slow


@pytest.fixture
def slow_lines(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the lines the slow path reads (none for a head the fast path took)."""
    calls: list[int] = []
    line = HeadParser._line

    def counting(self: HeadParser, text: bytes, pos: int, lf_only: bool) -> None:
        calls.append(pos)
        line(self, text, pos, lf_only)

    monkeypatch.setattr(HeadParser, "_line", counting)
    return calls


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    status=status_lines,
    pairs=fields,
    body=bodies,
    method=st.sampled_from([b"GET", b"HEAD"]),
)
def test_a_well_formed_head_takes_the_fast_path_with_the_same_result(
    status: bytes,
    pairs: list[tuple[bytes, bytes]],
    body: bytes,
    method: bytes,
    slow_lines: list[int],
) -> None:
    head = _head(status, pairs)
    data = head + body
    slow_lines.clear()
    fast = ResponseReader(method)
    fast.feed(data)
    fast.close()
    assert [pos for pos in slow_lines if pos < len(head)] == []  # the head: in one match
    slow = ResponseReader(method, fast=False)
    slow.feed(data)
    slow.close()
    assert snapshot(fast) == snapshot(slow)
    assert fast.raw == data


@settings(max_examples=300, deadline=None)
@given(
    status=status_lines,
    pairs=fields,
    body=bodies,
    deviation=st.sampled_from(range(len(DEVIATIONS))),
)
def test_any_deviation_falls_back_and_is_named(
    status: bytes, pairs: list[tuple[bytes, bytes]], body: bytes, deviation: int
) -> None:
    data = DEVIATIONS[deviation](_head(status, pairs)) + body
    fast, slow = _both(data)
    assert snapshot(fast) == snapshot(slow)
    assert {a.kind for a in fast.anomalies} & HEAD_KINDS
    assert fast.raw == data


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=200), cut=st.integers(min_value=0, max_value=200))
def test_any_bytes_give_the_same_result_on_both_paths(data: bytes, cut: int) -> None:
    whole = b"HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\n" + data
    for pieces in ([whole], [whole[:cut], whole[cut:]]):
        fast, slow = ResponseReader(), ResponseReader(fast=False)
        for piece in pieces:
            fast.feed(piece)
            slow.feed(piece)
        fast.close()
        slow.close()
        assert snapshot(fast) == snapshot(slow)


def test_raw_is_not_copied_and_a_held_raw_keeps_what_it_was() -> None:
    reader = ResponseReader()
    reader.feed(b"HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nabc")
    assert not reader.frozen  # the body in progress lags behind
    reader.freeze()
    assert reader.frozen
    before = reader.raw
    assert reader.raw is before  # the reader's own buffer: no copy
    reader.feed(b"de")
    assert before.endswith(b"abc")  # what was handed out does not change
    assert reader.raw.endswith(b"abcde") and not reader.frozen
    reader.feed(b"f")
    assert reader.responses[0].body == b"abcdef" and reader.responses[0].complete
