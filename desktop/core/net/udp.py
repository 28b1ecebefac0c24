"""A UDP endpoint: bind, send to anyone or to a fixed ("connected") peer, receive from anyone.

Qt-free, used by the Workbench's UDP session (``desktop/workers/udp_bridge.py``) and by
``socketdesk-cli udp``. Datagrams arrive through a receive thread (``udp_receive``, chosen by
measuring), are counted in the session's ``Totals`` (datagrams are chunks) and the bounded peer
table on the event loop, then handed to the sink in batches. Echo and auto-reply rules (the TCP
rule engine, ``auto_reply``) answer from the receive thread itself, without a trip through the loop.
"""

from __future__ import annotations

import asyncio
import errno
import socket
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from desktop.core.errors import SocketDeskError
from desktop.core.net import udp_notes
from desktop.core.net.auto_reply import AutoReplyRule, first_reply
from desktop.core.net.connection import Totals, format_address
from desktop.core.net.resolve import resolve
from desktop.core.net.udp_facts import Datagram, PortUnreachable, SendBlocked, check_size
from desktop.core.net.udp_peers import DEFAULT_PEER_CAPACITY, PeerTable
from desktop.core.net.udp_receive import DEFAULT_RECEIVE_SIZE, ReceiveThread
from desktop.core.net.udp_socket import BindOptions, open_udp, send_error, sockaddr_for
from desktop.core.sentence import Sentence
from desktop.core.session import sentences

__all__ = ["UdpEndpoint", "UdpOptions", "UdpSink"]

SockAddr = tuple[object, ...]
_DONTWAIT = getattr(socket, "MSG_DONTWAIT", 0)


@dataclass(frozen=True)
class UdpOptions:
    """A UDP session's settings.

    Attributes:
        bind: where to bind and which socket options to set.
        peer: ``(host, port)`` of a fixed peer: the socket is ``connect()``ed, so only that
            peer is heard and ICMP port unreachable is reported (None: anyone).
        echo: send every datagram back to its sender.
        rules: auto-reply rules (the first match answers), used when ``echo`` is off.
        receive_size: larger datagrams are cut to this size and marked truncated.
        peer_capacity: peers the table keeps at most.
    """

    bind: BindOptions = field(default_factory=BindOptions)
    peer: tuple[str, int] | None = None
    echo: bool = False
    rules: tuple[AutoReplyRule, ...] = ()
    receive_size: int = DEFAULT_RECEIVE_SIZE
    peer_capacity: int = DEFAULT_PEER_CAPACITY


class UdpSink(Protocol):
    """Where a ``UdpEndpoint`` reports (loop thread)."""

    def on_datagrams(
        self, datagrams: list[Datagram], replies: list[tuple[SockAddr, bytes]]
    ) -> None:
        """Datagrams arrived (already counted), and the answers echo/rules sent to them."""

    def on_udp_error(self, error: SocketDeskError) -> None:
        """The socket reported a problem (e.g. the connected peer's port is unreachable)."""


