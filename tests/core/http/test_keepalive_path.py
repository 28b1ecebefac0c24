"""The per-request path of a kept-alive connection, on both event loops: what it costs stays
small (no timer handle and no running-loop lookup per exchange, no parser made before bytes need
it) and the read timeout still holds whichever exchange armed the connection's one timer."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import sys
import time
import tracemalloc
import weakref
from collections.abc import Callable, Coroutine
from typing import Any

import pytest

from desktop.core.event_loop import LoopKind
from desktop.core.http import attempt as attempt_module
from desktop.core.http import response as response_module
from desktop.core.http.exchange import ExchangeResult, HttpTarget, exchange
from desktop.core.http.response import ResponseReader

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="uvloop exists on Linux and macOS only"
)

LOOPS: list[LoopKind] = ["asyncio", "uvloop"]
REQUEST = b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"
OK = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
# What the server does with each request in turn: answer after so many seconds, or never (None).
Script = list[float | None]


class _Counting:
    """Mixed into a loop class: counts the timers armed and lets a test look at them."""

    armed = 0
    _inside = False

    def call_later(self, delay: float, callback: Any, *args: Any, **kwargs: Any) -> Any:
        return self._count(super().call_later, delay, callback, *args, **kwargs)  # type: ignore[misc]

    def call_at(self, when: float, callback: Any, *args: Any, **kwargs: Any) -> Any:
        return self._count(super().call_at, when, callback, *args, **kwargs)  # type: ignore[misc]

    def _count(self, method: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        outer = not self._inside  # uvloop's call_at calls call_later: one timer, counted once
        if outer:
            self.armed += 1
        self._inside = True
        try:
            return method(*args, **kwargs)
        finally:
            if outer:
                self._inside = False


def _counting_loop(kind: LoopKind) -> asyncio.AbstractEventLoop:
    if kind == "uvloop":
        import uvloop  # Linux and macOS only

        base: type[asyncio.AbstractEventLoop] = uvloop.Loop
    else:
        base = asyncio.SelectorEventLoop
    return type("CountingLoop", (_Counting, base), {})()


def _run(kind: LoopKind, coro: Coroutine[Any, Any, None]) -> asyncio.AbstractEventLoop:
    loop = _counting_loop(kind)
    try:
        loop.run_until_complete(coro)
    finally:
        loop.close()
    return loop


class _Server:
    """A loopback server on the running loop answering each request as ``script`` says."""

    def __init__(self, script: Script) -> None:
        self._answers = iter(script)
        self._writers: list[asyncio.StreamWriter] = []
        self._tasks: list[asyncio.Task[None]] = []
        self._server: asyncio.Server | None = None

    async def __aenter__(self) -> _Server:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._server is not None
        self._server.close()
        await self._server.wait_closed()
        for writer in self._writers:
            writer.close()
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await asyncio.sleep(0.01)  # the transports finish closing

    @property
    def port(self) -> int:
        assert self._server is not None
        return int(self._server.sockets[0].getsockname()[1])

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._writers.append(writer)
        task = asyncio.current_task()
        assert task is not None
        self._tasks.append(task)
        buffer = b""
        with contextlib.suppress(OSError):
            while chunk := await reader.read(65536):
                buffer += chunk
                while b"\r\n\r\n" in buffer:
                    _, _, buffer = buffer.partition(b"\r\n\r\n")
                    delay = next(self._answers, 0.0)
                    if delay is None:
                        continue  # this one is never answered
                    if delay:
                        await asyncio.sleep(delay)
                    writer.write(OK)


@pytest.mark.parametrize("kind", LOOPS)
def test_kept_alive_exchanges_arm_no_timer_and_ask_asyncio_for_no_loop(
    kind: LoopKind, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One silence timer serves the connection (not a handle per request), and the loop is
    asked for once (``get_running_loop`` makes a getpid() system call on every call)."""
    looked_up: list[int] = []
    get_running_loop = asyncio.get_running_loop

    def counted() -> asyncio.AbstractEventLoop:
        looked_up.append(1)
        return get_running_loop()

    armed: list[int] = []
    lookups: list[int] = []

    async def scenario() -> None:
        loop = asyncio.get_running_loop()
        async with _Server([]) as server:
            target = HttpTarget("127.0.0.1", server.port)
            first = await exchange(target, [REQUEST])
            connection, before = first.connection, loop.armed  # type: ignore[attr-defined]
            monkeypatch.setattr(asyncio, "get_running_loop", counted)
            for _ in range(20):
                result = await exchange(target, [REQUEST], reuse=connection)
                assert result.reused and result.error is None
                assert result.responses[0].body == b"ok"
                connection = result.connection
            monkeypatch.undo()
            armed.append(loop.armed - before)  # type: ignore[attr-defined]
            lookups.append(len(looked_up))
            assert connection is not None and connection.exchanges == 21
            connection.close()

    _run(kind, scenario())
    assert (armed, lookups) == ([0], [0])


