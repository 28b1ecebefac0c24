"""CLI TCP client receiving 1 GiB from a loopback server: SocketDesk versus socat (and ncat).

Run: ``make bench`` or ``.venv/bin/python -m bench.tcp_receive [--gib N] [--rounds N]``.
Each contender connects to the same sender process, receives everything, writes it to stdout
(/dev/null) and exits when the server closes; the whole command is timed, start-up included.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from bench.harness import Contender, report, run_rounds

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> str:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gib", type=float, default=1.0)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    size = int(args.gib * 1024**3)
    sender = subprocess.Popen(
        [sys.executable, "-m", "bench.sender", str(size)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert sender.stdout is not None
        port = sender.stdout.readline().strip()
        target = f"TCP:127.0.0.1:{port}"
        contenders = [
            Contender(
                "socat (default 8 KiB blocks)",
                lambda: ["socat", "-u", target, "STDOUT"],
                baseline=True,
            ),
            Contender(
                "socat -b 262144",
                lambda: ["socat", "-b", "262144", "-u", target, "STDOUT"],
                baseline=True,
            ),
        ]
        if shutil.which("ncat"):
            contenders.append(
                Contender("ncat --recv-only", lambda: ["ncat", "--recv-only", "127.0.0.1", port])
            )
        contenders.append(
            Contender(
                "socketdesk-cli tcp connect",
                lambda: [
                    sys.executable,
                    "-m",
                    "desktop.cli",
                    "tcp",
                    "connect",
                    "127.0.0.1",
                    port,
                    "--recv-only",
                ],
            )
        )
        run_rounds(contenders, args.rounds)
    finally:
        sender.kill()
        sender.wait()
    text = report(f"TCP receive of {args.gib:g} GiB on loopback, CLI client", contenders, size)
    print(text)
    return text


if __name__ == "__main__":
    main()
