"""curl commands in and out, checked against what the real curl sends."""

from __future__ import annotations

import shlex
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.http.curl import CurlImportError, from_curl, to_curl, to_python
from desktop.core.http.request import build_request
from desktop.core.http.shell import ShellSyntaxError, quote_bytes, split_words
from desktop.core.sentence import Sentence
from tests.peers.nginx import HELLO, running_nginx

RESPONSE = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"


@contextmanager
def capture_server() -> Iterator[tuple[int, list[bytes]]]:
    """Records every byte each client sends and answers ``RESPONSE`` after the request's head and
    Content-Length bytes; then it half-closes and keeps reading until the client closes, so bytes
    sent after the request (which a request-sized read would miss) are recorded too."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    listener.settimeout(0.05)
    captured: list[bytes] = []
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            with connection:
                connection.settimeout(5)
                try:
                    request = _read_request(connection)
                    connection.sendall(RESPONSE)
                    connection.shutdown(socket.SHUT_WR)
                    while chunk := connection.recv(65536):
                        request += chunk
                    captured.append(request)
                except OSError as error:  # the test then fails on what was captured
                    captured.append(f"capture failed: {error}".encode())

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield int(listener.getsockname()[1]), captured
    finally:
        stop.set()
        thread.join(5)
        listener.close()


def _read_request(connection: socket.socket) -> bytes:
    data = b""
    while not (end := _head_end(data)) and (chunk := connection.recv(65536)):
        data += chunk
    length = 0
    for line in data[:end].lower().splitlines():
        if line.startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    while len(data) < end + length and (chunk := connection.recv(65536)):
        data += chunk
    return data


def _head_end(data: bytes) -> int:
    ends = [data.find(mark) + len(mark) for mark in (b"\r\n\r\n", b"\n\n") if mark in data]
    return min(ends, default=0)


def curl_sends(command: str) -> bytes:
    with capture_server() as (port, captured):
        subprocess.run(
            ["bash", "-c", command.replace("PORT", str(port)) + " -s -o /dev/null"],
            check=True,
            timeout=30,
        )
    return captured[0].replace(str(port).encode(), b"PORT")


# --- from_curl ---------------------------------------------------------------------------------


def test_a_simple_get() -> None:
    imported = from_curl("curl https://example.com/a/b?c=1#frag")
    assert imported.request_text == (
        "GET /a/b?c=1 HTTP/1.1\r\nHost: example.com\r\nAccept: */*\r\n\r\n"
    )
    assert (imported.host, imported.port, imported.tls, imported.insecure) == (
        "example.com",
        443,
        True,
        False,
    )
    assert _texts(imported.notes) == []


@pytest.mark.parametrize(
    "command",
    [
        "curl -A ua http://127.0.0.1:PORT/x -H 'X-A: 1' -H 'Host: foo' -H 'Accept:'",
        "curl -A ua http://127.0.0.1:PORT/x -H 'X-A: 1' -H 'User-Agent: z' -H 'Content-Length: 3'"
        " -d abc --compressed",
        "curl -A ua http://127.0.0.1:PORT/x -H 'X-A;' -X PUT -d 'a\nb' -d c -u u:p -b 'a=1' -e ref",
        "curl -A ua http://127.0.0.1:PORT/p -G -d q=1 --data-urlencode 'n=a b&c' -r 0-9",
        "curl -A ua --data-binary $'{\"k\":\"v\\u00e9\\n\"}' -H 'Content-Type: application/json' http://127.0.0.1:PORT/j",
        "curl -A ua -I --http1.1 http://u:p%40ss@127.0.0.1:PORT/",
        "curl -A ua -XDELETE -HX-B:2 --data-raw @notafile 'http://127.0.0.1:PORT/d'",
    ],
)
def test_the_import_matches_what_curl_sends(command: str) -> None:
    imported = from_curl(command.replace("PORT", "1234"))
    assert imported.data.replace(b":1234", b":PORT") == curl_sends(command)


def test_short_options_clusters_continuations_and_ipv6() -> None:
    imported = from_curl("curl -sSLk \\\n  -XPOST \\\n  'https://[::1]:8443/x' -d@body.txt")
    assert (imported.host, imported.port, imported.tls, imported.insecure) == (
        "::1",
        8443,
        True,
        True,
    )
    assert imported.request_text.startswith("POST /x HTTP/1.1\r\nHost: [::1]:8443\r\n")
    assert _texts(imported.notes) == [
        "--data @body.txt names a file; it is not read (the body holds the name).",
    ]
    assert imported.follow_redirects  # -L, inside the -sSLk cluster


def test_tls_files_timeouts_and_redirect_options_go_to_the_target() -> None:
    imported = from_curl(
        "curl --cacert ca.pem -E client.pem:secret --key client.key --connect-timeout 2.5"
        " -m 30 --location --max-redirs 4 https://h/"
    )
    assert (imported.ca_file, imported.cert_file, imported.key_file) == (
        "ca.pem",
        "client.pem",
        "client.key",
    )
    assert (imported.connect_timeout, imported.max_time) == (2.5, 30.0)
    assert imported.follow_redirects and imported.max_redirects == 4
    assert _texts(imported.notes) == [
        "The --cert password is ignored: the key must be unencrypted."
    ]
    plain = from_curl("curl --max-time soon --max-redirs -1 http://h/")
    assert (plain.max_time, plain.max_redirects, plain.follow_redirects) == (None, None, False)
    assert _texts(plain.notes) == [
        "--max-time soon is not a number and is ignored.",
        "--max-redirs -1 is ignored.",
    ]


def test_unsupported_options_are_listed_not_raised() -> None:
    imported = from_curl(
        "curl -o out.html --proxy http://p:3128 -F a=b --http2 --frobnicate -b cookies.txt "
        "--url http://h/ http://other/"
    )
    assert imported.host == "h"
    assert _texts(imported.notes) == [
        "-o out.html is ignored.",
        "--proxy http://p:3128 is ignored.",
        "-F a=b is ignored.",
        "--http2 is ignored: requests are sent as HTTP/1.1.",
        "The option --frobnicate is not supported and is ignored.",
        "Only the first of 2 URLs is imported.",
        "-b cookies.txt names a cookie file; it is not read.",
    ]


def test_a_body_that_is_not_utf8_is_kept_exactly() -> None:
    imported = from_curl("curl --data-binary $'\\xff\\x00\\x01' http://h/")
    assert imported.data.endswith(b"\r\n\r\n\xff\x00\x01")
    assert "�" in imported.request_text and "data" in _texts(imported.notes)[-1]


@pytest.mark.parametrize(
    ("command", "message"),
    [
        ("curl 'http://h/", "never closed"),
        ('curl "http://h/', "never closed"),
        ("wget http://h/", "does not start with curl"),
        ("", "does not start with curl"),
        ("curl -s", "has no URL"),
        ("curl http://h/ -H", "needs a value"),
        ("curl ftp://h/", "Only http and https"),
        ("curl http://h:99999/", "invalid port"),
        ("curl http:///x", "has no host"),
    ],
)
def test_malformed_commands_raise_a_typed_sentence(command: str, message: str) -> None:
    with pytest.raises(CurlImportError, match=message):
        from_curl(command)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://[::1/", "Invalid IPv6 URL"),
        ("http://[zz]/", "'zz' does not appear to be an IPv4 or IPv6 address"),
        ("http://[127.0.0.1]/", "An IPv4 address cannot be in brackets"),
    ],
)
def test_the_url_parsers_reason_is_a_sentence_with_its_own_english(url: str, reason: str) -> None:
    """The parser's reason reads as Python wrote it (the CLI), yet is a marked template."""
    with pytest.raises(CurlImportError) as caught:
        from_curl(f"curl '{url}'")
    assert str(caught.value) == f"The URL {url} is not valid ({reason})."
    why = caught.value.sentence.fact("reason")
    assert isinstance(why, Sentence) and why.template != "{text}"


