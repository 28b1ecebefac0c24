"""Turn a typed raw HTTP/1.x request into the bytes to send, saying every change made.

By default the head is normalised (LF becomes CRLF, the empty line that ends it is added when
missing) and Content-Length follows the body; the body's bytes are never changed. In exact mode
the typed bytes go out as they are, and the same checks only become notes.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlencode

from desktop.core.errors import UnencodableInput
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence

__all__ = [
    "BuiltRequest",
    "RequestLine",
    "build_request",
    "form_template",
    "get_template",
    "json_template",
    "multipart_template",
    "parse_target",
    "split_head",
    "split_host_port",
    "split_requests",
]

CRLF = b"\r\n"
# Methods whose requests normally carry a body (RFC 9110 §9.3): Content-Length is added even for
# an empty body, as curl and browsers do, so the server does not wait for one.
_BODY_METHODS = frozenset({b"POST", b"PUT", b"PATCH"})
_OWS = b" \t"
_USER_AGENT = "SocketDesk"


@dataclass(frozen=True)
class BuiltRequest:
    """The bytes to send and what was changed or noticed on the way.

    Attributes:
        data: the request exactly as it will be sent.
        notes: one sentence per change made (or, in exact mode, per problem seen); ``str()`` of
            each is English.
        content_length_typed: the Content-Length value as typed, if there was a valid one.
        content_length_actual: the body's length in bytes.
    """

    data: bytes
    notes: list[Sentence]
    content_length_typed: int | None
    content_length_actual: int


@dataclass(frozen=True)
class RequestLine:
    """What the first line and the Host header of a typed request say.

    Attributes:
        method: e.g. ``GET``; empty when nothing was typed.
        target: the request target, e.g. ``/index.html?q=1``.
        version: e.g. ``HTTP/1.1``; empty when missing.
        host: the Host header's value, or None when there is none.
    """

    method: str
    target: str
    version: str
    host: str | None


def build_request(
    text: str, *, exact: bool = False, auto_content_length: bool = True, encoding: str = "utf-8"
) -> BuiltRequest:
    """Encode ``text`` and prepare it for sending.

    Args:
        text: the request as typed: request line, headers, an empty line, the body.
        exact: send the encoded bytes unchanged (no CRLF, no Content-Length changes).
        auto_content_length: outside exact mode, make Content-Length match the body.
        encoding: how characters become bytes (head and body alike).

    Raises:
        UnencodableInput: a character ``encoding`` cannot represent (its position is given).
    """
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError as error:
        raise UnencodableInput(
            sentence(
                QT_TRANSLATE_NOOP("core", "“{char}” cannot be written in {encoding}."),
                char=text[error.start],
                encoding=encoding,
            ),
            error.start,
            error.end - error.start,
        ) from None
    return build_request_bytes(data, exact=exact, auto_content_length=auto_content_length)


def build_request_bytes(
    data: bytes, *, exact: bool = False, auto_content_length: bool = True
) -> BuiltRequest:
    """``build_request`` for a request already in bytes (a file, an import)."""
    notes: list[Sentence] = []
    leading, lines, blank, body = _split(data)
    lengths = _content_lengths(lines)
    typed = _parse_length(lengths[0][1]) if len(lengths) == 1 else None
    if exact:
        notes += _exact_notes(data, blank is None and bool(lines), lengths, len(body))
        return BuiltRequest(data, notes, typed, len(body))
    if leading:
        notes.append(
            sentence(
                QT_TRANSLATE_NOOP("core", "Removed {count} empty line(s) before the request line."),
                count=leading,
            )
        )
    if lines and blank is None:
        notes.append(
            sentence(QT_TRANSLATE_NOOP("core", "Added the empty line that ends the head."))
        )
    if auto_content_length:
        lines = _fix_length(lines, lengths, typed, len(body), notes)
    if lines and not any(_name(line) == b"host" for line in lines[1:]):
        notes.append(
            sentence(QT_TRANSLATE_NOOP("core", "There is no Host header (HTTP/1.1 requires one)."))
        )
    head = b"".join(line + CRLF for line in lines)
    return BuiltRequest(head + CRLF + body if lines else body, notes, typed, len(body))


def parse_target(text: str) -> RequestLine:
    """The method, target, version and Host header of a typed request (never raises)."""
    _, lines, _, _ = _split(text.encode("utf-8", "surrogatepass"))
    first = lines[0].decode("utf-8", "replace").split() if lines else []
    method, target, version = [*first, "", "", ""][:3]
    host = next(
        (_value(line).decode("utf-8", "replace") for line in lines[1:] if _name(line) == b"host"),
        None,
    )
    return RequestLine(method, target, version, host)


def split_head(data: bytes) -> tuple[list[bytes], bytes | None, bytes]:
    """Head lines (without their CR LF, empty lines before the request line skipped), the empty
    line that ends the head as it is (None when missing) and the body."""
    _, lines, blank, body = _split(data)
    return lines, blank, body


def split_host_port(value: str, default_port: int) -> tuple[str, int]:
    """``example.com:8080`` → ``("example.com", 8080)``; ``[::1]`` → ``("::1", default_port)``.

    A port that is not a number in 1–65535 stays part of the host, which then fails to resolve.
    """
    value = value.strip()
    if value.startswith("[") and "]" in value:
        end = value.index("]")
        host, rest = value[1:end], value[end + 1 :]
        if not rest:
            return host, default_port
        port = rest.removeprefix(":")
    elif value.count(":") == 1:
        host, port = value.split(":")
    else:
        return value, default_port  # no port, or an IPv6 address without brackets
    if port.isdigit() and 0 < int(port) < 65536:
        return host, int(port)
    return value, default_port


def split_requests(data: bytes, separator: bytes) -> list[bytes]:
    """The requests of a pipeline typed one after the other, split at lines that are
    ``separator`` (surrounding white space ignored).

    Each line keeps its own line ending: the line before a separator is sent with the LF typed
    after it. The separator lines themselves are not sent; parts with nothing but white space
    are dropped.
    """
    parts: list[bytes] = []
    current = bytearray()
    for line in data.splitlines(keepends=True):
        if line.strip() == separator:
            parts.append(bytes(current))
            current.clear()
        else:
            current += line
    parts.append(bytes(current))
    return [part for part in parts if part.strip()]


# --- templates ---------------------------------------------------------------------------------


def get_template(host: str = "example.com", path: str = "/") -> str:
    """A GET request."""
    return _head("GET", path, host, [("Accept", "*/*")]) + "\r\n"


def form_template(
    host: str = "example.com", path: str = "/", fields: Mapping[str, str] | None = None
) -> str:
    """A POST of an HTML form (``application/x-www-form-urlencoded``)."""
    body = urlencode(dict(fields if fields is not None else {"name": "value"}))
    return _with_body("POST", path, host, "application/x-www-form-urlencoded", body)


def json_template(host: str = "example.com", path: str = "/", value: object = None) -> str:
    """A POST of a JSON document."""
    body = json.dumps({"key": "value"} if value is None else value, indent=2, ensure_ascii=False)
    return _with_body("POST", path, host, "application/json", body)


def multipart_template(
    host: str = "example.com",
    path: str = "/upload",
    *,
    fields: Mapping[str, str] | None = None,
    file: tuple[str, str, str] = ("file", "hello.txt", "Hello, world!\n"),
    file_type: str = "text/plain",
    boundary: str | None = None,
) -> str:
    """A POST of ``multipart/form-data`` with text fields and one file (RFC 7578).

    Args:
        file: the form field's name, the file name and the file's content.
        boundary: the delimiter; a random one by default.
    """
    boundary = boundary or "----SocketDesk" + secrets.token_hex(8)
    parts = [
        f'Content-Disposition: form-data; name="{_quoted(name)}"\r\n\r\n{value}'
        for name, value in (fields if fields is not None else {"name": "value"}).items()
    ]
    field_name, file_name, content = file
    parts.append(
        f'Content-Disposition: form-data; name="{_quoted(field_name)}";'
        f' filename="{_quoted(file_name)}"\r\n'
        f"Content-Type: {file_type}\r\n\r\n{content}"
    )
    body = "".join(f"--{boundary}\r\n{part}\r\n" for part in parts) + f"--{boundary}--\r\n"
    return _with_body("POST", path, host, f"multipart/form-data; boundary={boundary}", body)


def _quoted(name: str) -> str:
    """A name inside a quoted multipart parameter, escaped as browsers do (WHATWG HTML's
    multipart/form-data encoding): ``"`` as %22, CR as %0D, LF as %0A."""
    return name.replace('"', "%22").replace("\r", "%0D").replace("\n", "%0A")


