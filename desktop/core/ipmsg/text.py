"""Reading the extra field for display: message text, FeiQ's font suffix, entry identity.

Reference §1.4 (layouts, UTF-8 lines), §2 (encodings), §2.3 (FeiQ font and images).
Decoding never fails on the peer's bytes: what cannot be decoded is replaced and flagged.
"""

from __future__ import annotations

import codecs
import functools
import re
from dataclasses import dataclass

from desktop.core.ipmsg.constants import Opt
from desktop.core.ipmsg.packet import Packet
from desktop.core.ipmsg.packet_errors import InvalidField
from desktop.core.sentence import QT_TRANSLATE_NOOP, sentence

__all__ = [
    "IMAGE_PLACEHOLDER",
    "DecodedText",
    "EntryInfo",
    "FontInfo",
    "decode_message",
    "decode_text",
    "feiq_image_ids",
    "original_packet_no",
    "parse_entry_extra",
    "strip_feiq_font",
    "text_codec",
]

IMAGE_PLACEHOLDER = "[image]"
_FONT_START = "{/font;"  # FeiQ's suffix: {/font;<13 LOGFONT numbers> <face> <COLORREF>;} §1.4
_LOGFONT_NUMBERS = 13  # lfHeight ... lfPitchAndFamily, as in the reference's example
_IMAGE = re.compile(r"/~#>([0-9A-Fa-f]+)<B~")  # FeiQ's inline image placeholder [FQ-PY] §2.3
_DECIMAL = re.compile(rb"[0-9]{1,10}")


@dataclass(frozen=True, slots=True)
class DecodedText:
    """Text decoded from the wire.

    Attributes:
        text: the text; bytes that could not be decoded appear as U+FFFD.
        replaced: True if some bytes could not be decoded (try another encoding).
    """

    text: str
    replaced: bool = False


@dataclass(frozen=True, slots=True)
class FontInfo:
    """FeiQ's font descriptor: a Windows LOGFONT dump and a colour.

    Attributes:
        raw: everything between ``{/font;`` and ``}``.
        face: the font's face name (may hold spaces), if it could be told apart.
        height: LOGFONT lfHeight (negative: character height in pixels).
        weight: 400 normal, 700 bold.
        italic: lfItalic.
        underline: lfUnderline.
        strikeout: lfStrikeOut.
        charset: lfCharSet (134 = GB2312).
        color: a COLORREF, 0x00BBGGRR.
    """

    raw: str
    face: str | None = None
    height: int | None = None
    weight: int | None = None
    italic: bool = False
    underline: bool = False
    strikeout: bool = False
    charset: int | None = None
    color: int | None = None

    @property
    def rgb(self) -> tuple[int, int, int] | None:
        """The colour as (red, green, blue), or None."""
        if self.color is None:
            return None
        return self.color & 0xFF, (self.color >> 8) & 0xFF, (self.color >> 16) & 0xFF


@dataclass(frozen=True, slots=True)
class EntryInfo:
    """What an entry packet (BR_ENTRY, ANSENTRY, BR_ABSENCE, BR_EXIT) says about its sender.

    Attributes:
        nickname: the nickname; the UTF-8 ``NN:`` line wins over the legacy field.
        group: the group name; the UTF-8 ``GN:`` line wins over the legacy field.
        user_name: the ``UN:`` line (login name in UTF-8), if any.
        host_name: the ``HN:`` line (host name in UTF-8), if any.
        version_info: the ``VS:`` line of IPMsg 4.x, e.g. ``00010002:4:99:103``, if any.
        icon: iptux's third field, its icon file name, if any.
        encoding: iptux's fourth field, the encoding it wants (a "compatible" peer), if any.
        replaced: True if some bytes could not be decoded.
    """

    nickname: str
    group: str
    user_name: str | None = None
    host_name: str | None = None
    version_info: str | None = None
    icon: str | None = None
    encoding: str | None = None
    replaced: bool = False


def decode_text(data: bytes, encoding: str) -> DecodedText:
    """Decode wire bytes, replacing what cannot be decoded.

    Raises:
        InvalidField: ``encoding`` is not a text encoding Python knows (our mistake, not the
            peer's).
    """
    name = text_codec(encoding)
    try:
        return DecodedText(data.decode(name))
    except UnicodeDecodeError:
        return DecodedText(data.decode(name, "replace"), replaced=True)


def decode_message(packet: Packet, encoding: str) -> DecodedText:
    """The body of a SENDMSG (or SENDINFO/SENDABSENCEINFO): the extra up to its first NUL.

    What follows the NUL (attachments, a recipient list) is not text. CRLF from non-conforming
    senders becomes LF, the protocol's line end (§1.1).
    """
    decoded = decode_text(packet.extra.partition(b"\0")[0], encoding)
    return DecodedText(decoded.text.replace("\r\n", "\n"), decoded.replaced)


