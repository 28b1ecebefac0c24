from __future__ import annotations

import gzip
import random
import time
import tracemalloc
import zlib
from collections.abc import Callable

import brotli  # type: ignore[import-untyped]
import pytest
import zstandard
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.http import DecodedBody, decode_content
from desktop.core.http.decode import ZSTD_MAX_WINDOW
from tests.core.http.feeding import read

TEXT = b"The quick brown fox jumps over the lazy dog. " * 200
MiB = 1 << 20


def zstd_stream(data: bytes, **params: int) -> bytes:
    """One frame as a streaming server writes it: no content size in the header."""
    context = zstandard.ZstdCompressor(
        compression_params=zstandard.ZstdCompressionParameters(**params) if params else None
    )
    compressor = context.compressobj()
    frame = compressor.compress(data) + compressor.flush()
    assert zstandard.get_frame_parameters(frame).content_size == zstandard.CONTENTSIZE_UNKNOWN
    return frame


def raw_deflate(data: bytes) -> bytes:
    compressor = zlib.compressobj(wbits=-15)
    return compressor.compress(data) + compressor.flush()


@pytest.mark.parametrize(
    ("coding", "encode", "steps"),
    [
        ("gzip", gzip.compress, ("gzip",)),
        ("x-gzip", gzip.compress, ("gzip",)),
        ("deflate", zlib.compress, ("deflate",)),
        ("deflate", raw_deflate, ("deflate (raw)",)),
        ("br", brotli.compress, ("br",)),
        ("zstd", zstd_stream, ("zstd",)),
        ("zstd", zstandard.ZstdCompressor().compress, ("zstd",)),  # with a content size
        ("identity", bytes, ()),
        ("GZIP", gzip.compress, ("gzip",)),
    ],
)
def test_each_coding(coding: str, encode: Callable[[bytes], bytes], steps: tuple[str, ...]) -> None:
    assert decode_content(encode(TEXT), [coding], MiB) == DecodedBody(TEXT, steps=steps)


def test_no_coding_is_the_body_itself() -> None:
    assert decode_content(TEXT, [], MiB) == DecodedBody(TEXT)


def test_deflate_zlib_and_raw_are_told_apart() -> None:
    zlib_wrapped, raw = zlib.compress(TEXT), raw_deflate(TEXT)
    assert zlib_wrapped[2:-4] == raw  # the same deflate stream, with and without the wrapper
    assert decode_content(zlib_wrapped, ["deflate"], MiB).steps == ("deflate",)
    assert decode_content(raw, ["deflate"], MiB).steps == ("deflate (raw)",)


@pytest.mark.parametrize("labels", [["gzip, br"], ["gzip", "br"], [" gzip ,BR "]])
def test_stacked_codings_are_undone_last_first(labels: list[str]) -> None:
    body = brotli.compress(gzip.compress(TEXT))
    assert decode_content(body, labels, MiB) == DecodedBody(TEXT, steps=("br", "gzip"))


def test_codings_of_a_parsed_response_feed_decode_content() -> None:
    body = brotli.compress(gzip.compress(TEXT))
    head = b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nTransfer-Encoding: br, chunked\r\n\r\n"
    data = head + f"{len(body):x}\r\n".encode() + body + b"\r\n0\r\n\r\n"
    response = read([data]).responses[0]
    assert decode_content(response.body, response.codings(), MiB).data == TEXT


def test_zstd_several_frames_without_content_size() -> None:
    parts = [TEXT[:1000], TEXT[1000:5000], TEXT[5000:]]
    body = b"".join(zstd_stream(part) for part in parts)
    assert decode_content(body, ["zstd"], MiB) == DecodedBody(TEXT, steps=("zstd",))


def test_zstd_window_above_8_mib_is_refused_with_a_sentence() -> None:
    body = zstd_stream(b"a" * 100, window_log=27)
    decoded = decode_content(body, ["zstd"], MiB)
    assert decoded.data == body
    assert decoded.steps == ()
    assert decoded.error and "zstd" in str(decoded.error)