def _head(method: str, path: str, host: str, extra: list[tuple[str, str]]) -> str:
    fields = [("Host", host), ("User-Agent", _USER_AGENT), *extra]
    return f"{method} {path} HTTP/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in fields)


def _with_body(method: str, path: str, host: str, content_type: str, body: str) -> str:
    length = str(len(body.encode("utf-8")))
    extra = [("Accept", "*/*"), ("Content-Type", content_type), ("Content-Length", length)]
    return _head(method, path, host, extra) + "\r\n" + body


# --- the head ----------------------------------------------------------------------------------


def _split(data: bytes) -> tuple[int, list[bytes], bytes | None, bytes]:
    """Empty lines skipped at the start, head lines (without CR LF), the empty line that ends
    the head as typed (None when missing) and the body."""
    pos = leading = 0
    while data.startswith(b"\n", pos) or data.startswith(b"\r\n", pos):
        pos += 1 if data[pos] == 0x0A else 2
        leading += 1
    lines: list[bytes] = []
    while pos < len(data):
        newline = data.find(b"\n", pos)
        if newline < 0:
            lines.append(data[pos:])
            break
        line = data[pos:newline]
        if line in (b"", b"\r"):
            return leading, lines, data[pos : newline + 1], data[newline + 1 :]
        lines.append(line.removesuffix(b"\r"))
        pos = newline + 1
    return leading, lines, None, b""


