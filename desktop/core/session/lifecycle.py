"""One lifecycle for every session kind: idle → starting → running (→ waiting) → idle.

A TCP client "starts" by connecting, a server or relay by listening, a UDP endpoint by binding:
each reports the same ``SessionStatus`` (a phase and a sentence saying it), so the GUI shows and
stops every kind the same way.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass

from desktop.core.errors import SocketDeskError
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence

__all__ = [
    "Phase",
    "SessionStatus",
    "connected_status",
    "connecting_status",
    "idle_status",
    "listening_status",
    "relaying_status",
    "starting_status",
    "status_of",
    "stopped_status",
    "waiting_status",
]


class Phase(enum.Enum):
    """Where a session is in its life."""

    IDLE = "idle"  # nothing open: the session may start
    STARTING = "starting"  # connecting, or opening its listening sockets
    RUNNING = "running"  # connected, or listening
    WAITING = "waiting"  # between two connection attempts (reconnecting)

    @property
    def active(self) -> bool:
        """True unless idle: a stop (cancel, disconnect, stop reconnecting) has work to do."""
        return self is not Phase.IDLE


@dataclass(frozen=True, slots=True)
class SessionStatus:
    """A session's phase and the sentence that says it (the state line of its panel)."""

    phase: Phase
    sentence: Sentence


def status_of(phase: Phase, what: Sentence | SocketDeskError | str) -> SessionStatus:
    """A status whose sentence is ``what`` (an error's sentence; a ``str`` as it is)."""
    if isinstance(what, SocketDeskError):
        what = what.sentence
    elif isinstance(what, str):
        what = Sentence("{text}", (("text", what),))
    return SessionStatus(phase, what)


def idle_status(listening: bool = False) -> SessionStatus:
    """Idle: "Not connected" for a client, "Stopped" for a listening session."""
    if listening:
        return SessionStatus(Phase.IDLE, sentence(QT_TRANSLATE_NOOP("core", "Stopped")))
    return SessionStatus(Phase.IDLE, sentence(QT_TRANSLATE_NOOP("core", "Not connected")))


def connecting_status(host: str, port: int) -> SessionStatus:
    """ "Connecting to host:port…"."""
    return SessionStatus(
        Phase.STARTING,
        sentence(QT_TRANSLATE_NOOP("core", "Connecting to {host}:{port}…"), host=host, port=port),
    )


def connected_status(peer: str) -> SessionStatus:
    """ "Connected to peer"."""
    return SessionStatus(
        Phase.RUNNING, sentence(QT_TRANSLATE_NOOP("core", "Connected to {peer}"), peer=peer)
    )


def waiting_status(why: Sentence) -> SessionStatus:
    """Between two attempts; ``why`` says what happened and when the next attempt is."""
    return SessionStatus(Phase.WAITING, why)


def starting_status() -> SessionStatus:
    """ "Starting…" (opening listening sockets)."""
    return SessionStatus(Phase.STARTING, sentence(QT_TRANSLATE_NOOP("core", "Starting…")))


def listening_status(addresses: Sequence[str], tls: bool = False) -> SessionStatus:
    """ "Listening on a, b" (with TLS)."""
    template = (
        QT_TRANSLATE_NOOP("core", "Listening on {addresses} with TLS")
        if tls
        else QT_TRANSLATE_NOOP("core", "Listening on {addresses}")
    )
    return SessionStatus(Phase.RUNNING, sentence(template, addresses=", ".join(addresses)))


def relaying_status(addresses: Sequence[str], target: str) -> SessionStatus:
    """ "Relaying a, b → target"."""
    return SessionStatus(
        Phase.RUNNING,
        sentence(
            QT_TRANSLATE_NOOP("core", "Relaying {addresses} → {target}"),
            addresses=", ".join(addresses),
            target=target,
        ),
    )


def stopped_status(kind: str) -> SessionStatus:
    """A listening session stopped: ``kind`` is "server", "relay" or "udp"."""
    templates = {
        "server": QT_TRANSLATE_NOOP("core", "The server stopped."),
        "relay": QT_TRANSLATE_NOOP("core", "The relay stopped."),
    }
    template = templates.get(kind, QT_TRANSLATE_NOOP("core", "The session stopped."))
    return SessionStatus(Phase.IDLE, sentence(template))
