"""Wire constants of IP Messenger and of its FeiQ and iptux dialects.

Source keys in brackets are those of ``/work/shared/references/ipmsg-feiq-iptux.md`` §0; section
numbers (§1.2...) are that reference's. Option bits are reused per mode (0x100 is ABSENCEOPT on
entry packets and SENDCHECKOPT on SENDMSG), so each group of options is its own flag class.
"""

from __future__ import annotations

import enum

__all__ = [
    "FEIQ_GROUP_ADDRESS",
    "IPMSG_MAX_DATAGRAM",
    "IPTUX_MAX_DATAGRAM",
    "MAX_DATAGRAM",
    "MAX_SEND_DATAGRAM",
    "MODE_MASK",
    "OPTION_MASK",
    "PACKET_NO_MAX",
    "PORT",
    "UINT32_MAX",
    "Command",
    "CryptoCap",
    "FileAttr",
    "FileExtAttr",
    "FileOpt",
    "FileType",
    "IptuxGroupKind",
    "IptuxOpt",
    "IptuxSublayerOpt",
    "Mode",
    "Opt",
    "Platform",
    "SendOpt",
]

PORT = 2425  # UDP for messages, TCP for file data [IPM-EN §1, IPM-H IPMSG_DEFAULT_PORT 0x0979]
FEIQ_GROUP_ADDRESS = "226.81.9.8"  # FeiQ group chat multicast group, port 2425 [FQ-J, FQ-IFC] §2.4

MODE_MASK = 0x000000FF  # [IPM-H GET_MODE]
OPTION_MASK = 0xFFFFFF00  # [IPM-H GET_OPT]
UINT32_MAX = 0xFFFFFFFF  # the command is an unsigned 32-bit decimal (§1.1); so is iptux's PacketNo
PACKET_NO_MAX = 2**31 - 1  # IPMsg echoes PacketNo with %d, iptux parses it as uint32 (§1.1)

# Cap on what the parser accepts: a UDP payload cannot be longer (length field is 16 bits).
MAX_DATAGRAM = 65535
# Cap on what we format: the largest UDP payload over IPv4 (65,535 - 20 IP - 8 UDP header bytes).
MAX_SEND_DATAGRAM = 65507
IPMSG_MAX_DATAGRAM = 32768  # IPMsg 3.x-4.x receive buffer MAX_UDPBUF [IPM-H/ipmsgdef.h]
IPTUX_MAX_DATAGRAM = 8192  # iptux MAX_UDPLEN; longer messages arrive cut [TUX Const.h; LIVE] §1.1


