"""What a UDP session receives, on its I/O thread: datagrams as batched records, the peer table.

``UdpBridge`` owns one ``UdpIntake``: it is the endpoint's ``UdpSink``. Datagrams become log
records (one clock read per batch, names cached), optionally one file each; the peer table
reaches the GUI at most 4 times a second. Errors and notices are emitted on the bridge.
"""

from __future__ import annotations

import asyncio
import time
from typing import TYPE_CHECKING

from desktop.core.capture import Direction, Record
from desktop.core.errors import SaveError, SocketDeskError
from desktop.core.net import udp_notes
from desktop.core.net.connection import format_address
from desktop.core.net.udp_facts import Datagram, truncated_note
from desktop.core.net.udp_files import DatagramFiles

if TYPE_CHECKING:
    from desktop.workers.udp_bridge import UdpBridge

__all__ = ["UdpIntake"]

SockAddr = tuple[object, ...]
# The peer table reaches the GUI at most this often.
_TABLE_INTERVAL_S = 0.25
# Rows of the peer table sent to the GUI at most (the table itself keeps up to 4,096).
_TABLE_ROWS = 1000
# Peer names kept formatted (a spray from many ports empties the cache when it is full).
_NAMES_CACHED = 4096
_IN, _OUT, _INFO = Direction.IN, Direction.OUT, Direction.INFO


class UdpIntake:
    """The ``UdpSink`` of a UDP session: records, files per datagram and the peer table.

    Attributes:
        log_paused: make no log records (counters and the peer table go on).
    """

    def __init__(self, bridge: UdpBridge) -> None:
        self._bridge = bridge
        self.log_paused = False
        self._files: DatagramFiles | None = None
        self._table_timer: asyncio.TimerHandle | None = None
        self._names: dict[SockAddr, str] = {}

    # -- UdpSink (loop thread) ---------------------------------------------------------------------
    def on_datagrams(
        self, datagrams: list[Datagram], replies: list[tuple[SockAddr, bytes]]
    ) -> None:
        # The hot path at 100k+ datagrams/s: one clock read per batch, names cached, the
        # records queued in one call.
        bridge = self._bridge
        core = bridge._core
        files = self._files
        record = not self.log_paused
        name = self._name
        t_ns = time.time_ns()
        records: list[Record] = []
        nbytes = 0
        for peer, data, size in datagrams:
            if core.saving is not None:
                core.save(data)
            if files is not None:
                self._save_file(files, name(peer), data)
                files = self._files
            if record:
                records.append(Record(t_ns, _IN, name(peer), data))
                nbytes += len(data)
            if size > len(data):
                note = truncated_note(name(peer), len(data), size)
                records.append(Record(t_ns, _INFO, name(peer), str(note).encode()))
        if record:
            for address, answer in replies:
                records.append(Record(t_ns, _OUT, name(address), answer))
                nbytes += len(answer)
        if records:
            bridge._record_all(records, nbytes)
        self.table_soon()

    def _name(self, address: SockAddr) -> str:
        """``host:port`` of a socket address (cached: formatting costs more than the rest)."""
        names = self._names
        text = names.get(address)
        if text is None:
            if len(names) >= _NAMES_CACHED:
                names.clear()
            text = names[address] = format_address(address)
        return text

    def on_udp_error(self, error: SocketDeskError) -> None:
        self._bridge.error_occurred.emit(error)

    # -- one file per datagram ---------------------------------------------------------------------
    def start_files(self, directory: str) -> None:
        """Save each datagram received from now on to a file of its own in ``directory``."""
        try:
            self._files = DatagramFiles(directory)
        except SaveError as error:
            self._bridge.error_occurred.emit(error)

    def _save_file(self, files: DatagramFiles, peer: str, data: bytes) -> None:
        try:
            files.write(peer, data)
        except SaveError as error:
            self._files = None
            self._bridge.error_occurred.emit(error)

    def stop_files(self) -> None:
        """Stop saving one file per datagram (a notice says how many were saved where)."""
        files, self._files = self._files, None
        if files is not None:
            self._bridge.notice.emit(udp_notes.datagrams_saved(files.count, str(files.directory)))

    # -- peer table --------------------------------------------------------------------------------
    def table_soon(self) -> None:
        """Send the peer table to the GUI within ``_TABLE_INTERVAL_S``."""
        if self._table_timer is None:
            self._table_timer = asyncio.get_running_loop().call_later(
                _TABLE_INTERVAL_S, self.push_table
            )

    def push_table(self) -> None:
        """Send the peer table to the GUI now (and say when peers were forgotten)."""
        if self._table_timer is not None:
            self._table_timer.cancel()
        self._table_timer = None
        endpoint = self._bridge._endpoint
        if endpoint is None:
            return
        self._bridge.peers_updated.emit(endpoint.peers.snapshot(_TABLE_ROWS))
        note = endpoint.peers.forgotten_note()
        if note is not None and endpoint.peers.forgotten:
            self._bridge.notice.emit(note)