WORDS = ["-X", "-H", "-d", "--data-raw", "--data-binary", "-u", "-b", "-A", "-e", "--compressed"]
WORDS += ["-k", "-I", "--http1.1", "-G", "-s", "-L", "-o", "--foo", "-sS", "--data-urlencode"]


@settings(max_examples=200)
@given(st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=12)), max_size=10))
def test_any_well_formed_line_imports_or_says_why(words: list[str]) -> None:
    command = shlex.join(["curl", *words, "http://example.com/"])
    try:
        imported = from_curl(command)
    except CurlImportError as error:
        assert str(error).endswith(".")
    else:
        assert imported.request_text.endswith("\r\n\r\n") or "\r\n\r\n" in imported.request_text


# --- to_curl, to_python ------------------------------------------------------------------------

REQUESTS = [
    b"GET /hello?x=1 HTTP/1.1\r\nHost: example.test\r\nAccept: */*\r\nX-Empty:\r\n\r\n",
    b"POST /api HTTP/1.1\r\nHost: h\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n"
    b'{"a": "\xc3\xa9\n"}',
    b"PUT /bin HTTP/1.1\r\nHost: h\r\nContent-Length: 4\r\nContent-Type: x/y\r\n\r\n\x00\xff'%",
    b"HEAD / HTTP/1.1\r\nHost: h\r\nUser-Agent: me\r\n\r\n",
    b"GET /a%20b/../c HTTP/1.0\r\nHost: h\r\nCookie: a=1; b=2\r\n\r\n",
]


