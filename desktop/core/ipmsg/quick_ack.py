"""The RECVMSG of a known peer's message, decided and written from the raw datagram (issue #15).

A SENDMSG with SENDCHECKOPT from a peer in the roster is the one packet whose answer someone is
waiting for; ``MessengerNode.receive`` answers it after a full parse, three roster look-ups and
a strictly checked ``format_packet``, about 25 µs on a cold interpreter. ``AckTemplate.answer``
reads only what that decision needs from the bytes (mode, options, packet number, names),
looks the sender up in the roster's aliases and completes a RECVMSG written once per identity
with the node's next packet number, in one function: on a cold interpreter every call costs
about a microsecond (issue #15). Anything it is not sure of (a malformed field, an unknown
sender, a broadcast, an automatic reply, an encrypted body, our own datagram) gets ``None``,
and ``receive`` decides as always: the quick answer is only ever given where ``receive`` would
have given the same bytes.
"""

from __future__ import annotations

from collections.abc import Container

from desktop.core.ipmsg import messages as m
from desktop.core.ipmsg.constants import MAX_DATAGRAM, MODE_MASK, UINT32_MAX, Mode, Opt, SendOpt
from desktop.core.ipmsg.events import Address
from desktop.core.ipmsg.identity import Identity
from desktop.core.ipmsg.node_settings import NodeSettings
from desktop.core.ipmsg.packet import PacketNumbers, format_packet
from desktop.core.ipmsg.packet_errors import InvalidField

__all__ = ["AckTemplate"]

_SENDMSG = int(Mode.SENDMSG)
# Of these option bits only SENDCHECKOPT may be set for a RECVMSG (§1.5; ENCRYPTOPT: not read).
_DECIDING = SendOpt.SENDCHECKOPT | SendOpt.BROADCASTOPT | SendOpt.AUTORETOPT | Opt.ENCRYPTOPT
_ACK_ME = SendOpt.SENDCHECKOPT


class AckTemplate:
    """Our RECVMSG with two holes: our packet number and the acknowledged one.

    Args:
        identity: who we are; its RECVMSG is built and checked once by ``format_packet``.

    Attributes:
        usable: False if our identity cannot be written (then ``receive`` reports it, as ever).
    """

    def __init__(self, identity: Identity) -> None:
        self.identity = identity
        self._template = b""
        try:
            sample = format_packet(m.recv_msg(identity, 1, 0))
        except InvalidField:
            self.usable = False
            return
        version, _number, user, host, command, _extra = (
            field.replace(b"%", b"%%") for field in sample.split(b":", 5)
        )
        self._template = b":".join((version, b"%d", user, host, command, b"%d\0"))
        self.usable = True

    def answer(
        self,
        datagram: bytes,
        addr: Address,
        settings: NodeSettings,
        listed: Container[tuple[Address, bytes, bytes]],
        numbers: PacketNumbers,
    ) -> bytes | None:
        """The RECVMSG for ``datagram`` from ``addr`` if it certainly asks for one, else None.

        "Certainly": ``parse_packet`` would accept it (at most 65,535 bytes, no NUL in the
        version, packet number and command unsigned 32-bit decimals of at most ten digits), its
        sender is not our own socket (``settings``), ``(addr, user, host)`` is in ``listed``
        (the roster's aliases: only listed peers have them, so no NUL in those names),
        ``needs_ack`` would say yes and its body is not encrypted. The RECVMSG takes the next of
        ``numbers`` (None, nothing taken, when they are about to wrap: the node must announce).
        None in every case the full path must judge.
        """
        if len(datagram) > MAX_DATAGRAM or not self.usable:
            return None
        fields = datagram.split(b":", 5)
        if len(fields) != 6:
            return None
        version, number, user, host, command, _extra = fields
        if not (command.isdigit() and number.isdigit()) or len(command) > 10 or len(number) > 10:
            return None
        code = int(command)
        if code & MODE_MASK != _SENDMSG or code & _DECIDING != _ACK_ME or code > UINT32_MAX:
            return None
        original = int(number)
        if original > UINT32_MAX or b"\0" in version:
            return None
        if addr[1] == settings.port and addr[0] in settings.local_addresses:
            return None
        if (addr, user, host) not in listed:
            return None
        packet_no = numbers.next_unless_wrapping()
        return None if packet_no is None else self._template % (packet_no, original)
