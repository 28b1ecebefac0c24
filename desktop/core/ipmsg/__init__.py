"""IP Messenger (and its FeiQ and iptux dialects), sans-IO: bytes and times in, actions out.

``parse_packet`` reads a datagram, ``format_packet`` writes one; ``messages`` builds what a node
sends and says what to answer; ``dialect`` and ``text`` decode what peers send; ``MessengerNode``
is the state machine (roster, delivery, answers) with explicit time. No sockets, no threads, no
clocks (``tests/core/test_layers.py`` says so): the caller owns all of those, and
``desktop.core.ipmsg_io`` is the caller that runs a node on a UDP socket.
"""

from desktop.core.ipmsg import messages
from desktop.core.ipmsg.constants import PORT, Mode, Opt, SendOpt
from desktop.core.ipmsg.dialect import Dialect, detect_dialect, peer_encoding, reply_encoding
from desktop.core.ipmsg.identity import Identity
from desktop.core.ipmsg.node import MessengerNode
from desktop.core.ipmsg.node_settings import NodeSettings
from desktop.core.ipmsg.packet import Packet, PacketNumbers, format_packet, parse_packet
from desktop.core.ipmsg.packet_errors import InvalidField, IpmsgError, MalformedPacket
from desktop.core.ipmsg.text import decode_message, parse_entry_extra, strip_feiq_font

__all__ = [
    "PORT",
    "Dialect",
    "Identity",
    "InvalidField",
    "IpmsgError",
    "MalformedPacket",
    "MessengerNode",
    "Mode",
    "NodeSettings",
    "Opt",
    "Packet",
    "PacketNumbers",
    "SendOpt",
    "decode_message",
    "detect_dialect",
    "format_packet",
    "messages",
    "parse_entry_extra",
    "parse_packet",
    "peer_encoding",
    "reply_encoding",
    "strip_feiq_font",
]
