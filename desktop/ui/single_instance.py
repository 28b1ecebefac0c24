"""One GUI per user: a second launch asks the first to show its window, then ends.

The first instance listens on a ``QLocalServer`` with a per-user name (a Unix socket in
``$XDG_RUNTIME_DIR`` on Linux, the per-user temporary folder on macOS, a named pipe with the
user's name on Windows). A later launch connects, writes ``raise``, waits for ``ok`` and exits.
A socket file left by a crashed instance refuses connections: it is removed and listened on
again. ``--new-instance`` skips all of this (tests, developers).

``SOCKETDESK_EVENTS=1`` makes the GUI print ``socketdesk-event: <what>`` lines on stdout
(``shown`` at the first paint of the main window, ``raise-requested``): the start-up bench and
the two-process test read them instead of sleeping.
"""

from __future__ import annotations

import enum
import getpass
import logging
import os
import sys
import tempfile
from collections.abc import Mapping

from PySide6.QtCore import QEvent, QObject, Signal, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

__all__ = ["FirstPaint", "Other", "SingleInstance", "emit_event", "instance_name"]

log = logging.getLogger("ui")

_RAISE = b"raise\n"
_OK = b"ok\n"
EVENTS_VARIABLE = "SOCKETDESK_EVENTS"


def emit_event(what: str, env: Mapping[str, str] = os.environ) -> None:
    """Print ``socketdesk-event: what`` when ``SOCKETDESK_EVENTS`` is set (tests, benches)."""
    if env.get(EVENTS_VARIABLE):
        print(f"socketdesk-event: {what}", flush=True)


def instance_name(env: Mapping[str, str] = os.environ, platform: str = sys.platform) -> str:
    """The per-user name the first instance listens on."""
    user = str(os.getuid()) if hasattr(os, "getuid") else getpass.getuser()
    if platform == "win32":
        return f"socketdesk-{user}"  # a named pipe, \\.\pipe\socketdesk-<user>
    runtime = env.get("XDG_RUNTIME_DIR", "") if platform.startswith("linux") else ""
    folder = runtime if runtime and os.path.isdir(runtime) else tempfile.gettempdir()
    return os.path.join(folder, f"socketdesk-{user}.sock")


class Other(enum.Enum):
    """What a launch found when it looked for a running instance."""

    NONE = "none"  # nobody listening (or a stale socket): this launch is the instance
    RAISED = "raised"  # the running instance showed its window
    SILENT = "silent"  # something accepted the connection but did not answer


class SingleInstance(QObject):
    """The running instance's listener, and the later launch's request.

    Signals:
        raise_requested(): another launch asked for the window.
    """

    raise_requested = Signal()

    def __init__(self, name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name if name is not None else instance_name()
        self.server: QLocalServer | None = None

    def ask_running(self, timeout_ms: int = 2000) -> Other:
        """Ask a running instance to show its window."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(timeout_ms):
            return Other.NONE
        socket.write(_RAISE)
        socket.waitForBytesWritten(timeout_ms)
        answer = b""
        while _OK not in answer and socket.waitForReadyRead(timeout_ms):
            answer += bytes(socket.readAll().data())
        socket.disconnectFromServer()
        return Other.RAISED if _OK in answer else Other.SILENT

    def listen(self) -> bool:
        """Become the running instance; False (logged) if the name cannot be listened on."""
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            # A crashed instance's socket file: nobody answered ask_running(), so it is stale.
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                log.warning(
                    "single instance: cannot listen on %s: %s", self.name, server.errorString()
                )
                return False
        server.newConnection.connect(self._connection)
        self.server = server
        return True

    def close(self) -> None:
        """Stop listening (the socket file is removed)."""
        if self.server is not None:
            self.server.close()
            self.server = None

    @Slot()
    def _connection(self) -> None:
        server = self.server
        while server is not None and server.hasPendingConnections():
            socket = server.nextPendingConnection()
            socket.disconnected.connect(socket.deleteLater)
            socket.readyRead.connect(lambda s=socket: self._read(s))

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        if bytes(socket.readLine().data()) == _RAISE:
            log.info("single instance: another launch asked for the window")
            emit_event("raise-requested")
            self.raise_requested.emit()
            socket.write(_OK)
            socket.flush()
        socket.disconnectFromServer()


class FirstPaint(QObject):
    """Emits ``painted`` (and the ``shown`` event) once, when ``widget`` first paints."""

    painted = Signal()

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self._widget = widget
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            emit_event("shown")
            self.painted.emit()
        return False
