"""Cold start of real labkit commands against a bare `python -c pass`, paired run by run.

Issue 16's targets, CPU time as a ratio to `python -c pass` measured in the same run (A B A B…,
whole processes, through `harness.py`): `labkit note` ≤ 15× on a journal of 3,000 and of 20,000
events and flat between them; `labkit validate` and `labkit agenda` on a bundled example ≤ 20×.
`labkit --help` is measured too (it goes through the same general path as every command).
Issue 17's target: `labkit rotate --json` (a plan of its own, no session) wall time ≤ 6x that of
`python -c pass` for N ≤ 100 (N = 20 and N = 100). An INFO line gives the framework's floor:
a minimal Typer app taking `labkit note`'s kinds of parameters (`typer_floor.py`), as a ratio to
`python -c pass`, i.e. the part of the 15x budget that Typer takes before any labkit code runs
(labkit pins `typer<0.29`: 0.29 imports pydantic for every command, see `typer_floor.py`).
The journals are prepared copies of the bundled example, filled by a labkit writer (which leaves
a state checkpoint on close, as the live app and `labkit note` do); one more line measures a
note on the 20,000 events with the checkpoint removed before every run (the one-off cost after,
say, an import by an older labkit). Run:

    python benchmarks/cli_startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import Command, labkit_argv, load_line, paired, verdict  # noqa: E402

EXAMPLE = "cooperation-territoriale"


def prepare(root: Path, events: int) -> Path:
    """A copy of the example whose journal holds about `events` events."""
    from labkit.store.journal import Journal

    subprocess.run([*labkit_argv(), "examples", "copy", EXAMPLE], cwd=root, check=True,
                   capture_output=True)
    folder = root / "sessions" / EXAMPLE
    with Journal.open(folder, device="bench") as journal:
        missing = events - journal.last_id
        for start in range(0, max(missing, 0), 500):
            journal.record_many([{"type": "contribution.added", "kind": "idea",
                                  "text": f"idée préparée {n}"}
                                 for n in range(start, min(missing, start + 500))])
    return folder


def drop_checkpoint(folder: Path) -> None:
    """Remove the saved state, so that the next open folds every event."""
    with sqlite3.connect(folder / "journal.db") as raw:
        raw.execute("DELETE FROM meta WHERE key = 'state_checkpoint'")


def main() -> None:
    """Measure and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--quick", action="store_true", help="5 runs of each")
    args = parser.parse_args()
    runs = min(args.runs, 5) if args.quick else args.runs
    print(load_line())
    labkit = labkit_argv()
    bare = Command("python -c pass", [sys.executable, "-c", "pass"])
    env = {"LABKIT_LANG": "fr", "NO_COLOR": "1"}
    met = True
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        (base / "3k").mkdir()
        (base / "20k").mkdir()
        (base / "cold").mkdir()
        small, big = prepare(base / "3k", 3_000), prepare(base / "20k", 20_000)
        cold = prepare(base / "cold", 20_000)
        note_cpu = {}
        for label, folder in (("3k", small), ("20k", big)):
            pair = paired(Command(f"labkit note ({label} events)",
                                  [*labkit, "note", str(folder), "Une idée de plus"], env=env),
                          bare, runs)
            print(pair.describe())
            note_cpu[label] = pair.labkit.cpu[0]
            met &= verdict(f"labkit note at {label} events CPU / python -c pass CPU",
                           pair.cpu_ratio(), target=15.0)
        met &= verdict("labkit note CPU at 20k / at 3k events (flat)",
                       note_cpu["20k"] / note_cpu["3k"], target=1.2)
        pair = paired(Command("labkit note (20k, no checkpoint)",
                              [*labkit, "note", str(cold), "Une idée"], env=env,
                              before=lambda: drop_checkpoint(cold)), bare, max(3, runs // 3))
        print(pair.describe())
        print(f"INFO labkit note at 20k events without a checkpoint (one-off, then saved): "
              f"{pair.cpu_ratio():.2f}x python -c pass")
        for name in ("validate", "agenda"):
            pair = paired(Command(f"labkit {name} (example)", [*labkit, name, str(small)],
                                  env=env), bare, runs)
            print(pair.describe())
            met &= verdict(f"labkit {name} CPU / python -c pass CPU", pair.cpu_ratio(),
                           target=20.0)
        pair = paired(Command("labkit --help", [*labkit, "--help"], env=env), bare, runs)
        print(pair.describe())
        met &= verdict("labkit --help CPU / python -c pass CPU", pair.cpu_ratio(), target=15.0)
        for size, tables in ((20, 5), (100, 20)):
            argv = [*labkit, "rotate", "--size", str(size), "--tables", str(tables), "--rounds",
                    "5", "--json"]  # fmt: skip
            pair = paired(Command(f"labkit rotate --json (N={size})", argv, env=env), bare, runs)
            print(pair.describe())
            met &= verdict(f"labkit rotate --json at N={size} wall / python -c pass wall",
                           pair.wall_ratio(), target=6.0)
        floor = Path(__file__).resolve().parent / "typer_floor.py"
        pair = paired(Command("typer floor (note's parameters)",
                              [sys.executable, str(floor), "note", str(small), "Une idée"],
                              env=env), bare, runs)  # fmt: skip
        print(pair.describe())
        print(f"INFO a minimal Typer app with note's parameters (the framework's floor): "
              f"{pair.cpu_ratio():.2f}x python -c pass CPU")
    if not met:
        print("ABOVE TARGET: at least one figure missed its target")


if __name__ == "__main__":
    main()
