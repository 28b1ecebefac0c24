"""Feed a ResponseReader whole, byte by byte or in random pieces, and compare what it made."""

from __future__ import annotations

import copy
import itertools
import random
from collections.abc import Iterable

from desktop.core.http import Anomaly, ParsedResponse, ResponseReader

Snapshot = tuple[bytes, list[ParsedResponse], list[Anomaly], int | None, bool, int, list[bool]]


def random_pieces(data: bytes, seed: int) -> list[bytes]:
    """``data`` cut at random places (empty pieces included: feed(b"") must be harmless)."""
    rng = random.Random(seed)
    cuts = sorted(rng.randrange(len(data) + 1) for _ in range(rng.randrange(1, 12)))
    edges = [0, *cuts, len(data)]
    return [data[a:b] for a, b in itertools.pairwise(edges)]


def byte_pieces(data: bytes) -> list[bytes]:
    return [data[i : i + 1] for i in range(len(data))]


def read(
    pieces: Iterable[bytes],
    *,
    method: bytes = b"GET",
    close: bool = True,
    max_header_bytes: int = 1 << 20,
    max_body_bytes: int = 256 << 20,
) -> ResponseReader:
    reader = ResponseReader(method, max_header_bytes, max_body_bytes)
    for piece in pieces:
        reader.feed(piece)
    if close:
        reader.close()
    return reader


def snapshot(reader: ResponseReader) -> Snapshot:
    """Everything the reader exposes, comparable with ``==``."""
    return (
        reader.raw,
        copy.deepcopy(reader.responses),  # a copy: the reader updates its own
        list(reader.anomalies),
        reader.error_offset,
        reader.complete,
        reader.discarded,
        [response.persistent for response in reader.responses],  # (not part of ==)
    )
