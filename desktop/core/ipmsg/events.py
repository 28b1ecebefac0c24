"""What a messenger node hands back: datagrams to send and events for the user interface.

Every action is a frozen dataclass. ``Transmit`` is for the I/O layer; all the others are
``Event``s for whoever shows the messenger (the GUI's bridge, the CLI).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.core.ipmsg.dialect import Dialect
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence

if TYPE_CHECKING:  # offers.py imports Peer from here
    from desktop.core.ipmsg.offers import Offer

__all__ = [
    "Action",
    "Address",
    "Event",
    "FilesOffered",
    "InfoReceived",
    "MessageDelivered",
    "MessageFailed",
    "MessageRead",
    "MessageReceived",
    "Notice",
    "NoticeCause",
    "OfferReleased",
    "Peer",
    "PeerJoined",
    "PeerKey",
    "PeerLeft",
    "PeerUpdated",
    "Transmit",
    "format_address",
]

Address = tuple[str, int]  # (IPv4 address, UDP port)


def format_address(address: Address) -> str:
    """``198.18.0.2:2425``."""
    return f"{address[0]}:{address[1]}"


@dataclass(frozen=True, slots=True, order=True)
class PeerKey:
    """What tells two peers apart: where they send from, and their login and host names.

    Attributes:
        address: the (IP, port) their packets come from.
        user: their login name, decoded.
        host: their host name, decoded.
    """

    address: Address
    user: str
    host: str

    def __str__(self) -> str:
        names = f"{self.user}@{self.host} " if self.user or self.host else ""
        return f"{names}{format_address(self.address)}"


@dataclass(frozen=True, slots=True)
class Peer:
    """One user on the network, as their entry packets describe them.

    Attributes:
        key: address, login and host names.
        nickname: shown name (may be empty: show the login name).
        group: group name, often empty.
        client: the client program, e.g. ``iptux 0.8.3``, ``FeiQ 3.x``, ``IP Messenger``.
        dialect: the client family, which decides encodings and quirks.
        version: the packet's version field as sent (``1``, ``1_lbt6_0#128#...``).
        encoding: the text encoding used when sending to this peer.
        utf8: the peer announced UTF-8 (CAPUTF8OPT).
        absent: the peer is away.
        absence_text: the away message, once the peer told it (empty until then).
        dialup: the peer cannot be reached by broadcast (DIALUPOPT): it is sent entries directly.
        file_attach: the peer can receive files.
        name_replaced: some bytes of its names could not be decoded and were replaced.
    """

    key: PeerKey
    nickname: str = ""
    group: str = ""
    client: str = "IP Messenger"
    dialect: Dialect = Dialect.IPMSG
    version: str = "1"
    encoding: str = "cp936"
    utf8: bool = False
    absent: bool = False
    absence_text: str = ""
    dialup: bool = False
    file_attach: bool = False
    name_replaced: bool = False

    @property
    def address(self) -> Address:
        """The (IP, port) to send to."""
        return self.key.address

    @property
    def user_at_host(self) -> str:
        """``user@host`` (empty for an address nobody answered from)."""
        return f"{self.key.user}@{self.key.host}" if self.key.user or self.key.host else ""

    @property
    def name(self) -> str:
        """The best name to show: the nickname, else the login name, else the address."""
        return self.nickname or self.key.user or format_address(self.address)

    @property
    def label(self) -> str:
        """The name and the address, for sentences: ``鲍勃 (198.18.0.2:2425)``."""
        address = format_address(self.address)
        return address if self.name == address else f"{self.name} ({address})"

    @property
    def status(self) -> str:
        """``online``, ``away``, or ``away: <message>``."""
        if not self.absent:
            return "online"
        return f"away: {self.absence_text}" if self.absence_text else "away"


@dataclass(frozen=True, slots=True)
class Transmit:
    """Send ``datagram`` to ``address`` (one UDP datagram)."""

    datagram: bytes
    address: Address


@dataclass(frozen=True, slots=True)
class PeerJoined:
    """A peer appeared (BR_ENTRY, ANSENTRY or BR_ABSENCE from someone new)."""

    peer: Peer


@dataclass(frozen=True, slots=True)
class PeerUpdated:
    """A known peer changed: names, away state or message, encoding."""

    peer: Peer


# Why a peer left when it said so itself (BR_EXIT).
SIGNED_OFF = sentence(QT_TRANSLATE_NOOP("core", "signed off"))


@dataclass(frozen=True, slots=True)
class PeerLeft:
    """A peer left (BR_EXIT), or did not answer a refresh.

    Attributes:
        peer: the peer as it was last known.
        reason: a short sentence (``signed off``, ``did not answer the refresh``).
    """

    peer: Peer
    reason: Sentence = SIGNED_OFF


@dataclass(frozen=True, slots=True)
class MessageReceived:
    """A message arrived; shown once even when the sender repeats the datagram.

    Attributes:
        peer: the sender (a peer built from the packet if it is not in the list yet).
        packet_no: the sender's packet number (with ``peer.key``, what ``mark_read`` takes).
        text: the text, FeiQ's font suffix removed, CRLF turned into LF.
        sealed: SECRETOPT: show it closed; opening it sends a read receipt (``mark_read``).
        broadcast: sent to everyone (BROADCASTOPT); it was not acknowledged.
        multicast: one of several recipients (MULTICASTOPT).
        auto_reply: an automatic answer (AUTORETOPT), e.g. an away message.
        replaced: some bytes could not be decoded and were replaced with U+FFFD.
        offer: the files and folders offered with it (FILEATTACHOPT), decoded in the sender's
            encoding; None when there are none, or when the list could not be read (a
            ``Notice`` then says so and the text is still shown).
    """

    peer: Peer
    packet_no: int
    text: str
    sealed: bool = False
    broadcast: bool = False
    multicast: bool = False
    auto_reply: bool = False
    replaced: bool = False
    offer: Offer | None = None

    @property
    def attachments(self) -> tuple[str, ...]:
        """The names of the offered files (not downloaded), in the sender's order."""
        return () if self.offer is None else tuple(f.name for f in self.offer.files)


