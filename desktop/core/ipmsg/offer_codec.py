"""Offers between the wire and the user: a SENDMSG's attachment list read into an ``Offer``,
and ``OfferedFile``s written as a list in the peer's encoding (reference §3.1).

``attachments.py`` holds the byte-level layout (``FileOffer``); this module adds the encodings:
names are read in the sender's encoding (UTF-8 when the packet has UTF8OPT, FeiQ's GBK, the
encoding chosen for an iptux peer) and written in the recipient's, with ``:`` replaced because
iptux cannot parse the ``::`` escape.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from desktop.core.ipmsg.attachments import FileOffer, format_file_offers, parse_file_offers
from desktop.core.ipmsg.constants import FileType, Opt
from desktop.core.ipmsg.events import Peer
from desktop.core.ipmsg.offers import Offer, OfferedFile
from desktop.core.ipmsg.packet import Packet
from desktop.core.ipmsg.packet_errors import InvalidField, MalformedPacket
from desktop.core.ipmsg.text import decode_text, text_codec
from desktop.core.sentence import QT_TRANSLATE_NOOP, sentence

__all__ = [
    "COLON_REPLACEMENT",
    "UnencodableName",
    "offer_list",
    "offered_as_sent",
    "read_offer",
    "sendable_name",
]

# IPMsg turns a received "::" into ";" [IPM-SRC share.cpp ConvertShareMsgEscape]; we send ";"
# in its place, since iptux reads "::" as a field separator (§3.1, LIVE).
COLON_REPLACEMENT = ";"
_KINDS = {FileType.REGULAR: False, FileType.DIR: True}  # what IPMsg and iptux accept (§3.1)


class UnencodableName(InvalidField):
    """A file name the recipient's encoding cannot write (e.g. Japanese kana to a GBK peer).

    Attributes:
        name: the file name.
        encoding: the recipient's encoding.
        char: the first character it lacks.
    """

    def __init__(self, name: str, encoding: str, char: str) -> None:
        self.name = name
        self.encoding = encoding
        self.char = char
        super().__init__(
            "file name",
            f"{name!r} has {char!r}, which {encoding} cannot encode",
            sentence(
                QT_TRANSLATE_NOOP(
                    "core",
                    "Cannot offer {name}: its name has {char}, which the peer's encoding "
                    "{encoding} cannot write; rename it, or choose another encoding for "
                    "this peer.",
                ),
                name=name,
                char=repr(char),
                encoding=encoding,
            ),
        )


def read_offer(packet: Packet, peer: Peer, encoding: str) -> Offer:
    """The offer a SENDMSG|FILEATTACHOPT carries after its text's NUL.

    Args:
        packet: the SENDMSG.
        peer: its sender.
        encoding: the encoding its text was read in (UTF-8 when it has UTF8OPT).

    Entries of types other than file and folder (symbolic links, devices, inline images) are
    left out, as IPMsg and iptux leave them out. Names are decoded with replacement: they are
    not safe as paths yet (``safe_names``).

    Raises:
        MalformedPacket: the list cannot be read, or offers no file or folder.
    """
    entries = parse_file_offers(packet.extra.partition(b"\0")[2])
    files = tuple(_offered(entry, encoding) for entry in entries if entry.file_type in _KINDS)
    if not files:
        raise MalformedPacket(
            sentence(QT_TRANSLATE_NOOP("core", "its attachment list offers no file or folder"))
        )
    utf8 = bool(packet.options & Opt.UTF8OPT)
    return Offer(peer, packet.packet_no, files, encoding="utf-8" if utf8 else encoding, utf8=utf8)


def sendable_name(name: str) -> str:
    """``name`` as it is offered: ``:`` replaced by ``;`` (iptux cannot parse ``::``)."""
    return name.replace(":", COLON_REPLACEMENT)


def offer_list(files: Sequence[OfferedFile], encoding: str) -> bytes:
    """The attachment list for ``files``, names in ``encoding`` with ``:`` replaced.

    Raises:
        UnencodableName: a name has a character ``encoding`` lacks.
        InvalidField: no files, an empty name or one with a control character, a number out
            of range, or an encoding that writes ``:``, BEL or NUL bytes into a name.
    """
    codec = text_codec(encoding)
    entries = []
    for file in files:
        name = sendable_name(file.name)
        if not name or any(not c.isprintable() for c in name):
            raise InvalidField(
                "file name",
                f"{file.name!r} is empty or has a control character",
                sentence(
                    QT_TRANSLATE_NOOP(
                        "core", "Cannot offer {name}: its name is empty or has a control character."
                    ),
                    name=repr(file.name),
                ),
            )
        try:
            raw = name.encode(codec)
        except UnicodeEncodeError as error:
            raise UnencodableName(file.name, encoding, name[error.start]) from None
        if any(c in raw for c in (b":", b"\a", b"\0")):
            raise InvalidField("encoding", f"{encoding} writes ':', BEL or NUL bytes in a name")
        attr = FileType.DIR if file.is_folder else FileType.REGULAR
        entries.append(FileOffer(file.file_id, raw, file.size, file.mtime, int(attr)))
    return format_file_offers(entries)


def offered_as_sent(files: Sequence[OfferedFile]) -> tuple[OfferedFile, ...]:
    """``files`` with their names as ``offer_list`` writes them."""
    return tuple(replace(f, name=sendable_name(f.name)) for f in files)


def _offered(entry: FileOffer, encoding: str) -> OfferedFile:
    return OfferedFile(
        file_id=entry.file_id,
        name=decode_text(entry.name, encoding).text,
        size=entry.size,
        mtime=entry.mtime,
        is_folder=_KINDS[FileType(entry.file_type)],
    )
