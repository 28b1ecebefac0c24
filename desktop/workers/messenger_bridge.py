"""Bridge between a ``MessengerEngine`` on the I/O loop and the Messenger panel.

Public methods are called from the GUI thread and only post work to the loop; methods starting
with ``_`` run on the loop thread. The bridge is the engine's sink: ``on_event`` runs on the loop
thread and emits queued signals to the GUI thread.
"""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QObject, Signal

from desktop.core.errors import SocketDeskError
from desktop.core.ipmsg.engine import MessengerEngine
from desktop.core.ipmsg.events import (
    Event,
    InfoReceived,
    MessageDelivered,
    MessageFailed,
    MessageRead,
    MessageReceived,
    Notice,
    PeerJoined,
    PeerKey,
    PeerLeft,
    PeerUpdated,
    format_address,
)
from desktop.core.ipmsg.identity import Identity
from desktop.core.ipmsg.settings import NodeSettings
from desktop.workers.loop_thread import EventLoopThread

__all__ = ["MessengerBridge"]


class MessengerBridge(QObject):
    """Drives one messenger node.

    Signals:
        started(str): the node listens on this ``address:port``.
        start_failed(str): why it could not start.
        stopped(): the node stopped (after ``stop``).
        peer_joined(Peer), peer_updated(Peer): a peer appeared or changed.
        peer_left(Peer, str): a peer left, and why.
        message_received(MessageReceived): a message arrived.
        message_sent(int, int): the caller's token and the message id the node gave it.
        send_failed(int, str): the caller's token and why the message could not be sent at all.
        message_delivered(int), message_read(int): by message id.
        message_failed(int, str): a message id and why it was not delivered.
        notice(str): a sentence for the user.
    """

    started = Signal(str)
    start_failed = Signal(str)
    stopped = Signal()
    peer_joined = Signal(object)
    peer_updated = Signal(object)
    peer_left = Signal(object, str)
    message_received = Signal(object)
    message_sent = Signal(int, int)
    send_failed = Signal(int, str)
    message_delivered = Signal(int)
    message_failed = Signal(int, str)
    message_read = Signal(int)
    notice = Signal(str)

    def __init__(self, io: EventLoopThread) -> None:
        super().__init__()
        self._io = io
        self._engine: MessengerEngine | None = None  # loop thread only

    # -- commands (GUI thread) ---------------------------------------------------------------------
    def start(self, identity: Identity, settings: NodeSettings, bind: str) -> None:
        """Start the node; the outcome arrives as ``started`` or ``start_failed``."""
        self._io.call(self._start, identity, settings, bind)

    def stop(self, leave: bool = True) -> None:
        """Say goodbye (unless ``leave`` is False) and stop; ``stopped`` follows."""
        self._io.call(self._stop, leave)

    def send_text(self, token: int, key: PeerKey, text: str, sealed: bool) -> None:
        """Send a message; ``message_sent`` or ``send_failed`` carries ``token`` back."""
        self._io.call(self._send, token, key, text, sealed)

    def mark_read(self, key: PeerKey, packet_no: int) -> None:
        """The user opened a sealed message: send its read receipt."""
        self._io.call(self._mark_read, key, packet_no)

    def refresh(self) -> None:
        """Announce again and drop the peers that do not answer."""
        self._io.call(self._refresh)

    # -- loop thread -------------------------------------------------------------------------------
    def _start(self, identity: Identity, settings: NodeSettings, bind: str) -> None:
        if self._engine is not None:
            self.notice.emit(self.tr("The messenger is already running; stop it first."))
            return
        try:
            engine = MessengerEngine(identity, settings, self, bind=bind)
        except SocketDeskError as error:
            self.start_failed.emit(str(error))
            return
        self._engine = engine
        asyncio.get_running_loop().create_task(self._run(engine))

    async def _run(self, engine: MessengerEngine) -> None:
        try:
            address = await engine.start()
        except SocketDeskError as error:
            if self._engine is engine:
                self._engine = None
            self.start_failed.emit(str(error))
            return
        if self._engine is not engine:  # stopped while starting
            await engine.close(leave=False)
            return
        self.started.emit(format_address(address))

    def _stop(self, leave: bool) -> None:
        engine, self._engine = self._engine, None
        asyncio.get_running_loop().create_task(self._close(engine, leave))

    async def _close(self, engine: MessengerEngine | None, leave: bool) -> None:
        if engine is not None:
            await engine.close(leave=leave)
        self.stopped.emit()

    def _running(self) -> MessengerEngine | None:
        engine = self._engine
        return engine if engine is not None and engine.running else None

    def _send(self, token: int, key: PeerKey, text: str, sealed: bool) -> None:
        engine = self._running()
        if engine is None:
            self.send_failed.emit(token, self.tr("The messenger is not running."))
            return
        try:
            message_id = engine.send_text(key, text, sealed)
        except SocketDeskError as error:
            self.send_failed.emit(token, str(error))
            return
        self.message_sent.emit(token, message_id)

    def _mark_read(self, key: PeerKey, packet_no: int) -> None:
        engine = self._running()
        if engine is not None:
            engine.mark_read(key, packet_no)

    def _refresh(self) -> None:
        engine = self._running()
        if engine is not None:
            engine.refresh()

    # -- MessengerSink (loop thread) ---------------------------------------------------------------
    def on_event(self, event: Event) -> None:
        """Turn a node event into a queued signal."""
        if isinstance(event, PeerJoined):
            self.peer_joined.emit(event.peer)
        elif isinstance(event, PeerUpdated):
            self.peer_updated.emit(event.peer)
        elif isinstance(event, PeerLeft):
            self.peer_left.emit(event.peer, event.reason)
        elif isinstance(event, MessageReceived):
            self.message_received.emit(event)
        elif isinstance(event, MessageDelivered):
            self.message_delivered.emit(event.message_id)
        elif isinstance(event, MessageFailed):
            self.message_failed.emit(event.message_id, event.reason)
        elif isinstance(event, MessageRead):
            self.message_read.emit(event.message_id)
        elif isinstance(event, InfoReceived):
            self.notice.emit(f"{event.peer.label}: {event.text}")
        elif isinstance(event, Notice):
            self.notice.emit(event.text)