@dataclass(frozen=True, slots=True)
class FilesOffered:
    """Our offer ``message_id`` (``send_files``) left as SENDMSG number ``offer.packet_no``.

    Comes just before the datagram is first sent, so whoever serves the files can register
    the offer before the peer can ask for it. ``offer.peer`` is the recipient; whether it got
    the offer comes later as ``MessageDelivered`` or ``MessageFailed`` with ``message_id``.
    """

    message_id: int
    offer: Offer


@dataclass(frozen=True, slots=True)
class OfferReleased:
    """``peer`` declined or dropped our offer number ``packet_no`` (RELEASEFILES)."""

    peer: Peer
    packet_no: int


@dataclass(frozen=True, slots=True)
class MessageDelivered:
    """The peer acknowledged message ``message_id`` (RECVMSG)."""

    message_id: int


@dataclass(frozen=True, slots=True)
class MessageFailed:
    """Message ``message_id`` was not delivered; ``reason`` is a sentence to show."""

    message_id: int
    reason: Sentence


@dataclass(frozen=True, slots=True)
class MessageRead:
    """The peer opened sealed message ``message_id`` (READMSG)."""

    message_id: int


@dataclass(frozen=True, slots=True)
class InfoReceived:
    """A peer answered ``ask_info`` (``kind="version"``) or ``ask_absence`` (``"absence"``)."""

    peer: Peer
    kind: str
    text: str


class NoticeCause(enum.Enum):
    """What a ``Notice`` is about, when it is a lasting condition a user interface may already
    show in its own words (it then shows the condition once, not twice)."""

    NO_TARGETS = "no-targets"  # nothing to announce to: no broadcast address, no target


@dataclass(frozen=True, slots=True)
class Notice:
    """Something the user should know that is nobody's message: a sentence.

    Attributes:
        text: the sentence.
        cause: the condition it is about (None: a passing event).
    """

    text: Sentence
    cause: NoticeCause | None = None


Event = (
    PeerJoined
    | PeerUpdated
    | PeerLeft
    | MessageReceived
    | MessageDelivered
    | MessageFailed
    | MessageRead
    | InfoReceived
    | Notice
    | FilesOffered
    | OfferReleased
)
Action = Transmit | Event
