"""The directory stream codec: real framing, hostile bytes, and properties over any tree."""

from __future__ import annotations

import contextlib
import itertools
from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.ipmsg import InvalidField
from desktop.core.ipmsg.constants import FileType
from desktop.core.ipmsg.dir_stream import (
    HEADER_MAX,
    DirHeader,
    DirStreamError,
    DirStreamParser,
    format_header,
)
from tests.core.ipmsg.vectors import DIR_STREAMS, vector

# Reference §3.3, LIVE iptux records (the elided times filled in with the first record's).
T = b"14=6b062753:16=6b062753:"
IPTUX_LIVE = (
    b"0030:subdir:000000000:2:" + T,
    b"0033:inner.txt:000000006:1:" + T + b"inner\n",
    b"0031:big.bin:000000bb8:1:" + T + b"x" * 3000,
    b"0023:.:0:3:" + T,
)
EXT = (b"16=6b062753",)


def raw(name: bytes, size: int, attr: int, tail: bytes = b"") -> bytes:
    """A header written by hand (any name bytes), length counted like IPMsg and iptux do."""
    body = b"%s:%x:%x:%s" % (name, size, attr, tail)
    return b"%04x:" % (len(body) + 5) + body


def parse(data: bytes, step: int | None = None) -> tuple[list[DirHeader | bytes], bool]:
    parser = DirStreamParser()
    out: list[DirHeader | bytes] = []
    step = step or len(data) or 1
    for i in range(0, len(data), step):
        out += parser.feed(data[i : i + step])
    return _joined(out), parser.finished


def _joined(items: list[DirHeader | bytes]) -> list[DirHeader | bytes]:
    """Consecutive content pieces as one (how they are split depends on the chunks)."""
    out: list[DirHeader | bytes] = []
    for item in items:
        if isinstance(item, bytes) and out and isinstance(out[-1], bytes):
            out[-1] += item
        else:
            out.append(item)
    return out


@pytest.mark.parametrize("step", [None, 1, 7])
def test_iptux_live_records_whole_and_in_small_chunks(step: int | None) -> None:
    out, finished = parse(b"".join(IPTUX_LIVE), step)
    assert out == [
        DirHeader(b"subdir", 0, FileType.DIR, 0x6B062753, EXT),
        DirHeader(b"inner.txt", 6, FileType.REGULAR, 0x6B062753, EXT),
        b"inner\n",
        DirHeader(b"big.bin", 3000, FileType.REGULAR, 0x6B062753, EXT),
        b"x" * 3000,
        DirHeader(b".", 0, FileType.RETPARENT, 0x6B062753, EXT),
    ]
    assert finished


def test_format_writes_iptux_live_bytes() -> None:
    assert format_header(DirHeader(b"subdir", 0, 2, 0x6B062753, EXT)) == IPTUX_LIVE[0]
    assert format_header(DirHeader(b"inner.txt", 6, 1, 0x6B062753, EXT)) == IPTUX_LIVE[1][:0x33]


def test_ipmsg_high_and_low_size_words_and_escaped_colon() -> None:
    # IPMsg writes the size %x%08x: 1 then 00000000 is 4 GiB; its "::" is one ":".
    big = b"%x%08x" % (1, 0)
    body = b"a::b.iso:%s:1:" % big
    record = b"%04x:" % (len(body) + 5) + body
    parser = DirStreamParser()
    out = parser.feed(raw(b"top", 0, 2) + record)
    assert out[1] == DirHeader(b"a:b.iso", 1 << 32, 1)
    assert parser.content_left == 1 << 32


def test_iptux_unescaped_colon_in_a_name() -> None:
    out, _ = parse(raw(b"top", 0, 2) + raw(b"a:b", 0, 1, T))
    assert out[1] == DirHeader(b"a:b", 0, 1, 0x6B062753, EXT)


def test_empty_folder_and_zero_byte_file_have_no_body() -> None:
    stream = raw(b"t", 0, 2) + raw(b"empty", 0, 2) + raw(b".", 0, 3) + raw(b"z", 0, 1)
    out, finished = parse(stream + raw(b".", 0, 3), 1)
    assert [h.name for h in out if isinstance(h, DirHeader)] == [b"t", b"empty", b".", b"z", b"."]
    assert not any(isinstance(item, bytes) for item in out)
    assert finished


