"""In the Chinese interface, errors read in Chinese: real error paths, the text the user sees.

One table row per path: a function drives a real failure through the widget that shows it and
returns the shown text plus the facts allowed to stay as they are (addresses, paths, program
names, what the user typed). After the facts are removed, no run of three or more ASCII letters
may remain (acronyms such as UDP aside): that would be an English word. Add a row for each new
error path.

A new row runs against the committed translation: run `make translations` and translate first.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.core.codec import InputFormat, LineEnding
from desktop.core.errors import SaveError, StoreError
from desktop.core.files import open_atomic
from desktop.core.ipmsg.identity import Identity
from desktop.core.ipmsg.messenger_errors import PortInUse
from desktop.core.ipmsg.node_settings import NodeSettings
from desktop.core.net.port_owner import describe_port_owners
from desktop.core.net.tls import TlsClientOptions
from desktop.core.store.database import open_database
from desktop.core.store.saved_messages import SavedMessageStore
from desktop.ui.http.composer_panel import ComposerPanel
from desktop.ui.sentences import say
from desktop.ui.widgets.record_log_model import RecordLogModel
from desktop.ui.widgets.send_box import SendBox
from desktop.ui.workbench.tcp_client_panel import TcpClientPanel
from desktop.ui.workbench.tcp_server_panel import TcpServerPanel
from desktop.workers.http_bridge import HttpBridge
from desktop.workers.loop_thread import EventLoopThread
from desktop.workers.messenger_bridge import MessengerBridge
from desktop.workers.task_runner import TaskRunner
from desktop.workers.tcp_client_bridge import TcpClientBridge
from desktop.workers.tcp_server_bridge import TcpServerBridge
from tests.helpers.servers import closed_port
from tests.helpers.strict import require
from tests.peers.hostile_http import HostileServer, running_hostile
from tests.peers.openssl_server import make_pki, running_s_server

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
    settings: object = None
    kept: list[object] = field(default_factory=list)  # bridges alive until the test ends


def _composer(env: Env) -> tuple[ComposerPanel, HttpBridge]:
    bridge = HttpBridge(env.io)
    panel = ComposerPanel(bridge, env.runner)
    env.qtbot.addWidget(panel)
    panel.show()
    return panel, bridge


def _http_send(
    env: Env,
    port: int,
    read_timeout: float | None = None,
    *,
    host: str = "127.0.0.1",
    tls: bool = False,
    ca_file: Path | None = None,
) -> Shown:
    panel, bridge = _composer(env)
    try:
        if read_timeout is not None:
            panel.target_bar.read_timeout.setValue(read_timeout)
        panel.target_bar.set_endpoint(host, port, tls)
        if ca_file is not None:
            panel.target_bar.ca_edit.setText(str(ca_file))
        panel.editor.set_text("GET / HTTP/1.1\nHost: x\n\n")
        panel.send_button.click()
        env.qtbot.waitUntil(lambda: not panel.busy, timeout=15_000)
        return Shown(panel.banner.text(), (f"{host}:{port}",))
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
        with env.qtbot.waitSignal(bridge.start_failed, timeout=15_000) as blocker:
            bridge.start(
                Identity("amin", "PC-A"),
                NodeSettings(port=port, targets=(("127.0.0.1", port),)),
                bind="127.0.0.1",
            )
        error = blocker.args[0]
        assert isinstance(error, PortInUse)
        owner = error.owner or ""
        return Shown(say(error), ("127.0.0.1", owner))


def _client_panel(env: Env) -> tuple[TcpClientPanel, TcpClientBridge]:
    bridge = TcpClientBridge(env.io)
    env.kept.append(bridge)
    panel = TcpClientPanel(bridge, env.settings, env.runner)
    env.qtbot.addWidget(panel)
    panel.show()
    return panel, bridge


def _client_connect(env: Env, host: str, port: int, tls: TlsClientOptions | None = None) -> Shown:
    """The Workbench TCP client's banner after a failed connect."""
    panel, bridge = _client_panel(env)
    try:
        panel.host_edit.setText(host)
        panel.port_spin.setValue(port)
        if tls is not None:
            panel.tls_options = tls
            panel.tls_check.setChecked(True)
        with env.qtbot.waitSignal(bridge.start_failed, timeout=15_000):
            panel.toggle_connection()
        env.qtbot.waitUntil(lambda: bool(panel.banner.label.text()), timeout=15_000)
        return Shown(panel.banner.label.text(), (f"{host}:{port}",))
    finally:
        bridge.stop()


