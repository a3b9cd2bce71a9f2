"""Speed of the live capture journal.

Prints, measured in the same run on the same disk:
- events recorded durably per second through `Journal` (one transaction per event, WAL,
  synchronous=FULL, as live capture does) next to a bare sqlite3 INSERT + COMMIT loop with the
  same pragmas (target: at least 0.7x of bare);
- the time to derive the state of a journal of 3,000 and 20,000 events: opening the file cold
  (read, validate every payload, fold) and the fold alone (target: under 0.5 s for 20,000).

Run:  python benchmarks/journal.py [--events 2000] [--rounds 5] [--dir DIR]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import statistics
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

from labkit.store.journal import Journal, derive


def bare_rate(folder: Path, count: int) -> float:
    """Inserts per second of a bare sqlite3 loop: BEGIN IMMEDIATE, INSERT, COMMIT per row."""
    path = folder / "bare.db"
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")
    connection.execute(
        "CREATE TABLE events (id INTEGER PRIMARY KEY AUTOINCREMENT, uuid TEXT UNIQUE, ts TEXT,"
        " device TEXT, recorder TEXT, type TEXT, payload TEXT)"
    )
    payload = json.dumps({"contribution_id": "c1", "text": "Une idée de la table 3", "table": 3})
    start = time.perf_counter()
    for _ in range(count):
        connection.execute("BEGIN IMMEDIATE")
        connection.execute(
            "INSERT INTO events (uuid, ts, device, recorder, type, payload)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (str(uuid.uuid4()), datetime.now(UTC).isoformat(), "bench", None,
             "contribution.added", payload),
        )  # fmt: skip
        connection.execute("COMMIT")
    elapsed = time.perf_counter() - start
    connection.close()
    path.unlink()
    return count / elapsed


def journal_rate(folder: Path, count: int) -> float:
    """Events per second recorded through `Journal`, one durable transaction each."""
    path = folder / "journal.db"
    with Journal.open(path, device="bench") as journal:
        start = time.perf_counter()
        for number in range(count):
            journal.add_contribution("Une idée de la table 3", kind="idea", table=1 + number % 8)
        elapsed = time.perf_counter() - start
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return count / elapsed


def build_session(path: Path, count: int) -> None:
    """A journal of `count` events shaped like a busy two-day session."""
    with Journal.open(path, device="bench") as journal:
        batch: list[dict[str, object]] = []
        for day in (1, 2):
            batch += [{"type": "attendance.arrived", "participant_id": f"p{n}", "day": day}
                      for n in range(60)]  # fmt: skip
        journal.record_many(batch)
        made = len(batch)
        block = 0
        while made < count:
            block += 1
            block_id = f"bloc-{block}"
            batch = [{"type": "block.started", "block_id": block_id}]
            for number in range(min(400, count - made - 3)):
                if number % 4 == 3:
                    batch.append({"type": "vote.cast", "item_id": f"c{made + number - 2}",
                                  "dots": 2, "participant_id": f"p{number % 60}"})  # fmt: skip
                else:
                    batch.append({
                        "type": "contribution.added", "contribution_id": f"c{made + number + 1}",
                        "text": f"Idée {number} : mieux accueillir les parents", "kind": "idea",
                        "block_id": block_id, "question": 1 + number % 4, "table": 1 + number % 8,
                    })  # fmt: skip
            batch.append({"type": "block.ended", "block_id": block_id})
            journal.record_many(batch)
            made += len(batch)


def derive_times(folder: Path, count: int, rounds: int) -> tuple[float, float, int]:
    """(cold open + state, fold alone) median seconds, and the number of events."""
    path = folder / f"session-{count}.db"
    build_session(path, count)
    cold, fold = [], []
    for _ in range(rounds):
        start = time.perf_counter()
        with Journal.open(path, device="bench") as journal:
            journal.state()
            cold.append(time.perf_counter() - start)
            events = journal.events()
        start = time.perf_counter()
        derive(events)
        fold.append(time.perf_counter() - start)
    return statistics.median(cold), statistics.median(fold), len(events)


def main() -> None:
    """Measure and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=2000, help="events per write round")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--dir", type=Path, default=None, help="where to write (default: .)")
    parser.add_argument("--quick", action="store_true", help="500 events, 2 rounds")
    args = parser.parse_args()
    if args.quick:
        args.events, args.rounds = min(args.events, 500), min(args.rounds, 2)
    folder = Path(tempfile.mkdtemp(prefix="labkit-bench-", dir=args.dir or Path.cwd()))
    try:
        bare, ours = [], []
        for _ in range(args.rounds):  # interleaved, so that disk noise hits both alike
            bare.append(bare_rate(folder, args.events))
            ours.append(journal_rate(folder, args.events))
        bare_median, ours_median = statistics.median(bare), statistics.median(ours)
        ratio = ours_median / bare_median
        verdict = "OK" if ratio >= 0.7 else "BELOW TARGET"
        print(f"bare sqlite3 insert+commit : {bare_median:8.0f} events/s (median of {args.rounds})")
        print(f"Journal.record (durable)   : {ours_median:8.0f} events/s (median of {args.rounds})")
        print(f"TARGET journal/bare ratio    : {ratio:8.2f}x (target >= 0.7x) {verdict}")
        for count in (3_000, 20_000):
            cold, fold, real = derive_times(folder, count, args.rounds)
            verdict = "OK" if cold < 0.5 else "ABOVE TARGET"
            print(f"TARGET state of {real:6d} events: {cold:8.3f} s opening cold (read, validate, "
                  f"fold), {fold:.3f} s fold alone (target < 0.5 s) {verdict}")  # fmt: skip
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
