"""Screenshot the real main window with live loopback traffic (under Xvfb: `make screenshots`).

Usage: ``python -m tools.screenshot LANGUAGE THEME OUT.png`` with DISPLAY set to an X server.
The window connects to a loopback echo server and sends three lines, so the log shows text,
Chinese, escapes and binary as a user sees them; then the whole screen is grabbed.
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
from desktop.settings import Settings
from tests.helpers.servers import echo_server
from tools.screenshot_scenes import http_scene, messenger_scene, stop_scene_peers

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

    panel.toggle_server()
    QTimer.singleShot(500, connect_clients)
    QTimer.singleShot(1800, grab)  # type: ignore[arg-type]


def main(language: str, theme: str, out: str, scene: str = "client") -> None:
    # A fresh data folder: the histories and settings of the user (or of an earlier run) must
    # not show up in the picture, nor the picture's traffic in their histories.
    os.environ["SOCKETDESK_DATA_DIR"] = tempfile.mkdtemp(prefix="socketdesk-screenshot-")
    qapp = QApplication([])
    ini = Path(tempfile.mkdtemp()) / "settings.ini"
    settings = Settings(QSettings(str(ini), QSettings.Format.IniFormat))
    settings.set(Settings.LANGUAGE, language)
    settings.set(Settings.THEME, theme)
    app = Application(qapp, settings)
    window = app.window
    room = qapp.primaryScreen().availableGeometry()  # 1024×700 or 1280×800: all of it shown
    window.resize(min(1100, room.width() - 16), min(680, room.height() - 40))
    window.move(min(40, (room.width() - window.width()) // 2), min(40, room.height() - 680 - 8))
    window.show()
    panel = window.workbench.tcp_client

    def send_lines() -> None:
        for text in LINES:
            panel.send_box.editor.setPlainText(text)
            panel.send_box.send_once()

    def grab() -> None:
        geometry = window.frameGeometry()
        crop = f"{geometry.width()}x{geometry.height()}+{geometry.x()}+{geometry.y()}"
        subprocess.run(["import", "-window", "root", "-crop", crop, "+repage", out], check=True)
        stop_scene_peers(window)
        app.shutdown()
        qapp.quit()

    if scene == "server":
        server_scene(window, qapp, grab)
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
