"""The user guide's scenes for ``tools.screenshot``: the app in the state each guide task shows.

Every peer is on the loopback (a local echo server, local UDP sockets, an in-process HTTP or TLS
server), so nothing leaves the machine. ``GUIDE_SCENES`` names every picture the guide may use
(``docs/guide/images/<scene>-<language>.png``); scenes written in ``tools.screenshot`` and
``tools.screenshot_scenes`` are reused under their own names. ``PENDING_SCENES`` are pictures
the guide announces but cannot take yet (the Messenger's file transfer window is being built):
the guide names them in text, never as an image, until a scene of that name exists.
"""

from __future__ import annotations

import socket
import ssl
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from desktop.core.codec.input import InputFormat, LineEnding
from desktop.core.net.certs import generate_self_signed
from tests.helpers.servers import echo_server
from tools.guide_files_scenes import FILES_SCENES

Grab = Callable[[], None]

# Every scene the guide may show, with what its picture holds (the guide's alt text says it too).
GUIDE_SCENES: dict[str, str] = {
    "overview": "the window as it opens: the Workbench with a TCP client session",
    "client": "a TCP client talking to a loopback echo server",
    "send-hex": "hex in the send box, repeated every 500 ms, the log shown as hex",
    "server": "a TCP server in echo mode with three clients",
    "rules-open": "a TCP server answering by three auto-reply rules, the rules shown",
    "relay": "a TCP relay between two clients and an echo server",
    "udp": "a UDP session with four peers in its peer table",
    "udp-subnet": "the subnet send dialog counting the hosts of a range",
    "messenger": "the Messenger with three peers and a conversation",
    "messenger-identity": "the Messenger's identity and network settings unfolded",
    "messenger-files-send": "two files and a folder offered to a peer, waiting to be fetched",
    "messenger-files-receive": "an offer received: names and sizes, the Accept some dialog open",
    "messenger-transfers": "the Transfers window: finished, running and failed transfers",
    "http": "the HTTP composer with a gzip-compressed JSON answer, pretty-printed",
    "http-raw": "the exact bytes a misbehaving server sent, with its anomalies",
    "http-timings": "the timings of an exchange, like curl -w",
    "http-tls": "the certificate chain of a TLS server, verification off",
    "http-history": "a request imported from a curl command, and the history",
}

# Pictures announced by the guide, to be taken once the feature exists (none now).
PENDING_SCENES: dict[str, str] = {}


def overview_scene(app: object, grab: Grab) -> None:
    """The window as a new user first sees it."""
    QTimer.singleShot(600, grab)


def send_hex_scene(app: object, grab: Grab) -> None:
    """A TCP client on a loopback echo server sending hex bytes every 500 ms, log as hex."""
    context = echo_server()
    host, port = context.__enter__()
    window = app.window  # type: ignore[attr-defined]
    window.scene_echo = context  # alive until the grab
    panel = window.workbench.tcp_client
    panel.host_edit.setText(host)
    panel.port_spin.setValue(port)
    box = panel.send_box
    box.set_spec("02 30 31 0d 0a 03", InputFormat.HEX, "utf-8", LineEnding.NONE)
    box.interval_spin.setValue(500)
    box.count_spin.setValue(10)
    log = panel.log
    log.mode_combo.setCurrentIndex(1)  # hex

    QTimer.singleShot(300, panel.toggle_connection)
    QTimer.singleShot(700, box.repeat_button.click)
    QTimer.singleShot(2600, grab)


def rules_open_scene(app: object, grab: Grab) -> None:
    """The ``rules`` scene with the rules table unfolded (a running server folds it away)."""
    from tools.screenshot import rules_scene  # noqa: PLC0415  (tools.screenshot imports us)

    window = app.window  # type: ignore[attr-defined]
    rules_scene(window, None, grab)  # type: ignore[arg-type]
    panel = window.workbench.tabs.currentWidget()
    QTimer.singleShot(1400, lambda: panel.rules.set_expanded(True))


def udp_subnet_scene(app: object, grab: Grab) -> None:
    """A UDP session and its subnet send dialog, a loopback range typed (nothing is sent)."""
    window = app.window  # type: ignore[attr-defined]
    panel = window.workbench.new_udp()
    panel.host_combo.setEditText("127.0.0.1")
    panel.set_target("127.0.0.1", 9000)
    panel.toggle()

    def open_dialog() -> None:
        dialog = panel.network_tools.open_subnet_dialog()
        dialog.targets_edit.setText("127.0.0.1-127.0.0.20")
        dialog.data_edit.setText("DISCOVER")
        geometry = window.frameGeometry()
        dialog.move(geometry.center() - dialog.rect().center())

    QTimer.singleShot(500, open_dialog)
    QTimer.singleShot(1500, grab)


def messenger_identity_scene(app: object, grab: Grab) -> None:
    """The Messenger before it starts: identity and network unfolded, an extra target typed."""
    window = app.window  # type: ignore[attr-defined]
    window.tabs.setCurrentWidget(window.messenger)
    me = window.messenger
    me.identity.toggle.setChecked(True)
    me.nickname.setText("阿明")
    me.group.setText("研发部")
    me.identity.set_interface("127.0.0.1")
    me.targets.setText("127.0.0.2 127.0.0.0/29")
    QTimer.singleShot(800, grab)


