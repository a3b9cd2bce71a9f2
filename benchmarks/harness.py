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


_LAUNCHER = r"""
import json, os, sys, time
spec = json.loads(sys.argv[1])
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        if spec["cwd"]:
            os.chdir(spec["cwd"])
        os.dup2(os.open(spec["stdin"] or os.devnull, os.O_RDONLY), 0)
        os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
        os.dup2(os.open(spec["stderr"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), 2)
        os.execvpe(spec["argv"][0], spec["argv"], spec["env"])
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - start
print(json.dumps({"code": os.waitstatus_to_exitcode(status), "wall": wall,
                  "cpu": usage.ru_utime + usage.ru_stime, "peak": usage.ru_maxrss}))
"""
"""Starts the measured process and reports its rusage. Linux counts in a child's maximum resident
set the memory of the process it was forked from (even through exec), so the measured process is
forked from this small launcher (``python -S``, a few MiB), not from the benchmark itself (whose
own tens of MiB would otherwise show as every command's peak)."""


_COMPILED: list[bool] = []


def as_installed() -> None:
    """Compile labkit's modules to bytecode once, as an install does (`pip install` compiles
    them; an editable install writes them on first import), so that no run recompiles every
    module from source. Machines (CI, sandboxes) that set ``PYTHONDONTWRITEBYTECODE`` would
    otherwise time the compiler: the child processes run without that variable."""
    if not _COMPILED:
        import compileall

        compileall.compile_dir(str(Path(__file__).resolve().parent.parent / "labkit"), quiet=1)
        _COMPILED.append(True)


def run_once(command: Command) -> Run:
    """Run `command` as a whole process; its CPU time and peak memory are the kernel's
    accounting of that process (forked from a small launcher, see `_LAUNCHER`), its wall time
    from fork to exit."""
    import json
    import tempfile

    if command.before is not None:
        command.before()
    as_installed()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(command.env or {})
    with tempfile.TemporaryDirectory(prefix="labkit-bench-") as scratch:
        stdin_path = None
        if command.stdin is not None:
            stdin_path = str(Path(scratch) / "stdin")
            Path(stdin_path).write_bytes(command.stdin)
        stderr_path = str(Path(scratch) / "stderr")
        spec = {"argv": list(command.argv), "cwd": str(command.cwd) if command.cwd else None,
                "env": env, "stdin": stdin_path, "stderr": stderr_path}  # fmt: skip
        launched = subprocess.run([sys.executable, "-S", "-c", _LAUNCHER, json.dumps(spec)],
                                  capture_output=True, text=True, check=False)  # fmt: skip
        errors = Path(stderr_path).read_text(errors="replace") if Path(stderr_path).exists() else ""
    if launched.returncode != 0 or not launched.stdout.strip():
        raise RuntimeError(f"the launcher failed for {command.label}: {launched.stderr[-2000:]}")
    result = json.loads(launched.stdout.strip().splitlines()[-1])
    if result["code"] != 0:
        raise RuntimeError(
            f"{command.label} exited {result['code']}: {' '.join(command.argv)}\n{errors[-2000:]}"
        )
    return Run(cpu=result["cpu"], wall=result["wall"], peak_kib=int(result["peak"]))


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
