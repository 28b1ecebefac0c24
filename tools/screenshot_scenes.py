"""The Messenger and HTTP scenes of ``tools.screenshot``: live loopback peers, nothing else.

Messenger: three more nodes in this process (their own bridges, on the window's I/O thread),
bound to 127.0.0.1 and announced to by unicast, so nothing is broadcast. HTTP: a one-shot
loopback server answers the composer's request with gzip-compressed JSON.
"""

from __future__ import annotations

import gzip
import json
import socket
import threading
from collections.abc import Callable

from PySide6.QtCore import QTimer

from desktop.core.ipmsg.node_settings import NodeSettings
from desktop.ui.messenger.messenger_panel import MessengerPanel
from desktop.workers.messenger_bridge import MessengerBridge

PEERS = (("鲍勃", "开发部"), ("Carol", "Sales"), ("山田太郎", "開発"))
QUICK = NodeSettings(entry_answer_delay=0.0)


def messenger_scene(app: object, grab: Callable[[], None]) -> None:
    """The Messenger tab with three peers, a conversation, an away peer and unread messages."""
    window = app.window  # type: ignore[attr-defined]
    window.tabs.setCurrentWidget(window.messenger)
    me: MessengerPanel = window.messenger
    peers: list[MessengerPanel] = []
    ports: list[int] = []
    window.scene_peers = peers  # type: ignore[attr-defined]  # alive until the grab

    def on_started(address: str) -> None:
        ports.append(int(address.rpartition(":")[2]))
        if len(ports) == len(PEERS):
            start_me()

    for nickname, group in PEERS:
        bridge = MessengerBridge(app.io)  # type: ignore[attr-defined]
        panel = MessengerPanel(bridge, QUICK)
        panel.nickname.setText(nickname)
        panel.group.setText(group)
        panel.identity.set_interface("127.0.0.1")
        panel.port.setValue(0)
        bridge.started.connect(on_started)
        peers.append(panel)
        panel.start()

    def start_me() -> None:
        me.nickname.setText("阿明")
        me.group.setText("研发部")
        me.identity.set_interface("127.0.0.1")
        me.port.setValue(0)
        me.targets.setText(" ".join(f"127.0.0.1:{port}" for port in ports))
        me.start()
        QTimer.singleShot(700, talk)

    def talk() -> None:
        bob, carol, _taro = peers
        my_key = bob.roster.peer_at(0).key  # type: ignore[union-attr]
        bob.select_peer(my_key)
        bob.send("阿明，今晚的发布准备好了吗？🚀", False)
        carol.presence.set_absence("In a meeting until 3 pm")
        carol.select_peer(carol.roster.peer_at(0).key)  # type: ignore[union-attr]
        carol.send("Could you review the HTTP fix?", False)
        QTimer.singleShot(500, answer)

    def answer() -> None:
        for row in range(me.roster.rowCount()):
            peer = me.roster.peer_at(row)
            if peer is not None and peer.nickname == "鲍勃":
                me.select_peer(peer.key)
                me.send("准备好了，测试都通过了。\n八点见！", False)
        QTimer.singleShot(700, grab)


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