class Mode(enum.IntEnum):
    """Command modes: the low byte of the command (§1.2)."""

    # [IPM-H] ipmsg.h v4.99r3
    NOOPERATION = 0x00  # sent before BR_ENTRY by IPMsg and FeiQ; ignore it
    BR_ENTRY = 0x01
    BR_EXIT = 0x02
    ANSENTRY = 0x03
    BR_ABSENCE = 0x04  # also named BR_NOTIFY
    BR_ISGETLIST = 0x10
    OKGETLIST = 0x11
    GETLIST = 0x12
    ANSLIST = 0x13
    ANSLIST_DICT = 0x14  # v4+
    BR_ISGETLIST2 = 0x18
    SENDMSG = 0x20
    RECVMSG = 0x21
    READMSG = 0x30
    DELMSG = 0x31
    ANSREADMSG = 0x32
    GETINFO = 0x40
    SENDINFO = 0x41
    GETABSENCEINFO = 0x50
    SENDABSENCEINFO = 0x51
    GETFILEDATA = 0x60  # TCP
    RELEASEFILES = 0x61
    GETDIRFILES = 0x62  # TCP
    DIRFILES_AUTH = 0x63  # v4+
    DIRFILES_AUTHRET = 0x64  # v4+
    GETPUBKEY = 0x72
    ANSPUBKEY = 0x73
    AGENT_REQ = 0xA0  # v4 "member master"
    AGENT_ANSREQ = 0xA1
    AGENT_PACKET = 0xA2
    AGENT_PROXYREQ = 0xA3
    DIR_POLL = 0xB0  # v4 "member master"
    DIR_POLLAGENT = 0xB1
    DIR_BROADCAST = 0xB2
    DIR_ANSBROAD = 0xB3
    DIR_PACKET = 0xB4
    DIR_REQUEST = 0xB5
    DIR_AGENTPACKET = 0xB6
    DIR_EVBROAD = 0xB7
    DIR_AGENTREJECT = 0xB8

    # FeiQ [FQ-CL ipmsg.h, FQ-PY IPMSG.py, FQ-IFC feiq.h] §1.2, §2.3-2.4
    FEIQ_GROUP_MSG = 0x23  # group chat, multicast and Blowfish-encrypted (§2.4)
    FEIQ_CHAT_OPENED = 0x77  # "I opened a chat window with you" (no extra)
    FEIQ_CHAT_OPENED_ANS = 0x78  # FQ-PY's answer to 0x77
    FEIQ_TYPING = 0x79  # no extra; FeiQ also sends one after each message
    FEIQ_TYPING_END = 0x7A  # no extra
    FEIQ_IMAGE_CHUNK = 0xC0  # sent as 0x2000C0 (with FILEATTACHOPT)
    FEIQ_IMAGE_ACK = 0xC1  # extra "id|chunk_no#"
    FEIQ_GROUP_ANNOUNCE = 0xC9  # FQ-IFC, sent as 0x2000C9 (§2.4)
    FEIQ_KNOCK = 0xD1  # window shake; extra "." or empty

    # iptux [TUX ipmsg.h, TUX-DOC] §1.2, §3.4
    IPTUX_SENDMSG = 0xFB  # group / segment / broadcast chat, to "compatible" peers only
    IPTUX_SENDSIGN = 0xFC  # signature
    IPTUX_SENDSUBLAYER = 0xFD  # TCP push of a photo or picture
    IPTUX_SENDICON = 0xFE  # custom icon, data after a NUL
    IPTUX_ASKSHARED = 0xFF  # request the shared-file list


class Opt:
    """Option flags valid on all commands; the "status" flags of entry packets (§1.3).

    Plain ints, not an ``IntFlag``: every received packet tests a dozen of them, and an
    ``IntFlag`` ``&`` costs ~3 µs (a third of a SENDMSG's handling, issue #15).
    """

    # [IPM-H] v4.99 "option for all command"
    ABSENCEOPT = 0x00000100  # away; iptux always sets it on entry packets [TUX; LIVE]
    SERVEROPT = 0x00000200  # reserved
    CAPFILEENC_OBSLT = 0x00001000  # obsolete
    DIALUPOPT = 0x00010000  # not reachable by broadcast: unicast entry/exit/absence to it
    CAPFILEENCOPT = 0x00040000  # encrypted file requests (v4); same bit as SendOpt.NEWMUTIOPT
    FILEATTACHOPT = 0x00200000  # can attach files; on SENDMSG: an attachment list follows
    ENCRYPTOPT = 0x00400000  # can encrypt; on SENDMSG: the body is encrypted (§4)
    UTF8OPT = 0x00800000  # this packet is UTF-8
    CAPUTF8OPT = 0x01000000  # understands UTF-8
    CAPIPDICTOPT = 0x02000000  # v4 IPDict format (formerly UNAMEEXTOPT); do not set
    ENCEXTMSGOPT = 0x04000000  # attachment and recipient lists inside the ciphertext
    CLIPBOARDOPT = 0x08000000  # inline images
    DIR_MASTER = 0x10000000  # member-master server


