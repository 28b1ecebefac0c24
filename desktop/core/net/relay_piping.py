"""A relay's piping: bytes, flow control, EOFs and losses of the pairs that are open.

Each pair is two ``SideConnection``s sharing the relay's one read buffer. Flow control crosses
over: when the side being written to stops taking bytes, the other side's reading is paused, so
a peer that never reads costs at most one read plus the transport's high-water mark. Half-close
is forwarded (EOF from one side becomes ``write_eof`` on the other). asyncio cannot half-close a
TLS stream: after EOF from the other side, a TLS side gets a short grace time for its last bytes
and is then closed; EOF from a TLS side ends the pair.
"""

from __future__ import annotations

import asyncio

from desktop.core.errors import NetError
from desktop.core.net.connection import CLOSED, StreamConnection
from desktop.core.net.relay_events import RelaySide, RelaySink
from desktop.core.net.relay_pair import RelayPair, SideConnection
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence

__all__ = ["RelayPiping"]

# Why a pair ended, by the side that ended it (a side's name is a word to translate too).
_CLOSED_BY = {
    RelaySide.CLIENT: QT_TRANSLATE_NOOP("core", "The client closed the connection."),
    RelaySide.TARGET: QT_TRANSLATE_NOOP("core", "The target closed the connection."),
}
# Both sides sent EOF: by the side that closed second.
_THEN_CLOSED_BY = {
    RelaySide.CLIENT: QT_TRANSLATE_NOOP(
        "core", "The target closed the connection, then the client."
    ),
    RelaySide.TARGET: QT_TRANSLATE_NOOP(
        "core", "The client closed the connection, then the target."
    ),
}
_ON_SIDE = {
    RelaySide.CLIENT: QT_TRANSLATE_NOOP("core", "On the client side: {reason}"),
    RelaySide.TARGET: QT_TRANSLATE_NOOP("core", "On the target side: {reason}"),
}

# A side being closed that does not take its last bytes within this is dropped: a peer that never
# reads must not keep a finished pair (and its buffers) alive forever.
_LINGER = 5.0
# asyncio cannot half-close TLS: after the other side's EOF, a TLS side gets this long to send its
# last bytes (an answer to a request ended by EOF) before it is closed, like socat's ``-t``.
_TLS_EOF_GRACE = 2.0


class RelayPiping:
    """The half of ``TcpRelay`` that moves an open pair's bytes and ends the pair.

    ``TcpRelay`` (``relay.py``) listens and opens pairs; the ``SideConnection``s call the hooks
    here (``_data``, ``_eof``, ``_lost``, ``_blocked``).
    """

    def __init__(self, sink: RelaySink) -> None:
        self._sink = sink
        self._pairs: dict[int, RelayPair] = {}
        self._empty = asyncio.Event()

    @staticmethod
    def _may_read(pair: RelayPair, side: SideConnection) -> bool:
        other = pair.target if side is pair.client else pair.client
        return pair.opened and other is not None and other.is_open and not other.write_blocked

    def _refresh(self, pair: RelayPair) -> None:
        for side in pair.sides():
            side.set_reading(self._may_read(pair, side))

    def _blocked(self, side: SideConnection) -> None:
        pair = self._pairs.get(side.tag) if side.tag is not None else None
        if pair is not None:
            self._refresh(pair)

    def _data(self, connection: StreamConnection, data: memoryview) -> None:
        assert isinstance(connection, SideConnection)
        pair = self._pairs.get(connection.tag) if connection.tag is not None else None
        if pair is None:
            return  # cannot happen: a side is read while its pair exists only
        if not pair.opened:
            # _made pauses a new side, but uvloop starts reading after ``connection_made``
            # whatever it asked (a pause there is a no-op): keep this read for the other side.
            connection.held.append(bytes(data))
            connection.pause_now()
            return
        self._sink.on_data(pair.pair_id, connection.side, data)
        other = pair.other(connection)
        if other is None or not other.is_open:
            return  # the pair is ending (its reason is set): there is nowhere to send to
        try:
            other.write(bytes(data))  # a copy: the transport may keep it, the buffer is reused
        except NetError as error:
            self._end(pair, error.sentence)

    def _eof(self, side: SideConnection) -> bool:
        """EOF from ``side``; returns whether its transport stays open (for the other's bytes)."""
        pair = self._pairs.get(side.tag) if side.tag is not None else None
        if pair is None or not pair.opened:
            return False
        pair.first_eof = pair.first_eof or side.side
        other = pair.other(side)
        if other is None or not other.is_open:
            return False
        if side.transport is None or not side.transport.can_write_eof():
            # TLS: asyncio cannot keep a TLS stream open after its peer's EOF.
            self._end(pair, sentence(_CLOSED_BY[side.side]))
            return False
        if other.eof_received_from_peer:
            self._end(pair, sentence(_THEN_CLOSED_BY[side.side]))
            return False
        assert other.transport is not None
        if other.transport.can_write_eof():
            other.close_write()
            other.eof_sent = True
        elif pair.grace is None:  # TLS cannot be half-closed: let its last bytes come, then close
            why = sentence(_CLOSED_BY[side.side])
            pair.grace = asyncio.get_running_loop().call_later(_TLS_EOF_GRACE, self._end, pair, why)
        return True

    def _lost(self, connection: StreamConnection, reason: Sentence) -> None:
        assert isinstance(connection, SideConnection)
        pair = self._pairs.get(connection.tag) if connection.tag is not None else None
        if pair is None:
            return
        if not pair.opened:
            return  # _open looks at lost sides once the target has answered
        if connection.eof_received_from_peer and not connection.failed:
            self._end(pair, sentence(_CLOSED_BY[connection.side]))
        else:
            self._end(pair, sentence(_ON_SIDE[connection.side], reason=reason))
        if all(side.lost for side in pair.sides()):
            self._pairs.pop(pair.pair_id, None)
            for timer in (pair.linger, pair.grace):
                if timer is not None:
                    timer.cancel()
            self._sink.on_pair_closed(pair.pair_id, pair.reason or CLOSED)
            if not self._pairs:
                self._empty.set()

    def _end(self, pair: RelayPair, reason: Sentence) -> None:
        """Decide that ``pair`` ends (the first reason wins) and close what is still open."""
        pair.reason = pair.reason or reason
        for side in pair.sides():
            side.close(pair.reason)
        if pair.linger is None and not all(side.lost for side in pair.sides()):
            pair.linger = asyncio.get_running_loop().call_later(_LINGER, self._drop, pair)

    def _drop(self, pair: RelayPair) -> None:
        for side in pair.sides():
            side.abort(pair.reason or CLOSED)
