"""The INFO lines a session writes in its log (listening, clients, pairs, files), as sentences.

A log record keeps bytes, so the worker renders each line in the interface language when it makes
the record (``desktop.wording.say``); the CLI prints ``str()``, the English.
"""

from __future__ import annotations

from pathlib import Path

from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence

__all__ = [
    "client_closed",
    "client_connected",
    "file_sending",
    "file_sent",
    "injected",
    "injected_label",
    "listening",
    "pair_closed",
    "pair_failed",
    "pair_opened",
    "relaying",
]


def listening(address: str, tls: bool) -> Sentence:
    """ "Listening on ADDRESS" (with TLS)."""
    template = (
        QT_TRANSLATE_NOOP("core", "Listening on {address} with TLS")
        if tls
        else QT_TRANSLATE_NOOP("core", "Listening on {address}")
    )
    return sentence(template, address=address)


def client_connected(client_id: int, peer: str) -> Sentence:
    """A server's client came."""
    return sentence(
        QT_TRANSLATE_NOOP("core", "Client {client} connected from {peer}"),
        client=client_id,
        peer=peer,
    )


def client_closed(client_id: int, peer: str, reason: Sentence) -> Sentence:
    """A server's client left, and why."""
    return sentence(
        QT_TRANSLATE_NOOP("core", "Client {client} ({peer}): {reason}"),
        client=client_id,
        peer=peer,
        reason=reason,
    )


def file_sending(path: Path) -> Sentence:
    """A file send began."""
    return sentence(QT_TRANSLATE_NOOP("core", "Sending file {path}…"), path=str(path))


def file_sent(path: Path, count: int) -> Sentence:
    """A file send finished."""
    return sentence(
        QT_TRANSLATE_NOOP("core", "Sent file {name}: {count} bytes."), name=path.name, count=count
    )


def relaying(address: str, target: str) -> Sentence:
    """A relay listens on ``address`` for ``target``."""
    return sentence(
        QT_TRANSLATE_NOOP("core", "Relaying {address} → {target}"), address=address, target=target
    )


def pair_opened(pair_id: int, client: str, target: str) -> Sentence:
    """A relay pair is up."""
    return sentence(
        QT_TRANSLATE_NOOP("core", "Pair {pair}: {client} ⇄ {target}"),
        pair=pair_id,
        client=client,
        target=target,
    )


def pair_failed(pair_id: int, client: str, reason: Sentence) -> Sentence:
    """No pair was made for ``client``."""
    return sentence(
        QT_TRANSLATE_NOOP("core", "Pair {pair} ({client}): {reason}"),
        pair=pair_id,
        client=client,
        reason=reason,
    )


def pair_closed(pair_id: int, reason: Sentence) -> Sentence:
    """A relay pair ended."""
    return sentence(QT_TRANSLATE_NOOP("core", "Pair {pair}: {reason}"), pair=pair_id, reason=reason)


def injected(pair_id: int, count: int, to_target: bool) -> Sentence:
    """Bytes the user injected into a pair."""
    template = (
        QT_TRANSLATE_NOOP("core", "Injected {count} bytes toward the target of pair {pair}")
        if to_target
        else QT_TRANSLATE_NOOP("core", "Injected {count} bytes toward the client of pair {pair}")
    )
    return sentence(template, count=count, pair=pair_id)


def injected_label(pair_id: int, to_target: bool) -> Sentence:
    """The peer column of bytes the user injected into a pair ("#3 injected→target")."""
    template = (
        QT_TRANSLATE_NOOP("core", "#{pair} injected→target")
        if to_target
        else QT_TRANSLATE_NOOP("core", "#{pair} injected→client")
    )
    return sentence(template, pair=pair_id)
