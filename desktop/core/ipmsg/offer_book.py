"""What we offered, to whom, and until when: the file server's only source of paths.

IPMsg's rules (reference §3.2, [IPM-SRC share.cpp GetAcceptableFileInfo]): a request is served
only when its packet number and file id name a file we offered, its user and host match a
recipient of that offer, it comes from that recipient's IP address, and that recipient has not
already fetched that file. A folder is fetched only with GETDIRFILES, a regular file only with
GETFILEDATA.

One fetch per recipient per file, as IPMsg: a fetch that **completed** uses the file up; a
fetch that failed or was cut short (``finished(..., complete=False)``) gives it back, so the
receiver may retry and resume, until the offer expires or is released. The same recipient
asking again while its earlier fetch still runs (a retry that arrived before the sender noticed
the old connection died) is served too: the receiver has abandoned the old connection, and the
caller ends that fetch as interrupted (``fetching`` says whether one runs). Never two completed.

Sans-IO: the caller passes ``now`` (any monotonic clock) and decides when to look for expiry.
The book hands out only the ``SharedFile`` values it was given; a request carries numbers, never
a path.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from desktop.core.ipmsg.file_request import FileRequest
from desktop.core.ipmsg.transfer_errors import FileRefused
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence

__all__ = ["OfferBook", "Recipient", "SharedFile"]


@dataclass(frozen=True, slots=True)
class SharedFile:
    """A local file or folder we offered.

    Attributes:
        path: where it is on this machine (absolute).
        is_folder: a folder tree (GETDIRFILES).
        size: bytes as announced (a folder's total).
    """

    path: str
    is_folder: bool
    size: int


@dataclass(frozen=True, slots=True)
class Recipient:
    """Whom an offer was made to: login and host names as decoded, and the IP address."""

    user: str
    host: str
    ip: str


@dataclass(slots=True)
class _Offer:
    recipients: set[Recipient]
    files: dict[int, SharedFile]
    expires: float | None
    busy: dict[tuple[int, Recipient], int] = field(default_factory=dict)  # fetches running
    fetched: set[tuple[int, Recipient]] = field(default_factory=set)
    released: set[str] = field(default_factory=set)  # IPs that sent RELEASEFILES
    revoked: set[tuple[int, str]] = field(default_factory=set)  # (file id, IP) we took back


class OfferBook:
    """Offers by packet number; see the module's docstring for the rules."""

    def __init__(self) -> None:
        self._offers: dict[int, _Offer] = {}

    def __len__(self) -> int:
        return len(self._offers)

    def add(
        self,
        packet_no: int,
        recipients: Iterable[tuple[str, str, str]],
        files: Mapping[int, SharedFile],
        now: float,
        lifetime: float | None,
    ) -> None:
        """Record an offer (the SENDMSG's packet number) to ``recipients`` (user, host, IP).

        ``lifetime`` in seconds from ``now``; None keeps it until released or withdrawn.
        """
        self._offers[packet_no] = _Offer(
            recipients={Recipient(u, h, ip) for u, h, ip in recipients},
            files=dict(files),
            expires=None if lifetime is None else now + lifetime,
        )

    def authorize(
        self, request: FileRequest, user: str, host: str, ip: str, now: float
    ) -> SharedFile:
        """The file ``request`` may fetch, marked as being fetched by that recipient.

        Call ``finished`` when the fetch ends, whatever the outcome.

        Raises:
            FileRefused: unknown offer or file, not for this user/host or address, released,
                expired, already fetched, file asked as folder or the reverse, offset past the
                end. (A fetch of the same file by the same recipient may be running: see
                ``fetching``.)
        """
        who = f"{user}@{host} ({ip})"

        def refuse(reason: Sentence) -> FileRefused:
            return FileRefused(who, reason)

        offer = self._offers.get(request.packet_no)
        if offer is None:
            raise refuse(
                sentence(
                    QT_TRANSLATE_NOOP("core", "nothing was offered with packet number {number}"),
                    number=request.packet_no,
                )
            )
        if offer.expires is not None and now >= offer.expires:
            raise refuse(sentence(QT_TRANSLATE_NOOP("core", "the offer has expired")))
        if not any(r.ip == ip for r in offer.recipients):
            raise refuse(
                sentence(
                    QT_TRANSLATE_NOOP("core", "the offer was not made to the address {ip}"), ip=ip
                )
            )
        recipient = Recipient(user, host, ip)
        if recipient not in offer.recipients:
            raise refuse(
                sentence(
                    QT_TRANSLATE_NOOP("core", "the offer was not made to {user}@{host}"),
                    user=user,
                    host=host,
                )
            )
        if ip in offer.released:
            raise refuse(sentence(QT_TRANSLATE_NOOP("core", "the offer was declined")))
        shared = offer.files.get(request.file_id)
        if shared is None:
            raise refuse(
                sentence(
                    QT_TRANSLATE_NOOP("core", "the offer has no file with id {id}"),
                    id=request.file_id,
                )
            )
        if (request.file_id, ip) in offer.revoked:
            raise refuse(sentence(QT_TRANSLATE_NOOP("core", "the offer was withdrawn")))
        key = (request.file_id, recipient)
        if key in offer.fetched:
            raise refuse(sentence(QT_TRANSLATE_NOOP("core", "the file was already fetched")))
        if shared.is_folder != request.folder:
            raise refuse(
                sentence(QT_TRANSLATE_NOOP("core", "a folder was asked for as a file"))
                if shared.is_folder
                else sentence(QT_TRANSLATE_NOOP("core", "a file was asked for as a folder"))
            )
        if request.offset > shared.size:
            raise refuse(
                sentence(
                    QT_TRANSLATE_NOOP("core", "the offset {offset} is past the file's end"),
                    offset=request.offset,
                )
            )
        offer.busy[key] = offer.busy.get(key, 0) + 1
        return shared

    def fetching(self, packet_no: int, file_id: int, recipient: Recipient) -> int:
        """How many fetches of that file by that recipient are running (authorized, not
        finished)."""
        offer = self._offers.get(packet_no)
        return 0 if offer is None else offer.busy.get((file_id, recipient), 0)

    def finished(
        self, packet_no: int, file_id: int, recipient: Recipient, *, complete: bool
    ) -> None:
        """A fetch ``authorize`` allowed has ended; ``complete`` uses the file up."""
        offer = self._offers.get(packet_no)
        if offer is None:
            return
        key = (file_id, recipient)
        left = offer.busy.get(key, 0) - 1
        if left > 0:
            offer.busy[key] = left
        else:
            offer.busy.pop(key, None)
        if complete:
            offer.fetched.add(key)

    def release(self, packet_no: int, ip: str) -> bool:
        """The recipient at ``ip`` declined (RELEASEFILES); True if it was a recipient.

        The offer is dropped once every recipient has released it.
        """
        offer = self._offers.get(packet_no)
        if offer is None or not any(r.ip == ip for r in offer.recipients):
            return False
        offer.released.add(ip)
        if {r.ip for r in offer.recipients} <= offer.released:
            del self._offers[packet_no]
        return True

    def revoke(self, packet_no: int, file_id: int, ip: str) -> None:
        """We took one file back from the recipient at ``ip`` (its row was cancelled)."""
        offer = self._offers.get(packet_no)
        if offer is not None:
            offer.revoked.add((file_id, ip))

    def withdraw(self, packet_no: int) -> None:
        """We cancelled the offer: nothing of it is served any more."""
        self._offers.pop(packet_no, None)

    def expire(self, now: float) -> list[int]:
        """Drop the offers whose lifetime is over (unless a fetch is running); their numbers."""
        gone = [
            number
            for number, offer in self._offers.items()
            if offer.expires is not None and now >= offer.expires and not offer.busy
        ]
        for number in gone:
            del self._offers[number]
        return gone

    def next_expiry(self) -> float | None:
        """When the next offer expires, or None."""
        times = [o.expires for o in self._offers.values() if o.expires is not None]
        return min(times, default=None)

    def is_complete(self, packet_no: int) -> bool:
        """True when every recipient fetched every file (the offer can be forgotten)."""
        offer = self._offers.get(packet_no)
        if offer is None:
            return True
        return all(
            (file_id, r) in offer.fetched or r.ip in offer.released
            for file_id in offer.files
            for r in offer.recipients
        )
