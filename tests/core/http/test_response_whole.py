"""A whole response read in one step (``ResponseReader._whole``) gives exactly what the line-by-line
reader gives: responses, anomalies, raw bytes and offsets, however the bytes are cut and
whatever buffer type carries them; and the look-ups it uses agree with their slow twins."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.http import ResponseReader
from desktop.core.http import body_store as body_store_module
from desktop.core.http.fields import FieldLines, whole_lines
from desktop.core.http.framing import decide_framing, is_final, persists, switches_protocol
from desktop.core.http.head import _FAST_HEAD, read_whole_head
from tests.core.http.feeding import snapshot

TOKEN_CHARS = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
NAMES = [
    b"Content-Length",
    b"CONTENT-LENGTH",
    b"Transfer-Encoding",
    b"transfer-ENCODING",
    b"Connection",
    b"X-Content-Length",  # near misses: a longer name that ends or starts like one
    b"Content-Lengthx",
    b"Connections",
    b"Keep-Alive",
    b"Tontent-Length",  # the names' starts swapped (the search shares them)
    b"Cransfer-Encoding",
    b"Tonnection",
    b"Con-Length",
]
values = st.binary(max_size=10).map(lambda v: v.replace(b"\r", b"").replace(b"\n", b""))
framing_values = st.sampled_from(
    [b"0", b"5", b" 5 ", b"5, 5", b"5,6", b"x", b"", b"chunked", b"gzip, chunked", b"close",
     b"Keep-Alive", b"keep-alive, close", b"upgrade"]
)  # fmt: skip
field = st.tuples(
    st.one_of(st.sampled_from(NAMES), st.text(TOKEN_CHARS, min_size=1, max_size=8).map(str.encode)),
    st.one_of(values, framing_values),
)
# A few byte strings that break a head (the slow path names them) or cut it short.
BREAKS = [b"", b"", b"", b"\n", b"\r", b" ", b"A : 1\r\n", b"NoColon\r\n", b" fold\r\n"]


@st.composite
def responses(draw: st.DrawFn) -> bytes:
    status = draw(
        st.sampled_from([b"200 OK", b"204 No Content", b"100 Continue", b"404", b"304 X"])
    )
    version = draw(st.sampled_from([b"HTTP/1.1", b"HTTP/1.0"]))
    pairs = draw(st.lists(field, max_size=6))
    lines = b"".join(name + b":" + value + b"\r\n" for name, value in pairs)
    head = version + b" " + status + b"\r\n" + lines + draw(st.sampled_from(BREAKS)) + b"\r\n"
    body = draw(st.sampled_from([b"", b"hello", b"5\r\nhello\r\n0\r\n\r\n"]))
    return head + body


def _read(pieces: list[bytes], method: bytes, *, fast: bool, view: bool) -> ResponseReader:
    reader = ResponseReader(method, fast=fast)
    for piece in pieces:
        # A view of a reused buffer, as the connection feeds (valid during feed only).
        reader.feed(memoryview(bytearray(piece)) if view else piece)
    reader.close()
    return reader


def _offsets(reader: ResponseReader) -> list[list[int]]:
    return [r._lines.offsets if r._lines is not None else [] for r in reader.responses]


@settings(max_examples=400, deadline=None)
@given(
    stream=st.lists(responses(), min_size=1, max_size=4),
    cuts=st.lists(st.integers(0, 400), max_size=3),
    method=st.sampled_from([b"GET", b"HEAD"]),
    view=st.booleans(),
)
def test_pipelined_responses_in_any_pieces_read_as_line_by_line(
    stream: list[bytes], cuts: list[int], method: bytes, view: bool
) -> None:
    data = b"".join(stream)
    edges = [0, *sorted(min(c, len(data)) for c in cuts), len(data)]
    pieces = [data[a:b] for a, b in itertools.pairwise(edges)]
    fast = _read(pieces, method, fast=True, view=view)
    slow = _read(pieces, method, fast=False, view=view)
    assert snapshot(fast) == snapshot(slow)
    assert [a.offset for a in fast.anomalies] == [a.offset for a in slow.anomalies]
    assert _offsets(fast) == _offsets(slow)  # field offsets of heads later in a piece too
    assert fast.raw == data


def test_a_head_later_in_a_fed_piece_keeps_its_offsets() -> None:
    """The second head of a piece is read where the piece lies: its offsets are the raw's."""
    first = b"HTTP/1.1 100 Continue\r\n\r\n"
    second = b"HTTP/1.1 200 OK\r\nA: 1\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nok"
    reader = ResponseReader()
    reader.feed(first[:5])  # the second piece starts mid-head
    reader.feed(memoryview(bytearray(first[5:] + second)))
    final = reader.responses[1]
    assert final.offset == len(first)
    assert final._lines is not None and final._lines.offsets == [
        len(first) + 17,
        len(first) + 23,
        len(first) + 42,
    ]
    (duplicate,) = reader.anomalies  # named at the last Content-Length
    assert duplicate.offset == len(first) + 42
    assert reader.raw == first + second and final.body == b"ok"


