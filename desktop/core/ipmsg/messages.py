"""Builders for the packets a node sends, and the rules for answering what it receives.

Sans-IO: every builder returns a ``Packet`` (``format_packet`` makes the bytes); the caller
supplies the packet number (``PacketNumbers``). Reference §1.4 (layouts), §1.5 (ACK rules),
§2 (encodings), §4.5 and §7.5 (never advertise encryption).
"""

from __future__ import annotations

from dataclasses import replace

from desktop.core.ipmsg.constants import Mode, Opt, SendOpt
from desktop.core.ipmsg.dialect import Dialect, max_datagram
from desktop.core.ipmsg.identity import Identity
from desktop.core.ipmsg.packet import Packet, format_packet
from desktop.core.ipmsg.packet_errors import InvalidField
from desktop.core.ipmsg.text import original_packet_no, text_codec
from desktop.core.sentence import QT_TRANSLATE_NOOP, sentence

__all__ = [
    "NOT_ABSENT_TEXT",
    "absence",
    "acknowledgement",
    "ans_read_msg",
    "answer_entry",
    "entry",
    "exit_",
    "may_auto_reply",
    "needs_ack",
    "needs_entry_answer",
    "no_operation",
    "read_msg",
    "recv_msg",
    "release_files",
    "send_absence_info",
    "send_info",
    "send_msg",
]

NOT_ABSENT_TEXT = "Not absence mode"  # SENDABSENCEINFO when not away [IPM-EN §3.6]
_NO_REPLY = SendOpt.BROADCASTOPT | SendOpt.AUTORETOPT  # never ACK nor auto-reply [IPM-EN §3.2]


def no_operation(me: Identity, packet_no: int) -> Packet:
    """NOOPERATION, which IPMsg and FeiQ send just before BR_ENTRY (§1.2)."""
    return _packet(me, packet_no, Mode.NOOPERATION, b"\0")


def entry(
    me: Identity,
    packet_no: int,
    *,
    absent: bool = False,
    dialup: bool = False,
    file_attach: bool = True,
) -> Packet:
    """BR_ENTRY: ``nick\\0group\\0`` in the legacy code page, then UTF-8 ``UN/HN/NN/GN`` lines.

    Flags: CAPUTF8OPT, FILEATTACHOPT (we send and receive files, §3.1), never UTF8OPT (old
    clients would break, §1.4) and never ENCRYPTOPT (IPMsg would wait for a public key
    forever, §4.5).
    """
    return _entry_packet(
        me, packet_no, Mode.BR_ENTRY, _status(absent, dialup, file_attach), for_iptux=True
    )


def answer_entry(
    me: Identity,
    packet_no: int,
    *,
    peer_utf8: bool,
    absent: bool = False,
    dialup: bool = False,
    file_attach: bool = True,
) -> Packet:
    """ANSENTRY, the answer to a BR_ENTRY (§1.4).

    All UTF-8 with UTF8OPT if the peer had CAPUTF8OPT, as IPMsg 4.x answers; otherwise the
    BR_ENTRY form, which FeiQ and iptux read up to the NULs.
    """
    status = _status(absent, dialup, file_attach)
    if not peer_utf8:
        return _entry_packet(me, packet_no, Mode.ANSENTRY, status)
    extra = b"%s\0%s\0" % (_utf8(me.nickname), _utf8(me.group))
    return _packet(me, packet_no, Mode.ANSENTRY | status | Opt.UTF8OPT, extra, utf8=True)


def exit_(me: Identity, packet_no: int, *, dialup: bool = False) -> Packet:
    """BR_EXIT, with the entry packets' extra and CAPUTF8OPT (§1.4)."""
    return _entry_packet(me, packet_no, Mode.BR_EXIT, _status(False, dialup, False), for_iptux=True)


def absence(
    me: Identity,
    packet_no: int,
    *,
    absent: bool,
    dialup: bool = False,
    file_attach: bool = True,
) -> Packet:
    """BR_ABSENCE: the new away state or names; nobody answers it (§1.4)."""
    return _entry_packet(
        me, packet_no, Mode.BR_ABSENCE, _status(absent, dialup, file_attach), for_iptux=True
    )