class SendOpt:
    """Options of SENDMSG; they reuse the low option bits (§1.3). Plain ints, as ``Opt``."""

    # [IPM-H] v4.99 "option for SENDMSG command"; NOPOPUPOPT and NEWMUTIOPT from [FQ-CL ipmsg.h]
    SENDCHECKOPT = 0x00000100  # please ACK with RECVMSG
    SECRETOPT = 0x00000200  # sealed: the receiver sends READMSG when it opens it
    BROADCASTOPT = 0x00000400  # broadcast: no RECVMSG, no auto-reply
    MULTICASTOPT = 0x00000800  # sent to several recipients
    NOPOPUPOPT = 0x00001000  # obsolete; still defined by iptux and FeiQ clones
    AUTORETOPT = 0x00002000  # automatic reply: never auto-reply to it
    RETRYOPT = 0x00004000  # retransmission (with BR_ISGETLIST2)
    PASSWORDOPT = 0x00008000  # "lock": a password is needed to open it
    NOLOGOPT = 0x00020000  # please do not log it
    NEWMUTIOPT = 0x00040000  # obsolete (IPM-H: NEWMULTI_OBSLT)
    NOADDLISTOPT = 0x00080000  # one-shot sender: do not list it nor send it BR_ENTRY
    READCHECKOPT = 0x00100000  # the READMSG is itself to be ACKed with ANSREADMSG
    SECRETEXOPT = 0x00100200  # SECRETOPT | READCHECKOPT


class FileOpt(enum.IntFlag):
    """Options of GETFILEDATA and GETDIRFILES [IPM-H v4.99] (§1.3)."""

    ENCFILE_OBSLT = 0x00000400
    ENCFILEOPT = 0x00000800  # v4


class IptuxOpt(enum.IntFlag):
    """iptux-only options [TUX ipmsg.h/Const.h] (§1.3)."""

    IPTUX_PASSWDOPT = 0x40000000
    IPTUX_SHAREDOPT = 0x80000000  # a SENDMSG carrying the shared-file list (answer to ASKSHARED)


class IptuxSublayerOpt(enum.IntFlag):
    """Options of iptux's 0xFD SENDSUBLAYER [TUX ipmsg.h] (§1.3)."""

    PHOTOPICOPT = 0x00000100
    MSGPICOPT = 0x00000200


class IptuxGroupKind(enum.IntEnum):
    """Option values of iptux's 0xFB SENDMSG [TUX ipmsg.h] (§1.3); 0x300 is a value, not bits."""

    REGULAROPT = 0x00000100
    SEGMENTOPT = 0x00000200
    GROUPOPT = 0x00000300
    BROADCASTOPT = 0x00000400


class Command(enum.IntEnum):
    """Whole command numbers (mode | options) that the reference saw on the wire (§1.3, §2-3)."""

    SENDMSG_CHECK = 0x120  # 288: SENDCHECKOPT | SENDMSG
    IPTUX_RECVMSG = 0x121  # 289: iptux's RECVMSG needlessly adds SENDCHECKOPT [LIVE]
    IPTUX_ENTRY = 0x103  # 259: iptux ANSENTRY/BR_ENTRY, ABSENCEOPT always set [TUX; LIVE]
    IPTUX_DIALUP_ENTRY = 0x10101  # 65793 [TUX]
    IPTUX_BR_EXIT = 0x10002  # 65538 [TUX]
    IPTUX_ATTACH_MSG = 0x200020  # 2097184: files offered without SENDCHECKOPT [LIVE] §3.1
    IPTUX_SHARED_LIST = 0x80200020  # 2149580832 [LIVE] §3.4
    IPTUX_GROUP_BROADCAST = 0x420  # SENDMSG|BROADCASTOPT, iptux group chat to others §3.4
    IPTUX_MSG_PICTURE = 0x2FD  # 765: TCP, SENDSUBLAYER|MSGPICOPT [TUX CoreThread.cpp] §3.4
    FEIQ_BR_ENTRY = 0x600001  # 6291457: FILEATTACHOPT|ENCRYPTOPT|BR_ENTRY, after a NOOPERATION
    FEIQ_ANSENTRY = 0x600003  # 6291459 [FQ-PY GroupRecvHandler] §2.3
    FEIQ_ENCRYPTED_MSG = 0x400120  # 4194592: ENCRYPTOPT|SENDCHECKOPT|SENDMSG §4
    FEIQ_GROUP_MSG = 0x400023  # 4194339: ENCRYPTOPT|0x23 [FQ-J, FQ-IFC] §2.4
    FEIQ_IMAGE_CHUNK = 0x2000C0  # FILEATTACHOPT|0xC0 [FQ-PY BmpSlice] §2.3
    FEIQ_GROUP_ANNOUNCE = 0x2000C9  # FILEATTACHOPT|0xC9 [FQ-IFC] §2.4