@settings(max_examples=400, deadline=None)
@given(data=st.one_of(responses(), st.binary(max_size=120)), cut=st.integers(0, 200))
def test_read_whole_head_ends_at_the_first_empty_line_or_reads_nothing(
    data: bytes, cut: int
) -> None:
    """One match from the head's start gives what a search for the empty line and a match of
    the whole head up to it gave (the reading before this change)."""
    end = min(cut, len(data)) if cut % 2 else len(data)
    got = read_whole_head(data, 0, end)
    blank = data.find(b"\r\n\r\n", 0, end)
    whole = _FAST_HEAD.fullmatch(data, 0, blank + 4) if blank >= 0 else None
    if whole is None:
        assert got is None
        return
    assert got is not None
    version, status, reason, reached, lines = got
    assert reached == blank + 4
    assert (version, status, reason) == (whole[1], int(whole[2]), whole[3] or b"")
    assert lines.fields == _split(whole[4])


def _split(block: bytes) -> list[tuple[bytes, bytes]]:
    pairs = [line.partition(b":") for line in block[2:-2].split(b"\r\n")] if len(block) > 2 else []
    return [(name, value.strip(b" \t")) for name, _, value in pairs]


@settings(max_examples=400, deadline=None)
@given(pairs=st.lists(field, max_size=8))
def test_framing_values_of_a_whole_block_are_those_of_its_lines(
    pairs: list[tuple[bytes, bytes]],
) -> None:
    block = b"\r\n" + b"".join(name + b":" + value + b"\r\n" for name, value in pairs)
    whole = whole_lines(block, 15)
    by_line = FieldLines()
    for name, value in pairs:
        by_line.add(name + b":" + value, 0, lambda *_: None)
    assert whole.framing_values() == by_line.framing_values()


def _persists_oracle(version: bytes, connection: list[bytes]) -> bool:
    tokens = [t.strip().lower() for v in connection for t in v.split(b",")]
    if b"close" in tokens:
        return False
    return version != b"HTTP/1.0" or b"keep-alive" in tokens


@settings(max_examples=400, deadline=None)
@given(
    version=st.sampled_from([b"HTTP/1.0", b"HTTP/1.1"]),
    connection=st.lists(
        st.one_of(
            framing_values,
            st.sampled_from([b"CLOSE", b"Keep-Alive", b"keep-alive\x0b", b"closed", b"keep"]),
        ),
        max_size=3,
    ),
)
def test_persists_reads_any_connection_values_as_rfc_9112_says(
    version: bytes, connection: list[bytes]
) -> None:
    assert persists(version, connection) == _persists_oracle(version, connection)


@pytest.mark.parametrize(("arrived", "reserved"), [(1 << 20, False), (100, True)])
def test_a_body_already_here_takes_no_pooled_buffer(
    monkeypatch: pytest.MonkeyPatch, arrived: int, reserved: bool
) -> None:
    """Room for a big body is reserved only for bytes still to come (a pooled buffer would
    only move what is here)."""
    calls: list[int] = []
    original = body_store_module.BodyStore.reserve

    def counted(self: body_store_module.BodyStore, size: int) -> None:
        calls.append(size)
        original(self, size)

    monkeypatch.setattr(body_store_module.BodyStore, "reserve", counted)
    head = b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % (1 << 20)
    reader = ResponseReader()
    reader.feed(head + bytes(arrived))
    assert calls == ([len(head) + (1 << 20)] if reserved else [])
    assert reader.complete is not reserved
    assert re.fullmatch(rb"\x00*", reader.responses[0].body)


# The head pattern as it was first written ("not CR or LF" as a negated class): the faster
# spelling must match exactly the same bytes.
_NEGATED_HEAD = re.compile(
    rb"(HTTP/1\.[01]) ([0-9]{3})(?: ([^\r\n]*+))?"
    rb"(\r\n(?:[!#$%&'*+\-.^_`|~0-9A-Za-z]++:[^\r\n]*+\r\n)*+)\r\n"
)
# Bytes at the edges of the class (next to CR and LF, the ends of the byte range).
EDGE_BYTES = [b"\x00", b"\t", b"\n", b"\x0b", b"\x0c", b"\r", b"\x0e", b"\x7f", b"\x80", b"\xff"]