def test_zstd_window_of_8_mib_is_accepted() -> None:
    assert ZSTD_MAX_WINDOW == 1 << 23
    body = zstd_stream(TEXT, window_log=23)
    assert decode_content(body, ["zstd"], MiB).data == TEXT


def test_several_gzip_members_are_one_body() -> None:
    body = gzip.compress(TEXT[:100]) + gzip.compress(TEXT[100:])
    assert decode_content(body, ["gzip"], MiB).data == TEXT


def test_zlib_is_handed_the_body_in_bounded_slices(monkeypatch: pytest.MonkeyPatch) -> None:
    """zlib copies the input it leaves unread at every step, under the GIL: handed the whole
    rest of a large body each time, that held the GIL up to 6 ms at a time (#15)."""
    handed: list[int] = []
    real = zlib.decompressobj

    class Recording:
        def __init__(self, wbits: int) -> None:
            self._inner = real(wbits)

        def decompress(self, data: bytes, max_length: int = 0) -> bytes:
            handed.append(len(data))
            return self._inner.decompress(data, max_length)

        def __getattr__(self, name: str) -> object:
            return getattr(self._inner, name)

    monkeypatch.setattr(zlib, "decompressobj", Recording)
    members = [random_bytes(300_000, seed) for seed in (1, 2)]  # members span many slices
    body = b"".join(gzip.compress(member) for member in members) + b"junk"
    decoded = decode_content(body, ["gzip"], 4 * MiB)
    assert decoded.data == b"".join(members)
    assert str(decoded.error).startswith("4 bytes after the end of the gzip data")
    assert len(handed) > 8 and max(handed) <= 64 << 10


def random_bytes(size: int, seed: int) -> bytes:
    """Bytes that gzip cannot shrink much (so that a member is several slices long)."""
    return random.Random(seed).randbytes(size)


@pytest.mark.parametrize(
    ("coding", "encode"),
    [("gzip", gzip.compress), ("br", brotli.compress), ("zstd", zstd_stream)],
)
def test_a_body_that_is_not_what_it_says_is_left_as_it_is(
    coding: str, encode: Callable[[bytes], bytes]
) -> None:
    decoded = decode_content(TEXT, [coding], MiB)
    assert decoded.data == TEXT
    assert decoded.steps == ()
    assert not decoded.truncated
    assert decoded.error and coding in str(decoded.error) and str(decoded.error).endswith(".")


