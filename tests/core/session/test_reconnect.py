"""Reconnect with back-off: one loop for every session that keeps a connection up."""

from __future__ import annotations

import asyncio

import pytest

from desktop.core.errors import ConnectRefused, SocketDeskError
from desktop.core.sentence import Sentence
from desktop.core.session.reconnect import Backoff, keep_connected


def test_backoff_doubles_up_to_the_cap_and_resets() -> None:
    backoff = Backoff(1.0, 5.0)
    delays = []
    for _ in range(5):
        delays.append(backoff.delay)
        backoff.grow()
    assert delays == [1.0, 2.0, 4.0, 5.0, 5.0]
    backoff.reset()
    assert backoff.delay == 1.0


def test_without_reconnect_a_failure_is_reported_once() -> None:
    failures: list[SocketDeskError] = []

    async def connect() -> None:
        raise ConnectRefused("127.0.0.1", 9)

    async def wait_closed() -> None:
        raise AssertionError("never connected")

    asyncio.run(
        keep_connected(
            connect,
            wait_closed,
            reconnect=False,
            on_failed=failures.append,
            on_waiting=lambda why: pytest.fail(str(why)),
        )
    )
    assert len(failures) == 1 and isinstance(failures[0], ConnectRefused)


def test_with_reconnect_failures_and_closes_wait_longer_then_reset() -> None:
    waits: list[Sentence] = []
    attempts: list[str] = []
    outcomes = iter(["fail", "fail", "ok", "fail", "ok"])

    async def connect() -> None:
        outcome = next(outcomes)
        attempts.append(outcome)
        if outcome == "fail":
            raise ConnectRefused("127.0.0.1", 9)

    async def wait_closed() -> None:
        if len(attempts) == 5:
            raise asyncio.CancelledError  # the user stops the session

    async def run() -> None:
        with pytest.raises(asyncio.CancelledError):
            await keep_connected(
                connect,
                wait_closed,
                reconnect=True,
                on_failed=lambda error: pytest.fail(str(error)),
                on_waiting=waits.append,
                backoff=Backoff(0.001, 0.004),
            )

    asyncio.run(run())
    assert attempts == ["fail", "fail", "ok", "fail", "ok"]
    assert [w.template for w in waits] == [
        "{reason} Trying again in {delay} s.",
        "{reason} Trying again in {delay} s.",
        "Trying again in {delay} s.",  # the connection closed
        "{reason} Trying again in {delay} s.",
    ]
    # 1, 2 ms after failures; back to 1 ms after the connection was made
    assert [w.fact("delay") for w in waits] == ["0.001", "0.002", "0.001", "0.001"]
    assert str(waits[0]).endswith("Trying again in 0.001 s.")
