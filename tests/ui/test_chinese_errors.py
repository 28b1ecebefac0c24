"""In the Chinese interface, errors read in Chinese: real error paths, the text the user sees.

One table row per path: a function drives a real failure through the widget that shows it and
returns the shown text plus the facts allowed to stay as they are (addresses, paths, program
names, what the user typed). After the facts are removed, no run of three or more ASCII letters
may remain (acronyms such as UDP aside): that would be an English word. Add a row for each new
error path (refused, timeout, unknown host, TLS failures and a peer not reading go through the
shared connect and TLS path: their rows belong with it).
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.core.codec import InputFormat
from desktop.core.errors import SaveError, StoreError
from desktop.core.files import open_atomic
from desktop.core.ipmsg.identity import Identity
from desktop.core.ipmsg.messenger_errors import PortInUse
from desktop.core.ipmsg.node_settings import NodeSettings
from desktop.core.store.database import open_database
from desktop.core.store.saved_messages import SavedMessageStore
from desktop.ui.http.composer_panel import ComposerPanel
from desktop.ui.sentences import say
from desktop.ui.widgets.send_box import SendBox
from desktop.workers.http_bridge import HttpBridge
from desktop.workers.loop_thread import EventLoopThread
from desktop.workers.messenger_bridge import MessengerBridge
from desktop.workers.task_runner import TaskRunner
from tests.helpers.servers import closed_port
from tests.helpers.strict import require

# Three or more ASCII letters, not all capitals (TCP, UDP, PEM are names, not English).
_ENGLISH_WORD = re.compile(r"(?<![A-Za-z])(?=[A-Za-z]*[a-z])[A-Za-z]{3,}(?![A-Za-z])")


@dataclass
class Shown:
    """What a user saw, and the facts in it that are not words of ours."""

    text: str
    facts: tuple[str, ...] = ()


@dataclass
class Env:
    """What a row may use: the Qt bot, the I/O thread, a temporary folder."""

    qtbot: QtBot
    io: EventLoopThread
    tmp: Path
    runner: TaskRunner


def _composer(env: Env) -> tuple[ComposerPanel, HttpBridge]:
    bridge = HttpBridge(env.io)
    panel = ComposerPanel(bridge, env.runner)
    env.qtbot.addWidget(panel)
    panel.show()
    return panel, bridge


def _http_send(env: Env, port: int, read_timeout: float | None = None) -> Shown:
    panel, bridge = _composer(env)
    try:
        if read_timeout is not None:
            panel.target_bar.read_timeout.setValue(read_timeout)
        panel.target_bar.set_endpoint("127.0.0.1", port, False)
        panel.editor.set_text("GET / HTTP/1.1\nHost: x\n\n")
        panel.send_button.click()
        env.qtbot.waitUntil(lambda: not panel.busy, timeout=10_000)
        return Shown(panel.banner.text(), (f"127.0.0.1:{port}",))
    finally:
        bridge.close()


def refused_connect(env: Env) -> Shown:
    return _http_send(env, closed_port())


def read_timeout(env: Env) -> Shown:
    """A server that accepts and never answers: the read timeout."""
    with socket.create_server(("127.0.0.1", 0)) as server:
        port = server.getsockname()[1]
        accepted: list[socket.socket] = []
        thread = threading.Thread(target=lambda: accepted.append(server.accept()[0]), daemon=True)
        thread.start()
        try:
            return _http_send(env, port, read_timeout=0.3)
        finally:
            thread.join(5)
            for connection in accepted:
                connection.close()


def invalid_hex(env: Env) -> Shown:
    box = SendBox()
    env.qtbot.addWidget(box)
    box.format_combo.setCurrentIndex(box.format_combo.findData(InputFormat.HEX))
    box.editor.setPlainText("48 6g")
    box.send_button.click()
    return Shown(box.error_label.text(), ("'g'",))


def not_a_saved_messages_file(env: Env) -> Shown:
    """Importing JSON that is not ours: a store error."""
    foreign = env.tmp / "messages.json"
    foreign.write_text('{"something": "else"}', "utf-8")
    conn = open_database(env.tmp / "store.sqlite3")
    try:
        with pytest.raises(StoreError) as caught:
            SavedMessageStore(conn).import_json(foreign)
    finally:
        conn.close()
    return Shown(say(caught.value), (str(foreign), "SocketDesk"))


def disk_full(env: Env) -> Shown:
    """Saving a response body on a full disk (a 64 KiB tmpfs)."""
    require(os.geteuid() == 0, "mounting a tmpfs needs root")
    mount = env.tmp / "tiny"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
        check=False,
    )
    require(done.returncode == 0, f"could not mount a tmpfs: {done.stderr.strip()}")
    try:
        target = mount / "body.bin"
        with pytest.raises(SaveError) as caught, open_atomic(target) as stream:
            stream.write(b"\0" * (1 << 20))
        return Shown(say(caught.value), (str(target),))
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def messenger_port_in_use(env: Env) -> Shown:
    """Starting the messenger on a UDP port another socket holds: the panel's error."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as taken:
        taken.bind(("127.0.0.1", 0))
        port = taken.getsockname()[1]
        bridge = MessengerBridge(env.io)
        with env.qtbot.waitSignal(bridge.start_failed, timeout=10_000) as blocker:
            bridge.start(
                Identity("amin", "PC-A"),
                NodeSettings(port=port, targets=(("127.0.0.1", port),)),
                bind="127.0.0.1",
            )
        error = blocker.args[0]
        assert isinstance(error, PortInUse)
        owner = error.owner or ""
        return Shown(say(error), ("127.0.0.1", owner))


CASES: dict[str, Callable[[Env], Shown]] = {
    "refused connect": refused_connect,
    "read timeout": read_timeout,
    "invalid hex": invalid_hex,
    "disk full": disk_full,
    "not a saved-message file": not_a_saved_messages_file,
    "messenger port in use": messenger_port_in_use,
}


@pytest.mark.parametrize("case", list(CASES))
def test_the_error_reads_in_chinese(  # type: ignore[no-untyped-def]  # noqa: PLR0917 (fixtures)
    case: str, qtbot: QtBot, io: EventLoopThread, tmp_path: Path, runner: TaskRunner, chinese
) -> None:
    shown = CASES[case](Env(qtbot, io, tmp_path, runner))
    assert shown.text.strip(), "nothing was shown"
    words = shown.text
    for fact in shown.facts:
        words = words.replace(fact, "")
    assert _ENGLISH_WORD.findall(words) == [], shown.text
    assert re.search(r"[\u4e00-\u9fff]", shown.text), shown.text