@settings(max_examples=600, deadline=None)
@given(
    data=st.one_of(responses(), st.binary(max_size=60)),
    edits=st.lists(st.tuples(st.integers(0, 200), st.sampled_from(EDGE_BYTES)), max_size=4),
)
def test_the_head_pattern_matches_what_the_negated_class_matched(
    data: bytes, edits: list[tuple[int, bytes]]
) -> None:
    for where, byte in edits:  # an edge byte put somewhere in a head (often inside a value)
        at = min(where, len(data))
        data = data[:at] + byte + data[at:]
    fast, negated = _FAST_HEAD.match(data), _NEGATED_HEAD.match(data)
    assert (fast and (fast.span(), fast.groups())) == (
        negated and (negated.span(), negated.groups())
    )


@settings(max_examples=300, deadline=None)
@given(
    status=st.integers(0, 999),
    method=st.sampled_from([b"GET", b"HEAD", b"CONNECT", b"POST"]),
    version=st.sampled_from([b"HTTP/1.0", b"HTTP/1.1"]),
    lines=st.sampled_from(
        [b"Content-Length: 5", b"Transfer-Encoding: chunked", b"Content-Length: 5, 6", b""]
    ),
)
def test_a_response_with_a_body_is_final_and_switches_nothing(
    status: int, method: bytes, version: bytes, lines: bytes
) -> None:
    """The reader ends a message with a body without asking is_final/switches_protocol: it
    relies on decide_framing giving interim and switching responses no body."""
    fields = FieldLines()
    if lines:
        fields.add(lines, 0, lambda *_: None)
    kind, _, _ = decide_framing(method, version, status, fields, lambda *_: None)
    if kind != "none":
        assert is_final(status) and not switches_protocol(method, status)


@st.composite
def length_responses(draw: st.DrawFn) -> bytes:
    """A head with one Content-Length, and a body shorter, as long or longer than it says."""
    status = draw(st.sampled_from([b"200 OK", b"404 X", b"204 No Content", b"101 Switching"]))
    declared = draw(st.integers(0, 14))
    body = draw(st.binary(max_size=14))
    return b"HTTP/1.1 " + status + b"\r\nContent-Length: %d\r\n\r\n" % declared + body


@settings(max_examples=400, deadline=None)
@given(
    stream=st.lists(st.one_of(responses(), length_responses()), min_size=1, max_size=3),
    cap=st.integers(0, 40),
    method=st.sampled_from([b"GET", b"HEAD"]),
    fast=st.booleans(),
)
def test_a_body_here_at_the_heads_end_is_read_as_byte_by_byte(
    stream: list[bytes], cap: int, method: bytes, fast: bool
) -> None:
    """A Content-Length body that is here when its head ends is ended with the head (on both
    paths); byte by byte it is never here then, and the LENGTH step ends it: the same result,
    the body cap included (a body longer than what is left of it is cut, not ended)."""
    data = b"".join(stream)
    whole = ResponseReader(method, max_body_bytes=cap, fast=fast)
    whole.feed(data)
    by_byte = ResponseReader(method, max_body_bytes=cap, fast=fast)
    for i in range(len(data)):
        by_byte.feed(data[i : i + 1])
    assert snapshot(whole) == snapshot(by_byte)
    whole.close()
    by_byte.close()
    assert snapshot(whole) == snapshot(by_byte)


@pytest.mark.parametrize(
    "view",
    [
        lambda b: memoryview(bytearray(b)),  # unsigned bytes, one dimension: read as it is
        lambda b: memoryview(bytearray(b)).cast("b"),  # signed: cast
        lambda b: memoryview(bytearray(b)).cast("c"),
        lambda b: memoryview(bytearray(b)).cast("B", (2, len(b) // 2)),  # two dimensions: cast
    ],
)
def test_a_view_of_any_format_or_shape_reads_as_its_bytes(
    view: Callable[[bytes], memoryview],
) -> None:
    """A piece is read where it lies (heads, chunk lines): as unsigned bytes in one dimension,
    whatever the view's format and shape."""
    data = (
        b"HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nhello!"
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
        b"3\r\n\xff\x80A\r\n0\r\n\r\n"
    )
    assert len(data) % 2 == 0  # (for the two-dimensional view)
    expected = ResponseReader()
    expected.feed(data)
    reader = ResponseReader()
    reader.feed(view(data))
    assert snapshot(reader) == snapshot(expected)
    assert reader.complete and [r.body for r in reader.responses] == [b"hello!", b"\xff\x80A"]
