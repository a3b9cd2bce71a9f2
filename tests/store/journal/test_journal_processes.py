"""Acceptance: killed writers lose no acknowledged event; concurrent writers lose nothing."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from journal_writer import write

from labkit.store.journal import Journal

pytestmark = pytest.mark.slow  # real writer processes, killed or racing

KILLS = 30
WRITERS = 3
EVENTS_EACH = 500


def _read_all(fd: int) -> str:
    chunks = []
    while chunk := os.read(fd, 65536):
        chunks.append(chunk)
    return b"".join(chunks).decode()


def _run_and_kill(path: Path, name: str, delay: float) -> list[str]:
    """Fork a writer, SIGKILL it after `delay` seconds; the uuids it acknowledged."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: write until killed, never return into pytest
        try:
            os.close(read_end)
            with os.fdopen(write_end, "w") as out:
                write(path, name, 10**9, out)
        finally:
            os._exit(1)
    os.close(write_end)
    time.sleep(delay)
    os.kill(pid, signal.SIGKILL)
    output = _read_all(read_end)  # until the killed child's end of the pipe closes
    os.close(read_end)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, "not killed"
    lines = output.split("\n")
    return [line for line in lines[:-1] if line]  # a last partial line was not acknowledged


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_sigkill_at_random_moments_loses_no_acknowledged_event(tmp_path: Path) -> None:
    path = tmp_path / "journal.db"
    rng = random.Random(20260312)
    acknowledged: list[str] = []
    for kill in range(KILLS):
        # some kills land while the journal is being opened (or created), most while writing
        delay = rng.choice([rng.uniform(0, 0.01), rng.uniform(0.01, 0.15)])
        acknowledged += _run_and_kill(path, f"child-{kill}", delay)
        with Journal.open(path, device="checker") as journal:
            assert journal.integrity_check() == []
            stored = [event.uuid for event in journal.events()]
            assert len(stored) == len(set(stored)), "an event was stored twice"
            missing = set(acknowledged) - set(stored)
            assert not missing, f"kill {kill}: {len(missing)} acknowledged events lost"
            ids = [event.id for event in journal.events()]
            assert ids == sorted(ids)
    assert len(acknowledged) > KILLS, "the writers hardly wrote anything: kills came too early"
    with Journal.open(path, device="checker") as journal:  # the journal is still writable
        journal.add_contribution("après les coupures")


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
