"""Building a request from typed text: CRLF, Content-Length, exact mode, templates."""

from __future__ import annotations

import email.parser
import email.policy
from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.errors import UnencodableInput
from desktop.core.http.request import (
    BuiltRequest,
    build_request,
    build_request_bytes,
    form_template,
    get_template,
    json_template,
    multipart_template,
    parse_target,
    split_head,
    split_host_port,
    split_requests,
)
from desktop.core.sentence import Sentence


def test_lf_becomes_crlf_in_the_head_and_the_body_is_kept() -> None:
    built = build_request("POST /a HTTP/1.1\nHost: x\nContent-Length: 9\n\nline1\nline2")
    assert built.data == (b"POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\nline1\nline2")
    assert _texts(built.notes) == ["Content-Length changed from 9 to 11, the body's length."]
    assert (built.content_length_typed, built.content_length_actual) == (9, 11)


def test_a_body_typed_with_crlf_stays_crlf() -> None:
    built = build_request("POST / HTTP/1.1\r\nHost: x\r\n\r\na\r\nb\r\n")
    assert built.data.endswith(b"\r\n\r\na\r\nb\r\n")
    assert b"Content-Length: 6\r\n" in built.data


def test_content_length_is_added_for_methods_with_a_body() -> None:
    assert build_request("POST / HTTP/1.1\nHost: x\n\n").data.endswith(b"Content-Length: 0\r\n\r\n")
    put = build_request("PUT / HTTP/1.1\nHost: x\n\n{}")
    assert _texts(put.notes) == ["Added Content-Length: 2."]
    get = build_request("GET / HTTP/1.1\nHost: x\n\n")
    assert get.data == b"GET / HTTP/1.1\r\nHost: x\r\n\r\n" and _texts(get.notes) == []
    with_body = build_request("GET / HTTP/1.1\nHost: x\n\nq")
    assert b"Content-Length: 1\r\n" in with_body.data


def test_a_correct_content_length_is_untouched() -> None:
    built = build_request("POST / HTTP/1.1\r\nHost: x\r\ncontent-length: 3\r\n\r\nabc")
    assert built.data == b"POST / HTTP/1.1\r\nHost: x\r\ncontent-length: 3\r\n\r\nabc"
    assert _texts(built.notes) == []


def test_the_missing_empty_line_and_leading_empty_lines_are_fixed_and_said() -> None:
    built = build_request("\n\nGET / HTTP/1.1\nHost: x")
    assert built.data == b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"
    assert _texts(built.notes) == [
        "Removed 2 empty line(s) before the request line.",
        "Added the empty line that ends the head.",
    ]


def test_framing_the_user_chose_is_left_alone() -> None:
    chunked = "POST / HTTP/1.1\nHost: x\nTransfer-Encoding: chunked\n\n3\r\nabc\r\n0\r\n\r\n"
    assert b"Content-Length" not in build_request(chunked).data
    double = build_request("POST / HTTP/1.1\nHost: x\nContent-Length: 1\nContent-Length: 2\n\nab")
    assert double.data.count(b"Content-Length") == 2
    assert _texts(double.notes) == [
        "There are several Content-Length headers; they are left as typed."
    ]
    kept = build_request(
        "POST / HTTP/1.1\nHost: x\nContent-Length: 1\n\nab", auto_content_length=False
    )
    assert kept.data == b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\nab"


def test_exact_mode_sends_what_was_typed_and_only_notes_problems() -> None:
    text = "POST / HTTP/1.1\nHost: x\nContent-Length: 1\n\nab"
    built = build_request(text, exact=True)
    assert built.data == text.encode()
    assert _texts(built.notes) == [
        "The head has lines ending in LF alone (sent as typed).",
        "Content-Length says 1 but the body has 2 bytes (sent as typed).",
    ]
    assert (built.content_length_typed, built.content_length_actual) == (1, 2)


def test_missing_host_is_noted() -> None:
    assert _texts(build_request("GET / HTTP/1.1\n\n").notes) == [
        "There is no Host header (HTTP/1.1 requires one)."
    ]


def test_lengths_count_bytes_in_the_chosen_encoding() -> None:
    built = build_request("POST / HTTP/1.1\nHost: x\n\n你好", encoding="gbk")
    assert built.data.endswith(b"Content-Length: 4\r\n\r\n" + "你好".encode("gbk"))


def test_an_unencodable_character_has_its_position() -> None:
    with pytest.raises(UnencodableInput) as caught:
        build_request("GET /é HTTP/1.1\n\n", encoding="ascii")
    assert caught.value.position == 5 and "ascii" in str(caught.value)


