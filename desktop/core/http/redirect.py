"""The request that follows a redirect (RFC 9110 §15.4), built from the raw request and its 3xx.

The URL a raw request stands for is the connection's scheme, the Host header's authority (the
target's ``host:port`` when there is none) and the request target. A relative ``Location``, or
an absolute one with that same authority, keeps the connection's target: a request sent to an
address with ``Host: example.com`` on purpose goes on being sent there. Another authority
makes the follow-up go to the ``Location``'s host, port and scheme, with credentials dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import SplitResult, quote, urljoin, urlsplit

from desktop.core.errors import SocketDeskError
from desktop.core.http.cookies import CookieStore
from desktop.core.http.message import ParsedResponse
from desktop.core.http.request import split_head
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence, translate

__all__ = [
    "MAX_REDIRECTS",
    "REDIRECT_STATUSES",
    "Endpoint",
    "FollowUp",
    "RedirectChain",
    "RedirectError",
    "follow_redirect",
    "is_redirect",
    "request_url",
]

# RFC 9110 §15.4: the codes whose Location a client follows (300, 304 and 305 are not redirects
# to follow automatically).
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
# Browsers stop at 20 (Chrome, Firefox), curl at 50 by default; a tester wants a short leash.
MAX_REDIRECTS = 10
_DEFAULT_PORTS = {"http": 80, "https": 443}
# Headers about the body (RFC 9110 §15.4: removed when the method becomes GET).
_CONTENT_HEADERS = frozenset(
    {
        b"content-length",
        b"content-type",
        b"content-encoding",
        b"content-language",
        b"content-location",
        b"transfer-encoding",
        b"expect",
        b"digest",
        b"content-digest",
    }
)
# Credentials that must not leak to another origin (what curl and browsers drop).
_CREDENTIALS = frozenset({b"authorization", b"proxy-authorization", b"cookie"})
# Characters left alone when a Location with spaces or non-ASCII text is made a valid URL.
_URL_SAFE = "!#$%&'()*+,-./:;=?@[]_~"


class RedirectError(SocketDeskError):
    """A redirect that cannot or must not be followed; the message says why."""


@dataclass(frozen=True)
class Endpoint:
    """Where a request is sent: the connection's host, port and whether it speaks TLS."""

    host: str
    port: int
    tls: bool


@dataclass(frozen=True)
class FollowUp:
    """The request to send next.

    Attributes:
        request: its exact bytes (head with CRLF).
        endpoint: where to send it.
        url: the URL it stands for.
        method: its method.
        notes: what was changed and why, one sentence each (``str()`` is English).
    """

    request: bytes
    endpoint: Endpoint
    url: str
    method: str
    notes: tuple[Sentence, ...] = field(default_factory=tuple)


def is_redirect(response: ParsedResponse | None) -> bool:
    """Whether ``response`` is a redirect with a Location to follow."""
    return (
        response is not None
        and response.status in REDIRECT_STATUSES
        and bool(response.header_values(b"location"))
    )


def request_url(request: bytes, endpoint: Endpoint) -> str:
    """The URL ``request`` stands for when sent to ``endpoint`` (see the module's docstring)."""
    lines, _, _ = split_head(request)
    words = lines[0].split() if lines else []
    target = words[1].decode("latin-1") if len(words) > 1 else "/"
    if target.lower().startswith(("http://", "https://")):
        return target  # absolute-form: the request names its URL itself
    scheme = "https" if endpoint.tls else "http"
    host = _host_header(lines)
    authority = host if host else _authority(endpoint.host, endpoint.port, scheme)
    path = target if target.startswith("/") else "/" + target.lstrip("*")
    return f"{scheme}://{authority}{path}"