def _serve(listener: socket.socket, answer: bytes, wrap: ssl.SSLContext | None = None) -> None:
    """Answer each request on ``listener`` with ``answer`` and close; until the listener closes."""
    while True:
        try:
            conn, _ = listener.accept()
        except OSError:
            return
        try:
            if wrap is not None:
                conn = wrap.wrap_socket(conn, server_side=True)
            with conn:
                request = b""
                while b"\r\n\r\n" not in request:
                    chunk = conn.recv(4096)
                    if not chunk:
                        break
                    request += chunk
                conn.sendall(answer)
        except OSError:
            continue


def _local_server(window: object, answer: bytes, wrap: ssl.SSLContext | None = None) -> int:
    """A loopback server answering ``answer`` to every request; its port."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    window.scene_clients = [listener]  # type: ignore[attr-defined]  # open until the grab
    threading.Thread(target=_serve, args=(listener, answer, wrap), daemon=True).start()
    return int(listener.getsockname()[1])


# A device's web page with the mistakes the raw view names: bare LF line endings, a header
# line without a colon, and more body than Content-Length says.
_SLOPPY = (
    b"HTTP/1.1 200 OK\n"
    b"Server: ipcam-httpd/1.2\n"
    b"Content-Type: text/html; charset=gb2312\n"
    b"X-Debug mode on\n"
    b"Content-Length: 27\n"
    b"\n"
    b"<html><body>OK</body></html>\n<!-- trailing junk -->"
)

_PLAIN = (
    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 27\r\n"
    b"Cache-Control: no-store\r\n\r\n"
    b'{"status":"ok","uptime":42}'
)


def _composer_scene(
    app: object,
    grab: Grab,
    answer: bytes,
    tab: Callable[[Any], QWidget],
    *,
    request: str = "GET /status HTTP/1.1\nHost: device.local\nAccept: */*\n\n",
    wrap: ssl.SSLContext | None = None,
) -> None:
    window = app.window  # type: ignore[attr-defined]
    window.tabs.setCurrentWidget(window.http)
    composer = window.http
    port = _local_server(window, answer, wrap)
    composer.target_bar.set_endpoint("127.0.0.1", port, wrap is not None)
    if wrap is not None:
        composer.verify_check.setChecked(False)
    composer.editor.set_text(request)
    QTimer.singleShot(300, composer.send)

    def show() -> None:
        view = composer.response_view
        view.setCurrentWidget(tab(view))
        QTimer.singleShot(500, grab)

    QTimer.singleShot(1500, show)


def http_raw_scene(app: object, grab: Grab) -> None:
    """The Raw tab of a response with bare LFs, a broken header and extra bytes."""
    _composer_scene(app, grab, _SLOPPY, lambda view: view.raw_view)


def http_timings_scene(app: object, grab: Grab) -> None:
    """The Timings tab after a plain exchange with a loopback server."""
    _composer_scene(app, grab, _PLAIN, lambda view: view.widget(view.indexOf(view.tls_browser) - 1))


def http_tls_scene(app: object, grab: Grab) -> None:
    """The TLS tab: a loopback TLS server's self-signed certificate, verification off."""
    cert, key = generate_self_signed("device.local", ("device.local", "127.0.0.1"))
    folder = Path(tempfile.mkdtemp(prefix="socketdesk-guide-tls-"))
    (folder / "cert.pem").write_bytes(cert)
    (folder / "key.pem").write_bytes(key)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(folder / "cert.pem", folder / "key.pem")
    _composer_scene(app, grab, _PLAIN, lambda view: view.tls_browser, wrap=context)


def http_history_scene(app: object, grab: Grab) -> None:
    """A curl command imported (as from a browser's "Copy as cURL"), sent twice; the history."""
    window = app.window  # type: ignore[attr-defined]
    window.tabs.setCurrentWidget(window.http)
    composer = window.http
    port = _local_server(window, _PLAIN)
    curl = (
        f"curl 'http://127.0.0.1:{port}/api/login' -H 'Content-Type: application/json' "
        '-H \'Accept: application/json\' --data-raw \'{"user":"ming","remember":true}\''
    )
    composer.import_curl(curl)
    composer.side_tabs.setCurrentWidget(composer.history_pane)
    QTimer.singleShot(300, composer.send)
    QTimer.singleShot(1200, composer.send)
    QTimer.singleShot(2400, grab)


# The guide's own scenes, each called with (app, grab) by tools.screenshot.
APP_SCENES: dict[str, Callable[[object, Grab], None]] = {
    "overview": overview_scene,
    "send-hex": send_hex_scene,
    "rules-open": rules_open_scene,
    "udp-subnet": udp_subnet_scene,
    "messenger-identity": messenger_identity_scene,
    "http-raw": http_raw_scene,
    "http-timings": http_timings_scene,
    "http-tls": http_tls_scene,
    "http-history": http_history_scene,
    **FILES_SCENES,
}


def stop_guide_peers(window: object) -> None:
    """Close what a guide scene kept open (echo servers, listeners) before shutdown."""
    context = getattr(window, "scene_echo", None)
    if context is not None:
        context.__exit__(None, None, None)
