"""Names received from a peer, made safe to create as one path component (sans-IO).

A peer chooses every name in an offer and a directory stream. ``safe_name`` turns any of them
into one component that cannot leave the folder it is created in and can be created on Linux,
macOS and Windows alike; ``candidates`` gives the ``name (2).ext`` names to try, in order, when
a name is taken (the caller creates each exclusively, so nothing is ever overwritten).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator

__all__ = ["FALLBACK_NAME", "NAME_BYTES_MAX", "candidates", "safe_name", "unique_name"]

# The longest name ext4, XFS, btrfs, APFS and NTFS all accept (255 bytes, or 255 UTF-16 units on
# NTFS, which 255 UTF-8 bytes never exceed).
NAME_BYTES_MAX = 255
# What an empty (or wholly unsafe) name becomes.
FALLBACK_NAME = "unnamed"

# Separators and the characters Windows refuses in a name (``:`` also names an NTFS stream).
_REPLACED = frozenset('/\\:*?"<>|')
# Bidirectional overrides and isolates: they make "exe.txt" display as "txt.exe".
_BIDI = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Everything ``_`` replaces: the above, control characters (Unicode's Cc: C0, DEL and C1),
# unpaired surrogates (Cs) and the line and paragraph separators.
_UNSAFE = re.compile(
    "["
    + re.escape("".join(sorted(_REPLACED | _BIDI)))
    + "\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029]"
)
# Device names Windows opens whatever the extension or case (``con.txt`` is the console).
_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{port}{n}" for port in ("COM", "LPT") for n in [*"123456789", "¹", "²", "³"]}
)


def safe_name(name: str, *, max_bytes: int = NAME_BYTES_MAX) -> str:
    """``name`` as one safe path component: never empty, ``.``, ``..`` or a device name.

    Separators, ``:`` and the other characters Windows refuses, control characters (NUL
    included), unpaired surrogates and bidirectional overrides become ``_``; trailing dots and
    spaces (which Windows drops) are removed; a reserved Windows name (``CON``, ``com1.txt``…)
    gets a leading ``_``; the result is cut to ``max_bytes`` UTF-8 bytes (``NAME_BYTES_MAX``
    unless the caller needs room, e.g. for a ``.part`` suffix), keeping the extension where it can.
    """
    text = _UNSAFE.sub("_", name).rstrip(". ")
    if not text:
        return FALLBACK_NAME
    if text.split(".", 1)[0].rstrip(" ").upper() in _RESERVED:
        text = "_" + text
    return _fit(text, max_bytes) or FALLBACK_NAME


def candidates(
    name: str, *, folder: bool = False, max_bytes: int = NAME_BYTES_MAX
) -> Iterator[str]:
    """``safe_name(name)``, then ``stem (2).ext``, ``stem (3).ext``… (a folder keeps its dots).

    Each candidate is itself a safe name within ``max_bytes`` bytes. The caller creates
    them exclusively (``O_EXCL``, ``mkdir``) in turn until one succeeds.
    """
    base = safe_name(name, max_bytes=max_bytes)
    yield base
    stem, ext = (base, "") if folder else _split_extension(base)
    for number in itertools.count(2):
        tail = f" ({number}){ext}"
        room = max_bytes - len(tail.encode("utf-8"))
        yield (_fit(stem, room).rstrip(". ") or "_") + tail


def unique_name(
    name: str,
    taken: Callable[[str], bool],
    *,
    folder: bool = False,
    limit: int = 10_000,
    max_bytes: int = NAME_BYTES_MAX,
) -> str:
    """The first of ``candidates(name)`` that ``taken`` says is free.

    Raises:
        ValueError: ``limit`` candidates are all taken.
    """
    for candidate in itertools.islice(candidates(name, folder=folder, max_bytes=max_bytes), limit):
        if not taken(candidate):
            return candidate
    raise ValueError(f"no free name for {name!r} after {limit} tries")


def _split_extension(name: str) -> tuple[str, str]:
    dot = name.rfind(".")
    # ".bashrc" and ".._x" have no extension; nor has "a.<long text>".
    if dot < 0 or not name[:dot].strip(".") or len(name) - dot > 16:
        return name, ""
    return name[:dot], name[dot:]


def _fit(text: str, limit: int) -> str:
    """``text`` within ``limit`` UTF-8 bytes, cut at a character, keeping a short extension."""
    if len(text.encode("utf-8")) <= limit:
        return text
    stem, ext = _split_extension(text)
    room = limit - len(ext.encode("utf-8"))
    cut = stem.encode("utf-8")[: max(room, 0)].decode("utf-8", "ignore").rstrip(". ")
    return cut + ext if cut else _cut(text, limit)


def _cut(text: str, limit: int) -> str:
    return text.encode("utf-8")[:limit].decode("utf-8", "ignore").rstrip(". ")