def client_unknown_host(env: Env) -> Shown:
    return _client_connect(env, "nowhere.invalid", 80)


def composer_unknown_host(env: Env) -> Shown:
    return _http_send(env, 80, host="nowhere.invalid")


_TLS_SERVERS = {  # which certificate the server sends, and whether our CA is trusted
    "expired": ("expired", True),
    "wrong name": ("other_name", True),
    "self-signed": ("self_signed", False),
}


def _tls_failure(env: Env, kind: str, *, composer: bool) -> Shown:
    pki = make_pki(env.tmp / "pki")
    cert_name, trusted = _TLS_SERVERS[kind]
    cert, key = getattr(pki, cert_name), getattr(pki, cert_name + "_key")
    chain = pki.intermediate if trusted else None
    ca_file = pki.root if trusted else None
    with running_s_server(env.tmp, cert, key, chain=chain) as server:
        if composer:
            shown = _http_send(env, server.port, tls=True, ca_file=ca_file)
        else:
            options = TlsClientOptions(ca_file=str(ca_file) if ca_file else None)
            shown = _client_connect(env, server.host, server.port, options)
    # The certificates' subjects and the names they are for are facts.
    subjects = ("CN=SocketDesk Test Intermediate", "localhost", "other.test", "127.0.0.1")
    return Shown(shown.text, (*shown.facts, *subjects))


def _server_panel(env: Env) -> tuple[TcpServerPanel, TcpServerBridge]:
    bridge = TcpServerBridge(env.io, env.tmp)
    env.kept.append(bridge)
    panel = TcpServerPanel(bridge, env.settings, env.runner)
    env.qtbot.addWidget(panel)
    panel.show()
    return panel, bridge


