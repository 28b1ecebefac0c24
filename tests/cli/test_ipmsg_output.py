"""How ``socketdesk-cli ipmsg`` describes peers: JSON fields a script can rely on."""

from __future__ import annotations

import json

import pytest

from desktop.cli.ipmsg_output import peer_json, table, width
from desktop.core.ipmsg import Identity, format_packet, parse_packet
from desktop.core.ipmsg import messages as m
from desktop.core.ipmsg.roster import peer_from_entry
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