def test_not_finished_inside_the_top_folder() -> None:
    _, finished = parse(raw(b"t", 0, 2) + raw(b"f", 3, 1) + b"abc")
    assert not finished


BAD = {
    "non-hex length": b"00zz:t:0:2:",
    "length too small": b"0001:t:0:2:",
    "length too large": b"%04x:t:0:2:" % (HEADER_MAX + 1),
    "too many length digits": b"000000030:t:0:2:",
    "no length at all": b"t" * 20,
    "header missing fields": raw(b"t", 0, 2)[:-2].replace(b"000b", b"0009"),
    "header not ending with colon": b"000c:t:0:2:xx",
    "non-hex size": b"000b:t:z:2:",
    "non-hex attribute": b"000b:t:0:g:",
    "bad extended item": b"0010:t:0:2:nope:",
    "starts with a regular file": raw(b"f", 0, 1),
    "starts with a return": raw(b".", 0, 3),
    "folder without a name": raw(b"", 0, 2),
    "symlink record": raw(b"t", 0, 2) + raw(b"link", 0, 4),
    "data after the end": raw(b"t", 0, 2) + raw(b".", 0, 3) + b"x",
    "return past the top": raw(b"t", 0, 2) + raw(b".", 0, 3) + raw(b".", 0, 3),
    "deep nesting": raw(b"d", 0, 2) * 200,
}


@pytest.mark.parametrize("data", BAD.values(), ids=BAD.keys())
@pytest.mark.parametrize("step", [None, 1])
def test_malformed_streams_give_the_parsers_own_error(data: bytes, step: int | None) -> None:
    with pytest.raises(DirStreamError) as caught:
        parse(data, step)
    assert "folder that cannot be read" in str(caught.value)


def test_a_huge_header_length_is_refused_before_it_is_buffered() -> None:
    parser = DirStreamParser()
    with pytest.raises(DirStreamError, match="not between"):
        parser.feed(b"ffff:")
    with pytest.raises(DirStreamError, match="too many digits"):
        DirStreamParser().feed(b"7fffffffff")


def test_depth_cap_counts_folders_inside_the_top() -> None:
    parser = DirStreamParser(max_depth=2)
    parser.feed(raw(b"t", 0, 2) + raw(b"a", 0, 2) + raw(b"b", 0, 2))
    with pytest.raises(DirStreamError, match="deeper than 2"):
        parser.feed(raw(b"c", 0, 2))


@pytest.mark.parametrize(
    "header",
    [
        DirHeader(b"", 0, 1),
        DirHeader(b"a:b", 0, 1),
        DirHeader(b"a\0b", 0, 1),
        DirHeader(b"a", -1, 1),
        DirHeader(b"a", 1 << 64, 1),
        DirHeader(b"a", 0, 1, 0, (b"nope",)),
        DirHeader(b"a", 0, 1, 0, (b"14=5",)),
        DirHeader(b"a" * HEADER_MAX, 0, 1),
    ],
)
def test_format_refuses_what_no_peer_can_read(header: DirHeader) -> None:
    with pytest.raises(InvalidField):
        format_header(header)


# Properties.


@given(st.binary(max_size=300), st.integers(1, 17))
@settings(max_examples=300)
def test_any_bytes_give_records_or_the_parsers_error(data: bytes, step: int) -> None:
    with contextlib.suppress(DirStreamError):
        parse(data, step)


@dataclass(frozen=True)
class Node:
    name: bytes
    content: bytes | None  # None for a folder
    children: tuple[Node, ...] = ()
    mtime: int = 0
    extended: tuple[bytes, ...] = ()


