"""curl command lines in and out: import one as a raw request, export a request as curl or Python.

``from_curl`` builds the request curl would send (curl 7.88's header order: Host first, then its
own headers, then ``-H`` ones; curl's default ``User-Agent: curl/VERSION`` is left out, as the
version is unknown). Options it cannot honour are listed in ``notes``, never raised.
``to_curl`` and ``to_python`` go the other way; what curl cannot send exactly is said in
comment lines at the top of the command.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import SplitResult, quote_plus, unquote, urlsplit

from desktop.core.errors import SocketDeskError
from desktop.core.http.shell import ShellSyntaxError, split_words
from desktop.core.http.snippet import to_curl, to_python
from desktop.core.http.url_reasons import url_reason
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence

__all__ = ["CurlImport", "CurlImportError", "from_curl", "to_curl", "to_python"]


class CurlImportError(SocketDeskError):
    """The command is not a curl command line that can be read; the message says why."""


@dataclass(frozen=True)
class CurlImport:
    """A request read from a curl command.

    Attributes:
        request_text: the request (CRLF line endings); undecodable body bytes shown as U+FFFD.
        host: where to connect (no brackets around IPv6).
        port: the TCP port.
        tls: the URL is ``https``.
        insecure: ``-k`` was given (do not verify the certificate).
        notes: options ignored or only partly honoured, one sentence each (``str()`` English).
        data: the request exactly as bytes (``request_text`` may have lost some).
        ca_file, cert_file, key_file: ``--cacert``, ``--cert`` and ``--key``.
        connect_timeout, max_time: ``--connect-timeout`` and ``--max-time``, in seconds.
        follow_redirects: ``-L`` was given.
        max_redirects: ``--max-redirs``, if given.
    """

    request_text: str
    host: str
    port: int
    tls: bool
    insecure: bool
    notes: list[Sentence] = field(default_factory=list)
    data: bytes = b""
    ca_file: str | None = None
    cert_file: str | None = None
    key_file: str | None = None
    connect_timeout: float | None = None
    max_time: float | None = None
    follow_redirects: bool = False
    max_redirects: int | None = None


# Options taking a value that are read, by their long name.
_VALUED = {
    "-X": "--request", "-H": "--header", "-d": "--data", "-u": "--user", "-b": "--cookie",
    "-A": "--user-agent", "-e": "--referer", "-r": "--range", "-E": "--cert", "-m": "--max-time",
}  # fmt: skip
_READ = {*_VALUED.values(), "--data-ascii", "--data-raw", "--data-binary", "--data-urlencode"}
_READ |= {"--url", "--request-target", "--oauth2-bearer"}
# Read into the target's settings rather than the request.
_TARGET = {"--cacert", "--cert", "--key", "--connect-timeout", "--max-time", "--max-redirs"}
_READ |= _TARGET
# Flags that are read.
_FLAGS = {"-k": "--insecure", "-I": "--head", "-G": "--get", "-0": "--http1.0", "-L": "--location"}
_READ_FLAGS = {*_FLAGS.values(), "--compressed", "--http1.1", "--path-as-is"}
# Options about curl's own output or progress: nothing to do with the request.
_SILENT = {"-s", "-S", "-v", "-i", "-f", "-#", "-N", "--silent", "--show-error", "--verbose"}
_SILENT |= {"--include", "--fail", "--progress-bar", "--no-buffer", "--globoff", "-g"}
# Options that take a value but are not honoured (listed in notes).
_UNSUPPORTED_VALUED = set("oOxTFcDwKUyYzCtQ") | {
    "--output", "--proxy", "--resolve", "--connect-to",
    "--capath", "--cert-type", "--key-type", "--write-out",
    "--upload-file", "--form", "--form-string", "--cookie-jar", "--retry",
    "--interface", "--limit-rate", "--dump-header", "--trace", "--trace-ascii", "--proxy-user",
    "--ciphers", "--config", "--tls-max", "--output-dir", "--unix-socket", "--json",
}  # fmt: skip
_ACCEPT_ENCODING = "deflate, gzip, br, zstd"
_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")  # what Debian's curl 7.88 sends for --compressed


def from_curl(command: str) -> CurlImport:
    """Read a curl command line (bash syntax).

    Raises:
        CurlImportError: the line is not well-formed, is not a curl command, has no URL, or an
            option lacks its value.
    """
    try:
        words = split_words(command)
    except ShellSyntaxError as error:
        raise CurlImportError(error.sentence) from None
    if not words or not words[0].rsplit("/", 1)[-1].startswith("curl"):
        raise CurlImportError(
            sentence(QT_TRANSLATE_NOOP("core", "The command does not start with curl."))
        )
    options, urls, notes = _options(words[1:])
    if not urls:
        raise CurlImportError(sentence(QT_TRANSLATE_NOOP("core", "The curl command has no URL.")))
    if len(urls) > 1:
        notes.append(
            sentence(
                QT_TRANSLATE_NOOP("core", "Only the first of {count} URLs is imported."),
                count=len(urls),
            )
        )
    return _build(options, urls[0], notes)


def _options(words: list[str]) -> tuple[list[tuple[str, str]], list[str], list[Sentence]]:
    """``(name, value)`` pairs in order (long names; flags have ``""``), URLs and notes."""
    options: list[tuple[str, str]] = []
    urls: list[str] = []
    notes: list[Sentence] = []
    i = 0
    while i < len(words):
        word = words[i]
        i += 1
        if word == "--":
            urls += words[i:]
            break
        if not word.startswith("-") or word == "-":
            urls.append(word)
            continue
        for name, inline in _expand(word):
            if not _takes_value(name):
                _flag(name, options, notes)
                continue
            value = inline
            if value is None:
                if i >= len(words):
                    raise CurlImportError(
                        sentence(
                            QT_TRANSLATE_NOOP("core", "The option {name} needs a value."),
                            name=name,
                        )
                    )
                value, i = words[i], i + 1
            if name == "--url":
                urls.append(value)
            elif name in _READ:
                options.append((name, value))
            else:
                notes.append(
                    sentence(
                        QT_TRANSLATE_NOOP("core", "{option} {value} is ignored."),
                        option=name,
                        value=value,
                    )
                )
    return options, urls, notes


def _takes_value(name: str) -> bool:
    return name in _READ or name in _UNSUPPORTED_VALUED or name.lstrip("-") in _UNSUPPORTED_VALUED


def _flag(name: str, options: list[tuple[str, str]], notes: list[Sentence]) -> None:
    if name in _READ_FLAGS:
        options.append((name, ""))
    elif name in {"--http2", "--http2-prior-knowledge", "--http3"}:
        notes.append(
            sentence(
                QT_TRANSLATE_NOOP("core", "{option} is ignored: requests are sent as HTTP/1.1."),
                option=name,
            )
        )
    elif name not in _SILENT:
        notes.append(
            sentence(
                QT_TRANSLATE_NOOP("core", "The option {option} is not supported and is ignored."),
                option=name,
            )
        )


def _expand(word: str) -> list[tuple[str, str | None]]:
    """One word as options: ``--name``, or ``-abc`` / ``-XPOST`` clusters of short ones."""
    if word.startswith("--"):
        return [(word, None)]
    out: list[tuple[str, str | None]] = []
    for index, letter in enumerate(word[1:], start=1):
        short = "-" + letter
        if short in _VALUED or letter in _UNSUPPORTED_VALUED:
            rest = word[index + 1 :]
            out.append((_VALUED.get(short, short), rest or None))
            break
        out.append((_FLAGS.get(short, short), None))
    return out


def _build(options: list[tuple[str, str]], url: str, notes: list[Sentence]) -> CurlImport:
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
