"""``socketdesk-cli tcp connect --reconnect``: the session core's back-off, as in the GUI."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
from pathlib import Path

from tests.helpers.servers import closed_port, start_listening_on

ROOT = Path(__file__).resolve().parents[2]


def _next_line(process: subprocess.Popen[bytes], timeout: float = 20) -> str:
    """The next stderr line; fails after ``timeout`` seconds without one."""
    assert process.stderr is not None
    stderr = process.stderr
    lines: list[bytes] = []
    reader = threading.Thread(target=lambda: lines.append(stderr.readline()), daemon=True)
    reader.start()
    reader.join(timeout)
    assert lines and lines[0], f"nothing on stderr within {timeout} s"
    return lines[0].decode()


def test_reconnect_waits_with_back_off_and_connects_when_the_server_comes_back(
    tmp_path: Path,
) -> None:
    port = closed_port()
    saved = tmp_path / "received.bin"
    process = subprocess.Popen(
        [
            *(sys.executable, "-m", "desktop.cli", "tcp", "connect", "127.0.0.1", str(port)),
            *("--reconnect", "--recv-only", "-o", str(saved)),
        ],
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        first = _next_line(process)
        assert "refused" in first and first.endswith("Trying again in 1 s.\n"), first
        second = _next_line(process)
        assert second.endswith("Trying again in 2 s.\n"), second  # the delay doubles
        listener = start_listening_on(port)
        with listener:
            listener.settimeout(20)
            peer, _ = listener.accept()
            with peer:
                peer.sendall(b"back again\n")
        # The close is followed by a new wait, from 1 s again (the connection reset the back-off).
        assert _next_line(process).endswith("Trying again in 1 s.\n")
        process.send_signal(signal.SIGINT)
        out, _ = process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate(timeout=10)
    assert process.returncode == 0
    assert out == b"back again\n"
    assert saved.read_bytes() == b"back again\n"  # -o saves through the session core
