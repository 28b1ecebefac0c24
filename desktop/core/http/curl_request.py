"""The request curl would send for the options read from its command line.

Curl 7.88's header order: Host first, then its own headers, then ``-H`` ones (a custom header
replaces curl's own of the same name). What cannot be honoured becomes a note.
"""

from __future__ import annotations

import base64
import re
from typing import Any
from urllib.parse import SplitResult, quote_plus, unquote, urlsplit

from desktop.core.http.curl_import import CurlImport, CurlImportError
from desktop.core.http.url_reasons import url_reason
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence

__all__ = ["build_import"]

_ACCEPT_ENCODING = "deflate, gzip, br, zstd"
_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")  # what Debian's curl 7.88 sends for --compressed


def build_import(options: list[tuple[str, str]], url: str, notes: list[Sentence]) -> CurlImport:
    names = {name for name, _ in options}
    values = {name: value for name, value in options}  # the last one wins, as in curl
    parts = _url(url)
    tls = parts.scheme == "https"
    host = parts.hostname or ""
    try:
        port = parts.port or (443 if tls else 80)
    except ValueError:
        raise CurlImportError(
            sentence(QT_TRANSLATE_NOOP("core", "The URL {url} has an invalid port."), url=url)
        ) from None
    query = parts.query
    data = _body(options, notes)
    if "--get" in names and data:
        # curl appends the data through its URL parser, which writes escapes in lower case.
        appended = _ESCAPE.sub(lambda m: m[0].lower(), data.decode("utf-8", "surrogateescape"))
        query, data = (query + "&" if query else "") + appended, b""
    target = values.get("--request-target", (parts.path or "/") + ("?" + query if query else ""))
    method = values.get("--request") or ("HEAD" if "--head" in names else "POST" if data else "GET")
    version = "HTTP/1.0" if "--http1.0" in names else "HTTP/1.1"
    shown = f"[{host}]" if ":" in host else host
    authority = shown if port == (443 if tls else 80) else f"{shown}:{port}"
    user = values.get("--user") or _userinfo(parts.username, parts.password)
    internal = [f"Host: {authority}", *_own_headers(values, names, user, notes)]
    custom = [value for name, value in options if name == "--header"]
    headers = _merge(internal, custom, notes)
    if data and not _has(headers, "content-length"):
        headers.append(f"Content-Length: {len(data)}")
    if data and not _has(headers, "content-type"):
        headers.append("Content-Type: application/x-www-form-urlencoded")
    head = f"{method} {target} {version}\r\n" + "".join(f"{line}\r\n" for line in headers)
    raw = head.encode("utf-8", "surrogateescape") + b"\r\n" + data
    text = raw.decode("utf-8", "replace")
    if text.encode("utf-8") != raw:
        notes.append(
            sentence(
                QT_TRANSLATE_NOOP(
                    "core",
                    "Some bytes are not UTF-8 and show as �; the exact bytes are kept in data.",
                )
            )
        )
    return CurlImport(
        text, host, port, tls, "--insecure" in names, notes, raw, **_target_options(values, notes)
    )


def _target_options(values: dict[str, str], notes: list[Sentence]) -> dict[str, Any]:
    """The ``CurlImport`` fields read from TLS, timeout and redirect options."""
    cert = values.get("--cert")
    if cert and ":" in cert:  # curl's FILE:PASSWORD
        cert = cert.partition(":")[0]
        notes.append(
            sentence(
                QT_TRANSLATE_NOOP(
                    "core", "The --cert password is ignored: the key must be unencrypted."
                )
            )
        )
    fields: dict[str, Any] = {
        "ca_file": values.get("--cacert"),
        "cert_file": cert,
        "key_file": values.get("--key"),
        "follow_redirects": "--location" in values,
    }
    for option, key, kind in (
        ("--connect-timeout", "connect_timeout", float),
        ("--max-time", "max_time", float),
        ("--max-redirs", "max_redirects", int),
    ):
        if option in values:
            try:
                number = kind(values[option])
            except ValueError:
                notes.append(
                    sentence(
                        QT_TRANSLATE_NOOP(
                            "core", "{option} {value} is not a number and is ignored."
                        ),
                        option=option,
                        value=values[option],
                    )
                )
                continue
            if number >= 0:
                fields[key] = number
            else:
                notes.append(
                    sentence(
                        QT_TRANSLATE_NOOP("core", "{option} {value} is ignored."),
                        option=option,
                        value=values[option],
                    )
                )
    return fields


