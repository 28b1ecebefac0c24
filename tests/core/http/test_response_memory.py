"""A large body is held once: views into the raw bytes, not copies (the 100 MB figure, #5)."""

from __future__ import annotations

import gc
import tracemalloc
import zlib

from desktop.core.http import ResponseReader, decode_content
from desktop.core.http.body_store import BodyStore
from desktop.core.http.charset import CharsetSource, choose_charset

SIZE = 8 << 20
PIECE = 64 << 10


def _body(size: int) -> bytes:
    line = b"0123456789abcdef the quick brown fox jumps over the lazy dog\n"
    return (line * (size // len(line) + 1))[:size]


def _chunked(body: bytes, piece: int = PIECE) -> bytes:
    parts = [
        b"%x\r\n%s\r\n" % (len(body[i : i + piece]), body[i : i + piece])
        for i in range(0, len(body), piece)
    ]
    return b"".join(parts) + b"0\r\n\r\n"


def _feed(reader: ResponseReader, data: bytes) -> None:
    view = memoryview(data)
    for i in range(0, len(data), PIECE):
        reader.feed(bytes(view[i : i + PIECE]))


def test_a_content_length_body_is_a_view_into_the_raw_bytes() -> None:
    body = _body(SIZE)
    wire = b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % SIZE + body
    gc.collect()
    tracemalloc.start()
    try:
        reader = ResponseReader()
        _feed(reader, wire)
        raw = reader.raw
        response = reader.responses[0]
        view = response.body_view()
        held, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert response.complete and view == body and raw == wire
    assert view.obj is raw and response.body_raw_view().obj is raw  # no copy of the body
    assert response.body_size == SIZE
    # The bytes are held once (plus the parsed head), and never twice on the way: ``raw`` is
    # the reader's own buffer, not a copy of it (#15: a 100 MiB response peaked at 2x).
    assert held < 1.1 * len(wire)
    assert peak < 1.3 * len(wire)


def test_a_finished_chunked_body_takes_the_dechunked_buffer_over() -> None:
    body = _body(SIZE)
    wire = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + _chunked(body)
    gc.collect()
    tracemalloc.start()
    try:
        reader = ResponseReader()
        _feed(reader, wire)
        response = reader.responses[0]
        view = response.body_view()
        raw = reader.raw
        held, _peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert view == body and response.body_raw_view().obj is raw
    # The raw bytes and the de-chunked body, each once: no third copy of the body.
    assert held < 1.1 * (len(wire) + len(body))


def test_feeding_after_raw_was_asked_for_keeps_every_byte() -> None:
    first = b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc"
    second = b"HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nwxyz"
    reader = ResponseReader()
    reader.feed(first + second[:20])
    early = reader.raw
    in_progress = reader.responses[1].body_view()
    reader.feed(second[20:])
    assert early == first + second[:20] and in_progress == b""
    assert reader.raw == first + second
    assert [r.body for r in reader.responses] == [b"abc", b"wxyz"]
    assert reader.responses[0].body_view() == b"abc"


def test_a_chunked_body_in_progress_is_a_snapshot() -> None:
    reader = ResponseReader()
    reader.feed(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n")
    assert reader.responses[0].body == b"abc" and not reader.responses[0].complete
    reader.feed(b"2\r\nde\r\n0\r\n\r\n")
    assert reader.responses[0].body == b"abcde" and reader.responses[0].complete


def test_decode_content_reads_a_view_without_copying_it_first() -> None:
    body = _body(1 << 20)
    packed = zlib.compress(body)
    decoded = decode_content(memoryview(packed), ["deflate"], 2 << 20)
    assert decoded.data == body and isinstance(decoded.data, bytearray)  # handed over, no copy
    broken = decode_content(memoryview(b"not gzip"), ["gzip"], 1 << 20)
    assert broken.data == b"not gzip" and isinstance(broken.data, bytes) and broken.error


def test_choose_charset_judges_a_sample_of_a_large_body() -> None:
    # Valid UTF-8 for the first MiB, then a byte UTF-8 never has: the sample says UTF-8.
    body = memoryview(b"caf\xc3\xa9 " * 200_000 + b"\xff")
    assert choose_charset(body, None, 1 << 20).source is CharsetSource.UTF8
    assert choose_charset(bytes(body), None).source is not CharsetSource.UTF8
    bom = choose_charset(memoryview(b"\xef\xbb\xbfhi"), b"text/plain", 1 << 20)
    assert (bom.encoding, bom.bom_length) == ("utf-8", 3)


class _CountingStore(BodyStore):
    """A reader's store that counts how often its whole buffer is asked for."""

    def __init__(self) -> None:
        super().__init__()
        self.asked = 0

    def getvalue(self) -> bytes:
        self.asked += 1
        return super().getvalue()


def test_chunk_data_is_read_from_the_piece_fed_not_from_the_whole_buffer() -> None:
    # Each getvalue() after a write trims the store's buffer and the next write grows it again
    # (#15: the chunked parse of 64 MiB went 88 -> 98 ms CPU). 128 pieces, one head: the head
    # is read from the buffer, the chunks from each piece as it is fed.
    body = _body(SIZE)
    wire = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + _chunked(body, 16 << 10)
    reader = ResponseReader()
    store = reader._store = _CountingStore()
    _feed(reader, wire)
    assert reader.complete and reader.responses[0].body_view() == body
    assert store.getvalue() == wire
    assert store.asked <= 1 + 3  # the head, the two asked for just above, and a line or so


def test_pieces_fed_as_views_of_one_reused_buffer_are_copied_as_they_come() -> None:
    # The TLS pipe decrypts into one buffer and feeds views of it: nothing may keep such a
    # view past feed(). Pieces of 7 bytes cut chunk-size lines and CRLFs everywhere.
    body = _body(50_000)
    wire = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + _chunked(body, 999)
    wire += b"HTTP/1.1 204 No Content\r\n\r\n"
    reader = ResponseReader()
    scratch = bytearray(7)
    for start in range(0, len(wire), 7):
        piece = wire[start : start + 7]
        scratch[: len(piece)] = piece
        reader.feed(memoryview(scratch)[: len(piece)])
        scratch[:] = b"\xff" * 7  # what a reused buffer holds next
    reader.close()
    assert reader.raw == wire and not reader.anomalies
    assert [r.status for r in reader.responses] == [200, 204]
    assert reader.responses[0].body_view() == body