@pytest.mark.parametrize("kind", LOOPS)
def test_read_timeout_holds_on_a_kept_alive_connection(kind: LoopKind) -> None:
    """A shorter read timeout than the one that armed the connection's timer still holds; so
    does one armed again after the timer ran out while the connection was idle."""
    results: list[tuple[ExchangeResult, float]] = []

    async def timed(target: HttpTarget, reuse: Any) -> ExchangeResult:
        started = time.monotonic()
        result = await exchange(target, [REQUEST], reuse=reuse)
        results.append((result, time.monotonic() - started))
        return result

    async def scenario() -> None:
        # answered at once; answered after 0.1 s (idle timer gone by then); never answered; then
        # a fresh connection: answered at once (read timeout 30 s), never answered (0.3 s).
        async with _Server([0.0, 0.1, None, 0.0, None]) as server:
            port = server.port
            first = await timed(HttpTarget("127.0.0.1", port, read_timeout=0.2), None)
            await asyncio.sleep(0.4)  # the silence timer fires with nobody waiting, and stops
            second = await timed(HttpTarget("127.0.0.1", port, read_timeout=0.3), first.connection)
            await timed(HttpTarget("127.0.0.1", port, read_timeout=0.3), second.connection)
            fourth = await timed(HttpTarget("127.0.0.1", port, read_timeout=30), None)
            fifth = await timed(HttpTarget("127.0.0.1", port, read_timeout=0.3), fourth.connection)
            assert fifth.connection is None

    _run(kind, scenario())
    (first, _), (second, _), (third, waited), (fourth, _), (fifth, waited_again) = results
    assert first.error is None and second.error is None and second.reused
    assert second.responses[0].body == b"ok"
    assert fourth.error is None and fifth.reused
    for result, seconds in ((third, waited), (fifth, waited_again)):
        assert str(result.error) == (
            "The server sent nothing for 0.3 s (read timeout) before any response."
        )
        assert 0.25 < seconds < 3, seconds  # not the 30 s of the exchange before


