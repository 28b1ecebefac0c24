"""The Messenger and HTTP scenes of ``tools.screenshot``: live loopback peers, nothing else.

Messenger: three more nodes in this process (their own bridges, on the window's I/O thread),
bound to 127.0.0.1 and announced to by unicast, so nothing is broadcast. HTTP: a one-shot
loopback server answers the composer's request with gzip-compressed JSON.
"""

from __future__ import annotations

import datetime as _dt
import gzip
import json
import socket
import threading
from collections.abc import Callable

from PySide6.QtCore import QTimer

from desktop.core.ipmsg.events import PeerKey
from desktop.core.ipmsg.node_settings import NodeSettings
from desktop.core.net.tcp_server import ServerMode
from desktop.core.store.chat_history import ChatHistory
from desktop.ui.messenger.messenger_panel import MessengerPanel
from desktop.workers.messenger_bridge import MessengerBridge

PEERS = (("鲍勃", "开发部"), ("Carol", "Sales"), ("山田太郎", "開発"))
QUICK = NodeSettings(entry_answer_delay=0.0)


def messenger_scene(app: object, grab: Callable[[], None]) -> None:
    """The Messenger tab: a conversation over two days, an away peer, a peer who left, unread."""
    window = app.window  # type: ignore[attr-defined]
    window.tabs.setCurrentWidget(window.messenger)
    me: MessengerPanel = window.messenger
    ports: list[int] = []
    peers = [_peer(app, nickname, group) for nickname, group in PEERS]
    window.scene_peers = peers  # type: ignore[attr-defined]  # alive until the grab

    def on_started(address: str) -> None:
        ports.append(int(address.rpartition(":")[2]))
        if len(ports) == len(PEERS) - 1:
            start_me()

    for panel in peers[:-1]:
        panel.bridge.started.connect(on_started)
        panel.start()

    def start_me() -> None:
        me.nickname.setText("阿明")
        me.group.setText("研发部")
        me.identity.set_interface("127.0.0.1")
        me.port.setValue(0)
        me.targets.setText(" ".join(f"127.0.0.1:{port}" for port in ports))
        me.bridge.started.connect(start_taro)
        me.start()
        _when(everyone_listed, talk)

    def everyone_listed() -> bool:
        return me.roster.rowCount() == len(PEERS) and all(p.roster.rowCount() for p in peers)

    def start_taro(address: str) -> None:
        me.bridge.started.disconnect(start_taro)
        peers[-1].targets.setText(address)  # he announces to me, so I hear him sign off
        peers[-1].start()

    def talk() -> None:
        bob, carol, taro = peers
        bob_key = _key_of(me, "鲍勃")
        if bob_key is not None and me.history is not None:
            _yesterday(me.history, str(bob_key), me.conversations.name(bob_key))
        for panel, text in (
            (bob, "早！今晚的发布准备好了吗？🚀"),
            (bob, "测试报告：https://ci.example.test/builds/2026/release-7f3a9c1d2e4b5a6f"),
            (carol, "Could you review the HTTP fix?"),
            (taro, "お先に失礼します。明日また！"),
        ):
            mine = panel.roster.peer_at(0)
            if mine is not None:
                panel.select_peer(mine.key)
                panel.send(text, False)
        carol.presence.set_absence("In a meeting until 3 pm")
        QTimer.singleShot(400, lambda: taro.stop(leave=True))  # signs off: greyed, still listed
        QTimer.singleShot(900, answer)

    def answer() -> None:
        bob_key = _key_of(me, "鲍勃")
        if bob_key is not None:
            me.open_conversation(bob_key)
            me.send("准备好了，测试都通过了。\n八点见！", False)
        QTimer.singleShot(400, lambda: peers[0].send("太好了 👍", False))
        QTimer.singleShot(1000, grab)


def _when(condition: Callable[[], bool], then: Callable[[], None], tries: int = 100) -> None:
    """Call ``then`` once ``condition()`` holds (checked every 100 ms), or after ``tries``."""
    if condition() or tries <= 0:
        then()
    else:
        QTimer.singleShot(100, lambda: _when(condition, then, tries - 1))


def _peer(app: object, nickname: str, group: str) -> MessengerPanel:
    """A peer node of the scene on the window's I/O thread, on 127.0.0.1 (not started)."""
    panel = MessengerPanel(MessengerBridge(app.io), QUICK)  # type: ignore[attr-defined]
    panel.nickname.setText(nickname)
    panel.group.setText(group)
    panel.identity.set_interface("127.0.0.1")
    panel.port.setValue(0)
    return panel


