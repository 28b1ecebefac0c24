"""What a session tells its user about commands it refused or finished (typed, translatable)."""

from __future__ import annotations

from pathlib import Path

from desktop.core.errors import NetError, SocketDeskError
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence

__all__ = [
    "already_running",
    "attempt_cancelled",
    "client_left",
    "connect_first",
    "file_busy",
    "no_client",
    "not_running",
    "pair_failed",
    "saved",
    "stopped_reconnecting",
]


def already_running(kind: str) -> NetError:
    """A start while the session runs: ``kind`` is "client", "server" or "relay"."""
    templates = {
        "client": QT_TRANSLATE_NOOP("core", "Already connected; disconnect first."),
        "server": QT_TRANSLATE_NOOP("core", "The server is already running; stop it first."),
        "relay": QT_TRANSLATE_NOOP("core", "The relay is already running; stop it first."),
    }
    template = templates.get(
        kind, QT_TRANSLATE_NOOP("core", "The session is already running; stop it first.")
    )
    return NetError(sentence(template))


def not_running(kind: str) -> NetError:
    """A send while there is nothing to send on."""
    templates = {
        "client": QT_TRANSLATE_NOOP("core", "Not connected: nothing was sent."),
        "server": QT_TRANSLATE_NOOP("core", "The server is not running: nothing was sent."),
        "relay": QT_TRANSLATE_NOOP("core", "No pair is open: nothing was injected."),
    }
    template = templates.get(
        kind, QT_TRANSLATE_NOOP("core", "The session is not running: nothing was sent.")
    )
    return NetError(sentence(template))


def connect_first() -> NetError:
    """A file send without a connection."""
    return NetError(
        sentence(QT_TRANSLATE_NOOP("core", "Connect first: there is no open connection."))
    )


def file_busy() -> NetError:
    """A second file send while one runs."""
    return NetError(sentence(QT_TRANSLATE_NOOP("core", "A file is already being sent.")))


def pair_failed(pair_id: int, error: SocketDeskError) -> NetError:
    """An injection into one relay pair failed."""
    return NetError(
        sentence(
            QT_TRANSLATE_NOOP("core", "Pair {pair}: {reason}"), pair=pair_id, reason=error.sentence
        )
    )


def client_left(client_id: int) -> NetError:
    """A send to a server client that has already left."""
    return NetError(
        sentence(
            QT_TRANSLATE_NOOP("core", "Client {client} has left: nothing was sent to it."),
            client=client_id,
        )
    )


def no_client() -> NetError:
    """A server send with no client connected."""
    return NetError(
        sentence(QT_TRANSLATE_NOOP("core", "No client is connected: nothing was sent."))
    )


def saved(count: int, path: Path) -> Sentence:
    """ "Saved N bytes to PATH." (saving received data finished)."""
    return sentence(
        QT_TRANSLATE_NOOP("core", "Saved {count} bytes to {path}."), count=count, path=str(path)
    )


def stopped_reconnecting() -> Sentence:
    """The user stopped a session that was waiting to reconnect."""
    return sentence(QT_TRANSLATE_NOOP("core", "Stopped reconnecting."))


def attempt_cancelled() -> NetError:
    """The user cancelled a connection attempt."""
    return NetError(sentence(QT_TRANSLATE_NOOP("core", "The connection attempt was cancelled.")))