def strip_feiq_font(text: str) -> tuple[str, FontInfo | None]:
    """Remove FeiQ's trailing ``{/font;...}`` and show its image placeholders readably.

    Only a ``{/font;`` block that ends the text is removed, so text of the user's own that ends
    in braces stays. Each ``/~#>id<B~`` placeholder becomes ``[image]``.

    Returns:
        The text, and the font descriptor if there was one.
    """
    font = None
    start = text.rfind(_FONT_START)
    if start >= 0 and text.endswith("}") and "}" not in text[start:-1]:
        font = _parse_font(text[start + len(_FONT_START) : -1])
        text = text[:start]
    return _IMAGE.sub(IMAGE_PLACEHOLDER, text), font


def feiq_image_ids(text: str) -> list[str]:
    """The ids of FeiQ's inline images (``/~#>id<B~``), in order (§2.3)."""
    return _IMAGE.findall(text)


def parse_entry_extra(packet: Packet, encoding: str) -> EntryInfo:
    """Read ``nick\\0group\\0...`` of an entry packet (§1.4).

    With CAPUTF8OPT (or UTF8OPT) a third field starting with LF holds UTF-8 lines ``UN:``,
    ``HN:``, ``NN:``, ``GN:``, ``VS:``; they win over the legacy fields. Otherwise a third and
    fourth field are iptux's icon and encoding. Missing fields are empty, never an error.
    """
    fields = packet.extra.split(b"\0", 4)
    nick = decode_text(fields[0], encoding)
    group = decode_text(fields[1] if len(fields) > 1 else b"", encoding)
    third = fields[2] if len(fields) > 2 else b""
    fourth = fields[3] if len(fields) > 3 else b""
    lines: dict[str, str] = {}
    replaced = nick.replaced or group.replaced
    icon = None
    if third.startswith(b"\n") and packet.options & (Opt.CAPUTF8OPT | Opt.UTF8OPT):
        decoded = decode_text(third, "utf-8")
        replaced = replaced or decoded.replaced
        for line in decoded.text.split("\n"):
            key, sep, value = line.partition(":")
            if sep:
                lines.setdefault(key, value)
    elif third and not third.startswith(b"\n"):
        decoded_icon = decode_text(third, encoding)
        icon, replaced = decoded_icon.text, replaced or decoded_icon.replaced
    return EntryInfo(
        nickname=lines.get("NN", nick.text),
        group=lines.get("GN", group.text),
        user_name=lines.get("UN"),
        host_name=lines.get("HN"),
        version_info=lines.get("VS"),
        icon=icon,
        encoding=fourth.decode("ascii", "replace") if fourth else None,
        replaced=replaced,
    )


def original_packet_no(packet: Packet) -> int | None:
    """The packet number a RECVMSG/READMSG/ANSREADMSG/RELEASEFILES refers to (decimal, §1.4).

    Returns:
        The number, or None if the extra does not start with one.
    """
    number = packet.extra.partition(b"\0")[0].strip()
    return int(number) if _DECIMAL.fullmatch(number) else None


@functools.lru_cache(maxsize=32)
def text_codec(encoding: str) -> str:
    """Python's name for ``encoding`` if it is a text encoding that decodes with replacement.

    Raises:
        InvalidField: it is unknown, bytes-to-bytes (``hex``), or strict-only (``idna``).
    """
    try:
        name = codecs.lookup(encoding).name
        "".encode(name)  # bytes-to-bytes codecs raise LookupError
        b"\xff\xfe\x80".decode(name, "replace")  # strict-only codecs raise UnicodeError
    except (LookupError, UnicodeError):
        said = sentence(
            QT_TRANSLATE_NOOP(
                "core",
                "Cannot send the IP Messenger packet: the encoding {name} is not a text encoding.",
            ),
            name=repr(encoding),
        )
        raise InvalidField("encoding", f"{encoding!r} is not a text encoding", said) from None
    return name


def _parse_font(raw: str) -> FontInfo:
    tokens = raw.strip().rstrip(";").split()
    numbers: list[int] = []
    for token in tokens:
        value = _int(token)
        if value is None:
            break
        numbers.append(value)
    rest = tokens[len(numbers) :]
    color = _int(rest[-1]) if rest else None
    face = " ".join(rest[:-1] if color is not None else rest) or None
    if len(numbers) != _LOGFONT_NUMBERS:
        return FontInfo(raw=raw, face=face, color=color)
    return FontInfo(
        raw=raw,
        face=face,
        height=numbers[0],
        weight=numbers[4],
        italic=numbers[5] != 0,
        underline=numbers[6] != 0,
        strikeout=numbers[7] != 0,
        charset=numbers[8],
        color=color,
    )


def _int(token: str) -> int | None:
    digits = token.removeprefix("-")
    if not (digits.isascii() and digits.isdigit()) or len(digits) > 10:
        return None
    return int(token)
