"""A fork server of journal writers for the kill tests (`test_kill_journal.py`).

    python kill_writer.py

imports the journal once (no CLI, no Textual), then reads one job per line on stdin (JSON:
``folder``, ``scenario``, ``launch``, ``seed``). For each job it forks a writer that works on the
session folder until it is killed (`scenario` says how: single writes, batches, undos,
attachments, or opening and closing again and again) and, once the writer is dead, prints
``DONE <pid> <wait status>``. A fork costs a few milliseconds where a new interpreter costs a
quarter of a second of imports: hundreds of kills stay cheap; the writer is still a process of
its own that SIGKILL ends with its SQLite connection, locks and half-written files.

A writer prints, with one ``write(2)`` per line (whole lines, nothing buffered):

- ``PID <pid>`` first;
- ``SQL`` before each SQL statement its connection runs, ``STEP`` before each file copy, fsync
  and rename: the test counts them to kill *inside* an open, a transaction or an attachment's
  copy, not after a delay;
- ``ACK <last event id> <fingerprint> <uuid,uuid...>`` once the journal's commit has returned
  (the events are then acknowledged: they must survive). The fingerprint is `fingerprint` of the
  writer's live state (the fold it keeps up to date) at that moment.

Every event a writer records carries a marker ``k<launch>b<batch>n<size>i<index>`` (in its text,
team, reason or caption), so that the test can tell whether a batch is whole.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import sqlite3
import sys
import traceback
from pathlib import Path
from typing import Any

from labkit.store.journal import Journal, JournalState, checkpoint

SIZES = (900, 40_000, 700_000)
"""Attachment sizes: small, medium, and large enough for a kill to land in the copy."""


def say(line: str) -> None:
    """Write one whole line on stdout (unbuffered: it is out before the next statement)."""
    os.write(1, (line + "\n").encode())


def canonical(value: Any) -> str:
    """A text that two equal states share whatever their dict and set order (hash seeds differ
    between processes). The views inside are immutable dataclasses of text, numbers, dates and
    tuples: their repr is the same in every process."""
    if isinstance(value, dict):
        items = (f"{canonical(k)}:{canonical(v)}" for k, v in value.items())
        return "{" + ",".join(sorted(items)) + "}"
    if isinstance(value, set | frozenset):
        return "<" + ",".join(sorted(canonical(v) for v in value)) + ">"
    if isinstance(value, list | tuple):
        return "[" + ",".join(canonical(v) for v in value) + "]"
    return repr(value)


def fingerprint(state: JournalState) -> str:
    """A short digest of everything in `state` (its contributions read first: a checkpoint's are
    read on first use)."""
    state.contributions  # noqa: B018
    return hashlib.sha256(canonical(vars(state)).encode()).hexdigest()[:20]


def marker(launch: int, batch: int, size: int, index: int) -> str:
    return f"k{launch}b{batch}n{size}i{index}"


def traced_connections() -> None:
    """Make every SQLite connection of this process print ``SQL`` before each statement."""
    connect = sqlite3.connect

    def traced(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        connection = connect(*args, **kwargs)
        connection.set_trace_callback(lambda _statement: say("SQL"))
        return connection

    sqlite3.connect = traced  # type: ignore[assignment]


def traced_files() -> None:
    """Make each fsync and rename of a file (an attachment's copy) print ``STEP`` first."""
    for name in ("fsync", "replace"):
        call = getattr(os, name)

        def traced(*args: Any, _call: Any = call) -> Any:
            say("STEP")
            return _call(*args)

        setattr(os, name, traced)


class Writer:
    """One writer process's work on a session folder."""

    def __init__(self, job: dict[str, Any]) -> None:
        self.folder = Path(job["folder"])
        self.launch = int(job["launch"])
        self.rng = random.Random(job["seed"])
        self.batch = 0

    def ack(self, journal: Journal, records: list[Any]) -> None:
        uuids = ",".join(r.uuid for r in records)
        say(f"ACK {records[-1].id} {fingerprint(journal.live_state())} {uuids}")

    def next_marker(self, size: int = 1) -> list[str]:
        self.batch += 1
        return [marker(self.launch, self.batch, size, i) for i in range(1, size + 1)]

    def idea(self, mark: str) -> dict[str, Any]:
        return {"type": "contribution.added", "text": f"Idée {mark}", "kind": "idea",
                "table": self.rng.randint(1, 6)}  # fmt: skip

    def vote(self, journal: Journal, mark: str) -> dict[str, Any] | None:
        items = list(journal.live_state().contributions)
        if not items:
            return None
        return {"type": "vote.cast", "item_id": self.rng.choice(items),
                "dots": self.rng.randint(1, 3), "team": mark}  # fmt: skip

    def one(self, journal: Journal) -> None:
        """One event: an idea, or a vote for an existing one."""
        (mark,) = self.next_marker()
        event = self.vote(journal, mark) if self.rng.random() < 0.3 else None
        self.ack(journal, [journal.record(event or self.idea(mark))])

    def many(self, journal: Journal) -> None:
        """A batch of 2 to 8 ideas and votes, in one transaction."""
        marks = self.next_marker(self.rng.randint(2, 8))
        events = [(self.rng.random() < 0.3 and self.vote(journal, m)) or self.idea(m)
                  for m in marks]  # fmt: skip
        self.ack(journal, journal.record_many(events))

    def undo(self, journal: Journal) -> None:
        """An idea, or the undo of an earlier idea, vote or undo (undoing an undo redoes)."""
        cancelled = journal.live_state().cancelled
        events = [e for e in journal.events()[-12:] if e.uuid not in cancelled]
        if not events or self.rng.random() < 0.4:
            return self.one(journal)
        target = self.rng.choice(events)
        (mark,) = self.next_marker()
        self.ack(journal, [journal.undo(target.id, reason=mark)])

    def attach(self, journal: Journal) -> None:
        """A file copied into attachments/ and its event; now and then a photo already there."""
        (mark,) = self.next_marker()
        sources = self.folder.parent / f"{self.folder.name}-sources"
        sources.mkdir(exist_ok=True)
        earlier = sorted(sources.glob("*.jpg"))
        if earlier and self.rng.random() < 0.2:
            source = self.rng.choice(earlier)  # the same photo again: stored once
        else:
            source = sources / f"nappe-{mark}.jpg"
            source.write_bytes(self.rng.randbytes(self.rng.choice(SIZES)))
        say("STEP")
        journal.attach(source, caption=mark)
        self.ack(journal, journal.events()[-1:])

    def run(self, scenario: str) -> None:
        """Write until killed."""
        path = self.folder / "journal.db"
        if scenario == "reopen":  # open, write a little, close (saving a checkpoint), again
            checkpoint.EVERY = 3
            while True:
                with Journal.open(path, device=f"writer-{self.launch}") as journal:
                    for _ in range(self.rng.randint(0, 2)):
                        self.undo(journal) if self.rng.random() < 0.2 else self.one(journal)
        step = {"single": self.one, "batch": self.many, "undo": self.undo,
                "attach": self.attach}[scenario]  # fmt: skip
        with Journal.open(path, device=f"writer-{self.launch}") as journal:
            while True:
                step(journal)


def child(job: dict[str, Any]) -> None:
    try:
        say(f"PID {os.getpid()}")
        traced_connections()
        traced_files()
        Writer(job).run(job["scenario"])
    except BaseException:
        say("ERROR " + traceback.format_exc().replace("\n", " | "))
    finally:
        os._exit(3)


def serve() -> None:
    """Fork a writer per job read on stdin; report how each one died."""
    say("READY")
    for line in sys.stdin:
        job = json.loads(line)
        pid = os.fork()
        if pid == 0:
            child(job)
        _, status = os.waitpid(pid, 0)
        say(f"DONE {pid} {status}")


if __name__ == "__main__":
    serve()
