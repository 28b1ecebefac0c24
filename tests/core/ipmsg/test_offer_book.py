"""The offer book: only what was offered, to whom, once, while the offer lives."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.ipmsg.file_request import FileRequest
from desktop.core.ipmsg.offer_book import OfferBook, Recipient, SharedFile
from desktop.core.ipmsg.transfer_errors import FileRefused

FILE = SharedFile("/srv/share/report.txt", False, 500)
FOLDER = SharedFile("/srv/share/photos", True, 9000)
BOB = ("bob", "PC-B", "127.0.0.2")
CAROL = ("carol", "PC-C", "127.0.0.3")


def _book(lifetime: float | None = 60.0) -> OfferBook:
    book = OfferBook()
    book.add(100, [BOB, CAROL], {1: FILE, 2: FOLDER}, now=0.0, lifetime=lifetime)
    return book


def _refused(book: OfferBook, request: FileRequest, who: tuple[str, str, str], now: float) -> str:
    with pytest.raises(FileRefused) as caught:
        book.authorize(request, *who, now=now)
    return caught.value.reason.template


def test_the_recipient_gets_the_file_it_was_offered() -> None:
    book = _book()
    assert book.authorize(FileRequest(100, 1), *BOB, now=1.0) is FILE
    assert book.authorize(FileRequest(100, 2, folder=True), *CAROL, now=1.0) is FOLDER


@pytest.mark.parametrize(
    ("request_", "who", "reason"),
    [
        (FileRequest(101, 1), BOB, "nothing was offered with packet number {number}"),
        (FileRequest(100, 3), BOB, "the offer has no file with id {id}"),
        (FileRequest(100, 1), ("bob", "PC-B", "127.0.0.9"), "not made to the address {ip}"),
        (FileRequest(100, 1), ("mallory", "PC-B", "127.0.0.2"), "not made to {user}@{host}"),
        (FileRequest(100, 1), ("bob", "PC-X", "127.0.0.2"), "not made to {user}@{host}"),
        (FileRequest(100, 1), ("carol", "PC-C", "127.0.0.2"), "not made to {user}@{host}"),
        (FileRequest(100, 2), BOB, "a folder was asked for as a file"),
        (FileRequest(100, 1, folder=True), BOB, "a file was asked for as a folder"),
        (FileRequest(100, 1, offset=501), BOB, "the offset {offset} is past the file's end"),
    ],
)
def test_requests_that_do_not_match_the_offer_are_refused(
    request_: FileRequest, who: tuple[str, str, str], reason: str
) -> None:
    assert reason in _refused(_book(), request_, who, now=1.0)


def test_one_fetch_per_recipient_and_file_but_a_failed_one_may_retry() -> None:
    book = _book()
    book.authorize(FileRequest(100, 1), *BOB, now=1.0)
    book.finished(100, 1, Recipient(*BOB), complete=False)
    book.authorize(FileRequest(100, 1, offset=200), *BOB, now=2.0)  # a resume after a failure
    book.finished(100, 1, Recipient(*BOB), complete=True)
    assert "already fetched" in _refused(book, FileRequest(100, 1), BOB, now=3.0)
    assert book.authorize(FileRequest(100, 1), *CAROL, now=3.0) is FILE  # each recipient once


def test_the_same_recipient_asking_again_mid_fetch_is_served_the_old_fetch_is_counted() -> None:
    """A retry that arrives before the old connection's end was noticed: served (the caller
    ends the old fetch as interrupted); the file is used up only by a completed fetch."""
    book = _book(lifetime=10.0)
    bob = Recipient(*BOB)
    book.authorize(FileRequest(100, 1), *BOB, now=1.0)
    assert book.fetching(100, 1, bob) == 1
    assert book.authorize(FileRequest(100, 1, offset=200), *BOB, now=2.0) is FILE
    assert book.fetching(100, 1, bob) == 2
    assert book.fetching(100, 1, Recipient(*CAROL)) == 0
    book.finished(100, 1, bob, complete=False)  # the old connection, interrupted
    assert book.fetching(100, 1, bob) == 1
    assert book.expire(11.0) == []  # the new fetch still runs: the offer stays
    book.finished(100, 1, bob, complete=True)
    assert book.fetching(100, 1, bob) == 0
    assert "already fetched" in _refused(book, FileRequest(100, 1), BOB, now=3.0)


def test_an_expired_offer_is_refused_and_dropped() -> None:
    book = _book(lifetime=10.0)
    assert book.next_expiry() == 10.0
    assert "expired" in _refused(book, FileRequest(100, 1), BOB, now=10.0)
    assert book.expire(9.9) == []
    assert book.expire(10.0) == [100]
    assert "nothing was offered" in _refused(book, FileRequest(100, 1), BOB, now=11.0)
    assert book.next_expiry() is None


def test_a_running_fetch_keeps_its_offer_past_expiry() -> None:
    book = _book(lifetime=10.0)
    book.authorize(FileRequest(100, 1), *BOB, now=9.0)
    assert book.expire(11.0) == []
    book.finished(100, 1, Recipient(*BOB), complete=True)
    assert book.expire(11.0) == [100]


def test_released_revoked_and_withdrawn_offers_are_refused() -> None:
    book = _book(lifetime=None)
    assert book.release(100, "127.0.0.2")
    assert not book.release(100, "127.0.0.9")
    assert "declined" in _refused(book, FileRequest(100, 1), BOB, now=1.0)
    book.revoke(100, 1, "127.0.0.3")
    assert "withdrawn" in _refused(book, FileRequest(100, 1), CAROL, now=1.0)
    assert book.authorize(FileRequest(100, 2, folder=True), *CAROL, now=1.0) is FOLDER
    book.withdraw(100)
    assert len(book) == 0
    assert book.release(100, "127.0.0.3") is False


def test_the_offer_is_dropped_once_every_recipient_released_it() -> None:
    book = _book()
    book.release(100, "127.0.0.2")
    assert len(book) == 1
    book.release(100, "127.0.0.3")
    assert len(book) == 0


def test_complete_when_every_recipient_fetched_every_file() -> None:
    book = OfferBook()
    book.add(7, [BOB], {1: FILE}, now=0, lifetime=None)
    assert not book.is_complete(7)
    book.authorize(FileRequest(7, 1), *BOB, now=0)
    book.finished(7, 1, Recipient(*BOB), complete=True)
    assert book.is_complete(7)


@given(
    st.builds(
        FileRequest,
        st.integers(0, 2**32 - 1) | st.just(100),
        st.integers(0, 2**32 - 1) | st.sampled_from([1, 2]),
        st.integers(0, 2**63 - 1) | st.integers(0, 600),
        st.booleans(),
    ),
    st.sampled_from([BOB, CAROL, ("bob", "PC-B", "10.0.0.1"), ("root", "x", "127.0.0.2")]),
    st.floats(0, 100),
)
def test_no_request_ever_gets_a_path_it_was_not_given(
    request_: FileRequest, who: tuple[str, str, str], now: float
) -> None:
    book = _book()
    try:
        shared = book.authorize(request_, *who, now=now)
    except FileRefused:
        return
    assert shared in (FILE, FOLDER)
    assert request_.packet_no == 100 and who in (BOB, CAROL)
