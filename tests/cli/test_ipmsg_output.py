"""How ``socketdesk-cli ipmsg`` describes peers: JSON fields a script can rely on."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from desktop.cli.ipmsg_output import (
    escape,
    peer_json,
    table,
    transfer_json,
    transfer_line,
    width,
)
from desktop.core.ipmsg import Identity, format_packet, parse_packet
from desktop.core.ipmsg import messages as m
from desktop.core.ipmsg.roster import peer_from_entry
from desktop.core.ipmsg.transfer import Direction, Transfer, TransferState
from desktop.core.sentence import sentence
from tests.core.ipmsg.vectors import vector


@pytest.mark.parametrize(
    ("name", "dialect", "client"),
    [
        ("iptux-ansentry.bin", "iptux", "iptux 0.8.3"),
        ("feiq-br-entry.bin", "feiq", "FeiQ 3.x"),
    ],
)
def test_peer_json_names_the_client_family(name: str, dialect: str, client: str) -> None:
    peer = peer_from_entry(parse_packet(vector(name)), ("198.18.0.8", 2425), "cp936")
    record = peer_json(peer)
    assert (record["dialect"], record["client"]) == (dialect, client)
    assert json.loads(json.dumps(record, ensure_ascii=False)) == record
    assert client in table([peer])


def test_table_aligns_chinese_names_in_terminal_columns() -> None:
    # The table once called a function unicodedata does not have: `ipmsg list` crashed on any
    # peer unless --json was given.
    amin = Identity("amin", "AMIN-PC", "阿明", "研发部")
    chinese = parse_packet(format_packet(m.entry(amin, 1)))
    peers = [
        peer_from_entry(chinese, ("198.18.0.7", 2425), "cp936"),
        peer_from_entry(parse_packet(vector("iptux-ansentry.bin")), ("198.18.0.8", 2425), "cp936"),
    ]
    head, *rows, count = table(peers).splitlines()
    column = width(head[: head.index("ADDRESS")])
    for row, address in zip(rows, ("198.18.0.7", "198.18.0.8"), strict=True):
        at = row.index(address)
        assert width(row[:at]) == column  # 阿明 and 研发部 take two columns a character
    assert rows[0].startswith("阿明  ")
    assert count == "2 users"


def _transfer(**changes: object) -> Transfer:
    base = Transfer(
        transfer_id=7,
        direction=Direction.RECEIVE,
        peer_label="鲍勃 (198.18.0.2:2425)",
        peer_address=("198.18.0.2", 2425),
        packet_no=1234,
        file_id=0,
        name="报告.txt",
        size=300,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "line"),
    [
        (
            {"state": TransferState.DONE, "done": 300, "path": "/in/报告.txt"},
            "received file 报告.txt from 鲍勃 (198.18.0.2:2425): done, 300 bytes, /in/报告.txt",
        ),
        (
            {
                "state": TransferState.FAILED,
                "done": 100,
                "reason": sentence("the sender closed the connection after {done} of {size} bytes",
                                   done=100, size=300),
            },
            "received file 报告.txt from 鲍勃 (198.18.0.2:2425): failed after 100 bytes: the "
            "sender closed the connection after 100 of 300 bytes",
        ),
        (
            {"direction": Direction.SEND, "is_folder": True, "name": "资料\n",
             "state": TransferState.DECLINED,
             "reason": sentence("the receiver declined the offer")},
            "sent folder 资料\\n to 鲍勃 (198.18.0.2:2425): declined: the receiver declined the "
            "offer",
        ),
        (
            {"state": TransferState.RUNNING, "done": 30},
            "received file 报告.txt from 鲍勃 (198.18.0.2:2425): running, 30 bytes of 300",
        ),
    ],
)  # fmt: skip
def test_transfer_lines_say_the_outcome_never_done_when_it_is_not(
    changes: dict[str, object], line: str
) -> None:
    assert transfer_line(_transfer(**changes)) == line


def test_transfer_json_has_the_fields_scripts_read() -> None:
    record = transfer_json(
        _transfer(state=TransferState.CANCELLED, reason=sentence("the transfer was cancelled"))
    )
    assert json.loads(json.dumps(record, ensure_ascii=False)) == record
    assert record == {
        "event": "transfer",
        "id": 7,
        "direction": "receive",
        "state": "cancelled",
        "name": "报告.txt",
        "folder": False,
        "size": 300,
        "bytes": 0,
        "files": 0,
        "path": "",
        "peer": "鲍勃 (198.18.0.2:2425)",
        "address": "198.18.0.2",
        "port": 2425,
        "packet_no": 1234,
        "file_id": 0,
        "reason": "the transfer was cancelled",
    }


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("你好 😀 plain", "你好 😀 plain"),  # nothing to escape: the text as it is
        ("C:\\temp", "C:\\\\temp"),  # printable, but a backslash is still doubled
        ("a\nb\tc\rd", "a\\nb\\tc\\rd"),
        ("bell\a", "bell\\x07"),
    ],
)
def test_escape_keeps_every_line_one_line_and_reversible(text: str, shown: str) -> None:
    assert escape(text) == shown