class FileType(enum.IntEnum):
    """Low byte of a file's attr in attachment lists and directory streams [IPM-H] (§3.1)."""

    REGULAR = 0x01
    DIR = 0x02
    RETPARENT = 0x03  # "go up" record of a directory stream
    SYMLINK = 0x04
    CDEV = 0x05
    BDEV = 0x06
    FIFO = 0x07
    RESFORK = 0x10  # Mac
    CLIPBOARD = 0x20  # inline image (v3+)


class FileAttr(enum.IntFlag):
    """High bits of a file's attr [IPM-H] (§3.1)."""

    RONLYOPT = 0x00000100
    HIDDENOPT = 0x00001000
    EXHIDDENOPT = 0x00002000  # macOS
    ARCHIVEOPT = 0x00004000
    SYSTEMOPT = 0x00008000


class FileExtAttr(enum.IntEnum):
    """Extended attribute ids, written ``id=value`` in hex [IPM-H, TUX ipmsg.h] (§3.1)."""

    UID = 0x01
    USERNAME = 0x02
    GID = 0x03
    GROUPNAME = 0x04
    CLIPBOARDPOS = 0x08
    PERM = 0x10
    MAJORNO = 0x11
    MINORNO = 0x12
    CTIME = 0x13
    MTIME = 0x14
    ATIME = 0x15
    CREATETIME = 0x16
    CREATOR = 0x20
    FILETYPE = 0x21
    FINDERINFO = 0x22
    ACL = 0x30
    ALIASFNAME = 0x40
    UNICODEFNAME = 0x41  # iptux only


class CryptoCap(enum.IntFlag):
    """Encryption capability bits of GETPUBKEY/ANSPUBKEY [IPM-H v4.99] (§4).

    Older headers [TUX ipmsg.h, FQ-CL ipmsg.h, FQ-PY] define AES_256 = 0x400000 and
    AES_128 = 0x100000: wrong for IPMsg 3.x+, where 0x400000 is IPDICT_CTR.
    """

    RSA_512 = 0x00000001  # obsolete
    RSA_1024 = 0x00000002
    RSA_2048 = 0x00000004
    RSA_4096 = 0x00000008
    RC2_40 = 0x00001000  # obsolete
    RC2_128 = 0x00004000  # obsolete
    RC2_256 = 0x00008000  # obsolete
    BLOWFISH_128 = 0x00020000
    BLOWFISH_256 = 0x00040000  # obsolete
    AES_128 = 0x00080000  # obsolete
    AES_256 = 0x00100000
    IPDICT_CTR = 0x00400000
    PACKETNO_IV = 0x00800000
    ENCODE_BASE64 = 0x01000000
    NOENC_FILEBODY = 0x04000000
    SIGN_MD5 = 0x10000000  # obsolete
    SIGN_SHA1 = 0x20000000
    SIGN_SHA256 = 0x40000000


class Platform(enum.IntEnum):
    """Platform types of IPMsg 4.x's ``VS:<type %08X>:...`` entry line [IPM-SRC version.cpp]."""

    WIN32 = 0x00010001
    WIN64 = 0x00010002
    MAC = 0x00020000
    IOS = 0x00030000
    ANDROID = 0x00040000
