"""The cookie jar: Set-Cookie in, Cookie out, under domain, path, Secure and expiry rules."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop.core.http.cookies import MAX_COOKIES, CookieStore, apply_cookie_header
from desktop.core.http.message import ParsedResponse
from desktop.core.http.response import ResponseReader


def setting(*cookies: str) -> ParsedResponse:
    head = "HTTP/1.1 200 OK\r\n" + "".join(f"Set-Cookie: {c}\r\n" for c in cookies)
    reader = ResponseReader(b"GET")
    reader.feed((head + "Content-Length: 0\r\n\r\n").encode("latin-1"))
    return reader.responses[0]


def test_a_cookie_goes_back_to_its_host_and_path_only() -> None:
    jar = CookieStore()
    assert jar.update("http://shop.test/cart/add", setting("a=1", "b=2; Path=/account")) == 2
    assert jar.header_for("http://shop.test/cart/view") == "a=1"
    assert jar.header_for("http://shop.test/account/me") == "b=2"
    assert jar.header_for("http://shop.test/") is None  # a's default path is /cart
    assert jar.header_for("http://other.test/cart/x") is None


def test_domain_cookies_reach_subdomains_and_foreign_domains_are_refused() -> None:
    jar = CookieStore()
    jar.update(
        "http://www.shop.test/", setting("d=1; Domain=shop.test", "evil=1; Domain=bank.test")
    )
    assert jar.header_for("http://api.shop.test/") == "d=1"
    assert jar.header_for("http://bank.test/") is None
    assert [c.name for c in jar.cookies()] == ["d"]


def test_secure_cookies_only_over_https() -> None:
    jar = CookieStore()
    jar.update("https://s.test/", setting("s=1; Secure", "p=2"))
    assert jar.header_for("https://s.test/") in ("s=1; p=2", "p=2; s=1")
    assert jar.header_for("http://s.test/") == "p=2"
    assert [c.secure for c in jar.cookies()] == [False, True]


def test_expired_and_max_age_zero_cookies_are_removed() -> None:
    jar = CookieStore()
    jar.update("http://e.test/", setting("keep=1; Max-Age=3600", "gone=1"))
    assert len(jar) == 2
    (keep,) = [c for c in jar.cookies() if c.name == "keep"]
    assert keep.expires is not None
    jar.update("http://e.test/", setting("gone=1; Max-Age=0"))
    jar.update("http://e.test/", setting("old=1; Expires=Wed, 21 Oct 2015 07:28:00 GMT"))
    assert [c.name for c in jar.cookies()] == ["keep"]
    jar.clear()
    assert len(jar) == 0 and jar.header_for("http://e.test/") is None


def test_cookies_on_an_ip_address_host() -> None:
    jar = CookieStore()
    jar.update("http://127.0.0.1:8080/", setting("ip=1"))
    assert jar.header_for("http://127.0.0.1:8080/x") == "ip=1"


def test_the_jar_is_capped() -> None:
    jar = CookieStore()
    names = [f"c{i}=1" for i in range(MAX_COOKIES + 50)]
    jar.update("http://many.test/", setting(*names))
    assert len(jar) == MAX_COOKIES


def test_apply_adds_a_header_or_merges_with_the_typed_one() -> None:
    request = b"GET / HTTP/1.1\nHost: h\n\nbody"
    assert (
        apply_cookie_header(request, "a=1")
        == b"GET / HTTP/1.1\r\nHost: h\r\nCookie: a=1\r\n\r\nbody"
    )
    typed = b"GET / HTTP/1.1\r\nCookie: a=typed\r\n\r\n"
    assert (
        apply_cookie_header(typed, "a=1; b=2") == b"GET / HTTP/1.1\r\nCookie: a=typed; b=2\r\n\r\n"
    )
    assert apply_cookie_header(typed, "a=1") == typed
    assert apply_cookie_header(b"", "a=1") == b""
    jar = CookieStore()
    assert jar.apply(request, "http://h/") == request


@given(st.lists(st.text(max_size=40), max_size=5))
def test_any_set_cookie_text_is_stored_or_ignored_never_raises(values: list[str]) -> None:
    jar = CookieStore()
    head = b"HTTP/1.1 200 OK\r\n" + b"".join(
        b"Set-Cookie: " + v.encode("utf-8").replace(b"\r", b"").replace(b"\n", b"") + b"\r\n"
        for v in values
    )
    reader = ResponseReader(b"GET")
    reader.feed(head + b"Content-Length: 0\r\n\r\n")
    jar.update("http://fuzz.test/", reader.responses[0])
    header = jar.header_for("http://fuzz.test/")
    assert header is None or isinstance(header, str)
    assert len(jar.cookies()) == len(jar)
