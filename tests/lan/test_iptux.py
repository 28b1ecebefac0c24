"""Real iptux peers on a test LAN: the GTK program (headless, Xvfb) and iptux's core library.

iptux runs in one namespace with ``debug_dont_broadcast`` and a config written by the fixture;
our node is ``socketdesk-cli ipmsg`` in another. The core peer (``tests/peers/iptux_peer``) is
iptux's own protocol code driven line by line, so iptux *sends* under the test's control.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.strict import require
from tests.lan.netlan import TestLan
from tests.lan.test_messenger_lan import Listener, joined, run_cli
from tests.peers.iptux import Display, iptux_available, running_iptux, virtual_display
from tests.peers.iptux_peer import peer_available, running_peer

pytestmark = pytest.mark.lan

TEXTS = [
    "你好",  # its UTF-8 is valid GB18030 too (浣犲ソ): read right only if iptux takes us as UTF-8
    "你好，iptux！今晚一起吃饭吗？",
    "表情 😀🎉👍 和 emoji",
    "第一行\n第二行\n  第三行（缩进）",
]


@pytest.fixture(scope="session")
def display() -> Iterator[Display]:
    """One Xvfb for the whole session, stopped at its end."""
    ok, reason = iptux_available()
    require(ok, reason)
    with virtual_display() as found:
        yield found


@pytest.fixture
def lan3(make_lan) -> TestLan:  # type: ignore[no-untyped-def]
    return make_lan(3)  # type: ignore[no-any-return]


def _core_peer_needed() -> None:
    ok, reason = peer_available()
    require(ok, reason)


def test_iptux_is_in_our_roster_and_shows_our_chinese_messages_exactly(
    make_lan, display: Display, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    iptux_host, our_host = make_lan(2).hosts
    with running_iptux(iptux_host, display, tmp_path / "iptux", "图克斯", "测试组") as iptux:
        listed = run_cli(
            our_host, "list", "--json", "--wait", "2", "--broadcast", our_host.broadcast
        )
        assert listed.returncode == 0, listed.stderr
        [peer] = [json.loads(line) for line in listed.stdout.splitlines()]
        assert (peer["nickname"], peer["group"], peer["address"], peer["port"]) == (
            "图克斯",
            "测试组",
            iptux_host.address,
            2425,
        )
        assert (peer["dialect"], peer["client"]) == ("iptux", "iptux 0.8.3")
        assert peer["version"].startswith("1_iptux ")
        assert peer["encoding"] == "utf-8"

        # SENDMSG|SENDCHECKOPT; exit 0 only once iptux answered each with RECVMSG.
        sent = run_cli(
            our_host, "send", iptux_host.address, *TEXTS, "--name", "阿明", "--group", "研发部"
        )
        assert (sent.returncode, sent.stderr) == (0, "")
        # The program shows each text exactly, from us by name (its chat log records it).
        shown = iptux.chat_log(holding=len(TEXTS))
        for text in TEXTS:
            assert shown.count(f"[STRING]{text}\n") == 1
        assert shown.count("Recevied-From: Nickname:阿明 ") == len(TEXTS)  # iptux's spelling


def test_iptux_core_sees_us_come_and_go_and_we_show_its_messages_exactly(
    lan3: TestLan, tmp_path: Path
) -> None:
    _core_peer_needed()
    peer_host, our_host, sender_host = lan3.hosts
    # A signature: iptux sends it (0xFC) to peers it takes as iptux-compatible, as it takes us.
    with running_peer(peer_host, tmp_path / "peer", "核心", "内核组", personal_sign="签名") as peer:
        ours = Listener(our_host, "阿明", "--group", "研发部")
        online = peer.wait_for(lambda e: e["event"] == "online" and e["ip"] == our_host.address)
        assert (online["nickname"], online["group"]) == ("阿明", "研发部")
        assert online["encoding"] == "utf-8"
        # Our broadcast reached it; its ANSENTRY put it in our roster.
        iptux = ours.wait_for(joined("核心"))["peer"]
        assert (iptux["address"], iptux["group"], iptux["encoding"]) == (
            peer_host.address,
            "内核组",
            "utf-8",
        )
        assert iptux["client"].startswith("iptux ")

        for text in TEXTS:
            peer.send(our_host.address, text)
            assert peer.wait_for(lambda e: e["event"] == "sent")["delivered"] is True
            shown = ours.wait_for(lambda e, t=text: e["event"] == "message" and e["text"] == t)
            assert shown["peer"]["nickname"] == "核心"

        # Our messages, decoded by iptux's own code, arrive exactly.
        sent = run_cli(sender_host, "send", peer_host.address, *TEXTS, "--name", "鲍勃")
        assert (sent.returncode, sent.stderr) == (0, "")
        received = [
            peer.wait_for(lambda e: e["event"] == "message" and e["ip"] == sender_host.address)
            for _ in TEXTS
        ]
        assert [e["text"] for e in received] == TEXTS

        # iptux asks us directly (SendDetectPacket: BR_ENTRY); our ANSENTRY names us right too.
        def about_us(event: dict[str, Any]) -> bool:
            return event["event"] in ("online", "update") and event["ip"] == our_host.address

        peer.forget(about_us)
        peer.detect(our_host.address)
        again = peer.wait_for(lambda e: e["event"] == "update" and e["ip"] == our_host.address)
        assert (again["nickname"], again["group"], again["encoding"]) == ("阿明", "研发部", "utf-8")

        assert ours.stop() == 0  # BR_EXIT
        peer.wait_for(lambda e: e["event"] == "offline" and e["ip"] == our_host.address)
        events = ours.drain()
        assert [e["text"] for e in events if e["event"] == "message"] == TEXTS  # each once
        assert {e["event"] for e in events} == {"joined", "updated", "message"}  # 0xFC: quietly
        assert peer.quit() == 0
