"""IP Messenger (and its FeiQ and iptux dialects) as a sans-IO codec: bytes in, packets out.

``parse_packet`` reads a datagram, ``format_packet`` writes one; ``messages`` builds what a node
sends and says what to answer; ``dialect`` and ``text`` decode what peers send. No sockets, no
threads, no clocks: the caller owns all of those.
"""

from desktop.core.ipmsg import messages
from desktop.core.ipmsg.constants import PORT, Mode, Opt, SendOpt
from desktop.core.ipmsg.dialect import Dialect, detect_dialect, peer_encoding, reply_encoding
from desktop.core.ipmsg.engine import MessengerEngine
from desktop.core.ipmsg.errors import InvalidField, IpmsgError, MalformedPacket
from desktop.core.ipmsg.identity import Identity
from desktop.core.ipmsg.node import MessengerNode
from desktop.core.ipmsg.packet import Packet, PacketNumbers, format_packet, parse_packet
from desktop.core.ipmsg.settings import NodeSettings
from desktop.core.ipmsg.text import decode_message, parse_entry_extra, strip_feiq_font

__all__ = [
    "PORT",
    "Dialect",
    "Identity",
    "InvalidField",
    "IpmsgError",
    "MalformedPacket",
    "MessengerEngine",
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
