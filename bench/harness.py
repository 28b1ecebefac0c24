"""Run competing commands in interleaved rounds and report medians and ratios.

Machines here are noisy: every contender runs in every round, in turn, so drift hits all alike;
the median over rounds is reported, and ratios are taken between medians of the same run.
"""

from __future__ import annotations

import statistics
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field


@dataclass
class Contender:
    """One command to time. ``make_argv`` is called per round (ports may change)."""

    name: str
    make_argv: Callable[[], Sequence[str]]
    baseline: bool = False
    seconds: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


def time_command(argv: Sequence[str], timeout: float = 600) -> float:
    """Wall time of one run; stdout to /dev/null; raises if the command fails."""
    start = time.perf_counter()
    result = subprocess.run(
        list(argv),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        timeout=timeout,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"{argv[0]} failed ({result.returncode}): {result.stderr.decode()}")
    return elapsed


def run_rounds(
    contenders: Sequence[Contender], rounds: int, before_each: Callable[[], None] | None = None
) -> None:
    """Time every contender once per round, alternating the order between rounds."""
    for index in range(rounds):
        order = contenders if index % 2 == 0 else list(reversed(contenders))
        for contender in order:
            if before_each is not None:
                before_each()
            contender.seconds.append(time_command(contender.make_argv()))


def report(title: str, contenders: Sequence[Contender], size_bytes: int | None = None) -> str:
    """A table: median seconds, throughput, and each contender's speed relative to each baseline.

    A ratio above 1.0 means the contender is faster than that baseline.
    """
    baselines = [c for c in contenders if c.baseline]
    lines = [f"== {title} ==", ""]
    header = f"{'contender':<34} {'median s':>9} {'min s':>7}"
    if size_bytes:
        header += f" {'GB/s':>6}"
    header += "".join(f" {'vs ' + b.name:>16}" for b in baselines)
    lines.append(header)
    for contender in contenders:
        row = f"{contender.name:<34} {contender.median:>9.3f} {min(contender.seconds):>7.3f}"
        if size_bytes:
            row += f" {size_bytes / contender.median / 1e9:>6.2f}"
        row += "".join(f" {b.median / contender.median:>15.2f}x" for b in baselines)
        lines.append(row)
    lines.append("")
    lines.append(f"rounds: {len(contenders[0].seconds)}; ratio = baseline time / contender time")
    return "\n".join(lines)
