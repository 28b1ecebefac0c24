"""Bridge between a ``TcpClient`` engine on the I/O loop and a GUI panel."""

from __future__ import annotations

import asyncio
import time

from PySide6.QtCore import QObject, Signal, Slot

from desktop.core.capture import Direction, Record, RecordBatch
from desktop.core.errors import SocketDeskError
from desktop.core.net.tcp_client import TcpClient
from desktop.workers.batcher import Batcher
from desktop.workers.loop_thread import EventLoopThread

__all__ = ["TcpClientBridge"]


class TcpClientBridge(QObject):
    """Drives one TCP client session from the GUI thread.

    Command methods (``connect_to``, ``send``, ``close_connection``, ``batch_consumed``) may be
    called from the GUI thread: they only post work to the I/O loop. Everything else runs on the
    loop thread and talks back through signals, queued to receivers in the GUI thread.

    Signals:
        connected(str, str): local and peer address once the connection is up.
        connect_failed(str): a sentence saying why connecting failed.
        closed(str): a sentence saying why the connection ended.
        records_received(RecordBatch): new records and counters, at most ~60 per second; the
            receiver must call ``batch_consumed`` when done with each.
        error_occurred(str): a sentence about a failed command (e.g. sending while closed).
    """

    connected = Signal(str, str)
    connect_failed = Signal(str)
    closed = Signal(str)
    records_received = Signal(object)
    error_occurred = Signal(str)

    def __init__(self, io: EventLoopThread) -> None:
        super().__init__()
        self._io = io
        # Everything below is touched on the loop thread only.
        self._client: TcpClient | None = None
        self._task: asyncio.Task[None] | None = None
        self._batcher: Batcher[Record] | None = None
        self._peer = ""

    # -- commands (any thread) ---------------------------------------------------------------
    def connect_to(self, host: str, port: int, timeout: float = 10.0) -> None:
        """Start connecting; the outcome arrives as ``connected`` or ``connect_failed``."""
        self._io.call(self._start, host, port, timeout)

    def send(self, data: bytes) -> None:
        """Send bytes on the open connection."""
        self._io.call(self._send, data)

    def close_connection(self) -> None:
        """Close the connection, or cancel a connection attempt."""
        self._io.call(self._close)

    @Slot()
    def batch_consumed(self) -> None:
        """The GUI has shown the last batch; the next may come."""
        self._io.call(self._ack)

    # -- loop thread ---------------------------------------------------------------------------
    def _start(self, host: str, port: int, timeout: float) -> None:
        if self._task is not None or (self._client is not None and self._client.connected):
            self.error_occurred.emit("Already connected; disconnect first.")
            return
        loop = asyncio.get_running_loop()
        self._batcher = Batcher(loop, self._emit_batch)
        self._client = TcpClient(self)
        self._peer = f"{host}:{port}"
        self._task = loop.create_task(self._connect(self._client, host, port, timeout))

    async def _connect(self, client: TcpClient, host: str, port: int, timeout: float) -> None:
        try:
            await client.connect(host, port, timeout=timeout)
        except SocketDeskError as error:
            self.connect_failed.emit(str(error))
        except asyncio.CancelledError:
            self.connect_failed.emit("The connection attempt was cancelled.")
        finally:
            self._task = None

    def _send(self, data: bytes) -> None:
        client = self._client
        if client is None or not client.connected:
            self.error_occurred.emit("Not connected: nothing was sent.")
            return
        client.send(data)
        self._add(Record(time.time_ns(), Direction.OUT, self._peer, data))

    def _close(self) -> None:
        if self._task is not None:
            self._task.cancel()
        elif self._client is not None:
            self._client.close()

    def _ack(self) -> None:
        if self._batcher is not None:
            self._batcher.ack()

    def _add(self, record: Record) -> None:
        if self._batcher is not None:
            self._batcher.add(record)

    def _emit_batch(self, records: list[Record]) -> None:
        client = self._client
        assert client is not None and self._batcher is not None
        self.records_received.emit(
            RecordBatch(tuple(records), client.bytes_in, client.bytes_out, self._batcher.dropped)
        )

    # -- TcpClientSink (loop thread) -------------------------------------------------------------
    def on_connected(self, local: str, peer: str) -> None:
        self._peer = peer
        self.connected.emit(local, peer)

    def on_data(self, data: memoryview) -> None:
        self._add(Record(time.time_ns(), Direction.IN, self._peer, bytes(data)))

    def on_closed(self, reason: str) -> None:
        if self._batcher is not None:
            self._batcher.flush_now()
        self.closed.emit(reason)
