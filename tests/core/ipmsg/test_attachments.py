from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.ipmsg import InvalidField, MalformedPacket
from desktop.core.ipmsg.attachments import FileOffer, format_file_offers, parse_file_offers
from desktop.core.ipmsg.constants import FileType
from desktop.core.sentence import Sentence

IPMSG_EXAMPLE = b"1234567:report.txt:1f4:5e8f1a2b:1:\a1234568:photos:0:5e8f1a2b:2:\a"
IPTUX_EXAMPLE = b"10001:a::b.txt:c:0:1:\a:10002:subdir:bbe:0:2:\a\0"


def test_ipmsg_example() -> None:
    assert parse_file_offers(IPMSG_EXAMPLE) == (
        FileOffer(1234567, b"report.txt", 0x1F4, 0x5E8F1A2B, 1),
        FileOffer(1234568, b"photos", 0, 0x5E8F1A2B, 2),
    )


def test_iptux_example_with_escaped_colon_and_bel_colon_separator() -> None:
    first, second = parse_file_offers(IPTUX_EXAMPLE)
    assert (first.name, first.size, first.mtime, first.file_type) == (b"a:b.txt", 12, 0, 1)
    assert (second.name, second.size, second.file_type) == (b"subdir", 0xBBE, FileType.DIR)


def test_extended_attributes_and_missing_closing_colon() -> None:
    (offer,) = parse_file_offers(b"7:x:10:0:101:14=5e8f:16=0")
    assert offer.extended == (b"14=5e8f", b"16=0")
    assert offer.attr == 0x101
    assert offer.file_type == FileType.REGULAR


def test_names_ending_in_an_escaped_colon() -> None:
    (offer,) = parse_file_offers(b"7:x:::1:0:1:\a")
    assert offer.name == b"x:"


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\0",
        b"\a\a:\0",
        b"x:name:1:0:1:\a",  # id not decimal
        b"7:name:1:0\a",  # too few fields
        b"7:name:zz:0:1:\a",  # size not hex
        b"7::1:0:1:\a",  # empty name
        b"7:name\a",  # no ':' after the name
        b"7\a",
    ],
)
def test_malformed_lists(data: bytes) -> None:
    with pytest.raises(MalformedPacket) as caught:
        parse_file_offers(data)
    reason = caught.value.reason  # shown in the Messenger's notice: a marked template
    assert isinstance(reason, Sentence) and "{text}" not in reason.template


def test_format_writes_ipmsg_layout() -> None:
    offers = [FileOffer(1234567, b"report.txt", 0x1F4, 0x5E8F1A2B, 1), FileOffer(9, b"d", 0, 0, 2)]
    assert format_file_offers(offers) == b"1234567:report.txt:1f4:5e8f1a2b:1:\a9:d:0:0:2:\a"
    ext = FileOffer(1, b"f", 1, 2, 1, (b"14=2",))
    assert format_file_offers([ext]) == b"1:f:1:2:1:14=2:\a"


@pytest.mark.parametrize(
    "offer",
    [
        FileOffer(1, b"a:b", 1, 0, 1),  # iptux cannot parse '::' (§3.1): replace ':' first
        FileOffer(1, b"", 1, 0, 1),
        FileOffer(1, b"a\0", 1, 0, 1),
        FileOffer(1, b"a\a", 1, 0, 1),
        FileOffer(-1, b"a", 1, 0, 1),
        FileOffer(2**31, b"a", 1, 0, 1),
        FileOffer(1, b"a", -1, 0, 1),
        FileOffer(1, b"a", 1, 0, 1, (b"",)),
        FileOffer(1, b"a", 1, 0, 1, (b"1:2",)),
    ],
)
def test_format_refuses(offer: FileOffer) -> None:
    with pytest.raises(InvalidField):
        format_file_offers([offer])


def test_format_refuses_an_empty_list() -> None:
    with pytest.raises(InvalidField):
        format_file_offers([])


_OFFERS = st.lists(
    st.builds(
        FileOffer,
        file_id=st.integers(0, 2**31 - 1),
        name=st.binary(min_size=1, max_size=20).filter(
            lambda b: not any(c in b for c in (b":", b"\0", b"\a"))
        ),
        size=st.integers(0, 2**64 - 1),
        mtime=st.integers(0, 2**40),
        attr=st.integers(0, 2**32 - 1),
        extended=st.lists(st.sampled_from([b"14=1", b"16=abc"]), max_size=2).map(tuple),
    ),
    min_size=1,
    max_size=4,
)


@given(_OFFERS)
def test_format_then_parse_gives_the_offers_back(offers: list[FileOffer]) -> None:
    assert parse_file_offers(format_file_offers(offers)) == tuple(offers)


@given(st.binary(max_size=300))
def test_any_bytes_give_offers_or_malformed(data: bytes) -> None:
    try:
        offers = parse_file_offers(data)
    except MalformedPacket:
        return
    assert offers
    assert all(offer.name for offer in offers)
