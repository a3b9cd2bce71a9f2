"""Acceptance: SIGKILL a journal writer after N acknowledged events, 200+ times, never lose one.

Each kill is placed by what the writer reported, not by a delay: after its N-th acknowledged
commit, and then after S more SQL statements or file copies begun (see `kill_writer.py`), so a
loaded machine changes how long a kill takes to come, not where it lands. The scenarios cover
single writes, batches (`record_many`), undos, attachments, and opening/closing again and again
(checkpoints saved on close, WAL recovery on open). After every kill the journal is reopened and:
SQLite's integrity check passes, every acknowledged event is there exactly once, every batch is
whole or absent, the state of a fresh opening equals the fold of the events, the writer's live
state at each acknowledgement equals the fold of the events up to there, and every recorded
attachment's file is whole.
"""

from __future__ import annotations

import json
import os
import random
import re
import select
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from kill_writer import fingerprint

from labkit.store.journal import Journal, RecordedEvent, derive
from labkit.store.journal.attachments import file_sha256

pytestmark = pytest.mark.slow  # writer processes, killed

SERVER = Path(__file__).with_name("kill_writer.py")
MARK = re.compile(r"k(\d+)b(\d+)n(\d+)i(\d+)")
TIMEOUT = 60.0
"""Seconds a writer may stay silent before the test gives up (it is only ever waited for)."""


@dataclass
class Ack:
    last_id: int
    fingerprint: str
    uuids: list[str]


@dataclass
class Launch:
    """What one killed writer acknowledged."""

    acks: list[Ack] = field(default_factory=list)
    lines: int = 0