def _name(line: bytes) -> bytes:
    return line.partition(b":")[0].strip(_OWS).lower() if b":" in line else b""


def _value(line: bytes) -> bytes:
    return line.partition(b":")[2].strip(_OWS)


def _content_lengths(lines: list[bytes]) -> list[tuple[int, bytes]]:
    return [
        (i, _value(line)) for i, line in enumerate(lines) if i and _name(line) == b"content-length"
    ]


def _parse_length(value: bytes) -> int | None:
    return int(value) if value.isdigit() else None


def _method(lines: list[bytes]) -> bytes:
    return lines[0].split(maxsplit=1)[0] if lines and lines[0].strip() else b""


def _fix_length(
    lines: list[bytes],
    lengths: list[tuple[int, bytes]],
    typed: int | None,
    actual: int,
    notes: list[Sentence],
) -> list[bytes]:
    if not lines or any(_name(line) == b"transfer-encoding" for line in lines[1:]):
        return lines  # chunked or another framing: Content-Length is the user's business
    if len(lengths) > 1:
        notes.append(
            sentence(
                QT_TRANSLATE_NOOP(
                    "core", "There are several Content-Length headers; they are left as typed."
                )
            )
        )
        return lines
    value = str(actual).encode("ascii")
    if not lengths:
        if actual or _method(lines).upper() in _BODY_METHODS:
            notes.append(
                sentence(
                    QT_TRANSLATE_NOOP("core", "Added Content-Length: {length}."), length=actual
                )
            )
            return [*lines, b"Content-Length: " + value]
        return lines
    index, typed_value = lengths[0]
    if typed == actual and typed_value == value:
        return lines
    name = lines[index].partition(b":")[0]
    shown = typed_value.decode("latin-1")
    notes.append(
        sentence(
            QT_TRANSLATE_NOOP(
                "core", "Content-Length changed from {typed} to {length}, the body's length."
            ),
            typed=shown,
            length=actual,
        )
        if shown
        else sentence(
            QT_TRANSLATE_NOOP(
                "core", "Content-Length changed from (empty) to {length}, the body's length."
            ),
            length=actual,
        )
    )
    return [*lines[:index], name + b": " + value, *lines[index + 1 :]]


def _exact_notes(
    data: bytes, unended: bool, lengths: list[tuple[int, bytes]], actual: int
) -> list[Sentence]:
    notes: list[Sentence] = []
    head = data[: len(data) - actual]
    if head.count(b"\n") > head.count(b"\r\n"):
        notes.append(
            sentence(
                QT_TRANSLATE_NOOP("core", "The head has lines ending in LF alone (sent as typed).")
            )
        )
    if unended:
        notes.append(
            sentence(
                QT_TRANSLATE_NOOP(
                    "core", "The head does not end with an empty line (sent as typed)."
                )
            )
        )
    if len(lengths) == 1 and _parse_length(lengths[0][1]) != actual:
        shown = lengths[0][1].decode("latin-1")
        notes.append(
            sentence(
                QT_TRANSLATE_NOOP(
                    "core",
                    "Content-Length says {typed} but the body has {length} bytes (sent as typed).",
                ),
                typed=shown,
                length=actual,
            )
        )
    return notes
