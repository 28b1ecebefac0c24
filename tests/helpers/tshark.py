"""Reading a pcapng file back with tshark (Wireshark's own dissectors), for export tests."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from tests.helpers.strict import require


def tshark(path: Path, *args: str) -> str:
    """tshark's output for ``path`` read with ``args``."""
    require(shutil.which("tshark") is not None, "tshark is not installed")
    done = subprocess.run(["tshark", "-r", str(path), *args], capture_output=True, check=True)
    return done.stdout.decode()


def follow(path: Path, stream: int = 0) -> tuple[str, str, bytes, bytes]:
    """TCP stream ``stream`` reassembled: (node 0, node 1, bytes 0 → 1, bytes 1 → 0).

    Node 0 is the end that sent the SYN, as ``host:port``.
    """
    out = tshark(path, "-q", "-z", f"follow,tcp,raw,{stream}")
    node0 = out.split("Node 0: ", 1)[1].split("\n", 1)[0].strip()
    node1, body = out.split("Node 1: ", 1)[1].split("\n", 1)
    forward, backward = bytearray(), bytearray()
    for line in body.splitlines():
        if line.startswith("="):
            break
        if line.startswith("\t"):
            backward += bytes.fromhex(line.strip())
        else:
            forward += bytes.fromhex(line)
    return node0, node1.strip(), bytes(forward), bytes(backward)


def stream_count(path: Path) -> int:
    """How many TCP streams tshark finds in the file."""
    ids = tshark(path, "-T", "fields", "-e", "tcp.stream").split()
    return len(set(ids))


def analysis_problems(path: Path) -> str:
    """Packets tshark flags (bad checksums, lost segments, warnings); "" when there are none."""
    options = ["-o", "tcp.check_checksum:TRUE", "-o", "ip.check_checksum:TRUE"]
    options += ["--disable-protocol", "http"]
    return tshark(
        path,
        *options,
        "-Y",
        "tcp.analysis.flags || _ws.expert.severity >= warning || tcp.checksum.status == 0",
    )
