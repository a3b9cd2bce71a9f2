"""Shared measuring for labkit's benchmarks: whole processes, paired run by run, never flattering.

Each benchmark that times a command a user runs goes through `paired`: the labkit command and its
baseline run alternately (A B A B …, after one untimed warm-up of each), each as a whole process,
and every run's CPU time (user + system of the child, from `os.wait4`), wall time and peak memory
(maximum resident set) are kept. `Figures` reports the median and min–max of each; `verdict` prints
the target as the headline line with `OK` or `ABOVE TARGET`.

Usage from a benchmark script (run from the repository root or anywhere):

    from harness import Command, paired, verdict, load_line
    bare = Command("python -c pass", [sys.executable, "-c", "pass"])
    pair = paired(Command("labkit note", [...]), bare, runs=15)
    print(pair.describe())
    verdict("labkit note CPU / python -c pass CPU", pair.cpu_ratio(), target=15.0)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Command:
    """A whole process to time: a label for the table, its argv, and where and how it runs."""

    label: str
    argv: Sequence[str]
    cwd: Path | None = None
    env: dict[str, str] | None = None
    stdin: bytes | None = None
    before: Callable[[], None] | None = (
        None  # untimed preparation before every run (e.g. a fresh copy)
    )


@dataclass(frozen=True)
class Run:
    """One timed run of a whole process."""

    cpu: float  # seconds, user + system of the child
    wall: float  # seconds
    peak_kib: int  # maximum resident set size of the child, KiB


@dataclass
class Figures:
    """The runs of one command and their summary."""

    label: str
    runs: list[Run] = field(default_factory=list)

    def _stat(self, values: list[float]) -> tuple[float, float, float]:
        return statistics.median(values), min(values), max(values)

    @property
    def cpu(self) -> tuple[float, float, float]:
        """Median, min and max CPU seconds."""
        return self._stat([r.cpu for r in self.runs])

    @property
    def wall(self) -> tuple[float, float, float]:
        """Median, min and max wall seconds."""
        return self._stat([r.wall for r in self.runs])

    @property
    def peak_kib(self) -> tuple[float, float, float]:
        """Median, min and max peak resident memory, KiB."""
        return self._stat([float(r.peak_kib) for r in self.runs])

    def describe(self) -> str:
        """One line: CPU and wall median (min–max) in ms, peak memory in MiB."""
        c, w, m = self.cpu, self.wall, self.peak_kib
        return (
            f"{self.label:<34} CPU {c[0] * 1000:8.1f} ms ({c[1] * 1000:.1f}–{c[2] * 1000:.1f})"
            f"  wall {w[0] * 1000:8.1f} ms ({w[1] * 1000:.1f}–{w[2] * 1000:.1f})"
            f"  peak {m[0] / 1024:6.1f} MiB  n={len(self.runs)}"
        )


@dataclass
class Pair:
    """A labkit command and its baseline, measured alternately."""

    labkit: Figures
    baseline: Figures

    def cpu_ratio(self) -> float:
        """Median CPU of labkit over median CPU of the baseline."""
        return self.labkit.cpu[0] / self.baseline.cpu[0]

    def wall_ratio(self) -> float:
        """Median wall of labkit over median wall of the baseline."""
        return self.labkit.wall[0] / self.baseline.wall[0]

    def run_ratios(self) -> tuple[float, float]:
        """Min and max of the run-by-run CPU ratios (labkit run i over baseline run i)."""
        ratios = [
            a.cpu / b.cpu
            for a, b in zip(self.labkit.runs, self.baseline.runs, strict=True)
            if b.cpu > 0
        ]
        return min(ratios), max(ratios)

    def describe(self) -> str:
        """Both lines and the ratios."""
        low, high = self.run_ratios()
        return "\n".join(
            [
                self.labkit.describe(),
                self.baseline.describe(),
                f"{'ratio (median CPU, median wall)':<34} CPU {self.cpu_ratio():6.2f}x"
                f" (run by run {low:.2f}–{high:.2f})  wall {self.wall_ratio():6.2f}x",
            ]
        )


def run_once(command: Command) -> Run:
    """Run `command` as a whole process; its CPU time is the kernel's accounting of the child."""
    if command.before is not None:
        command.before()
    env = None if command.env is None else {**os.environ, **command.env}
    start = time.perf_counter()
    process = subprocess.Popen(
        list(command.argv),
        cwd=command.cwd,
        env=env,
        stdin=subprocess.PIPE if command.stdin is not None else subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    if command.stdin is not None and process.stdin is not None:
        process.stdin.write(command.stdin)
        process.stdin.close()
    stderr = process.stderr
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    errors = stderr.read().decode(errors="replace") if stderr else ""
    if stderr:
        stderr.close()
    code = os.waitstatus_to_exitcode(status)
    process.returncode = code
    if code != 0:
        raise RuntimeError(
            f"{command.label} exited {code}: {' '.join(command.argv)}\n{errors[-2000:]}"
        )
    return Run(cpu=usage.ru_utime + usage.ru_stime, wall=wall, peak_kib=usage.ru_maxrss)


def paired(labkit: Command, baseline: Command, runs: int, warmup: bool = True) -> Pair:
    """Run labkit and its baseline alternately `runs` times each (A B A B …), after a warm-up."""
    if warmup:
        run_once(labkit)
        run_once(baseline)
    pair = Pair(Figures(labkit.label), Figures(baseline.label))
    for _ in range(runs):
        pair.labkit.runs.append(run_once(labkit))
        pair.baseline.runs.append(run_once(baseline))
    return pair


def verdict(
    headline: str, value: float, target: float, unit: str = "x", lower_is_better: bool = True
) -> bool:
    """Print the target line (`OK` or `ABOVE TARGET`) and say whether it was met."""
    met = value <= target if lower_is_better else value >= target
    sign = "≤" if lower_is_better else "≥"
    status = "OK" if met else "ABOVE TARGET"
    print(f"TARGET {headline}: {value:.2f}{unit} (target {sign} {target:g}{unit}) {status}")
    return met


def load_line() -> str:
    """The machine's load average and core count, to print before the figures."""
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


def labkit_argv() -> list[str]:
    """The labkit console script of the running interpreter's environment (as a user runs it)."""
    script = Path(sys.executable).with_name("labkit")
    return [str(script)] if script.exists() else [sys.executable, "-m", "labkit"]


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0–100) by linear interpolation."""
    ordered = sorted(values)
    if not ordered:
        raise ValueError("no values")
    k = (len(ordered) - 1) * q / 100
    low = int(k)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)