def follow_redirect(
    request: bytes,
    response: ParsedResponse,
    endpoint: Endpoint,
    cookies: CookieStore | None = None,
) -> FollowUp:
    """The follow-up of ``request`` (sent to ``endpoint``) after the redirect ``response``.

    303 becomes GET without a body (HEAD stays HEAD); 301 and 302 turn POST into GET as
    browsers do; 307 and 308 keep the method and the body. A relative Location is resolved
    against the request's URL. Across origins Authorization, Proxy-Authorization and Cookie
    are dropped. ``cookies``, when given, adds the jar's cookies for the new URL.

    Raises:
        RedirectError: no redirect status or Location, or a Location that is not http(s).
    """
    if response.status not in REDIRECT_STATUSES:
        if response.status:
            raise RedirectError(
                sentence(
                    QT_TRANSLATE_NOOP("core", "A {status} response is not a redirect."),
                    status=response.status,
                )
            )
        raise RedirectError(
            sentence(QT_TRANSLATE_NOOP("core", "A malformed response is not a redirect."))
        )
    locations = response.header_values(b"location")
    if not locations:
        raise RedirectError(
            sentence(
                QT_TRANSLATE_NOOP("core", "The {status} response has no Location header."),
                status=response.status,
            )
        )
    base = request_url(request, endpoint)
    try:
        parts = urlsplit(base)
        valid = bool(parts.hostname) and (parts.port or 0) >= 0  # .port raises for a bad port
    except ValueError:
        valid = False
    if not valid:
        raise RedirectError(
            sentence(
                QT_TRANSLATE_NOOP(
                    "core",
                    "The request's URL {url} is not valid (see its Host header): "
                    "a relative Location cannot be resolved against it.",
                ),
                url=repr(base),
            )
        )
    url, new = _resolve(base, locations[0])
    same_origin = _origin(urlsplit(base)) == _origin(new)
    notes: list[Sentence] = []
    lines, _, body = split_head(request)
    words = (lines[0].split(b" ") if lines else []) + [b"", b"", b""]
    method, target, version = words[0] or b"GET", words[1], words[2] or b"HTTP/1.1"
    status = response.status
    to_get = method != b"HEAD" and (
        (status == 303 and method != b"GET") or (status in (301, 302) and method == b"POST")
    )
    if to_get:
        notes.append(
            sentence(
                QT_TRANSLATE_NOOP("core", "{method} became GET without a body ({status})."),
                method=method.decode("latin-1"),
                status=status,
            )
        )
        method, body = b"GET", b""
    new_target = (new.path or "/") + (f"?{new.query}" if new.query else "")
    absolute = target.lower().startswith((b"http://", b"https://"))
    first = b" ".join([method, (url if absolute else new_target).encode("latin-1"), version])
    authority = new.netloc.rpartition("@")[2].encode("latin-1")
    headers = _headers(lines[1:], to_get=to_get, same_origin=same_origin, notes=notes)
    if not same_origin or not any(_is(line, b"host") for line in headers):
        headers = [b"Host: " + authority, *(h for h in headers if not _is(h, b"host"))]
    head = b"".join(line + b"\r\n" for line in [first, *headers]) + b"\r\n"
    follow = head + body
    if cookies is not None:
        with_cookies = cookies.apply(follow, url)
        if with_cookies != follow:
            notes.append(sentence(QT_TRANSLATE_NOOP("core", "Added cookies from the jar.")))
        follow = with_cookies
    if same_origin:
        next_endpoint = endpoint
    else:
        _, host, port = _origin(new)
        next_endpoint = Endpoint(host, port, new.scheme.lower() == "https")
    return FollowUp(follow, next_endpoint, url, method.decode("latin-1"), tuple(notes))


class RedirectChain:
    """Redirects followed in a row: stops at ``max_hops`` and at a loop.

    A loop is the same request bytes sent to the same endpoint twice: a redirect back to a URL
    already visited that now carries a new cookie is not one (a login flow does that).
    """

    def __init__(self, max_hops: int = MAX_REDIRECTS) -> None:
        self.max_hops = max_hops
        self.hops = 0
        self._seen: set[tuple[Endpoint, bytes]] = set()

    def start(self, request: bytes, endpoint: Endpoint) -> None:
        """Forget the previous chain; ``request`` to ``endpoint`` is its first request."""
        self.hops = 0
        self._seen = {(endpoint, request)}

    def add(self, follow: FollowUp) -> None:
        """Count ``follow`` as the next hop.

        Raises:
            RedirectError: one hop too many, or a request already sent in this chain.
        """
        key = (follow.endpoint, follow.request)
        if key in self._seen:
            raise RedirectError(
                sentence(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "Redirect loop: {url} was already requested in this chain; stopped.",
                    ),
                    url=follow.url,
                )
            )
        if self.hops >= self.max_hops:
            limit = translate("core", "Stopped after %n redirect(s) (the limit).", None, 1)
            raise RedirectError(limit.counting(self.max_hops))
        self.hops += 1
        self._seen.add(key)


def _resolve(base: str, location: bytes) -> tuple[str, SplitResult]:
    """The absolute URL (without fragment) a Location points to from ``base``."""
    shown = quote(location.strip(), safe=_URL_SAFE)  # bytes: each non-ASCII byte encoded
    try:
        url = urljoin(base, shown).partition("#")[0]
        new = urlsplit(url)
        new.port  # noqa: B018 (raises ValueError for a bad port)
    except ValueError:
        raise RedirectError(
            sentence(
                QT_TRANSLATE_NOOP("core", "The Location {location} is not a valid URL."),
                location=repr(shown),
            )
        ) from None
    if new.scheme.lower() not in _DEFAULT_PORTS or not new.hostname:
        raise RedirectError(
            sentence(
                QT_TRANSLATE_NOOP("core", "The Location {location} is not an http or https URL."),
                location=repr(shown),
            )
        )
    return url, new


def _headers(
    lines: list[bytes], *, to_get: bool, same_origin: bool, notes: list[Sentence]
) -> list[bytes]:
    """The original header lines minus content headers (``to_get``) and, across origins,
    credentials."""
    kept = []
    for line in lines:
        name = line.partition(b":")[0].strip().lower()
        if to_get and name in _CONTENT_HEADERS:
            continue
        if not same_origin and name in _CREDENTIALS:
            notes.append(
                sentence(
                    QT_TRANSLATE_NOOP("core", "Dropped {header} (another origin)."),
                    header=line.partition(b":")[0].decode("latin-1"),
                )
            )
            continue
        kept.append(line)
    return kept


def _is(line: bytes, name: bytes) -> bool:
    return line.partition(b":")[0].strip().lower() == name


def _host_header(lines: list[bytes]) -> str | None:
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"host" and value.strip():
            return value.strip().decode("latin-1")
    return None


def _authority(host: str, port: int, scheme: str) -> str:
    shown = f"[{host}]" if ":" in host else host
    return shown if _DEFAULT_PORTS[scheme] == port else f"{shown}:{port}"


def _origin(parts: SplitResult) -> tuple[str, str, int]:
    scheme = parts.scheme.lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    return scheme, parts.hostname or "", port or _DEFAULT_PORTS.get(scheme, 0)
