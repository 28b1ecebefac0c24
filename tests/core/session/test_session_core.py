"""The Qt-free session core: counters sampled from the engine, saving, periodic, sequence."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest

from desktop.core.errors import SaveError, SocketDeskError
from desktop.core.net.connection import Totals
from desktop.core.net.tcp_client import TcpClient
from desktop.core.sentence import Sentence
from desktop.core.session import FieldSequence, SessionCore
from desktop.core.session.file_sink import StreamFile
from tests.helpers.servers import echo_server


class Report:
    """Collects what a SessionCore reports."""

    def __init__(self) -> None:
        self.errors: list[SocketDeskError | Sentence] = []
        self.notices: list[Sentence] = []
        self.saving: list[bool] = []
        self.periodic: list[bool] = []

    def on_error(self, what: SocketDeskError | Sentence) -> None:
        self.errors.append(what)

    def on_notice(self, what: Sentence) -> None:
        self.notices.append(what)

    def on_saving(self, saving: bool) -> None:
        self.saving.append(saving)

    def on_periodic(self, running: bool) -> None:
        self.periodic.append(running)


class Sink:
    def __init__(self) -> None:
        self.closed = asyncio.Event()
        self.received = bytearray()

    def on_connected(self, local: str, peer: str) -> None:
        pass

    def on_data(self, data: memoryview) -> None:
        self.received += data

    def on_closed(self, reason: str) -> None:
        self.closed.set()


def test_sequence_starts_at_one_never_repeats_and_can_restart() -> None:
    sequence = FieldSequence()
    assert sequence.next_value == 1
    assert [sequence.take() for _ in range(3)] == [1, 2, 3]
    sequence.restart(100)
    assert sequence.take() == 100 and sequence.next_value == 101


def test_sequence_is_shared_by_threads_without_repeats() -> None:
    sequence = FieldSequence()
    taken: list[int] = []

    def take_many() -> None:
        numbers = [sequence.take() for _ in range(20_000)]
        taken.extend(numbers)

    threads = [threading.Thread(target=take_many) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(taken) == list(range(1, 80_001))


def test_counters_are_the_engines_totals_across_connections() -> None:
    """A session that reconnects keeps one set of totals: every client adds to it."""

    async def run() -> None:
        core = SessionCore(Report())
        with echo_server() as (host, port):
            for payload in (b"one\n", b"second\n"):
                sink = Sink()
                client = TcpClient(sink, totals=core.totals)
                await client.connect(host, port)
                client.send(payload)
                while len(sink.received) < len(payload):
                    await asyncio.sleep(0.005)
                client.close()
                await sink.closed.wait()
        counters = core.counters()
        assert (counters.bytes_in, counters.bytes_out) == (11, 11)
        assert counters.messages_out == 2 and counters.messages_in >= 2

    asyncio.run(run())


def test_saving_writes_exact_bytes_and_says_how_many(tmp_path: Path) -> None:
    report = Report()
    core = SessionCore(report)
    target = tmp_path / "received.bin"
    assert core.start_saving(target)
    core.save(memoryview(b"\x00\xffabc"))
    core.save(b"\r\n")
    assert core.stop_saving() == 7
    assert target.read_bytes() == b"\x00\xffabc\r\n"
    assert report.saving == [True, False]
    [notice] = report.notices
    assert notice.template == "Saved {count} bytes to {path}."
    assert str(notice) == f"Saved 7 bytes to {target}."


def test_saving_that_cannot_start_is_a_typed_error(tmp_path: Path) -> None:
    report = Report()
    core = SessionCore(report)
    assert not core.start_saving(tmp_path / "missing" / "file.bin")
    [error] = report.errors
    assert isinstance(error, SaveError)
    assert error.sentence.template == "Could not create {path}: {reason}."
    assert core.saving is None and report.saving == []


def test_a_write_failure_stops_saving_and_keeps_the_part_file(tmp_path: Path) -> None:
    report = Report()
    core = SessionCore(report)
    assert core.start_saving(tmp_path / "x.bin")
    assert core.saving is not None
    core.save(b"kept")
    core.saving._fd = None  # type: ignore[union-attr]  # the file is gone under us
    core.save(b"more")
    assert core.saving is None and report.saving == [True, False]
    assert isinstance(report.errors[0], SaveError)
    assert (tmp_path / "x.bin.part").read_bytes() == b"kept"


def test_stream_file_write_failure_says_what_was_saved(tmp_path: Path) -> None:
    sink = StreamFile("/dev/full")
    sink.part = Path("/dev/full")  # write to a device that is always full
    import os

    os.close(sink._fd)  # type: ignore[arg-type]
    sink._fd = os.open("/dev/full", os.O_WRONLY)
    with pytest.raises(SaveError) as raised:
        sink.write(b"x" * 10)
    assert raised.value.sentence.template.startswith("Could not write {path}: {reason}.")
    assert raised.value.sentence.fact("count") == 0


def test_periodic_ticks_take_numbers_from_the_session_sequence() -> None:
    async def run() -> tuple[list[bytes], Report, SessionCore]:
        report = Report()
        core = SessionCore(report)
        core.sequence.take()  # a manual send used 1
        sent: list[bytes] = []
        core.start_periodic(
            sent.append, lambda seq: f"#{seq.take()}".encode(), interval_s=0.002, count=3
        )
        while core.periodic_running:
            await asyncio.sleep(0.002)
        return sent, report, core

    sent, report, core = asyncio.run(run())
    assert sent == [b"#2", b"#3", b"#4"]
    assert core.sequence.next_value == 5
    assert report.periodic == [True, False]
    assert [str(n) for n in report.notices] == ["Sent 3 messages."]


def test_stop_ends_periodic_and_saving(tmp_path: Path) -> None:
    async def run() -> Report:
        report = Report()
        core = SessionCore(report)
        core.start_saving(tmp_path / "s.bin")
        core.start_periodic(lambda data: None, lambda seq: b"x", interval_s=1.0, count=None)
        core.stop()
        assert not core.periodic_running and core.saving is None
        return report

    report = asyncio.run(run())
    assert report.periodic == [True, False] and report.saving == [True, False]
    assert [str(n) for n in report.notices] == [
        "Stopped after 0 messages.",  # stopped before the first tick
        f"Saved 0 bytes to {tmp_path / 's.bin'}.",
    ]


def test_totals_default_to_the_connections_own() -> None:
    assert TcpClient(Sink()).totals is not TcpClient(Sink()).totals
    shared = Totals()
    assert TcpClient(Sink(), totals=shared).totals is shared
