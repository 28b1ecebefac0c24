"""The network tools of a UDP session on its I/O thread: interfaces, broadcast, multicast, subnet.

``UdpBridge`` owns one ``UdpNetwork`` and forwards its commands here (loop thread). Everything
acts on the running endpoint's socket; what goes wrong is emitted typed on the bridge's
``error_occurred``. A subnet send runs ``SubnetSender`` in a worker thread whose every datagram
is sent by the endpoint on the loop (so counters, the peer table and the log see it).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import socket
import sys
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.core.errors import NetError, SocketDeskError
from desktop.core.net.broadcast import BroadcastPlan, configure_broadcast
from desktop.core.net.interfaces import list_interfaces
from desktop.core.net.multicast import MulticastSocket
from desktop.core.net.subnet import SubnetResult, SubnetSender, parse_targets
from desktop.core.net.udp import UdpEndpoint
from desktop.core.net.udp_facts import SendBlocked, check_size
from desktop.core.net.udp_socket import sockaddr_for
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence
from desktop.core.session import sentences

if TYPE_CHECKING:
    from desktop.workers.udp_bridge import UdpBridge

__all__ = ["SubnetProgress", "UdpNetwork", "not_an_address", "subnet_busy", "subnet_done"]

SockAddr = tuple[object, ...]
_LINUX = sys.platform == "linux"
_DEVICE_NAME = 16  # IFNAMSIZ
# A full send buffer during a subnet send: wait this long, this many times, then count a refusal.
_BLOCKED_WAIT_S = 0.002
_BLOCKED_TRIES = 100
_LOOP_WAIT_S = 5.0
_PROGRESS_STEPS = 100  # progress reports per subnet send, at most (and one per host when fewer)


@dataclass(frozen=True, slots=True)
class SubnetProgress:
    """How far a subnet send is.

    Attributes:
        total: hosts targeted.
        sent: datagrams sent.
        refused: hosts the system refused to send to.
        finished: the send ended (done, cancelled or refused).
        cancelled: it was cancelled before the end.
    """

    total: int
    sent: int = 0
    refused: int = 0
    finished: bool = False
    cancelled: bool = False

    @property
    def done(self) -> int:
        """Hosts handled so far."""
        return self.sent + self.refused


def subnet_busy() -> NetError:
    """A second subnet send while one runs."""
    return NetError(
        sentence(QT_TRANSLATE_NOOP("core", "A subnet send is already running: wait or cancel it."))
    )


def subnet_done(progress: SubnetProgress, port: int) -> Sentence:
    """The final notice of a subnet send."""
    if progress.cancelled:
        template = QT_TRANSLATE_NOOP(
            "core",
            "Subnet send cancelled: sent to {sent} of {total} hosts on port {port}, "
            "{refused} refused.",
        )
    else:
        template = QT_TRANSLATE_NOOP(
            "core",
            "Subnet send done: sent to {sent} of {total} hosts on port {port}, {refused} refused.",
        )
    return sentence(
        template, sent=progress.sent, total=progress.total, port=port, refused=progress.refused
    )


class _Refused(OSError):
    """A host the endpoint would not send to (counted as failed by ``SubnetSender``)."""

    def __init__(self, error: SocketDeskError) -> None:
        super().__init__(str(error))
        self.error = error


class UdpNetwork:
    """Interfaces, broadcast, multicast and subnet send for one ``UdpBridge`` (loop thread)."""

    def __init__(self, bridge: UdpBridge) -> None:
        self._bridge = bridge
        self._multicast: MulticastSocket | None = None
        self._subnet: SubnetSender | None = None
        self._subnet_task: asyncio.Task[None] | None = None

    # -- interfaces --------------------------------------------------------------------------------
    def list_interfaces(self) -> None:
        """List this machine's interfaces (as seen by the I/O thread) on ``interfaces_listed``."""
        try:
            found = list_interfaces()
        except OSError as error:
            self._bridge.error_occurred.emit(NetError(str(error)))
            return
        self._bridge.interfaces_listed.emit(found)

    # -- broadcast ---------------------------------------------------------------------------------
    def set_broadcast(self, on: bool) -> None:
        """SO_BROADCAST on or off on the session's socket."""
        try:
            self._endpoint().set_broadcast(on)
        except SocketDeskError as error:
            self._bridge.error_occurred.emit(error)

    def send_broadcast(self, plan: BroadcastPlan, data: bytes, port: int) -> None:
        """Send ``data`` to ``plan.destination``:``port`` with SO_BROADCAST set for the user.

        A limited broadcast (255.255.255.255) leaves by the plan's interface: on Linux the
        socket is tied to that device for the send and given back its own binding after.
        """
        try:
            endpoint = self._endpoint()
            sock = endpoint.sock
            assert sock is not None
            address = sockaddr_for(endpoint.family, plan.destination, port)
            if address is None:
                raise not_an_address(plan.destination)
            device = _device(sock) if plan.interface is not None else None
            configure_broadcast(sock, plan)
            try:
                warning = endpoint.send(data, address)
            finally:
                if device is not None:
                    with contextlib.suppress(OSError):
                        sock.setsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE, device)
        except SocketDeskError as error:
            self._bridge.error_occurred.emit(error)
            return
        self._bridge._after_send(warning, address, data)

    # -- multicast ---------------------------------------------------------------------------------
    def join(self, group: str, interface: str, source: str | None) -> None:
        """Join ``group`` on ``interface`` (from ``source`` only, if given)."""
        try:
            self._control().join(group, interface, source or None)
        except SocketDeskError as error:
            self._bridge.error_occurred.emit(error)
        self._groups()

    def leave(self, group: str, interface: str, source: str | None) -> None:
        """Leave a group joined before."""
        try:
            self._control().leave(group, interface, source or None)
        except SocketDeskError as error:
            self._bridge.error_occurred.emit(error)
        self._groups()

    def set_options(self, ttl: int, loopback: bool, interface: str | None) -> None:
        """TTL / hop limit and loopback of multicast sent (and the interface it leaves by)."""
        try:
            control = self._control()
            if not 0 <= ttl <= 255:
                raise NetError(
                    sentence(
                        QT_TRANSLATE_NOOP("core", "The TTL must be between 0 and 255, not {ttl}."),
                        ttl=ttl,
                    )
                )
            control.set_ttl(ttl)
            control.set_loopback(loopback)
            if interface:
                control.set_send_interface(interface)
        except SocketDeskError as error:
            self._bridge.error_occurred.emit(error)

    def _control(self) -> MulticastSocket:
        sock = self._endpoint().sock
        assert sock is not None
        if self._multicast is None or self._multicast.sock is not sock:
            self._multicast = MulticastSocket(sock)
        return self._multicast

    def _groups(self) -> None:
        joined = self._multicast.joined if self._multicast is not None else []
        self._bridge.joined_groups.emit(joined)

    # -- subnet send -------------------------------------------------------------------------------
    def send_subnet(self, text: str, port: int, data: bytes, rate: float | None) -> None:
        """Send ``data`` to ``port`` on every host of ``text`` (a CIDR network or a range)."""
        bridge = self._bridge
        if self._subnet is not None:
            bridge.error_occurred.emit(subnet_busy())
            return
        try:
            endpoint = self._endpoint()
            targets = parse_targets(text)
            warning = check_size(len(data), endpoint.family)
            sockaddr_for(endpoint.family, str(targets.first), port)  # raises for the wrong family
        except SocketDeskError as error:
            bridge.error_occurred.emit(error)
            bridge.subnet_progress.emit(SubnetProgress(0, finished=True))  # nothing started
            return
        if warning is not None:
            bridge.notice.emit(warning)
        loop = asyncio.get_running_loop()
        sender = SubnetSender(
            targets,
            port,
            data,
            lambda payload, host, to: self._send_from_thread(loop, endpoint, payload, host, to),
            rate=rate if rate else None,
            progress=lambda result: bridge.subnet_progress.emit(_progress(result, False)),
            progress_every=max(1, len(targets) // _PROGRESS_STEPS),
        )
        self._subnet = sender
        bridge.subnet_progress.emit(SubnetProgress(len(targets)))
        self._subnet_task = loop.create_task(self._run_subnet(sender))

    def cancel_subnet(self) -> None:
        """Stop the subnet send (any thread: a flag)."""
        sender = self._subnet
        if sender is not None:
            sender.cancel()

    async def _run_subnet(self, sender: SubnetSender) -> None:
        try:
            result = await asyncio.to_thread(sender.run)
        finally:
            self._subnet = None
        final = _progress(result, True)
        bridge = self._bridge
        if isinstance(result.first_error, _Refused):
            bridge.error_occurred.emit(result.first_error.error)
        bridge.subnet_progress.emit(final)
        bridge.notice.emit(subnet_done(final, sender.port))

    def _send_from_thread(
        self,
        loop: asyncio.AbstractEventLoop,
        endpoint: UdpEndpoint,
        data: bytes,
        host: str,
        port: int,
    ) -> None:
        """One datagram of a subnet send (worker thread): sent by the endpoint on the loop."""
        for _ in range(_BLOCKED_TRIES):
            done: concurrent.futures.Future[None] = concurrent.futures.Future()
            try:
                loop.call_soon_threadsafe(self._send_on_loop, done, endpoint, data, host, port)
                done.result(_LOOP_WAIT_S)
                return
            except SendBlocked:
                time.sleep(_BLOCKED_WAIT_S)
            except SocketDeskError as error:
                raise _Refused(error) from None
            except (RuntimeError, concurrent.futures.TimeoutError):  # the loop is gone
                self.cancel_subnet()
                raise _Refused(sentences.not_running("udp")) from None
        raise _Refused(SendBlocked(f"{host}:{port}"))

    def _send_on_loop(
        self,
        done: concurrent.futures.Future[None],
        endpoint: UdpEndpoint,
        data: bytes,
        host: str,
        port: int,
    ) -> None:
        try:
            if not endpoint.is_open:
                raise sentences.not_running("udp")
            address = sockaddr_for(endpoint.family, host, port)
            assert address is not None  # parse_targets gave literal addresses
            endpoint.send(data, address)
        except SocketDeskError as error:
            done.set_exception(error)
            return
        self._bridge._after_send(None, address, data)
        done.set_result(None)

    # -- life --------------------------------------------------------------------------------------
    def closed(self) -> None:
        """The session's socket closed: its groups went with it, a subnet send stops."""
        self.cancel_subnet()
        if self._multicast is not None:
            self._multicast = None
            self._bridge.joined_groups.emit([])

    def _endpoint(self) -> UdpEndpoint:
        return self._bridge._running()


def _progress(result: SubnetResult, finished: bool) -> SubnetProgress:
    return SubnetProgress(result.total, result.sent, result.failed, finished, result.cancelled)


def _device(sock: socket.socket) -> bytes | None:
    """The device the socket is tied to now (b"" for none), to give back after a broadcast."""
    if not _LINUX:
        return None
    try:
        return sock.getsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE, _DEVICE_NAME).rstrip(
            b"\0"
        )
    except OSError:
        return None


def not_an_address(text: str) -> NetError:
    """A destination that is not an IP address."""
    return NetError(
        sentence(QT_TRANSLATE_NOOP("core", "'{text}' is not an IP address."), text=text)
    )
