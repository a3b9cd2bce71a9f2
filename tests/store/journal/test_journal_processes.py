"""Acceptance: concurrent writers lose nothing (killed ones: `tests/store/test_kill_journal.py`)."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from labkit.store.journal import Journal

pytestmark = pytest.mark.slow  # real writer processes, racing

WRITERS = 3
EVENTS_EACH = 500


def test_concurrent_processes_lose_nothing_and_duplicate_nothing(tmp_path: Path) -> None:
    path = tmp_path / "journal.db"
    script = Path(__file__).with_name("journal_writer.py")
    processes = [
        subprocess.Popen(
            [sys.executable, str(script), str(path), f"writer-{n}", str(EVENTS_EACH)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(WRITERS)
    ]
    outputs = [process.communicate(timeout=120) for process in processes]
    for process, (_, errors) in zip(processes, outputs, strict=True):
        assert process.returncode == 0, errors
    acknowledged = [line for out, _ in outputs for line in out.split()]
    assert len(acknowledged) == WRITERS * EVENTS_EACH
    with Journal.open(path, device="checker") as journal:
        events = journal.events()
        state = journal.state()
    assert journal is not None
    assert sorted(e.uuid for e in events) == sorted(acknowledged)
    assert Counter(e.device for e in events) == {f"writer-{n}": EVENTS_EACH for n in range(WRITERS)}
    texts = [c.text for c in state.contributions.values()]
    assert len(texts) == len(set(texts))  # no contribution twice
    created = [e.event.new_id() for e in events if e.type == "contribution.added"]
    assert len(created) == len(set(created)) == len(texts)  # ids never given twice
    assert sum(state.vote_totals().values()) == sum(
        e.event.dots
        for e in events
        if e.type == "vote.cast"  # type: ignore[attr-defined]
    )
