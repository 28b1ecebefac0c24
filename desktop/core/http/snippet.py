"""A request as a command to run elsewhere: a curl command line, or a small Python script.

curl writes its own framing, so ``to_curl`` says in ``#`` comment lines what it cannot send as
is (LF-only lines, Host not first, NUL in a header…); the Python script sends the exact bytes.
"""

from __future__ import annotations

from desktop.core.http.request import split_head
from desktop.core.http.shell import quote_bytes

__all__ = ["to_curl", "to_python"]

_SAFE_TARGET = frozenset(
    b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/?=&%+:@,;!*'()$"
)
_EXPECT_THRESHOLD = 1 << 20  # curl 7.88 adds "Expect: 100-continue" to bodies above 1 MiB
_PY_READ_QUIET_S = 5


def to_curl(request: bytes, host: str, port: int, tls: bool, *, insecure: bool = False) -> str:
    """A curl command line (bash) that sends ``request`` to ``host``:``port``.

    Every header is given with ``-H`` and curl's own headers are suppressed, so curl sends the
    same head; lines starting with ``#`` say what curl will send differently.
    """
    lines, blank, body = split_head(request)
    notes = _limits(request, lines, blank, body)
    parts = (lines[0].split(b" ") if lines else []) + [b"", b"", b""]
    method, target, version = parts[0] or b"GET", parts[1] or b"/", parts[2]
    headers = lines[1:]
    names = [line.partition(b":")[0].strip().lower() for line in headers]
    words = ["curl", "--http1.0" if version == b"HTTP/1.0" else "--http1.1"]
    if tls and insecure:
        words.append("-k")
    if method == b"HEAD" and not body:
        words.append("-I")
    elif method != b"GET" or body:
        words += ["-X", quote_bytes(method)]
    scheme = "https" if tls else "http"
    authority = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
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


def to_python(request: bytes, host: str, port: int, tls: bool, *, insecure: bool = False) -> str:
    """A standalone Python 3 script that sends ``request`` exactly and prints the raw answer."""
    chunks = request.splitlines(keepends=True) or [b""]
    literal = "\n".join(f"    {chunk!r}" for chunk in chunks)
    verify = (
        "context = ssl.create_default_context()\n"
        if not insecure
        else "context = ssl.create_default_context()\n"
        "    context.check_hostname = False\n"
        "    context.verify_mode = ssl.CERT_NONE\n"
    )
    return f'''#!/usr/bin/env python3
"""Send one raw HTTP request exactly as written and print the raw response (from SocketDesk)."""
import socket
import ssl
import sys

HOST = {host!r}
PORT = {port!r}
TLS = {tls!r}
REQUEST = (
{literal}
)

sock = socket.create_connection((HOST, PORT), timeout=10)
if TLS:
    {verify.rstrip()}
    sock = context.wrap_socket(sock, server_hostname=HOST)
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
