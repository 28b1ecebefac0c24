"""The numbers against the reference's worked examples (§1.3) and headers (§1.2, §4)."""

from __future__ import annotations

import pytest

from desktop.core.ipmsg.constants import (
    PORT,
    Command,
    CryptoCap,
    FileType,
    IptuxGroupKind,
    Mode,
    Opt,
    SendOpt,
)


def test_port() -> None:
    assert PORT == 0x0979


@pytest.mark.parametrize(
    ("command", "composed", "decimal"),
    [
        (Command.SENDMSG_CHECK, Mode.SENDMSG | SendOpt.SENDCHECKOPT, 288),
        (Command.IPTUX_RECVMSG, Mode.RECVMSG | SendOpt.SENDCHECKOPT, 289),
        (Command.IPTUX_ENTRY, Mode.ANSENTRY | Opt.ABSENCEOPT, 259),
        (Command.FEIQ_BR_ENTRY, Mode.BR_ENTRY | Opt.FILEATTACHOPT | Opt.ENCRYPTOPT, 6291457),
        (Command.FEIQ_ANSENTRY, Mode.ANSENTRY | Opt.FILEATTACHOPT | Opt.ENCRYPTOPT, 6291459),
        (Command.FEIQ_ENCRYPTED_MSG, Command.SENDMSG_CHECK | Opt.ENCRYPTOPT, 4194592),
        (Command.FEIQ_GROUP_MSG, Mode.FEIQ_GROUP_MSG | Opt.ENCRYPTOPT, 4194339),
        (Command.IPTUX_ATTACH_MSG, Mode.SENDMSG | Opt.FILEATTACHOPT, 2097184),
        (Command.IPTUX_SHARED_LIST, Command.IPTUX_ATTACH_MSG | 0x80000000, 2149580832),
        (Command.IPTUX_DIALUP_ENTRY, Mode.BR_ENTRY | Opt.ABSENCEOPT | Opt.DIALUPOPT, 65793),
        (Command.IPTUX_BR_EXIT, Mode.BR_EXIT | Opt.DIALUPOPT, 65538),
        (Command.IPTUX_GROUP_BROADCAST, Mode.SENDMSG | SendOpt.BROADCASTOPT, 0x420),
        (Command.IPTUX_MSG_PICTURE, Mode.IPTUX_SENDSUBLAYER | 0x200, 765),
        (Command.FEIQ_IMAGE_CHUNK, Mode.FEIQ_IMAGE_CHUNK | Opt.FILEATTACHOPT, 0x2000C0),
    ],
)
def test_worked_examples(command: int, composed: int, decimal: int) -> None:
    assert command == composed == decimal


def test_option_bits_reused_per_mode() -> None:
    assert Opt.ABSENCEOPT == SendOpt.SENDCHECKOPT == 0x100
    assert Opt.CAPFILEENCOPT == SendOpt.NEWMUTIOPT == 0x40000
    assert SendOpt.SECRETEXOPT == SendOpt.SECRETOPT | SendOpt.READCHECKOPT
    assert IptuxGroupKind.GROUPOPT.value == 0x300


def test_modes_are_one_byte_and_distinct() -> None:
    values = [m.value for m in Mode]
    assert len(values) == len(set(values))
    assert all(0 <= v <= 0xFF for v in values)
    assert Mode.FEIQ_KNOCK.value == 209
    assert Mode.FEIQ_TYPING.value == 0x79


def test_crypto_bits_are_ipmsg_3s_not_the_old_headers() -> None:
    assert CryptoCap.AES_256.value == 0x100000
    assert CryptoCap.IPDICT_CTR.value == 0x400000
    assert CryptoCap.RSA_1024 | CryptoCap.BLOWFISH_128 == 0x20002  # FeiQ's suite "20002"


def test_file_types() -> None:
    assert (FileType.REGULAR, FileType.DIR, FileType.RETPARENT) == (1, 2, 3)
