"""Keep a connection up: connect, wait until it closes, try again with back-off."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from desktop.core.errors import SocketDeskError
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence

__all__ = ["Backoff", "keep_connected", "retry_sentence"]

# The first wait after a failure or a close, doubled after each failed attempt up to the cap:
# a server that is restarting is found within a second, one that is down is not hammered.
FIRST_DELAY_S = 1.0
MAX_DELAY_S = 30.0


class Backoff:
    """Delays between attempts: ``first_s``, doubling up to ``max_s``; ``reset`` after a success."""

    def __init__(self, first_s: float = FIRST_DELAY_S, max_s: float = MAX_DELAY_S) -> None:
        self.first_s = first_s
        self.max_s = max_s
        self.delay = first_s

    def grow(self) -> None:
        """An attempt failed: wait longer next time."""
        self.delay = min(self.delay * 2, self.max_s)

    def reset(self) -> None:
        """A connection was made: start from ``first_s`` again."""
        self.delay = self.first_s


def retry_sentence(delay: float, reason: SocketDeskError | None = None) -> Sentence:
    """ "<why> Trying again in N s." (or without the reason after a connection closed)."""
    if reason is None:
        return sentence(QT_TRANSLATE_NOOP("core", "Trying again in {delay} s."), delay=f"{delay:g}")
    return sentence(
        QT_TRANSLATE_NOOP("core", "{reason} Trying again in {delay} s."),
        reason=reason.sentence,
        delay=f"{delay:g}",
    )


async def keep_connected(
    connect: Callable[[], Awaitable[None]],
    wait_closed: Callable[[], Awaitable[None]],
    *,
    reconnect: bool,
    on_failed: Callable[[SocketDeskError], None],
    on_waiting: Callable[[Sentence], None],
    backoff: Backoff | None = None,
) -> None:
    """Connect, wait for the close, and (with ``reconnect``) start again after a back-off.

    Without ``reconnect`` a failed ``connect`` is reported to ``on_failed`` and the function
    returns, as it does once the connection closes. With it, every failure and every close is
    reported to ``on_waiting`` with a sentence saying when the next attempt is; the function runs
    until it is cancelled.

    Args:
        connect: makes one attempt; raises ``SocketDeskError`` when it fails.
        wait_closed: returns once the connection made by ``connect`` is closed.
        reconnect: try again after failures and closes.
        on_failed: the failure, when not reconnecting.
        on_waiting: what happened and when the next attempt is, when reconnecting.
        backoff: the delays (a fresh ``Backoff()`` by default).
    """
    backoff = backoff if backoff is not None else Backoff()
    while True:
        try:
            await connect()
        except SocketDeskError as error:
            if not reconnect:
                on_failed(error)
                return
            on_waiting(retry_sentence(backoff.delay, error))
            await asyncio.sleep(backoff.delay)
            backoff.grow()
            continue
        backoff.reset()
        await wait_closed()
        if not reconnect:
            return
        on_waiting(retry_sentence(backoff.delay))
        await asyncio.sleep(backoff.delay)
