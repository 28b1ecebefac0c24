"""Typed errors of the messenger node and engine (the codec's are in ``packet_errors.py``)."""

from __future__ import annotations

from desktop.core.errors import AddressInUse, NetError
from desktop.core.ipmsg.packet_errors import IpmsgError
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence, translate

__all__ = ["BadTarget", "NoBroadcastAddress", "PortInUse", "TooManyPending", "UnknownPeer"]


class UnknownPeer(IpmsgError):
    """A command named a peer the node has never seen (our misuse, like ``InvalidField``)."""

    def __init__(self, peer: str) -> None:
        self.peer = peer
        super().__init__(
            sentence(QT_TRANSLATE_NOOP("core", "{peer} is not in the list of users."), peer=peer)
        )


class TooManyPending(IpmsgError):
    """Too many messages are waiting for their acknowledgement; the text was not sent."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        super().__init__(
            translate(
                "core",
                "%n message(s) are still waiting to be delivered; "
                "this one was not sent, try again in a few seconds.",
                None,
                1,
            ).counting(limit)
        )


class BadTarget(IpmsgError):
    """A broadcast target (address, ``address:port``, range or subnet) could not be read."""

    def __init__(self, text: str, reason: Sentence | str) -> None:
        self.text = text
        self.reason = reason
        super().__init__(
            sentence(
                QT_TRANSLATE_NOOP("core", "The broadcast target {target} {reason}."),
                target=repr(text),
                reason=reason,
            )
        )


class NoBroadcastAddress(NetError):
    """No network interface has a broadcast address, and no target was given."""

    def __init__(self) -> None:
        super().__init__(
            sentence(
                QT_TRANSLATE_NOOP(
                    "core",
                    "No network interface has a broadcast address, so other IP Messenger users "
                    "cannot be found: connect to a network, or give the addresses to announce to.",
                )
            )
        )


class PortInUse(AddressInUse):
    """The messenger's UDP port is taken; says by which program when it can be found.

    Args:
        host: the address asked for.
        port: the port asked for.
        owner: the program holding it, e.g. ``iptux (pid 4242)``, if found.
        free_port: a nearby port that is free, to offer instead, if found.
    """

    def __init__(self, host: str, port: int, owner: str | None, free_port: int | None) -> None:
        super().__init__(host, port)
        self.owner = owner
        self.free_port = free_port
        who = owner or sentence(QT_TRANSLATE_NOOP("core", "another program"))
        if free_port:
            template = QT_TRANSLATE_NOOP(
                "core",
                "UDP port {port} on {host} is already in use by {owner}; quit it, or choose "
                "another port ({free} is free) and tell your peers to send to it.",
            )
        else:
            template = QT_TRANSLATE_NOOP(
                "core",
                "UDP port {port} on {host} is already in use by {owner}; quit it, or choose "
                "another port and tell your peers to send to it.",
            )
        self.sentence = sentence(template, port=port, host=host, owner=who, free=free_port)
        self.args = (str(self.sentence),)
