"""Bridge between a ``MessengerEngine`` on the I/O loop and the Messenger panel.

Public methods are called from the GUI thread and only post work to the loop; methods starting
with ``_`` run on the loop thread. The bridge is the engine's sink: ``on_event`` runs on the loop
thread and emits queued signals to the GUI thread.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import functools
from collections.abc import Mapping

from PySide6.QtCore import Signal

from desktop.core.errors import SocketDeskError
from desktop.core.ipmsg.events import (
    Address,
    Event,
    FilesOffered,
    InfoReceived,
    MessageDelivered,
    MessageFailed,
    MessageRead,
    MessageReceived,
    Notice,
    OfferReleased,
    PeerJoined,
    PeerKey,
    PeerLeft,
    PeerUpdated,
    format_address,
)
from desktop.core.ipmsg.identity import Identity
from desktop.core.ipmsg.messenger_errors import PortInUse
from desktop.core.ipmsg.node_settings import NodeSettings
from desktop.core.ipmsg_io.engine import EngineStats, MessengerEngine
from desktop.core.ipmsg_io.file_service import FileSettings
from desktop.workers.messenger_files import FileBridge

__all__ = ["MessengerBridge"]


class MessengerBridge(FileBridge):
    """Drives one messenger node; the file commands and their signals come from ``FileBridge``
    (``messenger_files.py``).

    Signals:
        started(str): the node listens on this ``address:port``.
        start_failed(object, int): why it could not start (the ``SocketDeskError``), and a free
            port to offer instead when the port was taken (0: none to offer).
        stopped(): the node stopped (after ``stop``).
        peer_joined(Peer), peer_updated(Peer): a peer appeared or changed.
        peer_left(Peer, Sentence): a peer left, and why.
        message_received(MessageReceived): a message arrived.
        message_sent(int, int): the caller's token and the message id the node gave it.
        send_failed(int, object): the caller's token and why the message could not be sent at
            all (a ``SocketDeskError``, or a ``str`` already translated).
        broadcast_sent(int, int): the caller's token and how many peers the broadcast went to.
        message_delivered(int), message_read(int): by message id.
        message_failed(int, Sentence): a message id and why it was not delivered.
        info_received(InfoReceived): a peer's answer about its version or away message.
        notice(object): a sentence for the user (a ``Sentence``, a ``SocketDeskError``, or a
            ``str`` already translated); the UI shows it with ``say()``.
        node_noticed(Notice): the node's own notice, with its cause (the panel may already say it).
    """

    started = Signal(str)
    start_failed = Signal(object, int)
    stopped = Signal()
    peer_joined = Signal(object)
    peer_updated = Signal(object)
    peer_left = Signal(object, object)
    message_received = Signal(object)
    message_sent = Signal(int, int)
    send_failed = Signal(int, object)
    broadcast_sent = Signal(int, int)
    message_delivered = Signal(int)
    message_failed = Signal(int, object)
    message_read = Signal(int)
    info_received = Signal(object)
    node_noticed = Signal(object)

    # -- commands (GUI thread) ---------------------------------------------------------------------
    def start(
        self,
        identity: Identity,
        settings: NodeSettings,
        bind: str,
        *,
        absence: str | None = None,
        encodings: Mapping[Address, str] | None = None,
        first_transfer_id: int = 1,
    ) -> None:
        """Start the node; the outcome arrives as ``started`` or ``start_failed``.

        Args:
            identity: who we are.
            settings: the node's settings (port, targets...).
            bind: the address to bind.
            absence: start away with this message (announced as such from the first entry).
            encodings: per-peer encodings chosen by the user, by address.
            first_transfer_id: the first transfer id (above every stored one).
        """
        files = FileSettings(first_id=first_transfer_id)
        start = functools.partial(self._start, files=files)
        self._io.call(start, identity, settings, bind, absence, dict(encodings or {}))

    def stop(self, leave: bool = True) -> None:
        """Say goodbye (unless ``leave`` is False) and stop; ``stopped`` follows."""
        self._io.call(self._stop, leave)

    def send_text(
        self, token: int, key: PeerKey, text: str, sealed: bool, multicast: bool = False
    ) -> None:
        """Send a message; ``message_sent`` or ``send_failed`` carries ``token`` back.

        ``multicast``: one of several recipients of the same text (MULTICASTOPT).
        """
        self._io.call(self._send, token, key, text, sealed, multicast)

    def broadcast_text(self, token: int, text: str) -> None:
        """Send a broadcast message; ``broadcast_sent`` or ``send_failed`` carries ``token``."""
        self._io.call(self._broadcast, token, text)

    def set_absence(self, message: str | None) -> None:
        """Go away with ``message`` (auto-replied to messages), or come back with None."""
        self._io.call(self._set_absence, message)

    def set_encoding(self, address: Address, encoding: str | None) -> None:
        """Read and write the peer at ``address`` in ``encoding``; None: detect it."""
        self._io.call(self._set_encoding, address, encoding)

    def mark_read(self, key: PeerKey, packet_no: int) -> None:
        """The user opened a sealed message: send its read receipt."""
        self._io.call(self._mark_read, key, packet_no)

    def refresh(self) -> None:
        """Announce again and drop the peers that do not answer."""
        self._io.call(self._refresh)

    def stats(self) -> concurrent.futures.Future[EngineStats | None]:
        """The running engine's counters (received, dropped...), read on the loop thread.

        The future holds None when the node is not running.
        """
        return self._io.submit(self._stats())

    # -- loop thread -------------------------------------------------------------------------------
    async def _stats(self) -> EngineStats | None:
        return None if self._engine is None else self._engine.stats

    def _start(
        self,
        identity: Identity,
        settings: NodeSettings,
        bind: str,
        absence: str | None,
        encodings: dict[Address, str],
        *,
        files: FileSettings,
    ) -> None:
        if self._engine is not None:
            self.notice.emit(self.tr("The messenger is already running; stop it first."))
            return
        try:
            engine = MessengerEngine(identity, settings, self, bind=bind, files=files)
        except SocketDeskError as error:
            self.start_failed.emit(error, 0)
            return
        self._engine = engine
        asyncio.get_running_loop().create_task(self._run(engine, absence, encodings))

    async def _run(
        self, engine: MessengerEngine, absence: str | None, encodings: dict[Address, str]
    ) -> None:
        try:
            address = await engine.start(announce=False)
        except SocketDeskError as error:
            if self._engine is engine:
                self._engine = None
            free = error.free_port if isinstance(error, PortInUse) else None
            self.start_failed.emit(error, free or 0)
            return
        if self._engine is not engine:  # stopped while starting
            await engine.close(leave=False)
            return
        for peer_address, encoding in encodings.items():
            try:
                engine.node.set_encoding(peer_address, encoding)
            except SocketDeskError as error:  # a stored name Python does not know (any more)
                self.notice.emit(error)
        engine.node.take_actions()  # nobody is listed yet: no update to report
        if absence is not None:
            engine.node.set_absence(absence)
            engine.node.take_actions()  # the entry below says "away" already
        engine.announce()
        self.started.emit(format_address(address))

    def _stop(self, leave: bool) -> None:
        engine, self._engine = self._engine, None
        asyncio.get_running_loop().create_task(self._close(engine, leave))

    async def _close(self, engine: MessengerEngine | None, leave: bool) -> None:
        if engine is not None:
            await engine.close(leave=leave)
        if self._transfers is not None:
            self._transfers.flush_now()  # the last states (cancelled...) before "stopped"
        self.stopped.emit()

    def _send(self, token: int, key: PeerKey, text: str, sealed: bool, multicast: bool) -> None:
        engine = self._running()
        if engine is None:
            self.send_failed.emit(token, self.tr("The messenger is not running."))
            return
        try:
            message_id = engine.send_text(key, text, sealed, multicast)
        except SocketDeskError as error:
            self.send_failed.emit(token, error)
            return
        self.message_sent.emit(token, message_id)

    def _broadcast(self, token: int, text: str) -> None:
        engine = self._running()
        if engine is None:
            self.send_failed.emit(token, self.tr("The messenger is not running."))
            return
        try:
            count = engine.broadcast_text(text)
        except SocketDeskError as error:
            self.send_failed.emit(token, error)
            return
        self.broadcast_sent.emit(token, count)

    def _set_absence(self, message: str | None) -> None:
        engine = self._running()
        if engine is not None:
            engine.set_absence(message)

    def _set_encoding(self, address: Address, encoding: str | None) -> None:
        engine = self._running()
        if engine is None:
            return
        try:
            engine.set_encoding(address, encoding)
        except SocketDeskError as error:
            self.notice.emit(error)

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
            self.info_received.emit(event)
        elif isinstance(event, Notice):
            self.node_noticed.emit(event)
        elif isinstance(event, FilesOffered):
            token = self._offer_tokens.pop(event.message_id, None)
            if token is not None:  # an offer that waited its turn has left now
                self.files_offered.emit(token, event.offer, event.message_id)
        elif isinstance(event, OfferReleased):
            self.offer_released.emit(event.peer, event.packet_no)
