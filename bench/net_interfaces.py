"""Start-up cost of listing interfaces and finding a port's owner: psutil against the old code.

Each figure is a fresh interpreter (imports are cold for the code measured, warm in the page
cache), median of ``--runs``: the time from before the import to after the first answer, so
``import psutil`` is counted; what the app has loaded anyway (``desktop.core.net``, asyncio,
pathlib, ctypes) is imported first, untimed. The old code (ctypes ``getifaddrs`` and a ``/proc``
scan, removed from ``desktop/core/ipmsg_io``) is taken from git at ``--old`` and run the same way.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OLD_COMMIT = "b5e7d21"  # main before the move to desktop/core/net

# Untimed set-up first: what the app has loaded anyway (the desktop.core.net package, with
# asyncio and pathlib) before the Messenger or a UDP session lists anything.
_TIMED = """
import time, socket, pathlib, ctypes, desktop.core.net, desktop.core.errors
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(('127.0.0.1', 0))
t = time.perf_counter()
{code}
print((time.perf_counter() - t) * 1000)
"""

CASES = {
    "interfaces, psutil (new)": (
        "from desktop.core.net.interfaces import list_interfaces; list_interfaces()"
    ),
    "interfaces, ctypes getifaddrs (old)": (
        "from old_interfaces import interface_addresses; interface_addresses()"
    ),
    "interfaces, second listing, psutil (new)": (
        "from desktop.core.net.interfaces import list_interfaces; list_interfaces()\n"
        "t = time.perf_counter(); list_interfaces()"
    ),
    "UDP port owner, psutil (new)": (
        "from desktop.core.net.port_owner import port_owner\n"
        "assert port_owner(s.getsockname()[1], 'udp')"
    ),
    "UDP port owner, /proc scan (old)": (
        "from old_port_owner import udp_port_owner\nassert udp_port_owner(s.getsockname()[1])"
    ),
}


def _time(code: str, path: str) -> float:
    out = subprocess.run(
        [sys.executable, "-c", _TIMED.format(code=code)],
        cwd=ROOT,
        env={"PYTHONPATH": f"{ROOT}:{path}", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return float(out.strip())


def main(argv: list[str] | None = None) -> None:
    """Print the median milliseconds of each case."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--old", default=OLD_COMMIT)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        for name in ("interfaces", "port_owner"):
            source = subprocess.run(
                ["git", "show", f"{args.old}:desktop/core/ipmsg_io/{name}.py"],
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            (Path(folder) / f"old_{name}.py").write_text(source)
        print(f"{'case':40} {'median ms':>10} {'min ms':>8}  ({args.runs} fresh interpreters)")
        for label, code in CASES.items():
            times = [_time(code, folder) for _ in range(args.runs)]
            print(f"{label:40} {statistics.median(times):10.1f} {min(times):8.1f}")


if __name__ == "__main__":
    main(sys.argv[1:])