@pytest.mark.parametrize(
    ("coding", "encode"),
    [
        ("gzip", gzip.compress),
        ("deflate", zlib.compress),
        ("br", brotli.compress),
        ("zstd", zstd_stream),
    ],
)
def test_a_cut_stream_gives_what_decodes_and_a_sentence(
    coding: str, encode: Callable[[bytes], bytes]
) -> None:
    body = encode(TEXT * 20)
    decoded = decode_content(body[: len(body) // 2], [coding], 64 * MiB)
    assert (TEXT * 20).startswith(decoded.data)
    assert decoded.error is not None and "ends early" in str(decoded.error)


@pytest.mark.parametrize(("coding", "encode"), [("gzip", gzip.compress), ("zstd", zstd_stream)])
def test_bytes_after_the_stream_are_left_out_with_a_sentence(
    coding: str, encode: Callable[[bytes], bytes]
) -> None:
    decoded = decode_content(encode(TEXT) + b"trailing junk", [coding], MiB)
    assert decoded.data == TEXT
    assert str(decoded.error) == (
        f"13 bytes after the end of the {coding} data are not {coding} data; left out."
    )


def test_a_bad_checksum_is_a_broken_body() -> None:
    body = bytearray(gzip.compress(TEXT))
    body[-8] ^= 0xFF  # the CRC-32 in the gzip trailer
    decoded = decode_content(bytes(body), ["gzip"], MiB)
    assert decoded.data == bytes(body)
    assert decoded.error and "incorrect data check" in str(decoded.error)


def test_a_corrupt_second_member_keeps_the_first() -> None:
    decoded = decode_content(gzip.compress(TEXT) + b"\x1f\x8bnot a member", ["gzip"], MiB)
    assert decoded.data == TEXT
    assert decoded.error and str(decoded.error).startswith(
        f"The gzip data is corrupt after {len(TEXT)} decoded bytes"
    )


def test_unknown_coding_stops_with_a_sentence() -> None:
    body = gzip.compress(TEXT)
    decoded = decode_content(body, ["compress", "gzip"], MiB)
    assert decoded.data == TEXT  # gzip, applied last, was undone first
    assert decoded.steps == ("gzip",)
    assert str(decoded.error) == "The coding “compress” is unknown; it is left as it is."


def test_a_failing_outer_coding_keeps_the_stages_that_worked() -> None:
    body = brotli.compress(b"not gzip at all")
    decoded = decode_content(body, ["gzip", "br"], MiB)
    assert decoded.data == b"not gzip at all"
    assert decoded.steps == ("br",)
    assert decoded.error and "gzip" in str(decoded.error)


def test_an_empty_body_has_nothing_to_undo() -> None:
    assert decode_content(b"", ["gzip", "br"], MiB) == DecodedBody(b"")


# --- bombs ----------------------------------------------------------------------------------

BOMB_SIZE = 200 * MiB


def _bomb(coding: str) -> bytes:
    zero = bytes(MiB)
    if coding == "gzip":
        gz = zlib.compressobj(9, zlib.DEFLATED, 31)
        return b"".join(gz.compress(zero) for _ in range(200)) + gz.flush()
    if coding == "br":
        br = brotli.Compressor(quality=5)
        return bytes(b"".join(br.process(zero) for _ in range(200)) + br.finish())
    zs = zstandard.ZstdCompressor().compressobj()
    return b"".join(zs.compress(zero) for _ in range(200)) + zs.flush()


@pytest.fixture(scope="module", params=["gzip", "br", "zstd"])
def bomb(request: pytest.FixtureRequest) -> tuple[str, bytes]:
    coding: str = request.param
    body = _bomb(coding)
    assert len(body) < 256 * 1024  # 200 MiB from a few hundred KB at most
    return coding, body


@pytest.mark.parametrize("cap", [MiB, 4 * MiB])
def test_a_bomb_stops_at_the_cap_quickly_and_memory_bounded(
    bomb: tuple[str, bytes], cap: int
) -> None:
    coding, body = bomb
    tracemalloc.start()
    started = time.perf_counter()
    try:
        decoded = decode_content(body, [coding], cap)
        elapsed = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert decoded.data == bytes(cap)
    assert decoded.truncated
    assert decoded.error and "cap" in str(decoded.error)
    assert elapsed < 2  # decoding all 200 MiB takes ~0.5 s here; the cap is reached in ms
    assert peak < 4 * cap + 2 * MiB


def test_a_stacked_bomb_stops_at_the_cap() -> None:
    inner = _bomb("gzip")
    body = brotli.compress(inner)
    decoded = decode_content(body, ["gzip", "br"], MiB)
    assert decoded.truncated
    assert decoded.data == bytes(MiB)
    assert decoded.steps == ("br", "gzip")
    assert decoded.error and "ends early" not in str(decoded.error)


def test_output_exactly_at_the_cap_is_not_truncated() -> None:
    for coding, encode in (("gzip", gzip.compress), ("br", brotli.compress), ("zstd", zstd_stream)):
        decoded = decode_content(encode(TEXT), [coding], len(TEXT))
        assert decoded == DecodedBody(TEXT, steps=(coding,))
        assert decode_content(encode(TEXT), [coding], len(TEXT) - 1).truncated


@settings(max_examples=300, deadline=None)
@given(
    body=st.binary(max_size=200),
    codings=st.lists(st.sampled_from(["gzip", "deflate", "br", "zstd", "identity", "x"])),
    cap=st.integers(min_value=0, max_value=1000),
)
def test_any_bytes_decode_without_raising(body: bytes, codings: list[str], cap: int) -> None:
    decoded = decode_content(body, codings, cap)
    assert decoded.error is None or str(decoded.error).endswith(".")
    assert len(decoded.data) <= max(cap, len(body))