def send_msg(
    me: Identity,
    packet_no: int,
    *,
    to_dialect: Dialect,
    text: str,
    encoding: str,
    sealed: bool = False,
    peer_utf8: bool = False,
    multicast: bool = False,
    read_check: bool = False,
    auto_reply: bool = False,
    files: bytes = b"",
) -> Packet:
    """SENDMSG with SENDCHECKOPT: ``text\\0``, CRLF sent as LF (§1.1, §1.4).

    UTF8OPT is set only when sending UTF-8 to a peer that announced CAPUTF8OPT; iptux gets
    UTF-8 unflagged (§2). An automatic reply carries AUTORETOPT and no SENDCHECKOPT: receivers
    never ACK it (§1.5), so asking for an ACK would only cause retries.

    Args:
        me: our identity.
        packet_no: the packet number.
        to_dialect: the peer's dialect (bounds the datagram size).
        text: the message.
        encoding: the peer's encoding (``reply_encoding``).
        sealed: SECRETOPT; the peer answers READMSG when it opens the message.
        peer_utf8: the peer's entry packet had CAPUTF8OPT.
        multicast: MULTICASTOPT (one of several recipients).
        read_check: READCHECKOPT, with ``sealed``: we will ACK its READMSG with ANSREADMSG.
        auto_reply: AUTORETOPT (an absence message).
        files: an attachment list (``offer_codec.offer_list``, names in the text's encoding):
            sent after the text's NUL, ending with a NUL, with FILEATTACHOPT (§3.1).

    Raises:
        InvalidField: the text holds NUL or characters ``encoding`` lacks, ``read_check``
            without ``sealed``, or the datagram exceeds what the peer reads.
    """
    if read_check and not sealed:
        raise InvalidField("read check", "only applies to a sealed message")
    options = SendOpt.AUTORETOPT if auto_reply else SendOpt.SENDCHECKOPT
    options |= SendOpt.SECRETOPT if sealed else 0
    options |= SendOpt.READCHECKOPT if read_check else 0
    options |= SendOpt.MULTICASTOPT if multicast else 0
    utf8 = peer_utf8 and to_dialect is not Dialect.IPTUX and text_codec(encoding) == "utf-8"
    packet = _text_packet(me, packet_no, Mode.SENDMSG | options, text, encoding, utf8=utf8)
    if files:
        command = packet.command | Opt.FILEATTACHOPT
        packet = replace(packet, command=int(command), extra=packet.extra + files + b"\0")
    size, limit = len(format_packet(packet)), max_datagram(to_dialect)
    if size > limit:
        reason = f"is too long: {size} bytes, and the peer reads {limit}"
        said = sentence(
            QT_TRANSLATE_NOOP(
                "core",
                "Cannot send the IP Messenger packet: the text is too long: {size} bytes, "
                "and the peer reads {limit}.",
            ),
            size=size,
            limit=limit,
        )
        raise InvalidField("text", reason, said)
    return packet


def recv_msg(me: Identity, packet_no: int, original: int) -> Packet:
    """RECVMSG: the ACK of SENDMSG number ``original`` (§1.4)."""
    return _packet(me, packet_no, Mode.RECVMSG, b"%d\0" % original)


def release_files(me: Identity, packet_no: int, original: int) -> Packet:
    """RELEASEFILES: we will not fetch (any more of) offer ``original`` (§3.1, §1.4)."""
    return _packet(me, packet_no, Mode.RELEASEFILES, b"%d\0" % original)


def read_msg(me: Identity, packet_no: int, original: int, *, read_check: bool = False) -> Packet:
    """READMSG: sealed message ``original`` was opened; with READCHECKOPT if it had it."""
    command = Mode.READMSG | (SendOpt.READCHECKOPT if read_check else 0)
    return _packet(me, packet_no, command, b"%d\0" % original)


def ans_read_msg(me: Identity, packet_no: int, original: int) -> Packet:
    """ANSREADMSG: the ACK of a READMSG|READCHECKOPT about message ``original`` (§1.3)."""
    return _packet(me, packet_no, Mode.ANSREADMSG, b"%d\0" % original)