class Lines:
    """Whole lines read from a pipe, waiting at most `TIMEOUT` for each."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.buffer = b""

    def __iter__(self) -> Iterator[str]:
        while True:
            while b"\n" not in self.buffer:
                ready, _, _ = select.select([self.fd], [], [], TIMEOUT)
                assert ready, "the writer went silent"
                chunk = os.read(self.fd, 65536)
                assert chunk, "the writer server died"
                self.buffer += chunk
            line, self.buffer = self.buffer.split(b"\n", 1)
            yield line.decode()


class Writers:
    """The fork server of `kill_writer.py`: one writer process per `kill`."""

    def __init__(self, errors: Path) -> None:
        self.errors = errors.open("w")
        self.process = subprocess.Popen(
            [sys.executable, str(SERVER)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=self.errors, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        )  # fmt: skip
        assert self.process.stdout is not None
        self.lines = iter(Lines(self.process.stdout.fileno()))
        assert next(self.lines) == "READY"

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=30)
        self.errors.close()

    def kill(self, job: dict[str, object], acks: int, steps: int) -> Launch:
        """Start a writer on `job`, SIGKILL it after `acks` acknowledged commits and then `steps`
        statements or copies begun; what it acknowledged before it died."""
        assert self.process.stdin is not None
        self.process.stdin.write((json.dumps(job) + "\n").encode())
        self.process.stdin.flush()
        launch, pid, killed, since = Launch(), 0, False, 0
        deadline = time.monotonic() + TIMEOUT
        for line in self.lines:
            assert time.monotonic() < deadline, f"the writer was not killed: {launch}"
            word, _, rest = line.partition(" ")
            launch.lines += 1
            if word == "PID":
                pid = int(rest)
            elif word == "ACK":
                last_id, digest, uuids = rest.split(" ")
                launch.acks.append(Ack(int(last_id), digest, uuids.split(",")))
            elif word in ("SQL", "STEP"):
                since += len(launch.acks) >= acks  # counted from the acks-th acknowledgement
            elif word == "DONE":
                status = int(rest.split(" ")[1])
                assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, status
                return launch
            else:
                raise AssertionError(f"the writer failed: {line}")
            if not killed and pid and len(launch.acks) >= acks and since >= steps:
                os.kill(pid, signal.SIGKILL)
                killed = True
        raise AssertionError("unreachable")


@pytest.fixture
def writers(tmp_path: Path) -> Iterator[Writers]:
    server = Writers(tmp_path / "writers.stderr")
    yield server
    server.close()


def marker(event: RecordedEvent) -> str:
    payload = event.event
    for name in ("text", "team", "reason", "caption"):
        found = MARK.search(str(getattr(payload, name, None) or ""))
        if found:
            return found.group(0)
    raise AssertionError(f"event #{event.id} has no marker: {payload}")


def attachment_files_problems(folder: Path, events: list[RecordedEvent]) -> tuple[list[str], int]:
    """Problems of the attachments folder, and how many temporary copies were left behind.

    What `labkit.store.journal.attachments` promises: a recorded attachment's file is there,
    whole; a file under its final name (``<sha256[:16]>-name``) is whole, even when the kill
    came before its event was committed (then nothing refers to it); a copy cut short stays a
    ``.attach-*.tmp`` that nothing refers to (nothing removes it yet: `labkit check` lists it)."""
    problems, leftovers = [], 0
    state = derive(events)
    for attachment in state.attachments.values():
        path = folder / attachment.path
        if not path.is_file() or file_sha256(path) != attachment.sha256:
            problems.append(f"{attachment.attachment_id}: {path} is missing or not whole")
        elif path.stat().st_size != attachment.size:
            problems.append(f"{attachment.attachment_id}: {path} has another size")
    store = folder / "attachments"
    for entry in sorted(store.iterdir()) if store.is_dir() else []:
        if entry.name.startswith(".attach-") and entry.name.endswith(".tmp"):
            leftovers += 1  # a copy cut short: never referred to
        elif not file_sha256(entry).startswith(entry.name.split("-", 1)[0]):
            problems.append(f"{entry} is not whole under its final name")
    return problems, leftovers


@dataclass
class Scenario:
    """One session folder killed again and again, and what its writers acknowledged."""

    folder: Path
    acknowledged: set[str] = field(default_factory=set)
    leftovers: int = 0
    unacknowledged_kept: int = 0

    def check(self, kill: int, launch: Launch, *, readonly: bool = False) -> None:
        """Reopen the journal after `kill` and check everything promised."""
        where = f"kill {kill}"
        path = self.folder / "journal.db"
        with Journal.open(path, device="checker", readonly=readonly) as journal:
            assert journal.integrity_check() == [], where
            events = journal.events()
            opened = journal.state()
        uuids = Counter(e.uuid for e in events)
        assert max(uuids.values(), default=1) == 1, f"{where}: an event was stored twice"
        new = {u for a in launch.acks for u in a.uuids}
        self.acknowledged |= new
        missing = self.acknowledged - set(uuids)
        assert not missing, f"{where}: {len(missing)} acknowledged events lost"
        self.unacknowledged_kept = len(uuids) - len(self.acknowledged)
        ids = [e.id for e in events]
        assert ids == sorted(set(ids)), where
        batches: dict[str, set[int]] = {}
        for event in events:
            launch_no, batch, size, index = MARK.fullmatch(marker(event)).groups()  # type: ignore[union-attr]
            batches.setdefault(f"{launch_no}/{batch}/{size}", set()).add(int(index))
        for key, indexes in batches.items():
            size = int(key.rsplit("/", 1)[1])
            assert indexes == set(range(1, size + 1)), f"{where}: batch {key} is half there"
        assert vars(opened) == vars(derive(events)), f"{where}: opening's state is not the fold"
        for ack in launch.acks:  # the writer's live fold, at each acknowledgement
            upto = [e for e in events if e.id <= ack.last_id]
            assert fingerprint(derive(upto)) == ack.fingerprint, f"{where}: live state ≠ fold"
        problems, self.leftovers = attachment_files_problems(self.folder, events)
        assert problems == [], f"{where}: {problems}"


def kill_points(rng: random.Random, max_acks: int, max_steps: int) -> tuple[int, int]:
    """After how many acknowledged commits, then statements or copies, to kill."""
    return rng.randint(0, max_acks), rng.choice([0, 0, 1, 2, 3, 5, 8, max_steps])


@pytest.mark.parametrize(
    ("scenario", "kills", "max_acks", "max_steps"),
    [
        ("single", 45, 6, 12),
        ("batch", 45, 4, 20),
        ("undo", 40, 6, 12),
        ("attach", 35, 3, 6),
        ("reopen", 45, 4, 40),
    ],
)  # fmt: skip
def test_killed_writers_lose_no_acknowledged_event(
    writers: Writers, tmp_path: Path, scenario: str, kills: int, max_acks: int, max_steps: int
) -> None:
    rng = random.Random(f"kill-{scenario}")
    session = Scenario(tmp_path / scenario)
    session.folder.mkdir()
    total_acks = early = 0
    for kill in range(kills):
        # the first kills land while the journal is being created, the next ones anywhere
        acks, steps = (0, kill) if kill < 3 else kill_points(rng, max_acks, max_steps)
        job = {"folder": str(session.folder), "scenario": scenario, "launch": kill,
               "seed": f"{scenario}-{kill}"}  # fmt: skip
        launch = writers.kill(job, acks, steps)
        assert len(launch.acks) >= acks
        total_acks += len(launch.acks)
        early += not launch.acks
        # read-only once the journal exists: the checker leaves the WAL as the killed writer
        # left it (and costs no checkpoint), for the next writer to recover
        session.check(kill, launch, readonly=bool(session.acknowledged))
    assert total_acks >= kills, "the writers hardly acknowledged anything"
    with Journal.open(session.folder, device="checker") as journal:  # still writable
        journal.add_contribution("après les coupures")
        assert journal.integrity_check() == []
    print(f"{scenario}: {kills} kills ({early} before any acknowledgement), "
          f"{total_acks} acknowledged commits, "
          f"{session.unacknowledged_kept} unacknowledged events kept whole, "
          f"{session.leftovers} temporary copies left")  # fmt: skip


def test_a_journal_killed_while_it_is_created_opens_again(writers: Writers, tmp_path: Path) -> None:
    """A kill during a journal's very first open leaves an empty ``journal.db`` (SQLite writes
    its header with the switch to WAL, a few statements in): the next open must take it as the
    new journal it is, not refuse it as a file that is not a journal."""
    empty = 0
    for kill, steps in enumerate((1, 1, 2, 2, 3)):
        folder = tmp_path / f"created-{kill}"
        folder.mkdir()
        job = {"folder": str(folder), "scenario": "single", "launch": kill, "seed": kill}
        assert writers.kill(job, 0, steps).acks == []
        empty += (folder / "journal.db").stat().st_size == 0
        with Journal.open(folder, device="checker") as journal:
            journal.add_contribution("après la coupure")
            assert journal.integrity_check() == []
        with Journal.open(folder, device="checker") as journal:
            assert [c.text for c in journal.state().contributions.values()] == ["après la coupure"]
    assert empty, "no kill landed before SQLite wrote the journal's header"