def _own_headers(
    values: dict[str, str], names: set[str], user: str | None, notes: list[Sentence]
) -> list[str]:
    """The headers curl adds itself after Host, in curl 7.88's order."""
    lines = []
    if user:
        if ":" not in user:
            notes.append(
                sentence(
                    QT_TRANSLATE_NOOP(
                        "core", "-u has no password: an empty one is used (curl would ask for it)."
                    )
                )
            )
        lines.append("Authorization: Basic " + base64.b64encode(user.encode()).decode())
    if "--oauth2-bearer" in values:
        lines.append("Authorization: Bearer " + values["--oauth2-bearer"])
    if "--range" in values:
        lines.append("Range: bytes=" + values["--range"])
    if "--user-agent" in values:
        lines.append("User-Agent: " + values["--user-agent"])
    lines.append("Accept: */*")
    if "--compressed" in names:
        lines.append("Accept-Encoding: " + _ACCEPT_ENCODING)
    if "--referer" in values:
        lines.append("Referer: " + values["--referer"])
    cookie = values.get("--cookie")
    if cookie is not None and "=" not in cookie:
        notes.append(
            sentence(
                QT_TRANSLATE_NOOP("core", "-b {value} names a cookie file; it is not read."),
                value=cookie,
            )
        )
    elif cookie is not None:
        lines.append("Cookie: " + cookie)
    return lines


def _merge(internal: list[str], custom: list[str], notes: list[Sentence]) -> list[str]:
    """curl's own header lines with ``-H`` ones applied: a custom header replaces curl's of the
    same name, ``Name:`` only removes it, ``Name;`` sends it empty; Host stays first."""
    headers = list(internal)
    own = {_key(line) for line in internal}
    for typed in custom:
        name, colon, value = typed.partition(":")
        send_empty = not colon and typed.endswith(";")
        line = typed[:-1] + ":" if send_empty else typed
        if send_empty:
            name = typed[:-1]
        elif not colon or typed.startswith("@"):
            notes.append(
                sentence(
                    QT_TRANSLATE_NOOP("core", "-H {value} is not a header line; it is ignored."),
                    value=typed,
                )
            )
            continue
        key = name.strip().lower()
        if key in own:  # the first custom header of a name replaces curl's own
            own.discard(key)
            headers = [h for h in headers if _key(h) != key]
        if not (value.strip() or send_empty):
            continue
        if key == "host":
            headers.insert(0, line)
        else:
            headers.append(line)
    return headers


def _key(line: str) -> str:
    return line.partition(":")[0].strip().lower()


def _has(headers: list[str], key: str) -> bool:
    return any(_key(line) == key for line in headers)


def _body(options: list[tuple[str, str]], notes: list[Sentence]) -> bytes:
    """The ``-d`` family joined with ``&``, as curl does."""
    parts: list[str] = []
    for name, value in options:
        if name in {"--data", "--data-ascii", "--data-binary"} and value.startswith("@"):
            notes.append(
                sentence(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "{option} {value} names a file; it is not read (the body holds the name).",
                    ),
                    option=name,
                    value=value,
                )
            )
            parts.append(value)
        elif name in {"--data", "--data-ascii", "--data-binary", "--data-raw"}:
            parts.append(value)
        elif name == "--data-urlencode":
            parts.append(_urlencoded(value, notes))
    return "&".join(parts).encode("utf-8", "surrogateescape")


def _urlencoded(value: str, notes: list[Sentence]) -> str:
    """``--data-urlencode``: ``content``, ``=content``, ``name=content`` (``@file`` unread)."""
    name, equals, content = value.partition("=")
    if "@" in name:
        notes.append(
            sentence(
                QT_TRANSLATE_NOOP("core", "--data-urlencode {value} names a file; it is not read."),
                value=value,
            )
        )
        return value
    if not equals:
        return quote_plus(value, safe="")
    return (name + "=" if name else "") + quote_plus(content, safe="")


def _userinfo(username: str | None, password: str | None) -> str | None:
    if username is None:
        return None
    return unquote(username) + ":" + unquote(password or "")


def _url(url: str) -> SplitResult:
    if "://" not in url:
        url = "http://" + url  # curl guesses http for a bare host
    try:
        parts = urlsplit(url)
    except ValueError as error:  # e.g. "Invalid IPv6 URL"
        raise CurlImportError(
            sentence(
                QT_TRANSLATE_NOOP("core", "The URL {url} is not valid ({reason})."),
                url=url,
                reason=url_reason(error),
            )
        ) from None
    if parts.scheme.lower() not in {"http", "https"}:
        raise CurlImportError(
            sentence(
                QT_TRANSLATE_NOOP(
                    "core", "Only http and https URLs can be imported, not {scheme}."
                ),
                scheme=parts.scheme,
            )
        )
    if not parts.hostname:
        raise CurlImportError(
            sentence(QT_TRANSLATE_NOOP("core", "The URL {url} has no host."), url=url)
        )
    return parts
