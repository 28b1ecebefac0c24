"""An import-time profile where ``python -X importtime`` cannot reach: the frozen application.

A PyInstaller bootloader starts Python isolated (``PYTHONPROFILEIMPORTTIME`` and ``-X`` options
given at run time are ignored), so ``packaging/entry.py`` calls ``install()`` under
``SOCKETDESK_IMPORTTIME=1``, imports ``desktop.app`` and calls ``report()``. ``install()`` wraps
importlib's ``_find_and_load``, which CPython's import statement looks up by name for every module
not yet in ``sys.modules``; ``report()`` prints each module's self and cumulative time in
``-X importtime``'s format on stderr, so ``bench/startup.py`` reads both the same way. Python-level
timing adds ~1 µs per import; it covers one thread (the one importing the app).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from importlib import _bootstrap  # type: ignore[attr-defined]
from typing import TextIO

__all__ = ["install", "report"]

_rows: list[tuple[int, int, int, str]] = []  # self µs, cumulative µs, depth, module (end order)
_children: list[int] = []  # per open import: the time its own imports took (µs)


def install() -> None:
    """Time every module imported from now on."""
    original: Callable[..., object] = _bootstrap._find_and_load

    def timed(name: str, import_: object) -> object:
        depth = len(_children)
        _children.append(0)
        start = time.perf_counter_ns()
        try:
            return original(name, import_)
        finally:
            total = (time.perf_counter_ns() - start) // 1000
            inner = _children.pop()
            if _children:
                _children[-1] += total
            _rows.append((total - inner, total, depth, name))

    _bootstrap._find_and_load = timed


def report(out: TextIO = sys.stderr) -> None:
    """Print the imports timed so far as ``python -X importtime`` does."""
    print("import time: self [us] | cumulative | imported package", file=out)
    for own, total, depth, name in _rows:
        print(f"import time: {own:>9} | {total:>10} | {'  ' * depth}{name}", file=out)
    out.flush()
