"""Messenger peers for the CLI's file tests: ``ipmsg listen`` as a process, an in-process engine.

``Listener`` runs ``socketdesk-cli ipmsg listen --json`` (on loopback, or as a LAN host when
given its ``popen``) and hands its JSON lines over as dicts. ``EnginePeer`` is a
``MessengerEngine`` on a loop thread of its own that does what the test says with each offer
(decline it, accept it, or nothing) and records every event and transfer; on a test LAN its
loop thread runs inside a host's network namespace (``netns``), the rest of the test outside.
"""

from __future__ import annotations

import asyncio
import ctypes
import json
import os
import queue
import re
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from desktop.core.event_loop import new_event_loop
from desktop.core.ipmsg.events import Event, MessageReceived
from desktop.core.ipmsg.identity import Identity
from desktop.core.ipmsg.node_settings import NodeSettings
from desktop.core.ipmsg.transfer import Transfer
from desktop.core.ipmsg_io.engine import MessengerEngine

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONIOENCODING": "utf-8"}
CLI = [sys.executable, "-m", "desktop.cli", "ipmsg"]

_CLONE_NEWNET = 0x40000000

Popen = Callable[..., "subprocess.Popen[bytes]"]


class Listener:
    """``ipmsg listen --json ARGS`` running; its events arrive as dicts, ``wait_for`` finds one."""

    def __init__(self, *args: str, popen: Popen = subprocess.Popen) -> None:
        self.process = popen(
            [*CLI, "listen", "--json", *args],
            cwd=ROOT,
            env=ENV,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self.events: queue.Queue[dict[str, Any]] = queue.Queue()
        self.seen: list[dict[str, Any]] = []
        self.stderr: list[str] = []
        self.port = 0
        self._ready = threading.Event()
        self._readers = [
            threading.Thread(target=self._read_stdout, daemon=True),
            threading.Thread(target=self._read_stderr, daemon=True),
        ]
        for reader in self._readers:
            reader.start()
        assert self._ready.wait(30), f"the listener did not start: {self.stderr}"
        assert self.port, f"the listener did not start: {self.stderr}"

    def _read_stdout(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.events.put(json.loads(line.decode("utf-8")))

    def _read_stderr(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.stderr.append(line.decode("utf-8").rstrip("\n"))
            if match := re.search(r"listening on [\d.]+:(\d+)", self.stderr[-1]):
                self.port = int(match.group(1))
                self._ready.set()
        self._ready.set()

    def wait_for(
        self, wanted: Callable[[dict[str, Any]], bool], timeout: float = 30
    ) -> dict[str, Any]:
        """The first event (seen before or arriving) that ``wanted`` accepts."""
        for event in self.seen:
            if wanted(event):
                return event
        deadline = time.monotonic() + timeout
        while (remaining := deadline - time.monotonic()) > 0:
            try:
                event = self.events.get(timeout=remaining)
            except queue.Empty:
                break
            self.seen.append(event)
            if wanted(event):
                return event
        raise AssertionError(f"no such event in {timeout} s: {self.seen}; {self.stderr}")

    def transfers(self, count: int, timeout: float = 60) -> list[dict[str, Any]]:
        """The first ``count`` finished transfers printed, in order."""
        found: list[dict[str, Any]] = []
        for _ in range(count):
            found.append(
                self.wait_for(
                    lambda e: e["event"] == "transfer" and not any(e is f for f in found),
                    timeout,
                )
            )
        return found

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(5)
        for reader in self._readers:
            reader.join(10)
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()


@contextmanager
def listening(*args: str, popen: Popen = subprocess.Popen) -> Iterator[Listener]:
    listener = Listener(*args, popen=popen)
    try:
        yield listener
    finally:
        listener.stop()


class EnginePeer:
    """A messenger engine on its own loop thread; ``on_offer`` acts on each offer received.

    ``on_offer(engine, event)`` runs on the loop thread. Events and transfer snapshots are
    recorded (``events``, ``transfers``: the newest snapshot per id).
    """

    def __init__(
        self,
        on_offer: Callable[[MessengerEngine, MessageReceived], None] | None = None,
        *,
        bind: str = "127.0.0.1",
        port: int = 0,
        name: str = "引擎",
        targets: Sequence[tuple[str, int]] = (),
        netns: str | None = None,
    ) -> None:
        self.on_offer = on_offer
        self.events: list[Event] = []
        self.transfers: dict[int, Transfer] = {}
        self.history: list[Transfer] = []  # every snapshot, in order
        self._lock = threading.Lock()
        self.loop = new_event_loop()  # SOCKETDESK_LOOP's, as the app's (benches run it too)
        self.thread = threading.Thread(target=self._serve, args=(netns,), daemon=True)
        self.thread.start()
        identity = Identity("engine", "peerhost", name, "")
        settings = NodeSettings(port=port, targets=tuple(targets))
        self.engine = MessengerEngine(identity, settings, self, bind=bind)
        # Announced (to ``targets`` only): a node answers BR_ENTRY once it is present.
        self.address = self.call(self.engine.start(announce=True))

    def _serve(self, netns: str | None) -> None:
        if netns is not None:
            enter_netns(netns)  # this thread only: every socket of the loop lives there
        self.loop.run_forever()

    def call(self, coro: Any, timeout: float = 30) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    def run(self, func: Callable[..., Any], *args: Any) -> Any:
        """``func(*args)`` on the loop thread; its result."""
        return self.engine.call_threadsafe(func, *args).result(30)

    # -- the sink (loop thread) -------------------------------------------------------------------
    def on_event(self, event: Event) -> None:
        if isinstance(event, Transfer):
            self.on_transfers([event])
            return
        with self._lock:
            self.events.append(event)
        if isinstance(event, MessageReceived) and event.offer and self.on_offer is not None:
            self.on_offer(self.engine, event)

    def on_transfers(self, batch: Sequence[Transfer]) -> None:
        with self._lock:
            for transfer in batch:
                self.transfers[transfer.transfer_id] = transfer
                self.history.append(transfer)

    def on_transfer(self, transfer: Transfer) -> None:
        self.on_transfers([transfer])

    def snapshot(self) -> list[Transfer]:
        with self._lock:
            return sorted(self.transfers.values(), key=lambda t: t.transfer_id)

    def wait_until(self, check: Callable[[], Any], timeout: float = 30) -> Any:
        """Poll ``check`` until it gives something true (a test's own waiting, no Qt here)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if value := check():
                return value
            time.sleep(0.02)
        raise AssertionError(f"not reached in {timeout} s; transfers: {self.snapshot()}")

    def close(self) -> None:
        self.call(self.engine.close(leave=False))
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        self.loop.close()


def enter_netns(name: str) -> None:
    """Move the calling thread into the network namespace ``name`` (``ip netns``'s)."""
    libc = ctypes.CDLL(None, use_errno=True)
    fd = os.open(f"/var/run/netns/{name}", os.O_RDONLY)
    try:
        if libc.setns(fd, _CLONE_NEWNET) != 0:
            raise OSError(ctypes.get_errno(), f"setns into {name} failed")
    finally:
        os.close(fd)


@contextmanager
def engine_peer(
    on_offer: Callable[[MessengerEngine, MessageReceived], None] | None = None, **kwargs: Any
) -> Iterator[EnginePeer]:
    peer = EnginePeer(on_offer, **kwargs)
    try:
        yield peer
    finally:
        peer.close()
