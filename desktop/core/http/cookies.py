"""A cookie jar for the composer: fed from Set-Cookie, applied to follow-ups and later sends.

The rules (domain and path matching, Secure, Expires/Max-Age, public suffixes of one label) are
the standard library's ``http.cookiejar`` with its default policy; this module only adapts raw
requests and parsed responses to it. No I/O: the jar reads the clock for expiry, nothing else.
"""

from __future__ import annotations

import email.message
import urllib.request
from dataclasses import dataclass
from http.cookiejar import CookieJar, DefaultCookiePolicy

from desktop.core.http.message import ParsedResponse
from desktop.core.http.request import split_head

__all__ = ["CookieStore", "StoredCookie", "apply_cookie_header"]

# A hostile server could set thousands of cookies; a browser keeps ~50 per domain and a few
# thousand in all (RFC 6265 §6.1 asks for at least 3000). Past this, new cookies are refused.
MAX_COOKIES = 3000


@dataclass(frozen=True)
class StoredCookie:
    """One cookie as the jar holds it.

    Attributes:
        name, value: as the server set them.
        domain: the domain it is sent to (a leading dot: subdomains too).
        path: the path prefix it is sent under.
        secure: sent over TLS only.
        expires: seconds since the epoch, or None for a session cookie.
    """

    name: str
    value: str
    domain: str
    path: str
    secure: bool
    expires: int | None


class _Response:
    """What ``CookieJar.extract_cookies`` reads of a response: ``info().get_all()``."""

    def __init__(self, response: ParsedResponse) -> None:
        self._headers = email.message.Message()
        for name, value in response.headers:
            if name.lower() in (b"set-cookie", b"set-cookie2"):
                self._headers[name.decode("latin-1")] = value.decode("latin-1")

    def info(self) -> email.message.Message:
        return self._headers


class CookieStore:
    """The cookies set by the servers the composer talked to."""

    def __init__(self) -> None:
        self._policy = DefaultCookiePolicy()
        self._jar = CookieJar(self._policy)

    def __len__(self) -> int:
        return len(self._jar)

    def update(self, url: str, response: ParsedResponse) -> int:
        """Store the cookies ``response`` sets for a request to ``url``.

        Returns:
            How many cookies the jar holds afterwards.
        """
        if not any(name.lower() in (b"set-cookie", b"set-cookie2") for name, _ in response.headers):
            return len(self._jar)
        request = _request(url)
        if request is None:
            return len(self._jar)
        # ``len(CookieJar)`` walks every cookie: the keys are gathered once.
        keys = {(c.domain, c.path, c.name) for c in self._jar}
        for cookie in self._jar.make_cookies(_Response(response), request):  # type: ignore[arg-type]
            key = (cookie.domain, cookie.path, cookie.name)
            if key not in keys and len(keys) >= MAX_COOKIES:
                continue
            if self._policy.set_ok(cookie, request):
                self._jar.set_cookie(cookie)
                keys.add(key)
        self._jar.clear_expired_cookies()
        return len(self._jar)

    def header_for(self, url: str) -> str | None:
        """The ``Cookie`` header value for a request to ``url``, or None when no cookie applies."""
        request = _request(url)
        if request is None:
            return None
        self._jar.add_cookie_header(request)
        return request.get_header("Cookie")

    def cookies(self) -> list[StoredCookie]:
        """Every cookie held, by domain, path and name."""
        held = [
            StoredCookie(c.name, c.value or "", c.domain, c.path, c.secure, c.expires)
            for c in self._jar
        ]
        return sorted(held, key=lambda c: (c.domain, c.path, c.name))

    def clear(self) -> None:
        """Forget every cookie."""
        self._jar.clear()

    def apply(self, request: bytes, url: str) -> bytes:
        """``request`` with the jar's cookies for ``url`` in its Cookie header (see
        :func:`apply_cookie_header`); unchanged when none apply."""
        value = self.header_for(url)
        return request if value is None else apply_cookie_header(request, value)


def _request(url: str) -> urllib.request.Request | None:
    """What the jar reads of a request to ``url``; None for a URL it cannot read (a Host
    header like ``[abc`` typed on purpose): no cookie is set or sent for it."""
    try:
        request = urllib.request.Request(url)
        request.host.encode("idna")  # a host that is no valid name (a 64+ byte label) stops here
    except (ValueError, UnicodeError):
        return None
    return request


def apply_cookie_header(request: bytes, value: str) -> bytes:
    """Put ``Cookie: value`` into ``request``'s head: cookies already typed are kept and win
    over the jar's of the same name. The head is written back with CRLF; the body is kept."""
    lines, _, body = split_head(request)
    if not lines:
        return request
    typed = [
        i for i, line in enumerate(lines) if line.partition(b":")[0].strip().lower() == b"cookie"
    ]
    jar_pairs = [pair.strip() for pair in value.split(";") if pair.strip()]
    if typed:
        index = typed[0]
        existing = lines[index].partition(b":")[2].strip().decode("latin-1")
        names = {pair.partition("=")[0].strip() for pair in existing.split(";")}
        extra = [pair for pair in jar_pairs if pair.partition("=")[0].strip() not in names]
        if not extra:
            return request
        merged = "; ".join([existing, *extra]) if existing else "; ".join(extra)
        lines = [*lines[:index], b"Cookie: " + merged.encode("latin-1"), *lines[index + 1 :]]
    else:
        lines = [*lines, b"Cookie: " + "; ".join(jar_pairs).encode("latin-1")]
    return b"".join(line + b"\r\n" for line in lines) + b"\r\n" + body


def _name(line: bytes) -> bytes:
    return line.partition(b":")[0].strip().lower()
