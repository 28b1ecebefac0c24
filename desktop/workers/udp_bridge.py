"""Bridge between a ``UdpEndpoint`` on the I/O loop and a GUI panel (one UDP session)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence

from PySide6.QtCore import Signal

from desktop.core.capture import Direction, Record
from desktop.core.errors import NetError, SaveError, SocketDeskError
from desktop.core.net import udp_notes
from desktop.core.net.auto_reply import AutoReplyRule
from desktop.core.net.broadcast import BroadcastPlan
from desktop.core.net.connection import format_address
from desktop.core.net.udp import UdpEndpoint, UdpOptions
from desktop.core.net.udp_facts import Datagram, no_feedback_note, truncated_note
from desktop.core.net.udp_files import DatagramFiles, send_file
from desktop.core.net.udp_generator_run import GeneratorPlan, GeneratorRun
from desktop.core.net.udp_socket import sockaddr_for
from desktop.core.sentence import Sentence
from desktop.core.session import sentences
from desktop.core.session.counters import sample
from desktop.core.session.lifecycle import (
    idle_status,
    listening_status,
    starting_status,
    stopped_status,
)
from desktop.workers.loop_thread import EventLoopThread
from desktop.workers.session_bridge import SessionBridge
from desktop.workers.udp_network import UdpNetwork

__all__ = ["GeneratorPlan", "UdpBridge"]  # GeneratorPlan: re-exported for callers

SockAddr = tuple[object, ...]
# The peer table and the generator's counters reach the GUI at most this often.
_TABLE_INTERVAL_S = 0.25
_COUNTER_INTERVAL_S = 0.1
# Rows of the peer table sent to the GUI at most (the table itself keeps up to 4,096).
_TABLE_ROWS = 1000
# Peer names kept formatted (a spray from many ports empties the cache when it is full).
_NAMES_CACHED = 4096
_IN, _OUT, _INFO = Direction.IN, Direction.OUT, Direction.INFO


class UdpBridge(SessionBridge):
    """Drives one UDP session: ``start(UdpOptions)`` binds, ``stop()`` closes.

    ``started`` carries the local address. Received datagrams are records (``records_received``)
    exactly like TCP chunks; a truncated one is followed by an info record saying so.

    Signals (besides SessionBridge's):
        peers_updated(list): ``PeerSnapshot`` rows, most recent first, and at most 4 a second.
        counters_updated(object): a ``CounterSample`` while the generator or a file send runs
            (at most 10 a second), for live datagrams/s and bits/s.
        generator_changed(bool): the generator started or stopped.
        interfaces_listed(list): ``Interface`` rows, as the I/O thread sees them.
        joined_groups(list): the ``Membership`` rows of the socket, after each join or leave.
        subnet_progress(object): a ``SubnetProgress`` while a subnet send runs (and at its end).
    """

    peers_updated = Signal(list)
    counters_updated = Signal(object)
    generator_changed = Signal(bool)
    interfaces_listed = Signal(list)
    joined_groups = Signal(list)
    subnet_progress = Signal(object)

    def __init__(self, io: EventLoopThread) -> None:
        super().__init__(io)
        self._endpoint: UdpEndpoint | None = None
        self._target: tuple[str, int] | None = None  # where periodic sends go
        self._log_paused = False
        self._files: DatagramFiles | None = None
        self._generator: GeneratorRun | None = None
        self._sending_file: asyncio.Task[None] | None = None
        self._table_timer: asyncio.TimerHandle | None = None
        self._names: dict[SockAddr, str] = {}
        self._network = UdpNetwork(self)  # interfaces, broadcast, multicast, subnet send

    # -- commands (GUI thread) ---------------------------------------------------------------------
    def send(self, data: bytes, host: str | None = None, port: int = 0) -> None:
        """Send one datagram to ``host``:``port`` (None: the connected peer, or the last target)."""
        self._io.call(self._send_command, data, host, port)

    def set_target(self, host: str, port: int) -> None:
        """Where periodic sends (and sends without a host) go from now on."""
        self._io.call(setattr, self, "_target", (host, port))

    def send_to_peers(self, data: bytes, addresses: Sequence[SockAddr] | None = None) -> None:
        """Send to the chosen peers of the table (their ``sockaddr``), or to all when None."""
        self._io.call(self._send_peers, data, None if addresses is None else tuple(addresses))

    def set_reply(self, echo: bool, rules: Sequence[AutoReplyRule] = ()) -> None:
        """Switch echo mode or the auto-reply rules while the session runs."""
        self._io.call(self._set_reply, echo, tuple(rules))

    def set_log_paused(self, paused: bool) -> None:
        """Stop (or resume) making log records: counters and the peer table go on."""
        self._io.call(setattr, self, "_log_paused", paused)

    def start_saving_datagrams(self, directory: str) -> None:
        """Save each received datagram to a file of its own in ``directory``."""
        self._io.call(self._start_files, directory)

    def stop_saving_datagrams(self) -> None:
        """Stop saving one file per datagram."""
        self._io.call(self._stop_files)

    def send_file(
        self, path: str, size: int, interval_s: float, host: str | None = None, port: int = 0
    ) -> None:
        """Send a file as datagrams of ``size`` bytes, ``interval_s`` apart."""
        self._io.call(self._start_file, path, size, interval_s, host, port)

    def start_generator(self, plan: GeneratorPlan) -> None:
        """Start the generator (in a thread of its own; see ``core.net.udp_generator``)."""
        self._io.call(self._start_generator, plan)

    def stop_generator(self) -> None:
        """Stop the generator at once (works at full rate)."""
        generator = self._generator
        if generator is not None:
            generator.stop()  # a flag: safe from any thread, and no wait for the loop

    # -- network tools (GUI thread; desktop/workers/udp_network.py does them) ----------------------
    def list_interfaces(self) -> None:
        """List the interfaces as the I/O thread sees them (``interfaces_listed``)."""
        self._io.call(self._network.list_interfaces)

    def set_broadcast(self, on: bool) -> None:
        """SO_BROADCAST on or off on the session's socket."""
        self._io.call(self._network.set_broadcast, on)

    def send_broadcast(self, plan: BroadcastPlan, data: bytes, port: int) -> None:
        """Send to ``plan``'s broadcast address (SO_BROADCAST set, out of its interface)."""
        self._io.call(self._network.send_broadcast, plan, data, port)

    def join_group(self, group: str, interface: str, source: str | None = None) -> None:
        """Join a multicast group on an interface (source-specific with ``source``)."""
        self._io.call(self._network.join, group, interface, source)

    def leave_group(self, group: str, interface: str, source: str | None = None) -> None:
        """Leave a multicast group joined before."""
        self._io.call(self._network.leave, group, interface, source)

    def set_multicast_options(self, ttl: int, loopback: bool, interface: str | None = None) -> None:
        """TTL / hop limit, loopback and the interface of multicast sent."""
        self._io.call(self._network.set_options, ttl, loopback, interface)

    def send_subnet(self, targets: str, port: int, data: bytes, rate: float | None = None) -> None:
        """Send ``data`` to every host of a CIDR network or range (``subnet_progress``)."""
        self._io.call(self._network.send_subnet, targets, port, data, rate)

    def cancel_subnet(self) -> None:
        """Stop a subnet send (a flag: works at once)."""
        self._network.cancel_subnet()

    # -- lifecycle (loop thread) -------------------------------------------------------------------
    def _start(self, options: object) -> None:
        assert isinstance(options, UdpOptions)
        if self._endpoint is not None:
            self.error_occurred.emit(sentences.already_running("udp"))
            return
        endpoint = UdpEndpoint(self, self.totals)
        self._endpoint = endpoint
        if options.peer is not None:
            self._target = options.peer
        self._set_status(starting_status())
        asyncio.get_running_loop().create_task(self._open(endpoint, options))

    async def _open(self, endpoint: UdpEndpoint, options: UdpOptions) -> None:
        try:
            local = await endpoint.open(options)
        except SocketDeskError as error:
            self._endpoint = None
            self.start_failed.emit(error)
            self._set_status(idle_status(listening=True))
            return
        if self._endpoint is not endpoint:  # stopped while opening
            endpoint.close()
            return
        self.started.emit([local])
        self._set_status(listening_status([local]))
        self._info(local, udp_notes.bound(local))
        if options.peer is None:
            self.notice.emit(no_feedback_note())

    def _stop(self) -> None:
        endpoint, self._endpoint = self._endpoint, None
        self._core.stop_periodic()
        self._stop_generator_now()
        self._network.closed()
        if self._sending_file is not None:
            self._sending_file.cancel()
        if endpoint is None:
            return
        endpoint.close()  # hands over what was received first
        self._stop_files()
        self._flush()
        self._push_table()
        status = stopped_status("udp")
        self.stopped.emit(status.sentence)
        self._set_status(status)

    # -- sending (loop thread) ---------------------------------------------------------------------
    def _running(self) -> UdpEndpoint:
        endpoint = self._endpoint
        if endpoint is None or not endpoint.is_open:
            raise sentences.not_running("udp")
        return endpoint

    def _send_bytes(self, data: bytes) -> None:
        """Periodic sends: to the connected peer or the last target (raises SocketDeskError)."""
        endpoint = self._running()
        if endpoint.peer is not None:
            self._after_send(endpoint.send(data), endpoint.peer, data)
            return
        if self._target is None:
            raise udp_notes.no_target()
        host, port = self._target
        address = sockaddr_for(endpoint.family, host, port)
        if address is None:
            raise udp_notes.no_target()
        self._after_send(endpoint.send(data, address), address, data)

    def _send_command(self, data: bytes, host: str | None, port: int) -> None:
        try:
            endpoint = self._running()
            if host is None:
                if endpoint.peer is None and self._target is not None:
                    host, port = self._target
                else:
                    self._after_send(endpoint.send(data), endpoint.peer, data)
                    return
            self._target = (host, port)
        except SocketDeskError as error:
            self.error_occurred.emit(error)
            return
        asyncio.get_running_loop().create_task(self._send_resolved(endpoint, data, host, port))

    async def _send_resolved(
        self, endpoint: UdpEndpoint, data: bytes, host: str, port: int
    ) -> None:
        try:
            address = await endpoint.resolve(endpoint.family, host, port)
            warning = endpoint.send(data, address)
        except SocketDeskError as error:
            self.error_occurred.emit(error)
            return
        self._after_send(warning, address, data)

    def _after_send(self, warning: Sentence | None, address: SockAddr | None, data: bytes) -> None:
        if warning is not None:
            self.notice.emit(warning)
        self._sent(format_address(address), data)
        self._table_soon()

    def _send_peers(self, data: bytes, addresses: tuple[SockAddr, ...] | None) -> None:
        try:
            endpoint = self._running()
            targets = endpoint.peers.addresses() if addresses is None else list(addresses)
            if not targets:
                raise udp_notes.no_peer_seen()
            for address in targets:
                self._after_send(endpoint.send(data, address), address, data)
        except SocketDeskError as error:
            self.error_occurred.emit(error)

    def _set_reply(self, echo: bool, rules: tuple[AutoReplyRule, ...]) -> None:
        if self._endpoint is not None:
            self._endpoint.set_reply(echo, rules)

    # -- UdpSink (loop thread) ---------------------------------------------------------------------
    def on_datagrams(
        self, datagrams: list[Datagram], replies: list[tuple[SockAddr, bytes]]
    ) -> None:
        # The hot path at 100k+ datagrams/s: one clock read per batch, names cached, the
        # records queued in one call.
        core = self._core
        files = self._files
        record = not self._log_paused
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
            self._record_all(records, nbytes)
        self._table_soon()

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
        self.error_occurred.emit(error)

    # -- one file per datagram ---------------------------------------------------------------------
    def _start_files(self, directory: str) -> None:
        try:
            self._files = DatagramFiles(directory)
        except SaveError as error:
            self.error_occurred.emit(error)

    def _save_file(self, files: DatagramFiles, peer: str, data: bytes) -> None:
        try:
            files.write(peer, data)
        except SaveError as error:
            self._files = None
            self.error_occurred.emit(error)

    def _stop_files(self) -> None:
        files, self._files = self._files, None
        if files is not None:
            self.notice.emit(udp_notes.datagrams_saved(files.count, str(files.directory)))

    # -- a file as datagrams -----------------------------------------------------------------------
    def _start_file(
        self, path: str, size: int, interval_s: float, host: str | None, port: int
    ) -> None:
        if self._sending_file is not None and not self._sending_file.done():
            self.error_occurred.emit(sentences.file_busy())
            return
        self._sending_file = asyncio.get_running_loop().create_task(
            self._file(path, size, interval_s, host, port)
        )

    async def _file(
        self, path: str, size: int, interval_s: float, host: str | None, port: int
    ) -> None:
        sent = [0]

        def progress(count: int) -> None:
            sent[0] = count
            self._push_counters()

        try:
            endpoint = self._running()
            address = None if host is None else await endpoint.resolve(endpoint.family, host, port)
            await send_file(
                lambda chunk: endpoint.send(chunk, address), path, size, interval_s, progress
            )
        except SocketDeskError as error:
            self.error_occurred.emit(error)
        except ValueError as error:
            self.error_occurred.emit(NetError(str(error)))
        self.notice.emit(udp_notes.file_sent(path, sent[0]))

    # -- generator ---------------------------------------------------------------------------------
    def _start_generator(self, plan: GeneratorPlan) -> None:
        if self._generator is not None:
            self.error_occurred.emit(udp_notes.generator_busy())
            return
        asyncio.get_running_loop().create_task(self._generate(plan))

    async def _generate(self, plan: GeneratorPlan) -> None:
        try:
            endpoint = self._running()
            address = None
            if plan.host is not None:
                address = await endpoint.resolve(endpoint.family, plan.host, plan.port)
            elif endpoint.peer is None:
                raise udp_notes.no_target()
            assert endpoint.sock is not None
            run = GeneratorRun(
                endpoint.sock,
                address,
                plan.payload,
                totals=self.totals,
                on_tick=self._push_counters,
                on_done=self._generator_done,
                rate=plan.rate,
                count=plan.count,
                seconds=plan.seconds,
                peer_name=self._target,
                interval=_COUNTER_INTERVAL_S,
            )
        except SocketDeskError as error:
            self.error_occurred.emit(error)
            return
        except ValueError as error:
            self.error_occurred.emit(NetError(str(error)))
            return
        self._generator = run
        self.generator_changed.emit(True)
        run.start()

    def _push_counters(self) -> None:
        self.counters_updated.emit(sample(self.totals))

    def _generator_done(self, said: Sentence, error: SocketDeskError | None) -> None:
        self._generator = None
        if error is not None:
            self.error_occurred.emit(error)
        self.notice.emit(said)
        self.generator_changed.emit(False)

    def _stop_generator_now(self) -> None:
        if self._generator is not None:
            self._generator.stop_and_wait()

    # -- peer table --------------------------------------------------------------------------------
    def _table_soon(self) -> None:
        if self._table_timer is None:
            self._table_timer = asyncio.get_running_loop().call_later(
                _TABLE_INTERVAL_S, self._push_table
            )

    def _push_table(self) -> None:
        if self._table_timer is not None:
            self._table_timer.cancel()
        self._table_timer = None
        endpoint = self._endpoint
        if endpoint is None:
            return
        self.peers_updated.emit(endpoint.peers.snapshot(_TABLE_ROWS))
        note = endpoint.peers.forgotten_note()
        if note is not None and endpoint.peers.forgotten:
            self.notice.emit(note)
