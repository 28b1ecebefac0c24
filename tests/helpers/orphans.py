"""Peers that die with the test run: the kernel sends them SIGTERM when the test process dies.

A crashed run (a segfault, a kill) skips every ``finally``; without this its nginx, Xvfb or
``openssl s_server`` would live on. ``setpriv --pdeathsig`` (util-linux) sets the signal and then
execs the peer, so nothing runs between fork and exec in a process that has threads.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence

SETPRIV = shutil.which("setpriv")


def dying_with_us(command: Sequence[str]) -> list[str]:
    """``command`` run so that it gets SIGTERM when this process dies (as is without setpriv)."""
    if SETPRIV is None:
        return list(command)
    return [SETPRIV, "--pdeathsig", "TERM", "--", *command]
