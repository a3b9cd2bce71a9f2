"""Run every benchmark script and gather what they print into one table.

Every `benchmarks/*.py` except `harness.py` and this file runs as its own process (each script
accepts `--quick`: fewer runs and smaller sizes, passed through). Every line a script prints is
kept; the `TARGET …` lines (the headlines, `OK` or `ABOVE TARGET`) are gathered at the top of
`benchmarks/results.md`, followed by each script's full output; the same goes to stdout.

    python benchmarks/run_all.py [--quick] [--out benchmarks/results.md]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

from harness import load_line

HERE = Path(__file__).resolve().parent
SKIP = {"harness.py", "run_all.py"}


def scripts() -> list[Path]:
    """The benchmark scripts, by name."""
    return sorted(p for p in HERE.glob("*.py") if p.name not in SKIP)


def run(script: Path, quick: bool) -> tuple[int, list[str], float]:
    """Exit code, every printed line (stdout then stderr) and wall seconds of one script."""
    argv = [sys.executable, str(script), *(["--quick"] if quick else [])]
    start = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, cwd=HERE.parent, check=False)
    lines = done.stdout.splitlines() + [f"stderr: {line}" for line in done.stderr.splitlines()]
    return done.returncode, lines, time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs, smaller sizes")
    parser.add_argument("--out", type=Path, default=HERE / "results.md")
    args = parser.parse_args()
    targets: list[tuple[str, str]] = []
    sections: list[str] = []
    failed = 0
    for script in scripts():
        print(f"== {script.name}", flush=True)
        code, lines, wall = run(script, args.quick)
        for line in lines:
            print(line, flush=True)
        targets += [(script.name, line) for line in lines if line.startswith("TARGET")]
        if code != 0:
            failed += 1
            targets.append((script.name, f"FAILED: exit {code}"))
        sections.append(f"## {script.name} (exit {code}, {wall:.1f} s)\n\n```\n"
                        + "\n".join(lines) + "\n```\n")
    misses = sum(1 for _, line in targets if "ABOVE TARGET" in line or "BELOW TARGET" in line
                 or "FAILED" in line)
    table = ["| script | target line | status |", "| --- | --- | --- |"]
    for name, line in targets:
        status = ("ABOVE TARGET" if "ABOVE TARGET" in line or "BELOW TARGET" in line
                  else "FAILED" if line.startswith("FAILED") else "OK")
        table.append(f"| {name} | {line.replace('|', '/')} | {status} |")
    head = [f"# Benchmarks{' (--quick)' if args.quick else ''}", "", load_line(), "",
            f"{len(targets)} target lines, {misses} missed or failed.", "", *table, ""]
    args.out.write_text("\n".join(head) + "\n" + "\n".join(sections), encoding="utf-8")
    print("\n".join(["", *table, f"{misses} missed or failed; written to {args.out}"]))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
