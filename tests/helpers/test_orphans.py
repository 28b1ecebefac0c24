"""A peer started through ``dying_with_us`` ends when the test process is killed outright."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.helpers.orphans import SETPRIV
from tests.helpers.strict import require

ROOT = Path(__file__).resolve().parents[2]
CHILD = """
import os, signal, subprocess, time
from pathlib import Path
from tests.helpers.orphans import dying_with_us
peer = subprocess.Popen(dying_with_us(["sleep", "60"]), stdout=subprocess.DEVNULL)
while Path(f"/proc/{peer.pid}/comm").read_text().strip() != "sleep":
    time.sleep(0.01)  # setpriv has set the signal and become the peer
print(peer.pid, flush=True)
os.kill(os.getpid(), signal.SIGKILL)  # a crash: no finally, no teardown
"""


def test_a_peer_dies_with_a_killed_test_process() -> None:
    require(SETPRIV is not None, "setpriv (util-linux) is not installed")
    child = subprocess.run(
        [sys.executable, "-c", CHILD], cwd=ROOT, capture_output=True, text=True, timeout=30
    )
    assert child.returncode == -signal.SIGKILL
    pid = int(child.stdout.split()[0])
    deadline = time.monotonic() + 10
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not _alive(pid)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie (exited, not yet reaped by init) counts as gone.
    stat = Path(f"/proc/{pid}/stat").read_text()
    return stat.rsplit(")", 1)[1].split()[0] != "Z"
