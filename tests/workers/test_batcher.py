"""The batcher on a real asyncio loop: coalescing, rate, credit, caps."""

from __future__ import annotations

import asyncio

from desktop.workers.batcher import Batcher


def test_items_arriving_together_form_one_batch() -> None:
    async def scenario() -> list[list[bytes]]:
        batches: list[list[bytes]] = []
        batcher: Batcher[bytes] = Batcher(asyncio.get_running_loop(), batches.append)
        for i in range(1000):
            batcher.add(b"%d" % i)
        await asyncio.sleep(0.1)
        return batches

    batches = asyncio.run(scenario())
    assert len(batches) == 1 and len(batches[0]) == 1000


def test_without_ack_only_one_batch_is_in_flight() -> None:
    async def scenario() -> tuple[list[list[bytes]], Batcher[bytes]]:
        batches: list[list[bytes]] = []
        batcher: Batcher[bytes] = Batcher(
            asyncio.get_running_loop(), batches.append, interval=0.001
        )
        batcher.add(b"a")
        await asyncio.sleep(0.05)
        for _ in range(20):
            batcher.add(b"b")
            await asyncio.sleep(0.002)
        assert len(batches) == 1  # the consumer never acknowledged: nothing more was emitted
        batcher.ack()
        await asyncio.sleep(0.05)
        return batches, batcher

    batches, _ = asyncio.run(scenario())
    assert len(batches) == 2 and batches[1] == [b"b"] * 20


def test_batches_are_spaced_by_the_interval_whatever_the_flood() -> None:
    """A consumer that acks at once still gets at most one batch per interval."""

    async def scenario() -> tuple[int, int]:
        loop = asyncio.get_running_loop()
        batcher: Batcher[bytes]
        count = 0
        items = 0

        def emit(batch: list[bytes]) -> None:
            nonlocal count, items
            count += 1
            items += len(batch)
            loop.call_soon(batcher.ack)

        batcher = Batcher(loop, emit, interval=0.05)
        start = loop.time()
        while loop.time() - start < 0.5:
            batcher.add(b"x")
            await asyncio.sleep(0)
        batcher.flush_now()
        return count, items

    count, items = asyncio.run(scenario())
    assert items > count * 5  # many items per batch: coalescing happened
    assert count <= 0.5 / 0.05 + 2  # bounded by the interval, not by the flood


def test_pending_is_capped_and_drops_are_counted() -> None:
    async def scenario() -> tuple[list[list[bytes]], Batcher[bytes]]:
        batches: list[list[bytes]] = []
        batcher: Batcher[bytes] = Batcher(
            asyncio.get_running_loop(), batches.append, max_pending_bytes=1000
        )
        batcher.add(b"first")
        await asyncio.sleep(0.05)  # first batch in flight, never acked
        for i in range(500):
            batcher.add(b"%010d" % i)
        batcher.ack()
        await asyncio.sleep(0.05)
        return batches, batcher

    batches, batcher = asyncio.run(scenario())
    kept = batches[1]
    assert sum(map(len, kept)) <= 1000
    assert kept[-1] == b"%010d" % 499  # the newest are kept
    assert batcher.dropped == 500 - len(kept)


def test_flush_now_emits_pending_immediately() -> None:
    async def scenario() -> list[list[bytes]]:
        batches: list[list[bytes]] = []
        batcher: Batcher[bytes] = Batcher(asyncio.get_running_loop(), batches.append, interval=10)
        batcher.add(b"a")
        await asyncio.sleep(0.02)  # the first batch goes out at once (nothing emitted before)
        batcher.ack()
        batcher.add(b"b")
        batcher.flush_now()
        return batches

    assert asyncio.run(scenario()) == [[b"a"], [b"b"]]


def test_a_batch_holds_at_most_the_budget_and_the_rest_follows_in_order() -> None:
    """A flood of small items reaches the consumer in bounded batches, none lost or reordered."""

    async def scenario() -> list[list[bytes]]:
        batches: list[list[bytes]] = []
        loop = asyncio.get_running_loop()

        def consume(batch: list[bytes]) -> None:
            batches.append(batch)
            loop.call_soon(batcher.ack)

        batcher: Batcher[bytes] = Batcher(loop, consume, interval=0.001, max_batch_items=100)
        batcher.extend([b"%d" % i for i in range(1050)], sum(len(b"%d" % i) for i in range(1050)))
        while sum(map(len, batches)) < 1050:
            await asyncio.sleep(0.005)
        assert batcher.dropped == 0
        return batches

    batches = asyncio.run(scenario())
    assert max(map(len, batches)) == 100
    assert [item for batch in batches for item in batch] == [b"%d" % i for i in range(1050)]


def test_waiting_items_are_capped_in_count_oldest_dropped_and_counted() -> None:
    async def scenario() -> tuple[list[list[bytes]], Batcher[bytes]]:
        batches: list[list[bytes]] = []
        batcher: Batcher[bytes] = Batcher(
            asyncio.get_running_loop(),
            batches.append,
            interval=0.001,
            max_pending_items=50,
            max_batch_items=10,
        )
        batcher.add(b"first")
        await asyncio.sleep(0.02)  # in flight, never acknowledged: the rest waits
        for i in range(80):
            batcher.add(b"%d" % i)
        batcher.flush_now()  # on close everything waiting goes, past the budget too
        return batches, batcher

    batches, batcher = asyncio.run(scenario())
    assert batches[0] == [b"first"]
    assert batches[1] == [b"%d" % i for i in range(30, 80)]
    assert batcher.dropped == 30