class UdpEndpoint:
    """One bound UDP socket with its receive thread, peer table and counters.

    Args:
        sink: told about datagrams and errors.
        totals: the session's totals (datagrams count as chunks).
    """

    def __init__(self, sink: UdpSink, totals: Totals | None = None) -> None:
        self._sink = sink
        self.totals = totals if totals is not None else Totals()
        self.peers = PeerTable()
        self.sock: socket.socket | None = None
        self.local = ""
        self.peer: SockAddr | None = None  # the connected peer
        self._peer_name: tuple[str, int] | None = None
        self._receiver: ReceiveThread | None = None
        self._echo = False
        self._rules: tuple[AutoReplyRule, ...] = ()
        self._replies_counted = 0
        self._reply_bytes_counted = 0
        self.not_shown = 0  # datagrams counted but not handed over (the loop fell behind)

    # -- life ------------------------------------------------------------------------------------
    async def open(self, options: UdpOptions) -> str:
        """Bind (and connect to ``options.peer``); returns the local address.

        Raises:
            SocketDeskError: the bind, the resolution or the connect failed (with a sentence).
        """
        if self.sock is not None:
            raise sentences.already_running("udp")
        self.peers = PeerTable(options.peer_capacity)
        sock = open_udp(options.bind)
        try:
            if options.peer is not None:
                host, port = options.peer
                address = await self.resolve(sock.family, host, port)
                try:
                    sock.connect(address)
                except OSError as error:
                    raise send_error(error, format_address((host, port))) from None
                self.peer = address
                self._peer_name = (host, port)
        except BaseException:
            sock.close()
            raise
        self.sock = sock
        self.local = format_address(sock.getsockname())
        self.set_reply(options.echo, options.rules)
        receiver = ReceiveThread(
            sock,
            asyncio.get_running_loop(),
            self._on_batch,
            self._on_error,
            receive_size=options.receive_size,
        )
        receiver.reply = self._reply_function()
        self._receiver = receiver
        receiver.start()
        return self.local

    def close(self) -> None:
        """Stop receiving and close the socket (what was received is handed over first)."""
        receiver, self._receiver = self._receiver, None
        if receiver is not None:
            receiver.stop()
            receiver.drain_now()
        sock, self.sock = self.sock, None
        if sock is not None:
            sock.close()

    @property
    def is_open(self) -> bool:
        """True between ``open`` and ``close``."""
        return self.sock is not None

    @property
    def family(self) -> int:
        """AF_INET or AF_INET6 (AF_INET6 for dual stack)."""
        return self.sock.family if self.sock is not None else socket.AF_INET

    # -- options (any time while open) -----------------------------------------------------------
    def set_reply(self, echo: bool, rules: Sequence[AutoReplyRule] = ()) -> None:
        """Switch echo or the auto-reply rules (takes effect with the next datagram)."""
        self._echo = echo
        self._rules = tuple(rules)
        if self._receiver is not None:
            self._receiver.reply = self._reply_function()

    def set_broadcast(self, on: bool) -> None:
        """SO_BROADCAST on or off."""
        if self.sock is not None:
            self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1 if on else 0)

    def _reply_function(self) -> Callable[[Datagram], bytes | None] | None:
        if self._echo:
            return _echo
        rules = self._rules
        if not rules:
            return None

        def by_rules(datagram: Datagram) -> bytes | None:
            return first_reply(rules, datagram.data)

        return by_rules

    # -- sending (loop thread) -------------------------------------------------------------------
    async def resolve(self, family: int, host: str, port: int) -> SockAddr:
        """The socket address for ``host``:``port`` on a socket of ``family``.

        Raises:
            UnknownHost: the name does not resolve (for this socket's family).
        """
        literal = sockaddr_for(family, host, port)
        if literal is not None:
            return literal
        wanted = socket.AF_INET if family == socket.AF_INET else socket.AF_UNSPEC
        infos = await resolve(host, port, wanted)
        fam, address = infos[0]
        if family == socket.AF_INET6 and fam == socket.AF_INET:
            return (f"::ffff:{address[0]}", port, 0, 0)
        return tuple(address)

    async def send_to(self, data: bytes, host: str, port: int) -> Sentence | None:
        """Resolve ``host`` and send ``data`` there; returns a size warning or None.

        Raises:
            UnknownHost, DatagramTooLarge, NetError: nothing was sent.
        """
        address = await self.resolve(self.family, host, port)
        return self.send(data, address)

    def send(self, data: bytes, address: SockAddr | None = None) -> Sentence | None:
        """Send one datagram to ``address`` (None: the connected peer); never blocks.

        Returns:
            a warning sentence above 1472 bytes, else None.

        Raises:
            DatagramTooLarge, PortUnreachable, SendBlocked, NetError: nothing was sent.
        """
        sock = self.sock
        if sock is None:
            raise sentences.not_running("udp")
        warning = check_size(len(data), sock.family)
        try:
            if address is None:
                if self.peer is None:
                    raise udp_notes.no_target()
                sock.send(data, _DONTWAIT)
                address = self.peer
            else:
                sock.sendto(data, _DONTWAIT, address)
        except BlockingIOError:
            raise SendBlocked(format_address(address)) from None
        except ConnectionRefusedError:
            raise self._unreachable() from None
        except OSError as error:
            if error.errno == errno.EMSGSIZE:
                check_size(1 << 17, sock.family)  # raises DatagramTooLarge
            raise send_error(error, format_address(address)) from None
        size = len(data)
        totals = self.totals
        totals.chunks_out += 1
        totals.bytes_out += size
        self.peers.sent(address, size, time.time())
        return warning

    def send_to_all(self, data: bytes) -> int:
        """Send ``data`` to every peer in the table; returns how many it went to."""
        sent = 0
        for address in self.peers.addresses():
            self.send(data, address)
            sent += 1
        return sent

    # -- receiving (loop thread) -----------------------------------------------------------------
    def _on_batch(self, datagrams: list[Datagram], dropped: int, dropped_bytes: int) -> None:
        totals = self.totals
        size = 0
        # One peer-table update per sender and batch (a flood comes from one or a few).
        by_peer: dict[SockAddr, list[int]] = {}
        for peer, _data, real in datagrams:
            size += real
            seen = by_peer.get(peer)
            if seen is None:
                by_peer[peer] = [1, real]
            else:
                seen[0] += 1
                seen[1] += real
        now = time.time()
        received = self.peers.received
        for peer, (count, nbytes) in by_peer.items():
            received(peer, nbytes, now, count)
        totals.chunks_in += len(datagrams) + dropped
        totals.bytes_in += size + dropped_bytes
        self.not_shown += dropped
        replies: list[tuple[SockAddr, bytes]] = []
        receiver = self._receiver
        if receiver is not None and receiver.replies != self._replies_counted:
            count = receiver.replies - self._replies_counted
            totals.chunks_out += count
            totals.bytes_out += receiver.reply_bytes - self._reply_bytes_counted
            self._replies_counted = receiver.replies
            self._reply_bytes_counted = receiver.reply_bytes
            replies = receiver.take_replies()
            sent = self.peers.sent
            for peer, answer in replies:
                sent(peer, len(answer), now)
        self._sink.on_datagrams(datagrams, replies)

    def _on_error(self, error: OSError) -> None:
        if isinstance(error, ConnectionRefusedError) and self.peer is not None:
            self._sink.on_udp_error(self._unreachable())
        else:
            self._sink.on_udp_error(send_error(error, self.local))

    def _unreachable(self) -> PortUnreachable:
        host, port = self._peer_name if self._peer_name is not None else ("?", 0)
        return PortUnreachable(host, port)


def _echo(datagram: Datagram) -> bytes:
    return datagram.data
