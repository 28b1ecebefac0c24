"""Argument types and the run-and-report wrapper shared by every CLI command."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Coroutine
from typing import Any

from desktop.core import event_loop
from desktop.core.errors import SocketDeskError

__all__ = ["listen_port", "port", "run_reporting"]


def port(text: str) -> int:
    """A TCP/UDP port, 1–65535."""
    try:
        value = int(text, 10)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 0 < value < 65536:
        raise argparse.ArgumentTypeError(f"port {value} is outside 1–65535")
    return value


def listen_port(text: str) -> int:
    """A port to listen on; 0 lets the system choose."""
    try:
        value = int(text, 10)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 0 <= value < 65536:
        raise argparse.ArgumentTypeError(f"port {value} is outside 0–65535 (0: any free port)")
    return value


def run_reporting(coro: Coroutine[Any, Any, int]) -> int:
    """Run a command's coroutine; a SocketDeskError becomes one line on stderr and status 1."""
    try:
        return event_loop.run(coro)
    except SocketDeskError as error:
        print(f"socketdesk-cli: {error}", file=sys.stderr)
        return 1