names = st.binary(min_size=1, max_size=30).filter(lambda n: b":" not in n and b"\0" not in n)
items = st.tuples(
    st.sampled_from([b"1", b"16", b"abc"]), st.binary(max_size=8).filter(lambda v: b":" not in v)
).map(lambda kv: kv[0] + b"=" + kv[1].replace(b"\0", b""))
times = st.integers(0, (1 << 64) - 1)
files = st.builds(Node, names, st.binary(max_size=40), st.just(()), times, st.tuples(items))
trees = st.recursive(
    files,
    lambda kids: st.builds(
        Node, names, st.none(), st.lists(kids, max_size=4).map(tuple), times, st.just(())
    ),
    max_leaves=20,
)
top = st.builds(Node, names, st.none(), st.lists(trees, max_size=5).map(tuple), times)


def _records(node: Node) -> list[DirHeader | bytes]:
    if node.content is not None:
        header = DirHeader(node.name, len(node.content), 1, node.mtime, node.extended)
        return [header, node.content] if node.content else [header]
    out: list[DirHeader | bytes] = [DirHeader(node.name, 0, 2, node.mtime, node.extended)]
    for child in node.children:
        out += _records(child)
    return [*out, DirHeader(b".", 0, 3, node.mtime)]


def _stream(records: list[DirHeader | bytes]) -> bytes:
    return b"".join(r if isinstance(r, bytes) else format_header(r) for r in records)


@given(top)
@settings(max_examples=200)
def test_format_then_parse_gives_back_any_tree(tree: Node) -> None:
    records = _records(tree)
    assert parse(_stream(records)) == (records, True)


@given(top, st.lists(st.integers(0, 400), max_size=30))
@settings(max_examples=200)
def test_any_chunking_gives_the_same_records(tree: Node, cuts: list[int]) -> None:
    data = _stream(_records(tree))
    points = sorted({0, len(data), *(c % (len(data) + 1) for c in cuts)})
    parser = DirStreamParser()
    out: list[DirHeader | bytes] = []
    for start, end in itertools.pairwise(points):
        out += parser.feed(data[start:end])
    assert (_joined(out), parser.finished) == parse(data)


@pytest.mark.parametrize("name", DIR_STREAMS)
def test_every_stored_folder_stream_reads_to_its_end(name: str) -> None:
    """Each stream under tests/data/ipmsg (iptux's capture, the reference's and IPMsg's form)
    reads whole, one byte at a time, to the top folder's RETPARENT."""
    data = vector(name)
    parser = DirStreamParser()
    items = [item for i in range(len(data)) for item in parser.feed(data[i : i + 1])]
    assert parser.finished
    assert isinstance(items[0], DirHeader) and items[0].attr & 0xFF == 2


# Whole records in one chunk take the parser's plain path, records split across chunks the
# general one: both must read every header alike, well-formed or not.
name_pieces = st.sampled_from([b"a", b"\xe6\xa0\x91", b":", b"::", b"=", b"a=b", b"\0", b"1", b""])
item_pieces = st.sampled_from([b"14=5f", b"14=60", b"14=zz", b"16=", b"1=\0", b"abc=x", b"1", b"="])
hand_records = st.tuples(
    st.lists(name_pieces, max_size=3),
    st.sampled_from([b"0", b"1", b"3", b"", b"x", b"11111111111111111"]),
    st.sampled_from([b"1", b"2", b"3", b"201", b"0", b""]),
    st.lists(item_pieces, max_size=3),
    st.sampled_from([0, 0, 0, 0, -1, 1]),
)


@given(st.lists(hand_records, min_size=1, max_size=6))
@settings(max_examples=500)
def test_whole_and_byte_by_byte_headers_read_alike(
    records: list[tuple[list[bytes], bytes, bytes, list[bytes], int]],
) -> None:
    data = raw(b"top", 0, 2)
    for name, size, attr, items, skew in records:
        body = b":".join([b"".join(name), size, attr, *items]) + b":"
        data += b"%04x:" % max(len(body) + 5 + skew, 0) + body
        data += b"c" * (int(size, 16) % 5 if size.isalnum() and size != b"x" else 0)
    results = []
    for step in (None, 1):
        try:
            results.append(parse(data, step))
        except DirStreamError as error:
            results.append(str(error))
    assert results[0] == results[1]
