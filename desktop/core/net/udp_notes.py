"""What a UDP session tells its user about commands it refused or finished (typed, translatable)."""

from __future__ import annotations

from desktop.core.errors import NetError
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence

__all__ = ["bound", "datagrams_saved", "file_sent", "generator_busy", "no_peer_seen", "no_target"]


def no_peer_seen() -> NetError:
    """A send to every seen peer before anybody was seen."""
    return NetError(sentence(QT_TRANSLATE_NOOP("core", "No peer has been seen: nothing was sent.")))


def no_target() -> NetError:
    """A send without a host and port (and no connected peer)."""
    return NetError(
        sentence(QT_TRANSLATE_NOOP("core", "Choose a host and port to send to: nothing was sent."))
    )


def generator_busy() -> NetError:
    """A second generator while one runs."""
    return NetError(sentence(QT_TRANSLATE_NOOP("core", "The generator is already running.")))


def datagrams_saved(count: int, path: str) -> Sentence:
    """Saving one file per datagram finished."""
    return sentence(
        QT_TRANSLATE_NOOP("core", "Saved {count} datagrams to {path}."), count=count, path=path
    )


def file_sent(path: str, count: int) -> Sentence:
    """A file went out as a datagram sequence (or this much of it, before an error)."""
    return sentence(
        QT_TRANSLATE_NOOP("core", "Sent {path} as {count} datagrams."), path=path, count=count
    )


def bound(local: str) -> Sentence:
    """The session's socket is bound (its first log line)."""
    return sentence(QT_TRANSLATE_NOOP("core", "Bound to {address}."), address=local)
