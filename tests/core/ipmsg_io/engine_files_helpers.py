"""Two real messenger engines on loopback (127.0.0.1 and 127.0.0.2), with files, for the tests."""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.ipmsg.events import Event, MessageReceived, PeerJoined
from desktop.core.ipmsg.identity import Identity
from desktop.core.ipmsg.node_settings import NodeSettings
from desktop.core.ipmsg.transfer import Transfer
from desktop.core.ipmsg_io.engine import MessengerEngine
from desktop.core.ipmsg_io.file_service import FileSettings
from tests.helpers.ports import messenger_port


@dataclass
class FilesSink:
    """Every event and transfer snapshot, and a way to wait for one."""

    events: list[Event] = field(default_factory=list)
    batches: list[list[Transfer]] = field(default_factory=list)
    changed: asyncio.Event = field(default_factory=asyncio.Event)

    def on_event(self, event: Event) -> None:
        self.events.append(event)
        self.changed.set()

    def on_transfers(self, batch: list[Transfer]) -> None:
        self.batches.append(batch)
        self.changed.set()

    def rows(self) -> dict[int, Transfer]:
        """The newest snapshot per transfer id."""
        return {t.transfer_id: t for batch in self.batches for t in batch}

    async def until(self, wanted: Callable[[], object], timeout: float = 20) -> None:
        async def look() -> None:
            while not wanted():
                self.changed.clear()
                await self.changed.wait()

        await asyncio.wait_for(look(), timeout)

    async def event(self, wanted: Callable[[Event], bool], timeout: float = 10) -> Event:
        found: list[Event] = []

        def seen() -> bool:
            found[:] = [e for e in self.events if wanted(e)]
            return bool(found)

        await self.until(seen, timeout)
        return found[0]


free_port = messenger_port  # one place: tests/helpers/ports.py


@dataclass
class Pair:
    a: MessengerEngine
    sink_a: FilesSink
    b: MessengerEngine
    sink_b: FilesSink

    async def close(self) -> None:
        await self.a.close()
        await self.b.close()


async def engine_pair(
    *,
    user_b: str = "bob",
    files_a: FileSettings | None = None,
    files_b: FileSettings | None = None,
) -> Pair:
    """A on 127.0.0.1 and B on 127.0.0.2, each announcing to the other only (no broadcast)."""
    port_a, port_b = free_port("127.0.0.1"), free_port("127.0.0.2")
    sink_a, sink_b = FilesSink(), FilesSink()
    a = MessengerEngine(
        Identity("amin", "PC-A", "阿明"),
        NodeSettings(port=port_a, targets=(("127.0.0.2", port_b),)),
        sink_a,
        bind="127.0.0.1",
        files=files_a,
    )
    b = MessengerEngine(
        Identity(user_b, "PC-B", "鲍勃"),
        NodeSettings(port=port_b, targets=(("127.0.0.1", port_a),)),
        sink_b,
        bind="127.0.0.2",
        files=files_b,
    )
    await b.start()
    await a.start()
    await sink_a.event(lambda e: isinstance(e, PeerJoined))
    await sink_b.event(lambda e: isinstance(e, PeerJoined))
    return Pair(a, sink_a, b, sink_b)


def peer_of(sink: FilesSink) -> PeerJoined:
    return next(e for e in sink.events if isinstance(e, PeerJoined))


async def offered(pair: Pair, paths: list[Path], text: str = "") -> MessageReceived:
    """A offers ``paths`` to B; the message B received."""
    key = peer_of(pair.sink_a).peer.key
    pair.a.files.offer([key], [str(p) for p in paths], text)
    event = await pair.sink_b.event(
        lambda e: isinstance(e, MessageReceived) and e.offer is not None
    )
    assert isinstance(event, MessageReceived)
    return event


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tree(root: Path) -> dict[str, bytes | None]:
    """Every path under ``root`` (relative) with its bytes, None for a folder."""
    return {
        str(p.relative_to(root)): (None if p.is_dir() else p.read_bytes())
        for p in sorted(root.rglob("*"))
    }
