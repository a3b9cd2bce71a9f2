"""A process that writes a journal in a loop (run by the concurrency test).

    python journal_writer.py JOURNAL NAME COUNT

records COUNT events (contributions, and a vote for an existing contribution every fifth event)
with device NAME, printing each event's uuid once its `record` call has returned.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import TextIO

from labkit.store.journal import Journal


def write(path: Path, name: str, count: int, out: TextIO) -> None:
    """Record `count` events into the journal at `path`, printing each uuid once durable."""
    rng = random.Random(name)
    with Journal.open(path, device=name) as journal:
        for number in range(count):
            contributions = journal.state().contributions if number % 5 == 4 else {}
            if contributions:
                target = rng.choice(list(contributions))
                record = journal.vote(target, 1 + number % 3, team=name)
            else:
                record = journal.record(
                    {"type": "contribution.added", "text": f"{name} n{number}", "kind": "idea",
                     "table": 1 + number % 6}
                )  # fmt: skip
            out.write(record.uuid + "\n")
            out.flush()


if __name__ == "__main__":
    write(Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.stdout)
