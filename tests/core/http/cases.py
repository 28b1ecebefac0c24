"""Byte-exact response vectors: every framing and every anomaly kind, with what the reader must
make of them after ``close()``."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.core.http import AnomalyKind as K
from desktop.core.http import ParsedResponse
from desktop.core.http.framing import FramingKind

OK = b"HTTP/1.1 200 OK\r\n"
CHUNKED = OK + b"Transfer-Encoding: chunked\r\n\r\n"


@dataclass(frozen=True)
class Case:
    """A vector and the reader's expected result once the connection closed.

    ``conformant`` cases are valid HTTP/1.1 that h11 must read the same way.
    """

    id: str
    data: bytes
    responses: tuple[ParsedResponse, ...]
    anomalies: tuple[tuple[K, int], ...] = ()
    error_offset: int | None = None
    method: bytes = b"GET"
    complete_before_close: bool = True
    caps: dict[str, int] = field(default_factory=dict)
    kept: int | None = None  # bytes kept in raw when a cap cut the input
    conformant: bool = False


def at(data: bytes, needle: bytes, start: int = 0) -> int:
    return data.index(needle, start)


def head_end(data: bytes, start: int = 0) -> int:
    return at(data, b"\r\n\r\n", start) + 4


def resp(  # noqa: PLR0917 (table rows read best positionally)
    data: bytes,
    start: int,
    end: int,
    framing: FramingKind,
    headers: list[tuple[bytes, bytes]],
    body_raw: bytes = b"",
    body: bytes | None = None,
    *,
    status: int | None = 200,
    reason: bytes = b"OK",
    version: bytes = b"HTTP/1.1",
    trailers: list[tuple[bytes, bytes]] | None = None,
    complete: bool = True,
) -> ParsedResponse:
    assert 0 <= start <= end <= len(data)
    return ParsedResponse(
        offset=start,
        length=end - start,
        http_version=version,
        status=status,
        reason=reason,
        headers=headers,
        body_raw=body_raw,
        body=body_raw if body is None else body,
        trailers=trailers or [],
        framing=framing,
        complete=complete,
    )


def bad(data: bytes, start: int, end: int | None = None) -> ParsedResponse:
    """The placeholder for a malformed status line: the rest is unparsed."""
    return ParsedResponse(offset=start, length=(len(data) if end is None else end) - start)


def _cases() -> list[Case]:
    cases: list[Case] = []
    add = cases.append

    # --- framings, conformant ---------------------------------------------------------------
    d = OK + b"Content-Length: 5\r\n\r\nhello"
    add(
        Case(
            "cl",
            d,
            (resp(d, 0, len(d), "content-length", [(b"Content-Length", b"5")], b"hello"),),
            conformant=True,
        )
    )
    d = OK + b"Content-Length: 0\r\n\r\n"
    add(
        Case(
            "cl-zero",
            d,
            (resp(d, 0, len(d), "content-length", [(b"Content-Length", b"0")]),),
            conformant=True,
        )
    )
    d = CHUNKED + b"5;name=val\r\nhello\r\n6\r\n world\r\n0\r\nX-Checksum: abc\r\n\r\n"
    add(
        Case(
            "chunked-ext-trailers",
            d,
            (
                resp(
                    d,
                    0,
                    len(d),
                    "chunked",
                    [(b"Transfer-Encoding", b"chunked")],
                    d[head_end(d) :],
                    b"hello world",
                    trailers=[(b"X-Checksum", b"abc")],
                ),
            ),
            conformant=True,
        )
    )
    d = b"HTTP/1.0 200 OK\r\nServer: x\r\n\r\nuntil the end"
    add(
        Case(
            "close-delimited",
            d,
            (
                resp(
                    d,
                    0,
                    len(d),
                    "close",
                    [(b"Server", b"x")],
                    b"until the end",
                    version=b"HTTP/1.0",
                ),
            ),
            complete_before_close=False,
            conformant=True,
        )
    )
    d = b"HTTP/1.1 204 No Content\r\nDate: today\r\n\r\n"
    add(
        Case(
            "204",
            d,
            (resp(d, 0, len(d), "none", [(b"Date", b"today")], status=204, reason=b"No Content"),),
            conformant=True,
        )
    )
    d = b"HTTP/1.1 304 Not Modified\r\nContent-Length: 100\r\n\r\n"
    add(
        Case(
            "304-with-cl",
            d,
            (
                resp(
                    d,
                    0,
                    len(d),
                    "none",
                    [(b"Content-Length", b"100")],
                    status=304,
                    reason=b"Not Modified",
                ),
            ),
            conformant=True,
        )
    )
    d = OK + b"Content-Length: 100\r\n\r\n"
    add(
        Case(
            "head",
            d,
            (resp(d, 0, len(d), "none", [(b"Content-Length", b"100")]),),
            method=b"HEAD",
            conformant=True,
        )
    )
    d = b"HTTP/1.1 100 Continue\r\n\r\n" + OK + b"Content-Length: 2\r\n\r\nhi"
    s = at(d, OK)
    add(
        Case(
            "100-then-200",
            d,
            (
                resp(d, 0, s, "none", [], status=100, reason=b"Continue"),
                resp(d, s, len(d), "content-length", [(b"Content-Length", b"2")], b"hi"),
            ),
            conformant=True,
        )
    )
    d = (
        OK
        + b"Content-Length: 2\r\n\r\nhi"
        + b"HTTP/1.1 404 Not Found\r\nContent-Length: 3\r\n\r\nno!"
    )
    s = at(d, b"HTTP/1.1 404")
    add(
        Case(
            "pipelined",
            d,
            (
                resp(d, 0, s, "content-length", [(b"Content-Length", b"2")], b"hi"),
                resp(
                    d,
                    s,
                    len(d),
                    "content-length",
                    [(b"Content-Length", b"3")],
                    b"no!",
                    status=404,
                    reason=b"Not Found",
                ),
            ),
            conformant=True,
        )
    )
    d = b"HTTP/1.1 200\r\nContent-Length: 1\r\n\r\nx"
    add(
        Case(
            "no-reason",
            d,
            (resp(d, 0, len(d), "content-length", [(b"Content-Length", b"1")], b"x", reason=b""),),
            conformant=True,
        )
    )
    d = (
        OK
        + b"Content-Type:text/plain\r\nX-A:  spaced \t\r\nX-A: again\r\nContent-Length: 1\r\n\r\nx"
    )
    add(
        Case(
            "headers-raw-order-duplicates",
            d,
            (
                resp(
                    d,
                    0,
                    len(d),
                    "content-length",
                    [
                        (b"Content-Type", b"text/plain"),
                        (b"X-A", b"spaced"),
                        (b"X-A", b"again"),
                        (b"Content-Length", b"1"),
                    ],
                    b"x",
                ),
            ),
            conformant=True,
        )
    )

    # --- anomalies in lines and heads -----------------------------------------------------------
    d = b"HTTP/1.1 200 OK\nContent-Length: 2\n\nhi"
    add(
        Case(
            "lf-only",
            d,
            (resp(d, 0, len(d), "content-length", [(b"Content-Length", b"2")], b"hi"),),
            ((K.LF_ONLY_LINE, 0),),
        )
    )
    d = CHUNKED + b"2\nhi\n0\n\n"
    add(
        Case(
            "lf-only-chunked",
            d,
            (
                resp(
                    d,
                    0,
                    len(d),
                    "chunked",
                    [(b"Transfer-Encoding", b"chunked")],
                    d[head_end(d) :],
                    b"hi",
                ),
            ),
            ((K.LF_ONLY_LINE, head_end(d)),),
        )
    )
    d = OK + b"X-Long: a\r\n  b\t\r\nContent-Length: 0\r\n\r\n"
    add(
        Case(
            "obs-fold",
            d,
            (
                resp(
                    d, 0, len(d), "content-length", [(b"X-Long", b"a b"), (b"Content-Length", b"0")]
                ),
            ),
            ((K.OBS_FOLD, at(d, b"  b")),),
        )
    )
    d = b"\r\n\n" + OK + b"Content-Length: 0\r\n\r\n"
    add(
        Case(
            "leading-empty-lines",
            d,
            (resp(d, 3, len(d), "content-length", [(b"Content-Length", b"0")]),),
            ((K.LEADING_EMPTY_LINES, 0),),
        )
    )
    # --- what strict parsers refuse and the lenient reader names (issue #15) ------------------
    d = b"HTTP/1.1 200 OK\rContent-Length: 0\r\n\r\n"
    add(
        Case(
            "bare-cr-ends-status-line",
            d,
            (resp(d, 0, len(d), "close", [], reason=b"OK\rContent-Length: 0"),),
            ((K.BARE_CR, at(d, b"\r")),),
            complete_before_close=False,  # no Content-Length seen: the body runs to the close
        )
    )
    d = b"HTTP/1.1 200 OK\r\r\nContent-Length: 0\r\n\r\n"
    add(
        Case(
            "cr-cr-status-line",
            d,
            (resp(d, 0, len(d), "content-length", [(b"Content-Length", b"0")], reason=b"OK\r"),),
            ((K.BARE_CR, at(d, b"\r")),),
        )
    )
    d = OK + b"Foo: 1\rBar: 2\r\nContent-Length: 0\r\n\r\n"
    add(
        Case(
            "bare-cr-between-fields",
            d,
            (
                resp(
                    d,
                    0,
                    len(d),
                    "content-length",
                    [(b"Foo", b"1\rBar: 2"), (b"Content-Length", b"0")],
                ),
            ),
            ((K.BARE_CR, at(d, b"\rBar")),),
        )
    )
    d = b"HTTP/5.6 200 OK\r\nContent-Length: 0\r\n\r\n"
    add(
        Case(
            "http-version-5-6",
            d,
            (
                resp(
                    d, 0, len(d), "content-length", [(b"Content-Length", b"0")], version=b"HTTP/5.6"
                ),
            ),
            ((K.HTTP_VERSION, 0),),
        )
    )
    d = b"HTTP/1.1  200 OK\r\nContent-Length: 0\r\n\r\n"
    add(
        Case(
            "two-spaces-before-status",
            d,
            (resp(d, 0, len(d), "content-length", [(b"Content-Length", b"0")]),),
            ((K.STATUS_LINE_SPACES, len(b"HTTP/1.1")),),
        )
    )
    d = CHUNKED + b"2 \r\nhi\r\n0\r\n\r\n"
    add(
        Case(
            "chunk-size-whitespace",
            d,
            (
                resp(
                    d,
                    0,
                    len(d),
                    "chunked",
                    [(b"Transfer-Encoding", b"chunked")],
                    b"2 \r\nhi\r\n0\r\n\r\n",
                    b"hi",
                ),
            ),
            ((K.CHUNK_SIZE_WHITESPACE, head_end(d) + 1),),
        )
    )
    d = CHUNKED + b"2;\r\nhi\r\n0\r\n\r\n"
    add(
        Case(
            "chunk-empty-extension",
            d,
            (
                resp(
                    d,
                    0,
                    len(d),
                    "chunked",
                    [(b"Transfer-Encoding", b"chunked")],
                    b"2;\r\nhi\r\n0\r\n\r\n",
                    b"hi",
                ),
            ),
            ((K.EMPTY_CHUNK_EXTENSION, head_end(d) + 1),),
        )
    )
    d = b"RTSP/1.0 200 OK\r\nCSeq: 1\r\nContent-Length: 0\r\n\r\n"
    add(
        Case(
            "rtsp",
            d,
            (
                resp(
                    d,
                    0,
                    len(d),
                    "content-length",
                    [(b"CSeq", b"1"), (b"Content-Length", b"0")],
                    version=b"RTSP/1.0",
                ),
            ),
            ((K.NOT_HTTP, 0),),
        )
    )
    d = b"ICE/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok"
    add(
        Case(
            "ice",
            d,
            (
                resp(
                    d,
                    0,
                    len(d),
                    "content-length",
                    [(b"Content-Length", b"2")],
                    b"ok",
                    version=b"ICE/1.0",
                ),
            ),
            ((K.NOT_HTTP, 0),),
        )
    )
    d = b"HTTP/1.1 2000 WHAT\r\nContent-Length: 0\r\n\r\n"
    add(
        Case(
            "status-4-digits",
            d,
            (bad(d, 0),),
            ((K.MALFORMED_STATUS_LINE, 0),),
            error_offset=0,
            complete_before_close=False,
        )
    )
    d = b"<html>HTTP/0.9 has no status line</html>"
    add(
        Case(
            "http09",
            d,
            (bad(d, 0),),
            ((K.MALFORMED_STATUS_LINE, 0),),
            error_offset=0,
            complete_before_close=False,
        )
    )
    d = b"HTTP/1.1 100 Continue\r\n\r\nHTTP/2 200\r\n\r\n"
    s = at(d, b"HTTP/2")
    add(
        Case(
            "bad-status-after-100",
            d,
            (resp(d, 0, s, "none", [], status=100, reason=b"Continue"), bad(d, s)),
            ((K.MALFORMED_STATUS_LINE, s),),
            error_offset=s,
            complete_before_close=False,
        )
    )
    d = OK + b"NoColonHere\r\nContent-Length: 0\r\n\r\n"
    add(
        Case(
            "header-without-colon",
            d,
            (resp(d, 0, len(d), "content-length", [(b"Content-Length", b"0")]),),
            ((K.MALFORMED_HEADER_LINE, at(d, b"NoColon")),),
        )
    )
    d = OK + b"Content-Length : 2\r\n\r\nhi"
    add(
        Case(
            "space-before-colon",
            d,
            (resp(d, 0, len(d), "content-length", [(b"Content-Length ", b"2")], b"hi"),),
            ((K.MALFORMED_HEADER_LINE, len(OK)),),
        )
    )
    d = OK + b" leading\r\nContent-Length: 0\r\n\r\n"
    add(
        Case(
            "whitespace-line-first",
            d,
            (resp(d, 0, len(d), "content-length", [(b"Content-Length", b"0")]),),
            ((K.MALFORMED_HEADER_LINE, len(OK)),),
        )
    )
    d = OK + b"Server: x\r\nDate: y"
    add(
        Case(
            "closed-mid-head",
            d,
            (resp(d, 0, len(d), "none", [(b"Server", b"x"), (b"Date", b"y")], complete=False),),
            ((K.INCOMPLETE_HEAD, len(d)),),
            complete_before_close=False,
        )
    )
    d = b"HTTP/1.1 200 OK"
    add(
        Case(
            "closed-in-status-line",
            d,
            (resp(d, 0, len(d), "none", [], complete=False),),
            ((K.INCOMPLETE_HEAD, len(d)),),
            complete_before_close=False,
        )
    )
    d = b"HTTP/1.1 20"
    add(
        Case(
            "closed-in-bad-status-line",
            d,
            (bad(d, 0),),
            ((K.MALFORMED_STATUS_LINE, 0),),
            error_offset=0,
            complete_before_close=False,
        )
    )
    d = OK + b"Content-Length: 0\r\n\r\nHTTP/1.1 2"
    s = head_end(d)
    add(
        Case(
            "closed-in-pipelined-status-line",
            d,
            (resp(d, 0, s, "content-length", [(b"Content-Length", b"0")]), bad(d, s)),
            ((K.MALFORMED_STATUS_LINE, s),),
            error_offset=s,
        )
    )
    add(Case("empty", b"", (), ((K.EMPTY_RESPONSE, 0),), complete_before_close=False))
    d = b"HTTP/1.1 100 Continue\r\n\r\n"
    add(
        Case(
            "only-interim",
            d,
            (resp(d, 0, len(d), "none", [], status=100, reason=b"Continue"),),
            ((K.NO_FINAL_RESPONSE, len(d)),),
            complete_before_close=False,
        )
    )

    # --- anomalies in framing ---------------------------------------------------------------
    for name, fields in (
        ("duplicate-cl-lines", b"Content-Length: 2\r\nContent-Length: 2\r\n"),
        ("duplicate-cl-list", b"Content-Length: 2, 2\r\n"),
    ):
        d = OK + fields + b"\r\nhi"
        headers = [(b"Content-Length", v.split(b": ")[1]) for v in fields.split(b"\r\n") if v]
        add(
            Case(
                name,
                d,
                (resp(d, 0, len(d), "content-length", headers, b"hi"),),
                ((K.DUPLICATE_CONTENT_LENGTH, d.rindex(b"Content-Length")),),
            )
        )
    d = OK + b"Content-Length: 2\r\nContent-Length: 3\r\n\r\nhello"
    add(
        Case(
            "conflicting-cl",
            d,
            (
                resp(
                    d,
                    0,
                    len(d),
                    "close",
                    [(b"Content-Length", b"2"), (b"Content-Length", b"3")],
                    b"hello",
                ),
            ),
            ((K.CONFLICTING_CONTENT_LENGTH, d.rindex(b"Content-Length")),),
            complete_before_close=False,
        )
    )
    for name, value in (
        ("cl-letters", b"abc"),
        ("cl-negative", b"-1"),
        ("cl-empty", b""),
        ("cl-huge", b"9" * 30),
    ):
        d = OK + b"Content-Length: " + value + b"\r\n\r\nhello"
        add(
            Case(
                name,
                d,
                (resp(d, 0, len(d), "close", [(b"Content-Length", value)], b"hello"),),
                ((K.INVALID_CONTENT_LENGTH, len(OK)),),
                complete_before_close=False,
            )
        )
    d = OK + b"Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhi\r\n0\r\n\r\n"
    add(
        Case(
            "te-and-cl",
            d,
            (
                resp(
                    d,
                    0,
                    len(d),
                    "chunked",
                    [(b"Content-Length", b"3"), (b"Transfer-Encoding", b"chunked")],
                    d[head_end(d) :],
                    b"hi",
                ),
            ),
            ((K.TE_WITH_CONTENT_LENGTH, len(OK)),),
        )
    )
    d = OK + b"Transfer-Encoding: foo\r\n\r\nraw body"
    add(
        Case(
            "unknown-te",
            d,
            (resp(d, 0, len(d), "close", [(b"Transfer-Encoding", b"foo")], b"raw body"),),
            ((K.UNKNOWN_TRANSFER_CODING, len(OK)),),
            complete_before_close=False,
        )
    )
    d = OK + b"Transfer-Encoding: foo, chunked\r\n\r\n2\r\nhi\r\n0\r\n\r\n"
    add(
        Case(
            "unknown-te-then-chunked",
            d,
            (
                resp(
                    d,
                    0,
                    len(d),
                    "chunked",
                    [(b"Transfer-Encoding", b"foo, chunked")],
                    d[head_end(d) :],
                    b"hi",
                ),
            ),
            ((K.UNKNOWN_TRANSFER_CODING, len(OK)),),
        )
    )
    d = OK + b"Transfer-Encoding: chunked, gzip\r\n\r\nraw bytes"
    add(
        Case(
            "chunked-not-final",
            d,
            (
                resp(
                    d, 0, len(d), "close", [(b"Transfer-Encoding", b"chunked, gzip")], b"raw bytes"
                ),
            ),
            ((K.CHUNKED_NOT_FINAL, len(OK)),),
            complete_before_close=False,
        )
    )

    # --- anomalies in bodies ----------------------------------------------------------------
    d = OK + b"Content-Length: 2\r\n\r\nhello"
    s = head_end(d) + 2
    add(
        Case(
            "extra-after-cl",
            d,
            (resp(d, 0, s, "content-length", [(b"Content-Length", b"2")], b"he"),),
            ((K.EXTRA_BYTES_AFTER_BODY, s),),
        )
    )
    d = OK + b"Content-Length: 2\r\n\r\nhi\r\n"
    s = head_end(d) + 2
    add(
        Case(
            "extra-crlf-after-cl",
            d,
            (resp(d, 0, s, "content-length", [(b"Content-Length", b"2")], b"hi"),),
            ((K.EXTRA_BYTES_AFTER_BODY, s),),
        )
    )
    d = b"HTTP/1.1 204 No Content\r\n\r\n<html>a body anyway</html>"
    s = head_end(d)
    add(
        Case(
            "204-with-body",
            d,
            (resp(d, 0, s, "none", [], status=204, reason=b"No Content"),),
            ((K.EXTRA_BYTES_AFTER_BODY, s),),
        )
    )
    d = b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n\x81\x05hello"
    s = head_end(d)
    add(
        Case(
            "101-then-websocket",
            d,
            (
                resp(
                    d,
                    0,
                    s,
                    "none",
                    [(b"Upgrade", b"websocket")],
                    status=101,
                    reason=b"Switching Protocols",
                ),
            ),
            ((K.EXTRA_BYTES_AFTER_BODY, s),),
        )
    )
    d = b"HTTP/1.1 200 Connection established\r\n\r\n\x16\x03\x01\x00\x05hello"
    s = head_end(d)
    add(
        Case(
            "connect-tunnel",
            d,
            (resp(d, 0, s, "none", [], reason=b"Connection established"),),
            ((K.EXTRA_BYTES_AFTER_BODY, s),),
            method=b"CONNECT",
        )
    )
    d = OK + b"Content-Length: 100\r\n\r\n" + b"x" * 9
    add(
        Case(
            "short-body",
            d,
            (
                resp(
                    d,
                    0,
                    len(d),
                    "content-length",
                    [(b"Content-Length", b"100")],
                    b"x" * 9,
                    complete=False,
                ),
            ),
            ((K.SHORT_BODY, len(d)),),
            complete_before_close=False,
        )
    )
    for name, size_line in (
        ("chunk-size-zz", b"ZZ\r\n"),
        ("chunk-size-5zz", b"5zz\r\n"),
        ("chunk-size-empty", b"\r\n"),
    ):
        d = CHUNKED + b"2\r\nhi\r\n" + size_line + b"hello\r\n0\r\n\r\n"
        s = head_end(d) + 7
        add(
            Case(
                name,
                d,
                (
                    resp(
                        d,
                        0,
                        s,
                        "chunked",
                        [(b"Transfer-Encoding", b"chunked")],
                        b"2\r\nhi\r\n",
                        b"hi",
                        complete=False,
                    ),
                ),
                ((K.BAD_CHUNK_SIZE, s),),
                error_offset=s,
                complete_before_close=False,
            )
        )
    d = CHUNKED + b"2\r\nhello\r\n0\r\n\r\n"
    s = head_end(d) + 5
    add(
        Case(
            "chunk-longer-than-size",
            d,
            (
                resp(
                    d,
                    0,
                    s,
                    "chunked",
                    [(b"Transfer-Encoding", b"chunked")],
                    b"2\r\nhe",
                    b"he",
                    complete=False,
                ),
            ),
            ((K.BAD_CHUNK_END, s),),
            error_offset=s,
            complete_before_close=False,
        )
    )
    d = CHUNKED + b"5\r\nhel"
    add(
        Case(
            "closed-mid-chunk",
            d,
            (
                resp(
                    d,
                    0,
                    len(d),
                    "chunked",
                    [(b"Transfer-Encoding", b"chunked")],
                    b"5\r\nhel",
                    b"hel",
                    complete=False,
                ),
            ),
            ((K.MISSING_FINAL_CHUNK, len(d)),),
            complete_before_close=False,
        )
    )

    # --- caps -------------------------------------------------------------------------------
    d = OK + b"X-Big: " + b"a" * 100 + b"\r\n\r\n"
    add(
        Case(
            "header-cap",
            d,
            (resp(d, 0, 32, "none", [], complete=False),),
            ((K.HEADER_TOO_LARGE, 32),),
            caps={"max_header_bytes": 32},
            kept=32,
        )
    )
    d = CHUNKED + b"5\r\nhello\r\n5\r\nworld\r\n0\r\n\r\n"
    s = head_end(d)
    add(
        Case(
            "body-cap",
            d,
            (
                resp(
                    d,
                    0,
                    s + 10,
                    "chunked",
                    [(b"Transfer-Encoding", b"chunked")],
                    b"5\r\nhello\r\n",
                    b"hello",
                    complete=False,
                ),
            ),
            ((K.BODY_TRUNCATED_BY_CAP, s + 10),),
            caps={"max_body_bytes": 10},
            kept=s + 10,
        )
    )
    return cases


CASES = _cases()
