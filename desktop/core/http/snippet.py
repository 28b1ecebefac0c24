"""A request as a command to run elsewhere: a curl command line, or a small Python script.

curl writes its own framing, so ``to_curl`` says in ``#`` comment lines what it cannot send as
is (LF-only lines, Host not first, NUL in a header…); the Python script sends the exact bytes.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.http.request import split_head
from desktop.core.http.shell import quote_bytes

__all__ = ["ExportOptions", "to_curl", "to_python"]

_SAFE_TARGET = frozenset(
    b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/?=&%+:@,;!*'()$"
)
_EXPECT_THRESHOLD = 1 << 20  # curl 7.88 adds "Expect: 100-continue" to bodies above 1 MiB
_PY_READ_QUIET_S = 5


@dataclass(frozen=True)
class ExportOptions:
    """Target settings carried into an exported command (all optional).

    Attributes:
        ca_file, cert_file, key_file: PEM files (curl ``--cacert``, ``--cert``, ``--key``).
        sni: the name sent in SNI instead of the host (curl: the URL names it and
            ``--connect-to`` sends the connection to the host).
        connect_timeout, max_time: seconds (curl ``--connect-timeout``, ``--max-time``).
        follow_redirects, max_redirects: curl ``-L`` and ``--max-redirs``.
    """

    ca_file: str | None = None
    cert_file: str | None = None
    key_file: str | None = None
    sni: str | None = None
    connect_timeout: float | None = None
    max_time: float | None = None
    follow_redirects: bool = False
    max_redirects: int | None = None


def to_curl(
    request: bytes,
    host: str,
    port: int,
    tls: bool,
    *,
    insecure: bool = False,
    options: ExportOptions | None = None,
) -> str:
    """A curl command line (bash) that sends ``request`` to ``host``:``port``.

    Every header is given with ``-H`` and curl's own headers are suppressed, so curl sends the
    same head; lines starting with ``#`` say what curl will send differently.
    """
    options = options or ExportOptions()
    lines, blank, body = split_head(request)
    notes = _limits(request, lines, blank, body)
    parts = (lines[0].split(b" ") if lines else []) + [b"", b"", b""]
    method, target, version = parts[0] or b"GET", parts[1] or b"/", parts[2]
    headers = lines[1:]
    names = [line.partition(b":")[0].strip().lower() for line in headers]
    words = ["curl", "--http1.0" if version == b"HTTP/1.0" else "--http1.1"]
    if tls and insecure:
        words.append("-k")
    words += _curl_target_words(options, host, port, tls)
    if method == b"HEAD" and not body:
        words.append("-I")
    elif method != b"GET" or body:
        words += ["-X", quote_bytes(method)]
    scheme = "https" if tls else "http"
    named = options.sni if tls and options.sni else host
    authority = f"[{named}]:{port}" if ":" in named else f"{named}:{port}"
    simple = target.startswith(b"/") and set(target) <= _SAFE_TARGET and b"/." not in target
    url = f"{scheme}://{authority}" + (target.decode("ascii") if simple else "/")
    if not simple:
        words += ["--request-target", quote_bytes(target)]
    for line in headers:
        name, _, value = line.partition(b":")
        # "Name;" is curl's way to send an empty header ("Name:" would remove it).
        words += ["-H", quote_bytes(line if value.strip() else name.rstrip() + b";")]
    wanted = [(b"host", True), (b"user-agent", True), (b"accept", True)]
    wanted += [(b"content-type", bool(body)), (b"expect", len(body) > _EXPECT_THRESHOLD)]
    for name, suppress in wanted:
        if suppress and name not in names:
            words += ["-H", quote_bytes(name.title() + b":")]
    prefix = ""
    if b"\x00" in body:
        prefix = f"printf {_printf_format(body)} | "
        words += ["--data-binary", "@-"]
    elif body:
        words += ["--data-binary", quote_bytes(body)]
    words.append(quote_bytes(url.encode()))
    return "".join(f"# {note}\n" for note in notes) + prefix + " ".join(words)


def to_python(
    request: bytes,
    host: str,
    port: int,
    tls: bool,
    *,
    insecure: bool = False,
    options: ExportOptions | None = None,
) -> str:
    """A standalone Python 3 script that sends ``request`` exactly and prints the raw answer."""
    options = options or ExportOptions()
    chunks = request.splitlines(keepends=True) or [b""]
    literal = "\n".join(f"    {chunk!r}" for chunk in chunks)
    if insecure:
        verify = "context.check_hostname = False\n    context.verify_mode = ssl.CERT_NONE"
    else:
        verify = "context.load_verify_locations(CA_FILE) if CA_FILE else None"
    connect = options.connect_timeout or 10
    return f'''#!/usr/bin/env python3
"""Send one raw HTTP request exactly as written and print the raw response (from SocketDesk)."""
import socket
import ssl
import sys

HOST = {host!r}
PORT = {port!r}
TLS = {tls!r}
SNI = {(options.sni or host)!r}
CA_FILE = {options.ca_file!r}
CERT_FILE = {options.cert_file!r}
KEY_FILE = {options.key_file!r}
REQUEST = (
{literal}
)

sock = socket.create_connection((HOST, PORT), timeout={connect!r})
if TLS:
    context = ssl.create_default_context()
    {verify}
    if CERT_FILE:
        context.load_cert_chain(CERT_FILE, KEY_FILE)
    sock = context.wrap_socket(sock, server_hostname=SNI)
sock.sendall(REQUEST)
sock.settimeout({_PY_READ_QUIET_S})  # a kept-alive connection stays open: stop when it is quiet
while True:
    try:
        data = sock.recv(65536)
    except TimeoutError:
        break
    if not data:
        break
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()
sock.close()
'''


def _curl_target_words(options: ExportOptions, host: str, port: int, tls: bool) -> list[str]:
    words: list[str] = []
    if tls:
        for flag, path in (
            ("--cacert", options.ca_file),
            ("--cert", options.cert_file),
            ("--key", options.key_file),
        ):
            if path:
                words += [flag, quote_bytes(path.encode())]
        if options.sni:
            shown = f"[{host}]" if ":" in host else host
            words += ["--connect-to", quote_bytes(f"{options.sni}:{port}:{shown}:{port}".encode())]
    if options.connect_timeout:
        words += ["--connect-timeout", f"{options.connect_timeout:g}"]
    if options.max_time:
        words += ["--max-time", f"{options.max_time:g}"]
    if options.follow_redirects:
        words.append("-L")
        if options.max_redirects is not None:
            words += ["--max-redirs", str(options.max_redirects)]
    return words


def _limits(request: bytes, lines: list[bytes], blank: bytes | None, body: bytes) -> list[str]:
    """What curl cannot reproduce of ``request``, one sentence each."""
    notes = []
    head = request[: len(request) - len(body)]
    if head.count(b"\n") != head.count(b"\r\n") or (blank is None and lines):
        notes.append("curl ends every head line with CRLF and the head with an empty line.")
    if lines and not head.startswith(lines[0]):
        notes.append("curl sends no empty lines before the request line.")
    first = lines[0].split(b" ") if lines else []
    if len(first) != 3 or first[2] not in (b"HTTP/1.1", b"HTTP/1.0"):
        notes.append("curl writes its own request line (METHOD TARGET HTTP/1.x).")
    headers = lines[1:]
    if any(b":" not in line or line[:1] in (b" ", b"\t") for line in headers):
        notes.append("curl cannot send header lines without a colon or folded lines.")
    if any(b"\x00" in line for line in headers):
        notes.append("A header holds a NUL byte, which no command-line argument can carry.")
    names = [line.partition(b":")[0].strip().lower() for line in headers]
    if b"host" in names and names[0] != b"host":
        notes.append("curl sends the Host header first.")
    if body and b"content-length" not in names and b"transfer-encoding" not in names:
        notes.append("curl adds a Content-Length header for the body.")
    if b"transfer-encoding" in names:
        notes.append("curl chunks the body itself when Transfer-Encoding: chunked is given.")
    return notes


def _printf_format(data: bytes) -> str:
    """A single-quoted POSIX ``printf`` format that prints ``data`` (octal escapes)."""
    out = []
    for byte in data:
        if byte == 0x25:
            out.append("%%")
        elif 0x20 <= byte < 0x7F and byte not in (0x5C, 0x27):
            out.append(chr(byte))
        else:
            out.append(f"\\{byte:03o}")
    return "'" + "".join(out) + "'"
