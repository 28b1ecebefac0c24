"""Undo a body's content codings (gzip, deflate, br, zstd) with a cap on the output.

Every decoder stops at the cap (a decompression bomb of 200 MiB from 200 KB is normal for
gzip), and none raises: a broken or unknown coding leaves the body as it is, with a sentence.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from dataclasses import dataclass

import brotli  # type: ignore[import-untyped]  # no stubs; used through bytes() below
import zstandard

from desktop.core.http.joined import joined
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence
from desktop.core.units import format_bytes

__all__ = ["DecodedBody", "decode_content"]

# RFC 9659 §3: a zstd content coding must not need a window above 8 MiB; decoders may refuse.
ZSTD_MAX_WINDOW = 8 << 20
# One zstd block yields at most 128 KiB from 4 input bytes (an RLE block, RFC 8878 §3.1.1.2),
# so feeding N input bytes at a time bounds the output of one call to N * 32 KiB.
_ZSTD_RATIO = 32 << 10
_BROTLI_STEP = 1 << 20  # brotli's output limit is soft (2 MB came back for 1 MiB asked)
# Output per inflate call: the whole output in one call would exist twice (the call's result
# and the buffer it is appended to); steps keep that second copy small.
_INFLATE_STEP = 1 << 20  # the GIL is held while a step is copied: 8 MiB held it ~10 ms (#15)
_INFLATE_INPUT = 64 << 10  # input handed to zlib per step (see _inflate)
_ZLIB_AUTO = 47  # wbits: zlib or gzip header, detected (zlib manual, inflateInit2)
_ZLIB_RAW = -15  # wbits: raw deflate, no header


@dataclass(frozen=True)
class DecodedBody:
    """A body with its codings undone as far as they could be.

    Attributes:
        data: the decoded body (a ``bytearray`` when a coding was undone: it is not copied);
            the input itself if the first coding failed.
        truncated: decoding stopped at the output cap.
        error: sentences for the user (a broken coding, a cap), or None (``str()`` is English).
        steps: the codings undone, in the order undone (e.g. ``("br", "gzip")``).
    """

    data: bytes | bytearray
    truncated: bool = False
    error: Sentence | None = None
    steps: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Stage:
    data: bytes | bytearray | memoryview
    name: str
    truncated: bool = False
    problem: Sentence | None = None  # the data is still usable
    failed: bool = False  # nothing could be decoded: data is the input


def decode_content(
    body: bytes | memoryview, content_encoding: list[str], max_output: int
) -> DecodedBody:
    """Undo ``content_encoding`` (codings in the order they were applied) on ``body``.

    Args:
        body: the body without its chunked framing (a view is read without a copy; ``data``
            is a copy of it only when no coding could be undone).
        content_encoding: coding names, e.g. ``["gzip", "br"]``; comma lists are split.
        max_output: cap on the decoded size (and on each intermediate stage).
    """
    codings = [c.strip().lower() for item in content_encoding for c in item.split(",")]
    data: bytes | bytearray | memoryview = body
    steps: list[str] = []
    problems: list[Sentence] = []
    truncated = False
    for coding in reversed([c for c in codings if c and c != "identity"]):
        if not data:
            break  # an empty body (HEAD, 204, 304) has nothing to undo
        decoder = _DECODERS.get(coding)
        if decoder is None:
            problems.append(
                sentence(
                    QT_TRANSLATE_NOOP(
                        "core", "The coding “{coding}” is unknown; it is left as it is."
                    ),
                    coding=coding,
                )
            )
            break
        stage = decoder(data, max_output, not truncated)
        if stage.problem:
            problems.append(stage.problem)
        if stage.failed:
            break
        data, truncated = stage.data, truncated or stage.truncated
        steps.append(stage.name)
    if truncated:
        problems.append(
            sentence(
                QT_TRANSLATE_NOOP(
                    "core",
                    "Decoding stopped at the cap of {size}; the body decodes to more than that"
                    " (a decompression bomb?).",
                ),
                size=format_bytes(max_output),
            )
        )
    # The decoders' buffers are handed over as they are (a copy of 100 MB would double the peak);
    # only an input view that no coding changed is copied.
    data = bytes(data) if isinstance(data, memoryview) else data
    return DecodedBody(data, truncated, joined(problems), tuple(steps))


def _gzip(data: bytes | bytearray | memoryview, limit: int, whole: bool) -> _Stage:
    return _inflate(data, limit, whole, "gzip", _ZLIB_AUTO)


def _deflate(data: bytes | bytearray | memoryview, limit: int, whole: bool) -> _Stage:
    """zlib-wrapped deflate as RFC 9110 §8.4.1.2 says, or the raw deflate some servers send."""
    stage = _inflate(data, limit, whole, "deflate", _ZLIB_AUTO)
    if not stage.failed:
        return stage
    raw = _inflate(data, limit, whole, "deflate (raw)", _ZLIB_RAW)
    return stage if raw.failed else raw


def _inflate(
    data: bytes | bytearray | memoryview, limit: int, whole: bool, name: str, wbits: int
) -> _Stage:
    out = bytearray()
    view = memoryview(data)
    position = 0  # input read so far
    while True:  # one round per gzip member (RFC 1952 allows several)
        inflater = zlib.decompressobj(wbits)
        try:
            while len(out) <= limit:
                # A bounded slice of input: zlib copies what it leaves unread into
                # ``unconsumed_tail`` under the GIL at every step (the whole rest of a 9 MiB
                # body, 100 times over, held the GIL up to 6 ms at a time: #15).
                piece = view[position : position + _INFLATE_INPUT]
                chunk = inflater.decompress(piece, min(_INFLATE_STEP, limit + 1 - len(out)))
                out += chunk
                position += len(piece) - len(inflater.unconsumed_tail) - len(inflater.unused_data)
                if inflater.eof or not (piece or chunk):
                    break
        except zlib.error as error:
            return _broken(name, data, out, error)
        if len(out) > limit:
            return _Stage(_cut(out, limit), name, truncated=True)
        if not inflater.eof:
            return _Stage(out, name, problem=_ends_early(name) if whole else None)
        rest = view[position:]
        if not rest:
            return _Stage(out, name)
        if wbits == _ZLIB_RAW or rest[:2].tobytes() != b"\x1f\x8b":
            return _Stage(out, name, problem=_extra(name, len(rest)))


def _brotli(data: bytes | bytearray | memoryview, limit: int, whole: bool) -> _Stage:
    decompressor = brotli.Decompressor()
    out = bytearray()
    try:
        out += decompressor.process(data, output_buffer_limit=min(limit + 1, _BROTLI_STEP))
        while not decompressor.is_finished() and len(out) <= limit:
            step = min(limit + 1 - len(out), _BROTLI_STEP)
            chunk = decompressor.process(b"", output_buffer_limit=step)
            if not chunk:  # it wants more input, and there is none
                return _Stage(out, "br", problem=_ends_early("br") if whole else None)
            out += chunk
    except brotli.error as error:
        return _broken("br", data, out, error)
    if len(out) > limit:
        return _Stage(_cut(out, limit), "br", truncated=True)
    return _Stage(out, "br")


def _zstd(data: bytes | bytearray | memoryview, limit: int, whole: bool) -> _Stage:
    """Every frame in turn (servers that stream send several, without a content size)."""
    context = zstandard.ZstdDecompressor(max_window_size=ZSTD_MAX_WINDOW)
    out = bytearray()
    rest = data
    while rest:
        decompressor = context.decompressobj()
        fed, frame_start = 0, len(out)
        try:
            while fed < len(rest) and not decompressor.eof and len(out) <= limit:
                size = max(64, (limit + 1 - len(out)) // _ZSTD_RATIO)
                out += decompressor.decompress(rest[fed : fed + size])
                fed += size
        except zstandard.ZstdError as error:
            if frame_start and len(out) == frame_start:  # frames, then something else
                return _Stage(out, "zstd", problem=_extra("zstd", len(rest)))
            return _broken("zstd", data, out, error)
        if len(out) > limit:
            return _Stage(_cut(out, limit), "zstd", truncated=True)
        if not decompressor.eof:
            return _Stage(out, "zstd", problem=_ends_early("zstd") if whole else None)
        rest = decompressor.unused_data + rest[fed:]
    return _Stage(out, "zstd")


def _cut(out: bytearray, limit: int) -> bytearray:
    del out[limit:]
    return out


def _broken(
    name: str, data: bytes | bytearray | memoryview, out: bytearray, error: Exception
) -> _Stage:
    if not out:
        why = sentence(
            QT_TRANSLATE_NOOP(
                "core", "The body is not valid {coding} data ({error}); it is left as it is."
            ),
            coding=name,
            error=error,
        )
        return _Stage(data, name, problem=why, failed=True)
    why = sentence(
        QT_TRANSLATE_NOOP(
            "core", "The {coding} data is corrupt after {count} decoded bytes ({error})."
        ),
        coding=name,
        count=len(out),
        error=error,
    )
    return _Stage(out, name, problem=why)


def _ends_early(name: str) -> Sentence:
    return sentence(
        QT_TRANSLATE_NOOP("core", "The {coding} data ends early (the body may be cut short)."),
        coding=name,
    )


def _extra(name: str, count: int) -> Sentence:
    return sentence(
        QT_TRANSLATE_NOOP(
            "core",
            "{count} bytes after the end of the {coding} data are not {coding} data; left out.",
        ),
        count=count,
        coding=name,
    )


_DECODERS: dict[str, Callable[[bytes | bytearray | memoryview, int, bool], _Stage]] = {
    "gzip": _gzip,
    "x-gzip": _gzip,  # RFC 9110 §8.4.1.3
    "deflate": _deflate,
    "br": _brotli,
    "zstd": _zstd,
}
