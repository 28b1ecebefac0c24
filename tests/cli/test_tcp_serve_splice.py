"""``socketdesk-cli tcp serve -o FILE``: the zero-copy path when nothing is displayed."""

from __future__ import annotations

import hashlib
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core.net.splice_receive import SPLICE_AVAILABLE

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(not SPLICE_AVAILABLE, reason="Linux only")
@pytest.mark.parametrize("loop", ["asyncio", "uvloop"])
def test_the_cli_saves_with_splice_only_without_display(tmp_path: Path, loop: str) -> None:
    payload = os.urandom(5 * 1024 * 1024)
    for display, expected in ((False, True), (True, False)):
        target = tmp_path / f"saved-{display}.bin"
        args = [sys.executable, "-m", "desktop.cli", "tcp", "serve", "0"]
        args += ["--host", "127.0.0.1", "-v", "-o", str(target)]
        if not display:
            args.append("--no-stdout")
        process = subprocess.Popen(
            args,
            cwd=ROOT,
            env={**os.environ, "SOCKETDESK_LOOP": loop},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        assert process.stderr is not None
        port = int(process.stderr.readline().decode().strip().rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port)) as client:
            client.sendall(payload)
        _, stderr = process.communicate(timeout=30)
        assert process.returncode == 0
        assert ("saved with splice" in stderr.decode()) is expected, stderr
        assert f"received {len(payload)} bytes".encode() in stderr
        assert hashlib.sha256(target.read_bytes()).digest() == hashlib.sha256(payload).digest()