def server_port_in_use(env: Env) -> Shown:
    """Listening on every address on a port another socket holds on every address."""
    with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as taken:
        taken.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
        taken.bind(("::", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        panel, bridge = _server_panel(env)
        try:
            panel.host_edit.setText("")
            panel.port_spin.setValue(port)
            with env.qtbot.waitSignal(bridge.start_failed, timeout=15_000):
                panel.toggle()
            env.qtbot.waitUntil(lambda: bool(panel.banner.label.text()), timeout=15_000)
            owner = describe_port_owners(port, "tcp")  # a program's name is a fact, not English
            assert owner is not None
            return Shown(panel.banner.label.text(), (owner, str(port)))
        finally:
            bridge.stop()


def _log_lines(panel: TcpServerPanel) -> list[str]:
    model = panel.log.model
    return [model.index(r, RecordLogModel.DATA).data() for r in range(model.rowCount())]


def server_listening_line(env: Env) -> Shown:
    """The INFO line a Workbench server writes in its log when it starts."""
    panel, bridge = _server_panel(env)
    try:
        panel.host_edit.setText("127.0.0.1")
        panel.port_spin.setValue(0)
        with env.qtbot.waitSignal(bridge.started, timeout=15_000) as started:
            panel.toggle()
        [address] = started.args[0]
        env.qtbot.waitUntil(
            lambda: any(address in line for line in _log_lines(panel)), timeout=15_000
        )
        [line] = [line for line in _log_lines(panel) if address in line]
        return Shown(line, (address,))
    finally:
        bridge.stop()


def peer_not_reading(env: Env) -> Shown:
    """A Workbench server sends to a client that reads nothing, until the 16 MiB refusal."""
    panel, bridge = _server_panel(env)
    lazy = socket.socket()
    try:
        panel.host_edit.setText("127.0.0.1")
        panel.port_spin.setValue(0)
        with env.qtbot.waitSignal(bridge.started, timeout=15_000):
            panel.toggle()
        port = int(panel.state_label.text().rsplit(":", 1)[1])
        lazy.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 64 * 1024)
        lazy.connect(("127.0.0.1", port))
        env.qtbot.waitUntil(lambda: panel.clients.rowCount() == 1, timeout=15_000)
        panel.send_box.set_spec("x" * 262_144, InputFormat.TEXT, "utf-8", LineEnding.NONE)
        # No waitSignal here: the refusals keep coming from the I/O thread after the first, and a
        # queued call into a blocker gone with this function crashed the run now and then.
        for _ in range(120):  # 30 MiB
            panel.send_box.send_once()
        env.qtbot.waitUntil(lambda: bool(panel.banner.label.text()), timeout=15_000)
        peer = f"127.0.0.1:{lazy.getsockname()[1]}"
        return Shown(panel.banner.label.text(), (peer,))
    finally:
        lazy.close()
        bridge.stop()


# HTTP header names are protocol names: a Chinese sentence keeps them as they are.
_HEADER_NAMES = ("Content-Length", "Cookie")


def _anomalies_shown(env: Env, behaviour: str) -> Shown:
    """The composer's list of anomalies for the hostile server's ``behaviour``."""
    with running_hostile() as server:
        panel, bridge = _composer(env)
        try:
            panel.target_bar.set_endpoint(server.host, server.port, False)
            panel.editor.set_text(HostileServer.request(behaviour).decode())
            panel.send_button.click()
            env.qtbot.waitUntil(lambda: not panel.busy, timeout=15_000)
            items = panel.response_view.anomaly_list
            return Shown(
                "\n".join(items.item(i).text() for i in range(items.count())), _HEADER_NAMES
            )
        finally:
            bridge.close()


def composer_lf_only_response(env: Env) -> Shown:
    return _anomalies_shown(env, "lf_only")


def composer_body_shorter_than_content_length(env: Env) -> Shown:
    return _anomalies_shown(env, "content_length_larger")


def composer_curl_import_error(env: Env) -> Shown:
    """A curl command whose URL Python's parser refuses (brackets never closed)."""
    panel, bridge = _composer(env)
    try:
        assert not panel.import_curl("curl 'http://[::1/'")
        return Shown(panel.banner.text(), ("http://[::1/", "IPv6", "URL"))
    finally:
        bridge.close()


def composer_curl_import_notes(env: Env) -> Shown:
    """Options of a curl command that are ignored: the notes after the import."""
    panel, bridge = _composer(env)
    try:
        assert panel.import_curl("curl --http2 -b cookies.txt http://127.0.0.1/")
        return Shown(panel.banner.text(), ("--http2", "cookies.txt", *_HEADER_NAMES))
    finally:
        bridge.close()


def request_builder_note(env: Env) -> Shown:
    """The note under the request editor when the builder changed the typed request."""
    panel, bridge = _composer(env)
    try:
        panel.editor.set_text("\n\nPOST /form HTTP/1.1\nHost: x\nContent-Length: 9\n\nab")
        env.qtbot.waitUntil(lambda: bool(panel.editor.note_label.text()), timeout=15_000)
        return Shown(panel.editor.note_label.text(), _HEADER_NAMES)
    finally:
        bridge.close()


CASES: dict[str, Callable[[Env], Shown]] = {
    "refused connect": refused_connect,
    "read timeout": read_timeout,
    "invalid hex": invalid_hex,
    "disk full": disk_full,
    "not a saved-message file": not_a_saved_messages_file,
    "messenger port in use": messenger_port_in_use,
    "anomaly: a line ending in LF alone (HTTP composer)": composer_lf_only_response,
    "anomaly: a body shorter than its Content-Length (HTTP composer)": (
        composer_body_shorter_than_content_length
    ),
    "curl import error (HTTP composer)": composer_curl_import_error,
    "curl import notes (HTTP composer)": composer_curl_import_notes,
    "request-builder note (HTTP composer)": request_builder_note,
    "unknown host (Workbench client)": client_unknown_host,
    "unknown host (HTTP composer)": composer_unknown_host,
    "port in use (Workbench server, any address)": server_port_in_use,
    "log line of a Workbench server": server_listening_line,
    "peer not reading (Workbench server)": peer_not_reading,
    **{
        f"TLS {kind} (Workbench client)": lambda env, kind=kind: _tls_failure(
            env, kind, composer=False
        )
        for kind in _TLS_SERVERS
    },
    **{
        f"TLS {kind} (HTTP composer)": lambda env, kind=kind: _tls_failure(env, kind, composer=True)
        for kind in _TLS_SERVERS
    },
}


# -- rows whose sentences await the translation pass ---------------------------------------------


@pytest.mark.parametrize("case", list(CASES))
def test_the_error_reads_in_chinese(  # type: ignore[no-untyped-def]  # noqa: PLR0917 (fixtures)
    case: str,
    qtbot: QtBot,
    io: EventLoopThread,
    tmp_path: Path,
    runner: TaskRunner,
    settings,
    chinese,
) -> None:
    shown = CASES[case](Env(qtbot, io, tmp_path, runner, settings))
    assert shown.text.strip(), "nothing was shown"
    words = shown.text
    for fact in shown.facts:
        words = words.replace(fact, "")
    assert _ENGLISH_WORD.findall(words) == [], shown.text
    assert re.search(r"[\u4e00-\u9fff]", shown.text), shown.text