def send_info(
    me: Identity, packet_no: int, text: str, *, encoding: str, peer_utf8: bool = False
) -> Packet:
    """SENDINFO, the answer to GETINFO: our version text (§1.4)."""
    utf8 = peer_utf8 and text_codec(encoding) == "utf-8"
    return _text_packet(me, packet_no, Mode.SENDINFO, text, encoding, utf8=utf8)


def send_absence_info(
    me: Identity,
    packet_no: int,
    text: str = NOT_ABSENT_TEXT,
    *,
    encoding: str,
    peer_utf8: bool = False,
) -> Packet:
    """SENDABSENCEINFO, the answer to GETABSENCEINFO: the away text, or "Not absence mode"."""
    utf8 = peer_utf8 and text_codec(encoding) == "utf-8"
    return _text_packet(me, packet_no, Mode.SENDABSENCEINFO, text, encoding, utf8=utf8)


def needs_ack(packet: Packet) -> bool:
    """Whether ``packet`` asks for an ACK (§1.3, §1.5).

    A SENDMSG with SENDCHECKOPT gets RECVMSG, duplicates too, unless it is a broadcast or an
    automatic reply; a READMSG with READCHECKOPT gets ANSREADMSG.
    """
    if packet.mode == Mode.SENDMSG:
        return bool(packet.options & SendOpt.SENDCHECKOPT) and not packet.options & _NO_REPLY
    if packet.mode == Mode.READMSG:
        return (
            bool(packet.options & SendOpt.READCHECKOPT) and original_packet_no(packet) is not None
        )
    return False


def acknowledgement(me: Identity, packet_no: int, packet: Packet) -> Packet | None:
    """The ACK ``packet`` asks for (RECVMSG or ANSREADMSG), or None (see ``needs_ack``)."""
    if not needs_ack(packet):
        return None
    if packet.mode == Mode.SENDMSG:
        return recv_msg(me, packet_no, packet.packet_no)
    original = original_packet_no(packet)
    return None if original is None else ans_read_msg(me, packet_no, original)


def may_auto_reply(packet: Packet) -> bool:
    """Whether an absence auto-reply to ``packet`` is allowed (§1.5).

    Only to a SENDMSG that is neither a broadcast nor itself an automatic reply.
    """
    return packet.mode == Mode.SENDMSG and not packet.options & _NO_REPLY


def needs_entry_answer(packet: Packet) -> bool:
    """Whether ``packet`` is a BR_ENTRY, to answer with ANSENTRY; BR_ABSENCE is not (§1.4)."""
    return packet.mode == Mode.BR_ENTRY


def _status(absent: bool, dialup: bool, file_attach: bool) -> int:
    status = Opt.CAPUTF8OPT
    status |= Opt.ABSENCEOPT if absent else 0
    status |= Opt.DIALUPOPT if dialup else 0
    status |= Opt.FILEATTACHOPT if file_attach else 0
    return int(status)


def _entry_packet(
    me: Identity, packet_no: int, mode: Mode, status: int, *, for_iptux: bool = False
) -> Packet:
    """``nick\\0group\\0`` in the legacy code page, the UTF-8 lines, for a broadcast iptux's field.

    A broadcast reaches iptux too, which reads the whole datagram as UTF-8, else as GB18030
    (its ``candidacy_encode``), and then its fields ``nick\\0group\\0icon\\0encoding``
    (§1.4, §2.2). So ``for_iptux`` packets (BR_ENTRY, BR_ABSENCE, BR_EXIT) end with the
    encoding field ``utf-8``, the encoding we send iptux in: without it iptux decodes our UTF-8
    messages as GB18030. And when GBK names beside UTF-8 lines make the datagram neither valid
    UTF-8 nor valid GB18030, the lines the legacy fields already carry exactly are left out, so
    that iptux reads our names instead of "mysterious". One gap is left: iptux reads a
    BR_ABSENCE that has the encoding field without decoding it, so GBK names show garbled there
    until our next entry (seen against libiptux-core); without the field it would take us for
    GB18030 instead and garble our messages, which is worse.
    """
    legacy = me.legacy_encoding
    names = b"%s\0%s\0" % (
        me.nickname.encode(legacy, "replace"),
        me.group.encode(legacy, "replace"),
    )
    header = b"%s:%s:" % (me.user.encode(legacy, "replace"), me.host.encode(legacy, "replace"))
    lines = [
        (k, v)
        for k, v in (("UN", me.user), ("HN", me.host), ("NN", me.nickname), ("GN", me.group))
        if v
    ]
    extra = names + _lines(lines) + b"\0"
    if for_iptux and not _iptux_reads_names(header, extra, me):
        kept = [(k, v) for k, v in lines if v.isascii() or not _lossless(v, legacy)]
        if _iptux_reads_names(header, names + _lines(kept) + b"\0", me):
            extra = names + _lines(kept) + b"\0"
    if for_iptux:
        extra += b"utf-8\0"
    return _packet(me, packet_no, mode | status, extra)


