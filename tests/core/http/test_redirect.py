"""Follow-up requests after a redirect, byte for byte (RFC 9110 §15.4), and the chain's limits."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.http.cookies import CookieStore
from desktop.core.http.message import ParsedResponse
from desktop.core.http.redirect import (
    REDIRECT_STATUSES,
    Endpoint,
    RedirectChain,
    RedirectError,
    follow_redirect,
    is_redirect,
    request_url,
)
from desktop.core.http.response import ResponseReader

LOCAL = Endpoint("127.0.0.1", 8080, False)
POST = (
    b"POST /form?x=1 HTTP/1.1\r\nHost: app.test:8080\r\nAuthorization: Basic YTpi\r\n"
    b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 3\r\n"
    b"Cookie: typed=1\r\n\r\na=b"
)


def response(status: int, *headers: str) -> ParsedResponse:
    head = f"HTTP/1.1 {status} X\r\n" + "".join(f"{h}\r\n" for h in headers)
    reader = ResponseReader(b"GET")
    reader.feed((head + "Content-Length: 0\r\n\r\n").encode("latin-1"))
    (parsed,) = reader.responses
    return parsed


def test_the_url_of_a_raw_request_uses_the_host_header_then_the_target() -> None:
    assert request_url(POST, LOCAL) == "http://app.test:8080/form?x=1"
    assert request_url(b"GET /a HTTP/1.1\r\n\r\n", LOCAL) == "http://127.0.0.1:8080/a"
    tls = Endpoint("::1", 443, True)
    assert request_url(b"GET / HTTP/1.1\r\n\r\n", tls) == "https://[::1]/"
    absolute = b"GET http://proxy.test/p HTTP/1.1\r\nHost: other\r\n\r\n"
    assert request_url(absolute, LOCAL) == "http://proxy.test/p"


@pytest.mark.parametrize(
    ("status", "method", "has_body"),
    [
        (301, b"GET", False),
        (302, b"GET", False),
        (303, b"GET", False),
        (307, b"POST", True),
        (308, b"POST", True),
    ],
)
def test_post_after_each_redirect_status(status: int, method: bytes, has_body: bool) -> None:
    follow = follow_redirect(POST, response(status, "Location: /next"), LOCAL)
    lines = follow.request.split(b"\r\n")
    assert lines[0] == method + b" /next HTTP/1.1"
    assert follow.endpoint == LOCAL and follow.url == "http://app.test:8080/next"
    assert b"Host: app.test:8080" in lines
    assert (b"Content-Length: 3" in lines) is has_body
    assert (b"Content-Type: application/x-www-form-urlencoded" in lines) is has_body
    assert follow.request.endswith(b"\r\n\r\na=b" if has_body else b"\r\n\r\n")
    # Same origin: credentials stay.
    assert b"Authorization: Basic YTpi" in lines and b"Cookie: typed=1" in lines
    assert bool(follow.notes) is not has_body


def test_303_turns_put_into_get_but_head_stays_head() -> None:
    put = b"PUT /a HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\n\r\nx"
    assert follow_redirect(put, response(303, "Location: /b"), LOCAL).method == "GET"
    assert follow_redirect(put, response(302, "Location: /b"), LOCAL).method == "PUT"
    head = b"HEAD /a HTTP/1.1\r\nHost: h\r\n\r\n"
    assert follow_redirect(head, response(303, "Location: /b"), LOCAL).method == "HEAD"


def test_relative_locations_resolve_against_the_request_url() -> None:
    get = b"GET /dir/page?q=1 HTTP/1.1\r\nHost: h\r\n\r\n"
    cases = {
        "other": "/dir/other",
        "../up": "/up",
        "?q=2": "/dir/page?q=2",
        "/abs#frag": "/abs",
        "/with space/é": "/with%20space/%E9",  # each byte as sent, percent-encoded
    }
    for location, path in cases.items():
        follow = follow_redirect(get, response(302, f"Location: {location}"), LOCAL)
        assert follow.request.startswith(b"GET " + path.encode() + b" HTTP/1.1\r\n"), location
        assert follow.endpoint == LOCAL


def test_another_origin_changes_target_and_host_and_drops_credentials() -> None:
    follow = follow_redirect(POST, response(307, "Location: https://api.test/v2"), LOCAL)
    assert follow.endpoint == Endpoint("api.test", 443, True)
    lines = follow.request.split(b"\r\n")
    assert lines[:2] == [b"POST /v2 HTTP/1.1", b"Host: api.test"]
    assert not [line for line in lines if line.lower().startswith((b"authorization", b"cookie"))]
    assert any("Authorization" in str(note) for note in follow.notes)
    assert follow.request.endswith(b"\r\n\r\na=b")


def test_same_authority_absolute_location_keeps_the_connection_target() -> None:
    follow = follow_redirect(POST, response(301, "Location: http://app.test:8080/x"), LOCAL)
    assert follow.endpoint == LOCAL and b"Authorization: Basic YTpi" in follow.request


def test_an_absolute_form_request_follows_in_absolute_form() -> None:
    get = b"GET http://a.test/one HTTP/1.1\r\nHost: a.test\r\n\r\n"
    follow = follow_redirect(get, response(302, "Location: two"), LOCAL)
    assert follow.request.startswith(b"GET http://a.test/two HTTP/1.1\r\n")


@pytest.mark.parametrize(
    ("headers", "message"),
    [
        (("Location: /x",), "not a redirect"),
        ((), "no Location"),
        (("Location: ftp://files.test/a",), "not an http or https URL"),
        (("Location: http://h:99999/",), "not a valid URL"),
        (("Location: https://:443/x",), "not an http or https URL"),
    ],
)
def test_what_cannot_be_followed_says_why(headers: tuple[str, ...], message: str) -> None:
    status = 200 if message == "not a redirect" else 302
    parsed = response(status, *headers)
    assert not is_redirect(parsed) or status == 302
    with pytest.raises(RedirectError, match=message):
        follow_redirect(b"GET / HTTP/1.1\r\nHost: h\r\n\r\n", parsed, LOCAL)


def test_is_redirect() -> None:
    assert is_redirect(response(302, "Location: /"))
    assert not is_redirect(response(302))
    assert not is_redirect(response(304, "Location: /"))
    assert not is_redirect(None)


def test_the_jar_adds_cookies_to_the_follow_up_and_typed_ones_win() -> None:
    jar = CookieStore()
    get = b"GET /login HTTP/1.1\r\nHost: h.test\r\nCookie: typed=1; b=typed\r\n\r\n"
    redirect = response(302, "Location: /home", "Set-Cookie: sid=42; Path=/", "Set-Cookie: b=jar")
    jar.update("http://h.test/login", redirect)
    follow = follow_redirect(get, redirect, LOCAL, jar)
    assert b"Cookie: typed=1; b=typed; sid=42\r\n" in follow.request
    assert "Added cookies from the jar." in [str(n) for n in follow.notes]


def test_a_chain_stops_at_a_loop_and_at_its_limit() -> None:
    get = b"GET /a HTTP/1.1\r\nHost: h\r\n\r\n"
    chain = RedirectChain(max_hops=3)
    chain.start(get, LOCAL)
    to_b = follow_redirect(get, response(302, "Location: /b"), LOCAL)
    chain.add(to_b)
    back = follow_redirect(to_b.request, response(302, "Location: /a"), LOCAL)
    with pytest.raises(RedirectError, match="loop"):
        chain.add(back)
    # With a cookie set on the way, going back is progress, not a loop.
    jar = CookieStore()
    jar.update("http://h/b", response(302, "Set-Cookie: s=1"))
    chain.add(follow_redirect(to_b.request, response(302, "Location: /a"), LOCAL, jar))
    chain.add(follow_redirect(get, response(302, "Location: /c"), LOCAL))
    assert chain.hops == 3
    with pytest.raises(RedirectError, match="after 3 redirects"):
        chain.add(follow_redirect(get, response(302, "Location: /d"), LOCAL))
    chain.start(get, LOCAL)
    assert chain.hops == 0


@given(st.binary(max_size=60), st.sampled_from(sorted(REDIRECT_STATUSES)))
def test_any_location_gives_a_follow_up_or_a_redirect_error(location: bytes, status: int) -> None:
    clean = location.replace(b"\r", b"").replace(b"\n", b"")
    reader = ResponseReader(b"GET")
    reader.feed(b"HTTP/1.1 %d X\r\nLocation: %s\r\nContent-Length: 0\r\n\r\n" % (status, clean))
    parsed = reader.responses[0]
    try:
        follow = follow_redirect(POST, parsed, LOCAL, CookieStore())
    except RedirectError as error:
        assert str(error).endswith(".")
        return
    assert follow.request.split(b"\r\n", 1)[0].endswith(b" HTTP/1.1")
    assert follow.url.startswith(("http://", "https://"))
    assert b"\r\n\r\n" in follow.request


@given(st.binary(max_size=40))
def test_any_host_header_gives_a_follow_up_or_a_redirect_error(host: bytes) -> None:
    clean = host.replace(b"\r", b"").replace(b"\n", b"")
    request = b"GET / HTTP/1.1\r\nHost: " + clean + b"\r\n\r\n"
    redirect = response(302, "Location: /next", "Set-Cookie: a=1")
    jar = CookieStore()
    jar.update(request_url(request, LOCAL), redirect)
    try:
        follow = follow_redirect(request, redirect, LOCAL, jar)
    except RedirectError as error:
        assert "not valid" in str(error)
        return
    assert follow.request.startswith(b"GET /next HTTP/1.1\r\n")
