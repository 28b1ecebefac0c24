"""Screenshot the real main window with live loopback traffic (under Xvfb: `make screenshots`).

Usage: ``python -m tools.screenshot LANGUAGE THEME OUT.png [SCENE]`` with DISPLAY set to an X
server; the window fills the screen (``xvfb-run -s "-screen 0 1024x700x24"`` gives a 1024×700
window). Scenes: ``client`` (the default: the window connects to a loopback echo server and sends
three lines, so the log shows text, Chinese, escapes and binary as a user sees them), ``server``,
``rules`` (a server answering by auto-reply rules), ``relay``, ``udp`` (a UDP session echoing
to a few peers), ``messenger``, ``http`` and ``preferences`` (``preferences1``…``4``: the
dialog on its other pages), and the user guide's scenes (``tools.guide_scenes``).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from desktop.app import Application
from desktop.core.codec import InputFormat
from desktop.core.net.auto_reply import MatchKind
from desktop.core.net.tcp_server import ServerMode
from desktop.settings import Settings
from tests.helpers.servers import closed_port, echo_server
from tools.guide_scenes import APP_SCENES, stop_guide_peers
from tools.screenshot_scenes import http_scene, messenger_scene, stop_scene_peers, udp_scene

LINES = ("GET / HTTP/1.1", "你好，飞秋 héllo\t✓", "\x00\x01binary\xff")


def server_scene(window: object, qapp: QApplication, grab: object) -> None:
    """A TCP server session in echo mode with three clients talking to it."""
    panel = window.workbench.new_server()  # type: ignore[attr-defined]
    panel.host_edit.setText("127.0.0.1")
    panel.port_spin.setValue(0)
    panel.mode_combo.setCurrentIndex(1)  # echo
    clients: list[socket.socket] = []
    window.scene_clients = clients  # type: ignore[attr-defined]  # keep them open until the grab

    def connect_clients() -> None:
        port = int(panel.state_label.text().rsplit(":", 1)[1])
        for text in ("PING\r\n", "你好，服务器\n", "\x01\x02 binary \xff"):
            sock = socket.create_connection(("127.0.0.1", port))
            sock.sendall(text.encode("utf-8", "surrogateescape"))
            clients.append(sock)
        panel.client_view.selectRow(1)

    panel.toggle()
    QTimer.singleShot(500, connect_clients)
    QTimer.singleShot(1800, grab)  # type: ignore[arg-type]


def rules_scene(window: object, qapp: QApplication, grab: object) -> None:
    """A TCP server answering by three auto-reply rules, with two clients talking to it."""
    panel = window.workbench.new_server()  # type: ignore[attr-defined]
    panel.host_edit.setText("127.0.0.1")
    panel.port_spin.setValue(0)
    panel.mode_combo.setCurrentIndex(panel.mode_combo.findData(ServerMode.RULES))
    panel.rules.table.setRowCount(0)
    panel.rules.add_rule(MatchKind.STARTS, "PING", InputFormat.ESCAPED, "PONG\\r\\n")
    panel.rules.add_rule(MatchKind.CONTAINS, "你好", InputFormat.ESCAPED, "您好！\\n")
    panel.rules.add_rule(MatchKind.EXACT, "01 02", InputFormat.HEX, "06")
    clients: list[socket.socket] = []
    window.scene_clients = clients  # type: ignore[attr-defined]

    def connect_clients() -> None:
        port = int(panel.state_label.text().rsplit(":", 1)[1])
        for text in ("PING\r\n", "你好，服务器\n"):
            sock = socket.create_connection(("127.0.0.1", port))
            sock.sendall(text.encode())
            clients.append(sock)

    panel.toggle()
    QTimer.singleShot(500, connect_clients)
    QTimer.singleShot(1800, grab)  # type: ignore[arg-type]


def relay_scene(window: object, qapp: QApplication, grab: object) -> None:
    """A relay in front of a loopback echo server, with two clients going through it."""
    context = echo_server()
    host, port = context.__enter__()
    window.scene_echo = context  # type: ignore[attr-defined]  # alive until the grab
    panel = window.workbench.new_relay()  # type: ignore[attr-defined]
    panel.listen_edit.setText("127.0.0.1")
    panel.listen_spin.setValue(0)
    panel.target_edit.setText(host)
    panel.target_spin.setValue(port)
    clients: list[socket.socket] = []
    window.scene_clients = clients  # type: ignore[attr-defined]

    def connect_clients() -> None:
        listen = int(panel.state_label.text().split(" → ")[0].rsplit(":", 1)[1])
        for text in ("GET / HTTP/1.1\r\n\r\n", "你好，中继\n"):
            sock = socket.create_connection(("127.0.0.1", listen))
            sock.sendall(text.encode())
            clients.append(sock)

    panel.toggle()
    QTimer.singleShot(500, connect_clients)
    QTimer.singleShot(1800, grab)  # type: ignore[arg-type]


def refused_scene(window: object, qapp: QApplication, grab: object) -> None:
    """The TCP client connecting to a loopback port where nothing listens: the refusal shown."""
    panel = window.workbench.tcp_client  # type: ignore[attr-defined]
    panel.host_edit.setText("127.0.0.1")
    panel.port_spin.setValue(closed_port())
    QTimer.singleShot(300, panel.toggle_connection)
    QTimer.singleShot(1500, grab)  # type: ignore[arg-type]


def port_taken_scene(window: object, qapp: QApplication, grab: object) -> None:
    """A TCP server asked to listen on a loopback port this tool holds: 'already in use'."""
    holder = socket.create_server(("127.0.0.1", 0))
    window.scene_clients = [holder]  # type: ignore[attr-defined]  # held until the grab
    panel = window.workbench.new_server()  # type: ignore[attr-defined]
    panel.host_edit.setText("127.0.0.1")
    panel.port_spin.setValue(holder.getsockname()[1])
    QTimer.singleShot(300, panel.toggle)
    QTimer.singleShot(1500, grab)  # type: ignore[arg-type]


def main(language: str, theme: str, out: str, scene: str = "client") -> None:
    # A fresh data folder: the histories and settings of the user (or of an earlier run) must
    # not show up in the picture, nor the picture's traffic in their histories.
    # SOCKETDESK_SCREENSHOT_DATA_DIR names that fresh folder (a caller then finds crash reports).
    os.environ["SOCKETDESK_DATA_DIR"] = os.environ.get(
        "SOCKETDESK_SCREENSHOT_DATA_DIR"
    ) or tempfile.mkdtemp(prefix="socketdesk-screenshot-")
    qapp = QApplication([])
    ini = Path(tempfile.mkdtemp()) / "settings.ini"
    settings = Settings(QSettings(str(ini), QSettings.Format.IniFormat))
    settings.set(Settings.LANGUAGE, language)
    settings.set(Settings.THEME, theme)
    app = Application(qapp, settings)
    window = app.window
    screen = qapp.primaryScreen().availableGeometry()
    window.resize(screen.size())
    window.move(screen.topLeft())
    window.show()
    panel = window.workbench.tcp_client

    def send_lines() -> None:
        for text in LINES:
            panel.send_text(text)

    def grab() -> None:
        geometry = window.frameGeometry()
        crop = f"{geometry.width()}x{geometry.height()}+{geometry.x()}+{geometry.y()}"
        subprocess.run(["import", "-window", "root", "-crop", crop, "+repage", out], check=True)
        stop_scene_peers(window)
        stop_guide_peers(window)
        app.shutdown()
        qapp.quit()

    workbench_scenes = {
        "server": server_scene,
        "rules": rules_scene,
        "relay": relay_scene,
        "udp": udp_scene,
        "refused": refused_scene,
        "port-taken": port_taken_scene,
    }
    if scene in workbench_scenes:
        workbench_scenes[scene](window, qapp, grab)
        qapp.exec()
        return
    if scene.startswith("preferences"):  # preferences, preferences1…4: the dialog on that page
        dialog = app.show_preferences()
        dialog.tabs.setCurrentIndex(int(scene[-1]) if scene[-1].isdigit() else 0)
        QTimer.singleShot(800, grab)
        qapp.exec()
        return
    if scene in APP_SCENES:  # the user guide's scenes (tools/guide_scenes.py)
        APP_SCENES[scene](app, grab)
        qapp.exec()
        return
    if scene in ("messenger", "http"):
        (messenger_scene if scene == "messenger" else http_scene)(app, grab)
        qapp.exec()
        return
    with echo_server() as (host, port):
        panel.host_edit.setText(host)
        panel.port_spin.setValue(port)
        QTimer.singleShot(300, panel.toggle_connection)
        QTimer.singleShot(800, send_lines)
        QTimer.singleShot(1500, grab)
        qapp.exec()


if __name__ == "__main__":
    main(*sys.argv[1:5])
