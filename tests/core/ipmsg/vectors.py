"""The packet vectors of tests/data/ipmsg (see its README for where each came from)."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "data" / "ipmsg"
# Datagrams; ``*dirstream-*.bin`` are TCP directory streams (GETDIRFILES answers) and
# ``iptux-dirstream-request.bin`` a TCP request: kept apart from the datagrams.
DATAGRAMS = sorted(p.name for p in DATA.glob("*.bin") if "dirstream-" not in p.name)
# Received only: a version we read but never send (IPMsg drops anything but 1).
RECEIVE_ONLY = ["lesson-version-99.bin"]
ALL = [name for name in DATAGRAMS if name not in RECEIVE_ONLY]
DIR_STREAMS = sorted(
    p.name for p in DATA.glob("*dirstream-*.bin") if not p.name.endswith("-request.bin")
)


def vector(name: str) -> bytes:
    """The raw datagram stored as ``name``."""
    return (DATA / name).read_bytes()