@pytest.mark.parametrize("request_bytes", REQUESTS)
def test_to_curl_makes_curl_send_the_same_bytes(request_bytes: bytes) -> None:
    command = to_curl(request_bytes, "127.0.0.1", 0, tls=False).replace(":0/", ":PORT/")
    assert not command.startswith("#")
    assert curl_sends(command) == request_bytes


@pytest.mark.parametrize("request_bytes", [r for r in REQUESTS if b"\x00" not in r])
def test_to_curl_then_from_curl_gives_the_request_back(request_bytes: bytes) -> None:
    imported = from_curl(to_curl(request_bytes, "::1", 8443, tls=True, insecure=True))
    assert imported.data == request_bytes
    assert (imported.host, imported.port, imported.tls, imported.insecure) == (
        "::1",
        8443,
        True,
        True,
    )


def test_from_curl_then_to_curl_is_stable() -> None:
    first = from_curl("curl -u a:b -H 'X-A: 1' --compressed -d 'x=1' http://h:81/p")
    again = from_curl(
        to_curl(build_request(first.request_text, exact=True).data, "h", 81, tls=False)
    )
    assert again.request_text == first.request_text


def test_to_curl_says_what_curl_cannot_send() -> None:
    command = to_curl(b"GET / HTTP/1.1\nX: 1\nHost: h\n\n", "h", 80, tls=False)
    assert command.splitlines()[:2] == [
        "# curl ends every head line with CRLF and the head with an empty line.",
        "# curl sends the Host header first.",
    ]


def test_to_python_sends_the_exact_bytes() -> None:
    request = b"GET /x HTTP/1.1\nHost: lf-only\n\n"
    with capture_server() as (port, captured):
        script = to_python(request, "127.0.0.1", port, tls=False)
        result = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=30)
    assert result.returncode == 0, result.stderr
    assert captured == [request]  # nothing more, nothing less
    assert result.stdout == RESPONSE


# --- shell words -------------------------------------------------------------------------------


def test_split_words_reads_bash_quoting() -> None:
    line = "a 'b c' \"d \\\"e\\\" $f\" $'g\\n\\x41\\101\\u00e9' h\\ i \\\n j''k"
    assert split_words(line) == ["a", "b c", 'd "e" $f', "g\nAAé", "h i", "jk"]
    with pytest.raises(ShellSyntaxError):
        split_words("$'open")


@given(st.binary(min_size=1, max_size=40).filter(lambda b: b"\x00" not in b))
def test_quote_bytes_round_trips(data: bytes) -> None:
    assert [w.encode("utf-8", "surrogateescape") for w in split_words(quote_bytes(data))] == [data]


def test_to_python_speaks_tls_to_nginx(tmp_path: Path) -> None:
    request = b"GET /hello.txt HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    with running_nginx(tmp_path) as nginx:
        script = to_python(request, "127.0.0.1", nginx.tls_port, tls=True, insecure=True)
        result = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=30)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(b"HTTP/1.1 200 OK\r\n") and result.stdout.endswith(HELLO)


def _texts(notes: Sequence[Sentence]) -> list[str]:
    """The notes in English, as the CLI prints them."""
    return [str(note) for note in notes]
