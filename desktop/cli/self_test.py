"""``socketdesk --self-test``, ``python -m desktop --self-test``, ``socketdesk-cli self-test``.

Runs the app's own engines against each other on loopback only (no display, no broadcast, no
file outside a private temporary folder) and prints one line per check::

    tcp-echo   ok        12 ms
    udp-echo   FAILED  1003 ms  The echo differed from what was sent at byte 17.

The status is 0 when every check passed, else 1. Every check has its own time limit and the
whole run a bound (``TOTAL_LIMIT_S``): a check that hangs fails with a sentence; a run that
still does not end (a stuck thread) is ended by a watchdog with status 1.
"""

from __future__ import annotations

import asyncio
import os
import sys
import threading
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

from desktop.cli.self_test_checks import CHECKS
from desktop.core import event_loop
from desktop.core.errors import SocketDeskError
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence

__all__ = ["CHECKS", "CheckResult", "add_commands", "main", "run_checks"]

CHECK_LIMIT_S = 10.0  # one check
TOTAL_LIMIT_S = 30.0  # the whole run, watchdog included


@dataclass(frozen=True)
class CheckResult:
    """One line of the report."""

    name: str
    ok: bool
    seconds: float
    reason: Sentence | None = None

    def line(self, width: int = 10) -> str:
        """``name  ok|FAILED  N ms  reason``."""
        status = "ok" if self.ok else "FAILED"
        text = f"{self.name:<{width}} {status:<6} {self.seconds * 1000:6.0f} ms"
        return f"{text}  {self.reason}" if self.reason is not None else text


async def _run_one(name: str, check: Callable[[], Awaitable[None]], limit: float) -> CheckResult:
    start = time.perf_counter()
    reason: Sentence | None = None
    try:
        await asyncio.wait_for(check(), limit)
    except TimeoutError:
        reason = sentence(
            QT_TRANSLATE_NOOP("core", "No answer within {seconds} s."), seconds=f"{limit:g}"
        )
    except SocketDeskError as error:
        reason = error.sentence
    except Exception as error:  # a bug in the piece under test is a failed check, not a crash
        reason = sentence(
            QT_TRANSLATE_NOOP("core", "Unexpected {kind}: {detail}"),
            kind=type(error).__name__,
            detail=str(error),
        )
    return CheckResult(name, reason is None, time.perf_counter() - start, reason)


async def run_checks(
    checks: Sequence[tuple[str, Callable[[], Awaitable[None]]]] = CHECKS,
    limit: float = CHECK_LIMIT_S,
    report: Callable[[CheckResult], None] | None = None,
) -> list[CheckResult]:
    """Run ``checks`` one after the other; ``report`` is told each result as it comes."""
    results = []
    for name, check in checks:
        result = await _run_one(name, check, limit)
        if report is not None:
            report(result)
        results.append(result)
    return results


def main(out: TextIO | None = None, total_limit: float = TOTAL_LIMIT_S) -> int:
    """Run every check, print one line each and a summary; 0 if all passed, else 1."""
    stream = out if out is not None else sys.stdout
    start = time.perf_counter()
    width = max(len(name) for name, _ in CHECKS)

    def report(result: CheckResult) -> None:
        print(result.line(width), file=stream, flush=True)

    def give_up() -> None:  # a check stuck outside the loop (a thread, a blocking call)
        print(f"self-test did not end within {total_limit:g} s", file=stream, flush=True)
        os._exit(1)

    watchdog = threading.Timer(total_limit, give_up)
    watchdog.daemon = True
    watchdog.start()
    try:
        limit = min(CHECK_LIMIT_S, total_limit / len(CHECKS))
        results = event_loop.run(run_checks(CHECKS, limit, report))
    finally:
        watchdog.cancel()
    failed = sum(not r.ok for r in results)
    elapsed = (time.perf_counter() - start) * 1000
    verdict = "all passed" if not failed else f"{failed} of {len(results)} FAILED"
    print(f"self-test: {verdict} in {elapsed:.0f} ms (loopback only)", file=stream, flush=True)
    return 1 if failed else 0


def add_commands(groups: Any) -> None:
    """Register ``self-test``."""
    command = groups.add_parser(
        "self-test",
        help="check the engines on loopback (TCP, UDP, Messenger, HTTP, TLS)",
        description="Run a TCP echo, a UDP echo, an IP Messenger exchange between two nodes, an "
        "HTTP request and a TLS handshake, all on 127.0.0.1 inside this process; one line per "
        "check; exit status 0 when all passed, 1 otherwise.",
    )
    command.set_defaults(run=lambda _args: main())
