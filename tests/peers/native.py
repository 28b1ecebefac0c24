"""Small native programs the tests and benches build from source on first use.

``built(source, name, compiler, flags)`` compiles ``source`` once into a cache folder named after
a hash of the source and the command (``$TMPDIR/socketdesk-<name>/<hash>/<name>``), so later
sessions reuse it; concurrent builders never see a half-written binary.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path

_lock = threading.Lock()


def missing(*tools: str) -> str:
    """The first of ``tools`` not installed here ("" when all are)."""
    return next((tool for tool in tools if shutil.which(tool) is None), "")


def built(source: Path, name: str, compiler: Sequence[str], flags: Sequence[str] = ()) -> Path:
    """The compiled ``source`` (``compiler … -o OUT source flags``), built now unless cached."""
    command = [*compiler, "-o", "{out}", str(source), *flags]
    key = hashlib.sha256(source.read_bytes() + "\0".join(command).encode()).hexdigest()[:16]
    binary = Path(tempfile.gettempdir()) / f"socketdesk-{name}" / key / name
    with _lock:
        if binary.exists():
            return binary
        binary.parent.mkdir(parents=True, exist_ok=True)
        partial = binary.with_name(f"{name}.{os.getpid()}.part")
        done = subprocess.run(
            [str(partial) if part == "{out}" else part for part in command],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"{source.name} did not build:\n{done.stderr}")
        partial.replace(binary)  # atomic: a concurrent session sees no half-written binary
        return binary
