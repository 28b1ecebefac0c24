"""Saving a response body to a file: a safe default name, exact bytes, an atomic write."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from urllib.parse import unquote

from desktop.core.files import open_atomic

__all__ = ["safe_filename", "write_body"]

_NAME_MAX = 120  # characters: well under every file system's 255-byte limit in UTF-8
_EXTENDED = re.compile(r"filename\*\s*=\s*([\w!#$%&+.^`|~-]*)'[^']*'([^;]*)", re.IGNORECASE)
_QUOTED = re.compile(r'filename\s*=\s*"((?:[^"\\]|\\.)*)"', re.IGNORECASE)
_TOKEN = re.compile(r"filename\s*=\s*([^;\s]+)", re.IGNORECASE)
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')
# Names Windows reserves for devices, with any extension (CON.txt is still the console).
_RESERVED = {"con", "prn", "aux", "nul"} | {f"{d}{n}" for d in ("com", "lpt") for n in range(10)}
_EXTENSIONS = {"json": ".json", "xml": ".xml", "html": ".html", "png": ".png", "jpeg": ".jpg"}
_EXTENSIONS |= {"gif": ".gif", "webp": ".webp", "svg": ".svg"}


def safe_filename(content_disposition: bytes | None, kind: str | None = None) -> str:
    """A file name for a body that cannot escape the chosen folder or upset a file system.

    The name comes from Content-Disposition (``filename*`` first, RFC 6266 §4.3); a path in it
    keeps only its last part; control and reserved characters become ``_``; leading dots and
    spaces go; device names (``CON``, ``NUL``…) get a ``_`` in front. With nothing usable
    left, the name is ``response`` with an extension for ``kind``.

    Args:
        content_disposition: the header value as received, or None.
        kind: what the body is (``json``, ``png``…), for the fallback's extension.
    """
    name = _from_header(content_disposition.decode("latin-1")) if content_disposition else ""
    name = unicodedata.normalize("NFC", name)
    name = re.split(r"[/\\]", name)[-1]
    name = _UNSAFE.sub("_", name).strip().lstrip(". ").rstrip(". ")
    if name.split(".")[0].strip().lower() in _RESERVED:
        name = "_" + name
    if len(name) > _NAME_MAX:
        stem, dot, suffix = name.rpartition(".")
        suffix = suffix[:16] if dot else ""
        name = (stem if dot else name)[: _NAME_MAX - len(suffix) - 1] + (dot + suffix)
    if not name.strip("_"):
        name = "response" + _EXTENSIONS.get(kind or "", ".bin")
    return name


def _from_header(value: str) -> str:
    extended = _EXTENDED.search(value)
    if extended:
        charset = extended[1] or "utf-8"
        try:
            return unquote(extended[2].strip(), encoding=charset, errors="replace")
        except LookupError:
            return unquote(extended[2].strip(), encoding="utf-8", errors="replace")
    quoted = _QUOTED.search(value)
    if quoted:
        return re.sub(r"\\(.)", r"\1", quoted[1])
    token = _TOKEN.search(value)
    return token[1] if token else ""


def write_body(path: Path, data: bytes | memoryview) -> int:
    """Write ``data`` to ``path`` atomically (a ``.part`` renamed); returns the bytes written.

    Raises:
        SaveError: the file could not be written.
    """
    with open_atomic(path) as stream:
        stream.write(data)
    return len(data)
