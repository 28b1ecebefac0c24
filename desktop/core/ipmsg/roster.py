"""The list of peers: who is on the network, built from entry packets, bounded.

Keyed by (address, user, host), as several users may share one address (iptux keys by address
only and mixes them up, §1.5). A peer's names may reach us in two encodings (legacy code page
in BR_ENTRY, UTF-8 in packets with UTF8OPT), so the raw names of every packet seen from a peer
are also kept as aliases of its key.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Iterator, Mapping

from desktop.core.ipmsg.constants import Opt, Platform
from desktop.core.ipmsg.dialect import (
    Dialect,
    detect_dialect,
    parse_feiq_version,
    peer_encoding,
    reply_encoding,
    supports_utf8,
)
from desktop.core.ipmsg.events import Address, Peer, PeerKey
from desktop.core.ipmsg.packet import Packet
from desktop.core.ipmsg.text import EntryInfo, decode_text, parse_entry_extra
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence

__all__ = [
    "MAX_DEPARTED",
    "MAX_NAME_CHARS",
    "MAX_PEERS",
    "MAX_PEERS_PER_IP",
    "MAX_STRANGERS",
    "STRANGER_WINDOW_S",
    "Roster",
    "describe_client",
    "peer_from_entry",
    "peer_from_packet",
]

# A spoofed flood of BR_ENTRY from random addresses must not grow memory without end; 10,000
# is far more hosts than one broadcast domain holds in practice (IPMsg itself slows past a few
# thousand), at about 1 KiB each.
MAX_PEERS = 10_000
# Several users may share one IP (NAT, a terminal server), but each client there needs a port
# of its own: a handful in practice. Fake users spoofed from one address (a flood of BR_ENTRY
# with random names) stop at 16, and cannot crowd the rest of the LAN out of the list.
MAX_PEERS_PER_IP = 16
# Users who send messages without ever announcing themselves (a one-shot sender, NOADDLISTOPT,
# §1.5) are not listed, but each opens a conversation in the GUI: a flood of them from one IP
# would open conversations without end. Each IP may have ``per_ip`` such strangers talking within
# 10 minutes; 4,096 are remembered in all, the longest silent forgotten first.
STRANGER_WINDOW_S = 600.0
MAX_STRANGERS = 4096
# Names users type are a few dozen characters; a hostile entry can carry 60 KB of them, which
# the list would keep and Qt would lay out on every paint. Longer names are cut here.
MAX_NAME_CHARS = 128
# Peers that left are remembered so that a message typed to them still finds their encoding and
# fails with "has left" rather than "unknown"; the last 256 are enough for open chat windows.
MAX_DEPARTED = 256
# A peer's names arrive at most in two encodings (legacy and UTF-8); more are not aliases but
# garbage, so each peer keeps only its latest few.
_MAX_ALIASES = 4

_PLATFORMS: dict[int, str] = {
    Platform.WIN32: "Windows",
    Platform.WIN64: "Windows 64-bit",
    Platform.MAC: "macOS",
    Platform.IOS: "iOS",
    Platform.ANDROID: "Android",
}
_VS = re.compile(r"([0-9A-Fa-f]{8}):([0-9]{1,4}):([0-9]{1,4}):([0-9]{1,6})")

RawNames = tuple[Address, bytes, bytes]  # (address, user bytes, host bytes) as on the wire
_Stranger = tuple[str, bytes, bytes]  # (IP, user bytes, host bytes): the port is the sender's


class Roster:
    """The peers on the network, with the raw-name aliases that find them, and the departed.

    When the list is full, or an IP already holds ``per_ip`` peers, a newcomer is refused and
    counted (``refused``); nobody already listed is pushed out. The peers who were there first
    are the LAN as the user knows it, while a flood consists of newcomers; evicting the
    longest-silent peer instead would evict real, merely idle users (IPMsg sends no keep-alive)
    to make room for fake ones. ``refresh`` is what clears out peers that are gone. Unlisted
    users who send messages ("strangers") are bounded per IP too (``stranger_refusal``).

    Args:
        cap: the most peers kept.
        per_ip: the most peers kept at one IP address.

    Attributes:
        refused: newcomers turned away so far.
    """

    def __init__(self, cap: int = MAX_PEERS, per_ip: int = MAX_PEERS_PER_IP) -> None:
        self.cap = cap
        self.per_ip = per_ip
        self.refused = 0
        self._peers: dict[PeerKey, Peer] = {}
        self._by_ip: dict[str, dict[PeerKey, None]] = {}
        # When each peer last said something, as a count of hearings: a refresh asks who spoke
        # after it, and a coarse clock (uvloop's counts milliseconds) cannot tell that apart
        # from a word said in the same millisecond just before it.
        self._heard: dict[PeerKey, int] = {}
        self._hearings = 0
        self._aliases: dict[RawNames, PeerKey] = {}
        # The same dict, read-only: ``raw in aliases`` says a listed peer has those raw names
        # (``remove`` drops a peer's aliases with it); the quick acknowledgement's look-up.
        self.aliases: Mapping[RawNames, PeerKey] = self._aliases
        self._names: dict[PeerKey, list[RawNames]] = {}
        self._departed: OrderedDict[PeerKey, Peer] = OrderedDict()
        self._strangers: OrderedDict[_Stranger, float] = OrderedDict()  # last heard, oldest first
        self._strangers_at: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._peers)

    def __iter__(self) -> Iterator[Peer]:
        return iter(list(self._peers.values()))

    def __contains__(self, key: object) -> bool:
        return key in self._peers

    def get(self, key: PeerKey) -> Peer | None:
        """The peer with ``key``, if it is on the network."""
        return self._peers.get(key)

    def find(self, address: Address, user: bytes, host: bytes) -> Peer | None:
        """The peer that sent a packet with these raw names from ``address``."""
        key = self._aliases.get((address, user, host))
        return None if key is None else self._peers.get(key)

    def at_address(self, address: Address) -> list[Peer]:
        """Peers at ``address`` (usually one)."""
        keys = self._by_ip.get(address[0], {})
        return [self._peers[key] for key in keys if key.address == address]

    def departed(self, key: PeerKey) -> Peer | None:
        """A peer that left recently."""
        return self._departed.get(key)

    def departed_at(self, address: Address) -> Peer | None:
        """The last peer that left from ``address``, if any."""
        for key in reversed(self._departed):
            if key.address == address:
                return self._departed[key]
        return None

    def add(self, peer: Peer, raw: RawNames, now: float) -> bool:
        """Add or replace ``peer``; False if it is new and there is no room (see the class)."""
        key = peer.key
        if key not in self._peers:
            if self.refusal(peer) is not None:
                self.refused += 1
                return False
            self._by_ip.setdefault(key.address[0], {})[key] = None
        self._peers[key] = peer
        self._departed.pop(key, None)
        self.heard(key)
        self.alias(key, raw)
        return True

    def update(self, peer: Peer) -> bool:
        """Replace a listed peer by ``peer`` (same key), keeping its names and last-heard time;
        False if it is not listed."""
        if peer.key not in self._peers:
            return False
        self._peers[peer.key] = peer
        return True

    def refusal(self, peer: Peer) -> tuple[object, Sentence] | None:
        """Why ``peer`` would be refused, as (cause, sentence); None if there is room for it."""
        if peer.key in self._peers:
            return None
        ip = peer.address[0]
        if len(self._by_ip.get(ip, ())) >= self.per_ip:
            return (
                ("full at", ip),
                sentence(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "{ip} already has {count} users in the list; {peer} and others from "
                        "there were not added.",
                    ),
                    ip=ip,
                    count=self.per_ip,
                    peer=peer.label,
                ),
            )
        if len(self._peers) >= self.cap:
            return (
                "roster full",
                sentence(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "The list of users is full ({cap}); {peer} and others after it were "
                        "not added.",
                    ),
                    cap=self.cap,
                    peer=peer.label,
                ),
            )
        return None

    def stranger_refusal(
        self, address: Address, user: bytes, host: bytes, now: float
    ) -> tuple[object, Sentence] | None:
        """Whether an unlisted user may send a message, as ``refusal`` says for newcomers.

        A stranger heard within the window may always go on; a new one is refused (and
        counted) while its IP has ``per_ip`` strangers talking.
        """
        ip = address[0]
        stranger = (ip, user, host)
        if stranger in self._strangers:
            self._strangers[stranger] = now
            self._strangers.move_to_end(stranger)
            return None
        while self._strangers:
            oldest, last = next(iter(self._strangers.items()))
            if now - last < STRANGER_WINDOW_S and len(self._strangers) < MAX_STRANGERS:
                break
            self._forget_stranger(oldest)
        if self._strangers_at.get(ip, 0) >= self.per_ip:
            self.refused += 1
            return (
                ("strangers at", ip),
                sentence(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "{ip} sent messages as more than {count} different users who never "
                        "announced themselves; the messages of the others were ignored.",
                    ),
                    ip=ip,
                    count=self.per_ip,
                ),
            )
        self._strangers[stranger] = now
        self._strangers_at[ip] = self._strangers_at.get(ip, 0) + 1
        return None

    def _forget_stranger(self, stranger: _Stranger) -> None:
        del self._strangers[stranger]
        left = self._strangers_at[stranger[0]] - 1
        if left:
            self._strangers_at[stranger[0]] = left
        else:
            del self._strangers_at[stranger[0]]

    def alias(self, key: PeerKey, raw: RawNames) -> None:
        """Remember that packets with the raw names ``raw`` come from peer ``key``."""
        if key not in self._peers or self._aliases.get(raw) == key:
            return
        old = self._aliases.get(raw)
        if old is not None:
            self._names[old].remove(raw)
        names = self._names.setdefault(key, [])
        names.append(raw)
        self._aliases[raw] = key
        if len(names) > _MAX_ALIASES:
            del self._aliases[names.pop(0)]

    def heard(self, key: PeerKey) -> None:
        """Note that ``key`` said something (for ``refresh``)."""
        if key in self._peers:
            self._hearings += 1
            self._heard[key] = self._hearings

    def mark(self) -> int:
        """A mark for ``silent_since``: what is heard after this call comes after the mark."""
        return self._hearings

    def silent_since(self, mark: int) -> list[Peer]:
        """Peers that said nothing after ``mark`` (from ``mark()``)."""
        return [p for k, p in self._peers.items() if self._heard.get(k, 0) <= mark]

    def remove(self, key: PeerKey) -> Peer | None:
        """Take ``key`` off the list (it is remembered as departed); the peer, if it was on."""
        peer = self._peers.pop(key, None)
        if peer is None:
            return None
        self._heard.pop(key, None)
        at_ip = self._by_ip[key.address[0]]
        del at_ip[key]
        if not at_ip:
            del self._by_ip[key.address[0]]
        for raw in self._names.pop(key, []):
            del self._aliases[raw]
        self._departed[key] = peer
        self._departed.move_to_end(key)
        while len(self._departed) > MAX_DEPARTED:
            self._departed.popitem(last=False)
        return peer


def peer_from_entry(
    packet: Packet, address: Address, legacy: str, previous: Peer | None = None
) -> Peer:
    """The peer an entry packet (BR_ENTRY, ANSENTRY, BR_ABSENCE) describes.

    The UTF-8 ``UN``/``HN``/``NN``/``GN`` lines win over the legacy fields (§1.4). iptux sets
    ABSENCEOPT on every entry packet, so it is not taken as "away" from iptux (§1.3).
    The away message of ``previous`` is kept while the peer stays away.
    """
    dialect = detect_dialect(packet)
    encoding = peer_encoding(packet, dialect, legacy)
    info = parse_entry_extra(packet, encoding)
    user = decode_text(packet.user, encoding)
    host = decode_text(packet.host, encoding)
    utf8 = supports_utf8(packet)
    absent = bool(packet.options & Opt.ABSENCEOPT) and dialect is not Dialect.IPTUX
    keep = previous.absence_text if previous is not None and absent else ""
    return Peer(
        key=PeerKey(
            address, _clip(info.user_name or user.text), _clip(info.host_name or host.text)
        ),
        nickname=_clip(info.nickname),
        group=_clip(info.group),
        client=describe_client(packet, info),
        dialect=dialect,
        version=_clip(packet.version.decode("ascii", "replace")),
        encoding=reply_encoding(dialect, utf8, legacy),
        utf8=utf8,
        absent=absent,
        absence_text=keep,
        dialup=bool(packet.options & Opt.DIALUPOPT),
        file_attach=bool(packet.options & Opt.FILEATTACHOPT),
        name_replaced=info.replaced or user.replaced or host.replaced,
    )


def peer_from_packet(packet: Packet, address: Address, legacy: str) -> Peer:
    """A peer built from any packet of someone not in the list (no nickname known yet)."""
    dialect = detect_dialect(packet)
    encoding = peer_encoding(packet, dialect, legacy)
    user = decode_text(packet.user, encoding)
    host = decode_text(packet.host, encoding)
    utf8 = supports_utf8(packet)
    return Peer(
        key=PeerKey(address, _clip(user.text), _clip(host.text)),
        client=describe_client(packet, None),
        dialect=dialect,
        version=_clip(packet.version.decode("ascii", "replace")),
        encoding=reply_encoding(dialect, utf8, legacy),
        utf8=utf8,
        name_replaced=user.replaced or host.replaced,
    )


def _clip(name: str) -> str:
    """``name`` cut to ``MAX_NAME_CHARS`` (an ellipsis marks the cut)."""
    return name if len(name) <= MAX_NAME_CHARS else name[: MAX_NAME_CHARS - 1] + "…"


def describe_client(packet: Packet, info: EntryInfo | None) -> str:
    """The client program in words, from the version field and IPMsg 4.x's ``VS:`` line (§2.3)."""
    dialect = detect_dialect(packet)
    version = _clip(packet.version.decode("ascii", "replace"))
    if dialect is Dialect.FEIQ:
        feiq = parse_feiq_version(packet.version)
        generation = {4: "FeiQ 2.x", 6: "FeiQ 3.x"}
        return generation.get(feiq.generation, "FeiQ") if feiq is not None else "FeiQ"
    if dialect is Dialect.IPTUX:
        return version.removeprefix("1_").strip()
    if dialect is Dialect.OTHER:
        if "shiyeline" in version.lower():
            return "内网通 (Shiyeline)"
        return f"IP Messenger compatible ({version})"
    match = _VS.fullmatch(info.version_info or "") if info is not None else None
    if match is None:
        return "IP Messenger"
    platform = _PLATFORMS.get(int(match.group(1), 16))
    where = f" ({platform})" if platform else ""
    return f"IP Messenger {match.group(2)}.{match.group(3)}r{match.group(4)}{where}"