def _lines(lines: list[tuple[str, str]]) -> bytes:
    return b"".join(b"\n%s:%s" % (k.encode(), _utf8(v)) for k, v in lines)


def _lossless(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def _iptux_reads_names(header: bytes, extra: bytes, me: Identity) -> bool:
    """Whether iptux 0.8.3 decodes our legacy name fields from a datagram [TUX UdpData.cpp].

    It takes the whole datagram (NULs made 0x02) as UTF-8 if valid, else as the first of
    ``gb18030,utf-16`` that decodes it, then splits the extra into fields at the NULs. Both
    encodings keep ASCII ``:`` whole, so the extra decodes alone as it does in the datagram.
    """
    for encoding in ("utf-8", "gb18030"):
        try:
            (header + extra.replace(b"\0", b"\x02")).decode(encoding)
        except UnicodeDecodeError:
            continue
        fields = extra.decode(encoding).split("\0")
        legacy = me.legacy_encoding  # names it lacks read as "?" anyway: the lines keep them
        expected = [n.encode(legacy, "replace").decode(legacy) for n in (me.nickname, me.group)]
        return fields[:2] == expected
    return False


def _text_packet(
    me: Identity, packet_no: int, command: int, text: str, encoding: str, *, utf8: bool
) -> Packet:
    text = text.replace("\r\n", "\n")
    if "\0" in text:
        raise InvalidField(
            "text",
            "contains a NUL character, which would end it early",
            sentence(
                QT_TRANSLATE_NOOP(
                    "core",
                    "Cannot send the IP Messenger packet: the text contains a NUL character, "
                    "which would end it early.",
                )
            ),
        )
    try:
        body = text.encode("utf-8" if utf8 else text_codec(encoding))
    except UnicodeEncodeError as error:
        bad = error.object[error.start : error.end]
        said = sentence(
            QT_TRANSLATE_NOOP(
                "core",
                "Cannot send the IP Messenger packet: the text has {char}, "
                "which {encoding} cannot encode.",
            ),
            char=repr(bad),
            encoding=encoding,
        )
        raise InvalidField("text", f"has {bad!r}, which {encoding} cannot encode", said) from None
    if b"\0" in body:
        said = sentence(
            QT_TRANSLATE_NOOP(
                "core",
                "Cannot send the IP Messenger packet: the encoding {encoding} writes NUL bytes, "
                "which end the text.",
            ),
            encoding=encoding,
        )
        raise InvalidField("encoding", f"{encoding} writes NUL bytes, which end the text", said)
    if utf8:
        command |= Opt.UTF8OPT | Opt.CAPUTF8OPT
    return _packet(me, packet_no, command, body + b"\0", utf8=utf8)


def _packet(me: Identity, packet_no: int, command: int, extra: bytes, utf8: bool = False) -> Packet:
    """A packet from us; names in UTF-8 if the packet has UTF8OPT, else in the legacy code page."""
    names = "utf-8" if utf8 else me.legacy_encoding
    return Packet(
        version=me.version,
        packet_no=packet_no,
        user=me.user.encode(names, "replace"),
        host=me.host.encode(names, "replace"),
        command=int(command),
        extra=extra,
    )


def _utf8(name: str) -> bytes:
    return name.encode("utf-8", "replace")