def _key_of(panel: MessengerPanel, nickname: str) -> PeerKey | None:
    for row in range(panel.roster.rowCount()):
        peer = panel.roster.peer_at(row)
        if peer is not None and peer.nickname == nickname:
            return peer.key
    return None


def _yesterday(history: ChatHistory, peer: str, name: str) -> None:
    """Yesterday's part of the conversation with ``peer``, as the history would hold it."""
    day = _dt.datetime.now().replace(hour=17, minute=40, second=0) - _dt.timedelta(days=1)
    lines = (
        ("in", "阿明，明天的发布会你来主持吗？"),
        ("out", "可以，我来准备演示。"),
        ("out", "顺便把 HTTP 面板的截图也更新一下。"),
        ("in", "好的，谢谢！"),
    )
    for n, (direction, text) in enumerate(lines):
        when = day + _dt.timedelta(minutes=3 * n)
        state = "received" if direction == "in" else "delivered"
        history.add(peer, name, direction, text, False, state, int(when.timestamp() * 1e9))


def stop_scene_peers(window: object) -> None:
    """Stop the Messenger scene's extra nodes (before the application shuts down)."""
    for panel in getattr(window, "scene_peers", []):
        panel.stop(leave=False)


def _serve_json_once(listener: socket.socket) -> None:
    body = gzip.compress(
        json.dumps(
            {"service": "socketdesk", "status": "ok", "版本": "0.1.0",
             "checks": [{"name": "tcp", "ms": 0.41}, {"name": "tls", "ms": 2.7}]},
            ensure_ascii=False,
        ).encode()
    )  # fmt: skip
    head = (
        "HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\n"
        f"Content-Encoding: gzip\r\nContent-Length: {len(body)}\r\nX-Request-Id: 7f3a\r\n\r\n"
    )
    conn, _ = listener.accept()
    with conn:
        request = b""
        while b"\r\n\r\n" not in request:
            chunk = conn.recv(4096)
            if not chunk:
                return
            request += chunk
        conn.sendall(head.encode() + body)
        conn.shutdown(socket.SHUT_WR)
        while conn.recv(4096):
            pass
    listener.close()


def http_scene(app: object, grab: Callable[[], None]) -> None:
    """The HTTP tab after a request to a loopback server, its JSON body pretty-printed."""
    window = app.window  # type: ignore[attr-defined]
    window.tabs.setCurrentWidget(window.http)
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    threading.Thread(target=_serve_json_once, args=(listener,), daemon=True).start()
    composer = window.http
    port = int(listener.getsockname()[1])
    composer.target_bar.set_endpoint("127.0.0.1", port, False)
    composer.editor.set_text(
        "GET /api/status?verbose=1 HTTP/1.1\nHost: api.example.test\n"
        "Accept: application/json\nAccept-Encoding: gzip\nUser-Agent: SocketDesk\n\n"
    )
    QTimer.singleShot(300, composer.send)

    def show_pretty() -> None:
        view = composer.response_view
        view.setCurrentWidget(view.pretty_view)
        QTimer.singleShot(500, grab)

    QTimer.singleShot(1200, show_pretty)


def udp_scene(window: object, qapp: object, grab: object) -> None:
    """A UDP session in echo mode with three peers talking to it, the peer table filled."""
    panel = window.workbench.new_udp()  # type: ignore[attr-defined]
    panel.host_combo.setEditText("127.0.0.1")
    panel.mode_combo.setCurrentIndex(panel.mode_combo.findData(ServerMode.ECHO))
    peers: list[socket.socket] = []
    window.scene_clients = peers  # type: ignore[attr-defined]  # open until the grab

    def talk() -> None:
        port = int(panel.local.rsplit(":", 1)[1])
        for text in ("PING", "你好，UDP", "\x01\x02 binary \xff", "status?"):
            sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            sock.bind(("127.0.0.1", 0))
            sock.sendto(text.encode("utf-8", "surrogateescape"), ("127.0.0.1", port))
            peers.append(sock)
        panel.set_target("127.0.0.1", peers[0].getsockname()[1])
        panel.send_text("hello from SocketDesk")

    def select() -> None:
        panel.peer_view.selectRow(1)

    panel.toggle()
    QTimer.singleShot(500, talk)
    QTimer.singleShot(1200, select)
    QTimer.singleShot(1800, grab)  # type: ignore[arg-type]
