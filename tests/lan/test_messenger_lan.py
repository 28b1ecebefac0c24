"""``socketdesk-cli ipmsg`` as real processes on a test LAN of namespaces (198.18.x.x, UDP 2425).

Every host runs the CLI inside its own namespace; broadcasts go to the LAN's broadcast address
only, given explicitly, and never leave the bridge.
"""

from __future__ import annotations

import json
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import pytest

from tests.cli import ipmsg_peers
from tests.helpers.strict import require
from tests.lan.netlan import ROOT, LanHost, TestLan

pytestmark = pytest.mark.lan

ENV = {**os.environ, "PYTHONIOENCODING": "utf-8"}
CLI = [sys.executable, "-m", "desktop.cli", "ipmsg"]


class Listener(ipmsg_peers.Listener):
    """``ipmsg listen --json`` running as a host (``tests/cli/ipmsg_peers.Listener`` started
    inside its namespace); its events arrive as dicts."""

    def __init__(self, host: LanHost, nickname: str, *extra: str) -> None:
        self.host = host
        super().__init__(
            "--name", nickname, "--broadcast", host.broadcast, *extra, popen=host.popen
        )

    def drain(self, quiet: float = 0.5) -> list[dict[str, Any]]:
        """Every event so far, once no new one came for ``quiet`` seconds."""
        while True:
            try:
                self.seen.append(self.events.get(timeout=quiet))
            except queue.Empty:
                return self.seen

    def stop(self) -> int:  # type: ignore[override]  # the exit status, for the tests here
        """SIGTERM, as a service manager stops it; returns the exit status."""
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(15)


def joined(nickname: str) -> Callable[[dict[str, Any]], bool]:
    return lambda e: e["event"] == "joined" and e["peer"]["nickname"] == nickname


def run_cli(host: LanHost, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return host.run(  # type: ignore[no-any-return]
        [*CLI, *args], cwd=ROOT, env=ENV, text=True, encoding="utf-8", timeout=timeout
    )


def test_presence_chinese_messages_and_exit_between_three_hosts(make_lan) -> None:  # type: ignore[no-untyped-def]
    lan: TestLan = make_lan(3)
    h1, h2, h3 = lan.hosts
    amin = Listener(h1, "阿明", "--group", "研发部")
    bob = Listener(h2, "鲍勃", "--bind", h2.address)  # a specific address hears broadcasts too
    assert amin.wait_for(joined("鲍勃"))["peer"]["address"] == h2.address
    assert bob.wait_for(joined("阿明"))["peer"]["group"] == "研发部"

    listed = run_cli(h3, "list", "--json", "--wait", "2", "--broadcast", h3.broadcast)
    assert listed.returncode == 0, listed.stderr
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert [(r["nickname"], r["address"], r["port"]) for r in rows] == [
        ("阿明", h1.address, 2425),
        ("鲍勃", h2.address, 2425),
    ]
    assert {r["client"] for r in rows} == {"IP Messenger"}

    by_name = run_cli(
        h3, "send", "鲍勃", "你好，鲍勃！今晚一起吃饭吗？", "--name", "Carol",
        "--broadcast", h3.broadcast,
    )  # fmt: skip
    assert (by_name.returncode, by_name.stderr) == (0, "")
    message = bob.wait_for(lambda e: e["event"] == "message")
    assert (message["text"], message["peer"]["nickname"]) == (
        "你好，鲍勃！今晚一起吃饭吗？",
        "Carol",
    )

    by_address = run_cli(h3, "send", h1.address, "第一行\n第二行", "--sealed", "--name", "Carol")
    assert (by_address.returncode, by_address.stderr) == (0, "")
    sealed = amin.wait_for(lambda e: e["event"] == "message")
    assert (sealed["text"], sealed["sealed"]) == ("第一行\n第二行", True)

    assert bob.stop() == 0
    assert bob.stderr[-1] == "socketdesk-cli: signed off"
    left = amin.wait_for(lambda e: e["event"] == "left" and e["peer"]["nickname"] == "鲍勃")
    assert left["peer"]["address"] == h2.address
    assert amin.stop() == 0
    messages = [e for e in amin.drain() if e["event"] == "message"]
    assert len(messages) == 1  # shown once


def test_port_2425_in_use_names_the_program(make_lan) -> None:  # type: ignore[no-untyped-def]
    lan: TestLan = make_lan(1)
    [host] = lan.hosts
    first = Listener(host, "first")
    second = run_cli(host, "listen", "--name", "second", "--broadcast", host.broadcast)
    assert second.returncode == 1
    [line] = second.stderr.splitlines()
    assert line.startswith("socketdesk-cli: UDP port 2425 on 0.0.0.0 is already in use by ")
    assert f"(pid {first.process.pid}); quit it, or choose another port (2426 is free)" in line
    assert first.stop() == 0


def _nft(host: LanHost, *args: str) -> str:
    result = host.run(["nft", *args], text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout  # type: ignore[no-any-return]


def test_messages_over_a_lossy_link_all_arrive_thanks_to_retries(make_lan) -> None:  # type: ignore[no-untyped-def]
    require(shutil.which("nft") is not None, "nftables ('nft') is not installed")
    lan: TestLan = make_lan(2)
    sender, receiver = lan.hosts
    # 30% of the datagrams reaching the receiver's UDP 2425 are dropped (TESTING.md).
    _nft(receiver, "add", "table", "inet", "lossy")
    _nft(receiver, "add", "chain", "inet", "lossy", "in", "{ type filter hook input priority 0; }")
    _nft(
        receiver, "add", "rule", "inet", "lossy", "in", "udp", "dport", "2425",
        "numgen", "random", "mod", "10", "<", "3", "counter", "drop",
    )  # fmt: skip
    listener = Listener(receiver, "收件人")
    texts = [f"消息 {i:02d}：丢包也能送达" for i in range(30)]
    # Ten tries: a message is lost only if all ten are dropped (0.3**10, about 6 in a million).
    sent = run_cli(sender, "send", receiver.address, *texts, "--retries", "10", timeout=120)
    assert (sent.returncode, sent.stderr) == (0, "")
    listener.wait_for(lambda e: e["event"] == "message" and e["text"] == texts[-1])
    received = [e["text"] for e in listener.drain() if e["event"] == "message"]
    assert received == texts  # every one, once, in order
    counter = re.search(r"counter packets (\d+)", _nft(receiver, "list", "table", "inet", "lossy"))
    assert counter is not None and int(counter.group(1)) > 0  # the link did lose datagrams
    assert listener.stop() == 0


def test_away_state_and_message_are_seen_on_the_lan_and_messages_still_arrive(make_lan) -> None:  # type: ignore[no-untyped-def]
    lan: TestLan = make_lan(3)
    h1, h2, h3 = lan.hosts
    away = Listener(h1, "阿明", "--away", "开会中，稍后回复")
    bob = Listener(h2, "鲍勃")
    seen = bob.wait_for(
        lambda e: (
            e["event"] in ("joined", "updated")
            and e["peer"]["nickname"] == "阿明"
            and e["peer"]["status"] == "away: 开会中，稍后回复"
        )
    )
    assert seen["peer"]["absent"] is True
    sent = run_cli(h3, "send", h1.address, "在吗？", "还在吗？", "--name", "Carol")
    assert (sent.returncode, sent.stderr) == (0, "")  # away: still acknowledged
    away.wait_for(lambda e: e["event"] == "message" and e["text"] == "还在吗？")
    assert [e["text"] for e in away.drain() if e["event"] == "message"] == ["在吗？", "还在吗？"]
    assert away.stop() == 0 and bob.stop() == 0