def test_parse_target_and_host_port() -> None:
    line = parse_target("\nPOST /x?y=1 HTTP/1.0\r\nhost:  example.com:8080 \r\n\r\nbody")
    assert (line.method, line.target, line.version, line.host) == (
        "POST",
        "/x?y=1",
        "HTTP/1.0",
        "example.com:8080",
    )
    assert parse_target("") == parse_target("\n\n")
    assert parse_target("GET").method == "GET" and parse_target("GET").host is None
    assert split_host_port("example.com:8080", 80) == ("example.com", 8080)
    assert split_host_port("example.com", 443) == ("example.com", 443)
    assert split_host_port("[::1]:8443", 80) == ("::1", 8443)
    assert split_host_port("[::1]", 80) == ("::1", 80)
    assert split_host_port("::1", 80) == ("::1", 80)
    assert split_host_port("host:99999", 80) == ("host:99999", 80)


@pytest.mark.parametrize(
    "template",
    [
        get_template("example.com", "/"),
        form_template("example.com", "/login", {"user": "me", "pass": "a&b c"}),
        json_template("example.com", "/api", {"name": "你好"}),
        multipart_template("example.com", "/up", boundary="XyZ"),
    ],
)
def test_templates_are_complete_requests(template: str) -> None:
    built = build_request(template)
    assert _texts(built.notes) == []
    assert built.data == build_request(template, exact=True).data == template.encode()


def test_the_multipart_template_parses_as_multipart() -> None:
    text = multipart_template(fields={"a": "1"}, file=("doc", "n.txt", "hello\n"), boundary="B0")
    _, _, body = split_head(text.encode())
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        b"Content-Type: multipart/form-data; boundary=B0\r\n\r\n" + body
    )
    parts = list(message.iter_parts())  # type: ignore[attr-defined]
    assert [p.get_param("name", header="content-disposition") for p in parts] == ["a", "doc"]
    assert parts[1].get_filename() == "n.txt" and parts[1].get_content() == "hello\n"


head_line = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30)


@given(
    lines=st.lists(head_line, min_size=1, max_size=6),
    body=st.text(st.characters(blacklist_categories=("Cs",)), max_size=40),
    crlf=st.booleans(),
)
def test_any_typed_request_keeps_its_body_and_gets_a_crlf_head(
    lines: list[str], body: str, crlf: bool
) -> None:
    newline = "\r\n" if crlf else "\n"
    lines = [line for line in lines if line.strip()] or ["GET / HTTP/1.1"]
    built: BuiltRequest = build_request(newline.join(lines) + newline * 2 + body)
    head = built.data[: len(built.data) - len(body.encode())]
    assert built.data.endswith(body.encode()) and head.endswith(b"\r\n\r\n")
    assert head.count(b"\n") == head.count(b"\r\n")
    assert built.content_length_actual == len(body.encode())
    again = build_request_bytes(built.data)
    assert again.data == built.data and _texts(again.notes) in ([], _texts(built.notes)[-1:])


def test_split_requests_keeps_each_line_ending_and_drops_separators() -> None:
    data = (
        b"GET /a HTTP/1.1\r\n\r\n### next request\n"
        b"POST /b HTTP/1.1\n\nbody\n  ### next request  \n\n"
    )
    assert split_requests(data, b"### next request") == [
        b"GET /a HTTP/1.1\r\n\r\n",
        b"POST /b HTTP/1.1\n\nbody\n",
    ]
    assert split_requests(b"GET / HTTP/1.1\n\n", b"### next request") == [b"GET / HTTP/1.1\n\n"]
    assert split_requests(b"### next request\n", b"### next request") == []


@given(st.lists(st.binary(max_size=30), max_size=5))
def test_split_requests_gives_back_every_byte_but_the_separators(parts: list[bytes]) -> None:
    separator = b"### next request"
    clean = [p.replace(b"#", b"") for p in parts]
    data = b"".join(p + b"\n" + separator + b"\n" for p in clean)
    joined = b"".join(split_requests(data, separator))
    assert joined == b"".join(p + b"\n" for p in clean if (p + b"\n").strip())


def test_multipart_names_are_escaped_as_browsers_do() -> None:
    text = multipart_template(
        "h", fields={'a"b': "1"}, file=("f\r\nX-Injected: 1", 'evil"\n.txt', "x"), boundary="B"
    )
    assert 'name="a%22b"' in text
    assert 'name="f%0D%0AX-Injected: 1"; filename="evil%22%0A.txt"' in text
    assert "\r\nX-Injected" not in text


def _texts(notes: Sequence[Sentence]) -> list[str]:
    """The notes in English, as the CLI prints them."""
    return [str(note) for note in notes]
