"""Screenshot the real main window with live loopback traffic (under Xvfb: `make screenshots`).

Usage: ``python -m tools.screenshot LANGUAGE THEME OUT.png`` with DISPLAY set to an X server.
The window connects to a loopback echo server and sends three lines, so the log shows text,
Chinese, escapes and binary as a user sees them; then the whole screen is grabbed.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from desktop.app import Application
from desktop.settings import Settings
from tests.helpers.servers import echo_server

LINES = ("GET / HTTP/1.1", "你好，飞秋 héllo\t✓", "\x00\x01binary\xff")


def main(language: str, theme: str, out: str) -> None:
    qapp = QApplication([])
    ini = Path(tempfile.mkdtemp()) / "settings.ini"
    settings = Settings(QSettings(str(ini), QSettings.Format.IniFormat))
    settings.set(Settings.LANGUAGE, language)
    settings.set(Settings.THEME, theme)
    app = Application(qapp, settings)
    window = app.window
    window.resize(1100, 680)
    window.move(40, 40)
    window.show()
    panel = window.workbench.tcp_client

    def send_lines() -> None:
        for text in LINES:
            panel.send_edit.setText(text)
            panel.send_current()

    def grab() -> None:
        geometry = window.frameGeometry()
        crop = f"{geometry.width()}x{geometry.height()}+{geometry.x()}+{geometry.y()}"
        subprocess.run(["import", "-window", "root", "-crop", crop, "+repage", out], check=True)
        app.shutdown()
        qapp.quit()

    with echo_server() as (host, port):
        panel.host_edit.setText(host)
        panel.port_spin.setValue(port)
        QTimer.singleShot(300, panel.toggle_connection)
        QTimer.singleShot(800, send_lines)
        QTimer.singleShot(1500, grab)
        qapp.exec()


if __name__ == "__main__":
    main(*sys.argv[1:4])