def test_a_whole_response_makes_no_head_parser_and_a_chunk_reader_only_if_chunked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A strict head that came whole is read in one match without a line-by-line parser, none
    is made for the head after the last response (none comes on a kept-alive connection before
    the next exchange, which has its own reader), nor a chunk reader for a body not chunked."""
    made: list[str] = []
    for name in ("HeadParser", "ChunkedBody"):
        cls = getattr(response_module, name)
        monkeypatch.setattr(
            response_module, name, type(name, (cls,), {"__init__": _noting(cls, made, name)})
        )
    reader = ResponseReader(b"GET")
    reader.feed(OK)
    assert reader.complete and reader.responses[0].body == b"ok"
    assert made == []
    chunked = ResponseReader(b"GET")
    chunked.feed(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n")
    assert chunked.complete and chunked.responses[0].body == b"ok"
    assert made == ["ChunkedBody"]
    chunked.close()  # a head parser is made for the end only when the connection closes
    assert made == ["ChunkedBody", "HeadParser"] and not chunked.anomalies


def _noting(cls: type, made: list[str], name: str) -> Callable[..., None]:
    def init(self: object, *args: Any, **kwargs: Any) -> None:
        made.append(name)
        cls.__init__(self, *args, **kwargs)  # type: ignore[misc]

    return init


WHOLE_HEADS = [
    b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok",
    b"HTTP/1.1 200 OK\r\nCONNECTION:  Keep-Alive , Upgrade \t\r\ncontent-length:2\r\n\r\nok",
    b"HTTP/1.0 200 OK\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\nok",
    b"HTTP/1.0 200 OK\r\nContent-Length: 2\r\nX-Connection: keep-alive\r\n\r\nok",
    b"HTTP/1.1 200 OK\r\nX-Note: connection: close\r\nContent-Length: 2\r\n\r\nok",
    b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nok",
    b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\ncontent-length: 3\r\n\r\nok!",
    b"HTTP/1.1 200 OK\r\nContent-Length: 2, 2\r\n\r\nok",
    b"HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\nok",
    b"HTTP/1.1 200 OK\r\nContent-Length:\r\nConnection:\r\n\r\nok",
    b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"
    b"2\r\nok\r\n0\r\n\r\n",
    b"HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\nConnection: close, close\r\n\r\nok",
    b"HTTP/1.1 204 No Content\r\n\r\n",
    b"HTTP/1.1 200\r\nContent-Length: 0\r\n\r\n",
    b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\nA:b\r\n\r\nok",
]


@pytest.mark.parametrize("raw", WHOLE_HEADS)
def test_a_whole_head_read_in_place_says_what_the_line_by_line_reader_says(raw: bytes) -> None:
    """Framing, keep-alive and header_values found in a whole head's block, before its fields
    are split, agree with the line-by-line reader; so do the fields and offsets split later."""
    from desktop.core.http.attempt import _reusable

    fast, slow = ResponseReader(b"GET"), ResponseReader(b"GET", fast=False)
    fast.feed(raw)
    slow.feed(raw)
    names = (b"connection", b"Content-Length", b"TRANSFER-ENCODING", b"x-note", b"a", b"missing")
    for fast_response, slow_response in zip(fast.responses, slow.responses, strict=True):
        for name in names:  # asked before the fields are split
            assert fast_response.header_values(name) == slow_response.header_values(name), name
    assert _reusable(fast) == _reusable(slow)
    assert fast.responses == slow.responses
    assert fast.anomalies == slow.anomalies and fast.complete == slow.complete


def test_a_whole_head_is_split_into_fields_only_when_its_headers_are_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A kept-alive exchange whose headers nobody reads never splits them (framing and the
    Connection field are found in the head's block); reading ``headers`` splits them once."""
    from desktop.core.http import head as head_module
    from desktop.core.http.attempt import _reusable

    split: list[int] = []
    original = head_module.FieldLines._split

    def counted(self: head_module.FieldLines) -> None:
        split.append(1)
        original(self)

    monkeypatch.setattr(head_module.FieldLines, "_split", counted)
    reader = ResponseReader(b"GET")
    reader.feed(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\nok")
    assert reader.complete and _reusable(reader) and reader.responses[0].body == b"ok"
    assert split == []
    assert reader.responses[0].headers == [
        (b"Content-Length", b"2"),
        (b"Connection", b"keep-alive"),
    ]
    assert reader.responses[0].headers[1] == (b"Connection", b"keep-alive")
    assert split == [1]


def test_framing_and_keep_alive_search_a_whole_heads_block_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Content-Length, Transfer-Encoding and Connection are found in one search of a whole
    head's block (not one search each), and the keep-alive check reads what it found."""
    from desktop.core.http import fields as fields_module
    from desktop.core.http.attempt import _reusable

    calls: list[str] = []
    for name in ("framing_values", "values", "indices", "_split"):
        original = getattr(fields_module.FieldLines, name)
        monkeypatch.setattr(fields_module.FieldLines, name, _logging(original, calls, name))
    reader = ResponseReader(b"GET")
    reader.feed(
        b"HTTP/1.1 200 OK\r\nServer: nginx\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n"
        b"Connection: keep-alive\r\nETag: x\r\n\r\nok"
    )
    assert reader.complete and _reusable(reader)
    assert calls == ["framing_values"]


def _logging(method: Callable[..., Any], calls: list[str], name: str) -> Callable[..., Any]:
    def logged(*args: Any, **kwargs: Any) -> Any:
        calls.append(name)
        return method(*args, **kwargs)

    return logged


@pytest.mark.parametrize("kind", LOOPS)
def test_a_result_is_freed_when_dropped_without_the_cycle_collector(kind: LoopKind) -> None:
    """A kept-alive exchange leaves no reference cycle behind: its reader and responses go the
    moment the result is dropped, not at the next collection (which ran every ~80 requests)."""
    freed: list[bool] = []

    async def scenario() -> None:
        async with _Server([]) as server:
            target = HttpTarget("127.0.0.1", server.port)
            first = await exchange(target, [REQUEST])
            connection = first.connection
            del first
            gc.disable()
            try:
                result = await exchange(target, [REQUEST], reuse=connection)
                assert result.error is None and result.responses[0].body == b"ok"
                reader = weakref.ref(result.reader)
                body = result.responses[0].body_view()
                del result
                freed.append(reader() is None)
                assert body == b"ok"  # a body held keeps its bytes
            finally:
                gc.enable()
            assert connection is not None
            connection.close()

    _run(kind, scenario())
    assert freed == [True]


@pytest.mark.parametrize("kind", LOOPS)
def test_a_request_written_whole_is_held_once_in_the_result(kind: LoopKind) -> None:
    """``raw_sent`` of a request written in one piece is that request's bytes, not a copy: a
    large request is held once (the bytes given), fresh or on a kept-alive connection."""
    large = b"GET / HTTP/1.1\r\nHost: localhost\r\nX-Pad: " + b"p" * (4 << 20) + b"\r\n\r\n"
    sent: list[bytes] = []

    async def scenario() -> None:
        async with _Server([]) as server:
            target = HttpTarget("127.0.0.1", server.port)
            first = await exchange(target, [large])
            second = await exchange(target, [large], reuse=first.connection)
            assert first.error is None and second.error is None and second.reused
            assert second.responses[0].body == b"ok"
            sent.extend((first.raw_sent, second.raw_sent))
            assert second.connection is not None
            second.connection.close()

    _run(kind, scenario())
    assert sent[0] == large and sent[0] is large
    assert sent[1] is large


@pytest.mark.parametrize(
    ("request_bytes", "method"),
    [
        (b"post /upload HTTP/1.1\r\n", b"POST"),
        (b"\r\n\tHEAD / HTTP/1.1\r\n", b"HEAD"),
        (b"  \r\n", b"GET"),
        (b"", b"GET"),
    ],
)
def test_the_method_is_the_first_word_as_split_would_find_it(
    request_bytes: bytes, method: bytes
) -> None:
    assert attempt_module._method(request_bytes) == method


def test_reading_an_uploads_method_copies_none_of_its_body() -> None:
    upload = b"PUT /big HTTP/1.1\r\nContent-Length: 8000000\r\n\r\n" + bytes(8_000_000)
    tracemalloc.start()
    try:
        assert attempt_module._method(upload) == b"PUT"
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 64 * 1024  # the 8 MB body was not copied to find one word
