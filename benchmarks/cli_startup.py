"""Start-up time of `labkit --help` against a bare `python -c pass`, measured in the same run.

Prints the median wall time of each over N runs and their ratio (target: under 4x). Run:
    python benchmarks/cli_startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path


def median_seconds(command: list[str], runs: int) -> float:
    """Median wall time of `command` over `runs` runs (after one warm-up run)."""
    subprocess.run(command, check=True, capture_output=True)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    """Measure and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    bare = median_seconds([sys.executable, "-c", "pass"], args.runs)
    script = Path(sys.executable).with_name("labkit")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "labkit"]
    labkit = median_seconds([*command, "--help"], args.runs)
    ratio = labkit / bare
    print(f"python -c pass : {bare * 1000:7.1f} ms (median of {args.runs})")
    print(f"labkit --help  : {labkit * 1000:7.1f} ms (median of {args.runs})")
    print(f"ratio          : {ratio:7.2f}x (target < 4x) {'OK' if ratio < 4 else 'ABOVE TARGET'}")


if __name__ == "__main__":
    main()
