"""Bridge between a ``UdpEndpoint`` on the I/O loop and a GUI panel (one UDP session).

The bridge takes the GUI's commands, runs the session's lifecycle and sends; beside it, on the
loop thread: ``udp_intake.py`` (what is received: batched records, files, the peer table),
``udp_bulk_send.py`` (the generator, a file as datagrams) and ``udp_network.py`` (interfaces,
broadcast, multicast, subnet send).
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from PySide6.QtCore import Signal

from desktop.core.errors import SocketDeskError
from desktop.core.net import udp_notes
from desktop.core.net.auto_reply import AutoReplyRule
from desktop.core.net.broadcast import BroadcastPlan
from desktop.core.net.connection import format_address
from desktop.core.net.udp import UdpEndpoint, UdpOptions
from desktop.core.net.udp_facts import no_feedback_note
from desktop.core.net.udp_generator_run import GeneratorPlan
from desktop.core.net.udp_socket import sockaddr_for
from desktop.core.sentence import Sentence
from desktop.core.session import sentences
from desktop.core.session.lifecycle import (
    idle_status,
    listening_status,
    starting_status,
    stopped_status,
)
from desktop.workers.loop_thread import EventLoopThread
from desktop.workers.session_bridge import SessionBridge
from desktop.workers.udp_bulk_send import UdpBulkSend
from desktop.workers.udp_intake import UdpIntake
from desktop.workers.udp_network import UdpNetwork

__all__ = ["GeneratorPlan", "UdpBridge"]  # GeneratorPlan: re-exported for callers

SockAddr = tuple[object, ...]


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
        self._intake = UdpIntake(self)  # what is received: records, files, the peer table
        self._bulk = UdpBulkSend(self)  # the generator, a file as datagrams
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
        self._io.call(setattr, self._intake, "log_paused", paused)

    def start_saving_datagrams(self, directory: str) -> None:
        """Save each received datagram to a file of its own in ``directory``."""
        self._io.call(self._intake.start_files, directory)

    def stop_saving_datagrams(self) -> None:
        """Stop saving one file per datagram."""
        self._io.call(self._intake.stop_files)

    def send_file(
        self, path: str, size: int, interval_s: float, host: str | None = None, port: int = 0
    ) -> None:
        """Send a file as datagrams of ``size`` bytes, ``interval_s`` apart."""
        self._io.call(self._bulk.start_file, path, size, interval_s, host, port)

    def start_generator(self, plan: GeneratorPlan) -> None:
        """Start the generator (in a thread of its own; see ``core.net.udp_generator``)."""
        self._io.call(self._bulk.start_generator, plan)

    def stop_generator(self) -> None:
        """Stop the generator at once (works at full rate)."""
        self._bulk.stop_generator()  # a flag: safe from any thread, and no wait for the loop

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
        endpoint = UdpEndpoint(self._intake, self.totals)
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
        self._bulk.stop_generator_now()
        self._network.closed()
        self._bulk.cancel_file()
        if endpoint is None:
            return
        endpoint.close()  # hands over what was received first
        self._intake.stop_files()
        self._flush()
        self._intake.push_table()
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
        self._intake.table_soon()

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
