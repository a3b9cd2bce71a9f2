"""Kill the app's process in the middle of a world café: nothing confirmed is lost, and
reopening resumes the right block and round with every captured idea.

The first test drives the app headless (Textual's Pilot, `kill_driver.py`); the second runs the
real `labkit run` in a pseudo-terminal, types into it, watches the journal from outside (a
read-only connection) and SIGKILLs it once N entries are there: while it starts, mid-café, right
after an undo, in the middle of an undo, mid-vote; each relaunch must show every entry."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import signal
import sqlite3
import struct
import subprocess
import sys
import termios
import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest

from labkit.store.journal import Journal
from labkit.tui.widgets.agenda.block_bar import BlockBar
from labkit.tui.widgets.cafe.table_card import TableCard

pytestmark = pytest.mark.slow  # a real app process, SIGKILLed

DRIVER = Path(__file__).with_name("kill_driver.py")


def run_until_killed(session_dir: Path, extra_ideas: int = 3) -> list[str]:
    """Start the driver, wait until round 2 runs and a few more ideas are typed, SIGKILL it;
    the ideas it had confirmed."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, str(DRIVER), str(session_dir)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )
    confirmed: list[str] = []
    deadline = time.monotonic() + 60
    after_ready = None
    try:
        assert process.stdout is not None
        for line in process.stdout:
            line = line.strip()
            if line.startswith("IDEA "):
                confirmed.append(line[5:])
                if after_ready is not None:
                    after_ready += 1
            elif line == "READY":
                after_ready = 0
            if after_ready is not None and after_ready >= extra_ideas:
                break
            assert time.monotonic() < deadline, "the driver is too slow"
        else:
            raise AssertionError(process.stderr.read() if process.stderr else "driver died")
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    assert process.returncode == -signal.SIGKILL
    return confirmed


async def test_killed_mid_cafe_resumes_block_round_and_ideas(session_dir, make_app, clock):
    confirmed = run_until_killed(session_dir)
    with Journal.open(session_dir / "journal.db", device="check") as journal:
        assert journal.integrity_check() == []
        state = journal.state()
    texts = [c.text for c in state.contributions.values()]
    assert set(confirmed) <= set(texts)  # every confirmed idea survived the kill
    round_one = [c for c in state.contributions.values() if c.round == 1]
    assert [(c.table, c.question) for c in round_one] == [(1, 1)] * 3
    assert all(c.round == 2 and c.table == 2 for c in state.contributions.values()
               if "tour 2" in c.text)

    clock.set(state.block("cafe").started_at + timedelta(minutes=30))
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "WorldCafeScreen"  # resumed where it stood
        assert app.live.current_block().id == "cafe"
        assert app.live.running_round("cafe") == 2
        bar = app.screen.query_one(BlockBar).info
        assert bar.round_label == "Tour 2/3"
        assert bar.round_remaining == timedelta(minutes=11)  # round 2 started at +21 min
        card = app.screen.query_one("#table-2", TableCard).view
        assert card.ideas == len([t for t in texts if "tour 2" in t])
        await pilot.press("alt+2", *"Apres la reprise", "enter")
    with Journal.open(session_dir / "journal.db", device="check") as journal:
        after = journal.state()
    assert [c.text for c in after.contributions.values()][-1] == "Apres la reprise"
    assert len(after.contributions) == len(state.contributions) + 1


# --- the real `labkit run` in a terminal, SIGKILLed after N acknowledged entries ----------------

LABKIT = [sys.executable, "-m", "labkit"]
KEY_UNDO = b"\x1a"  # Ctrl+Z
CAFE_SCREEN = "Idées de la table 1".encode()  # drawn by the world café's screen only
VOTE_SCREEN = "Classement (3 idées retenues)".encode()  # the vote's


def stored(session_dir: Path, *types: str) -> list[tuple[str, str]]:
    """(uuid, payload) of the events of `types` in the journal, read from outside the app
    through a read-only connection (as another process sees what the app committed)."""
    uri = (session_dir / "journal.db").resolve().as_uri() + "?mode=ro"
    marks = ",".join("?" * len(types))
    with contextlib.closing(sqlite3.connect(uri, uri=True)) as connection:
        return connection.execute(
            f"SELECT uuid, payload FROM events WHERE type IN ({marks}) ORDER BY id", types
        ).fetchall()


_RUNNING: list[subprocess.Popen[bytes]] = []
"""Apps started by this module: killed at the end of each test, passed or failed (in its own
session, without a controlling terminal, an app left behind would never get a hang-up)."""


@pytest.fixture(autouse=True)
def _no_app_left_behind():  # noqa: ANN202
    yield
    while _RUNNING:
        process = _RUNNING.pop()
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)


class TerminalApp:
    """`labkit run SESSION` in a pseudo-terminal of 100×30; what it draws is kept."""

    def __init__(self, session_dir: Path, ready: bytes | None) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30"}
        self.process = subprocess.Popen(
            [*LABKIT, "run", str(session_dir), "--day", "1", "--lang", "fr"],
            stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True,
        )  # fmt: skip
        _RUNNING.append(self.process)
        os.close(slave)
        self.master = master
        self.output = bytearray()
        self.reader = threading.Thread(target=self._drain, daemon=True)
        self.reader.start()
        if ready is not None:
            self.wait_for(ready)
            time.sleep(0.3)  # the first frame is out: the app reads its keys

    def _drain(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output += chunk

    def wait_for(self, text: bytes, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.output:
            assert self.process.poll() is None, f"the app stopped: {bytes(self.output[-2000:])!r}"
            assert time.monotonic() < deadline, f"the app never drew {text!r}"
            time.sleep(0.05)

    def type(self, keys: bytes) -> None:
        os.write(self.master, keys)

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)
        assert self.process.returncode == -signal.SIGKILL
        self.reader.join(timeout=10)
        os.close(self.master)


def wait_count(session_dir: Path, types: tuple[str, ...], count: int) -> None:
    """Wait until the journal holds `count` events of `types` (the app acknowledged them)."""
    deadline = time.monotonic() + 60
    while len(stored(session_dir, *types)) < count:
        assert time.monotonic() < deadline, f"the app never stored {count} {types}"
        time.sleep(0.02)


IDEAS = ("contribution.added",)


def type_ideas(app: TerminalApp, session_dir: Path, texts: list[str]) -> None:
    """Type each idea and Enter, waiting until the journal holds it."""
    for text in texts:
        before = len(stored(session_dir, *IDEAS))
        app.type(text.encode() + b"\r")
        wait_count(session_dir, IDEAS, before + 1)


def check_journal(session_dir: Path, acknowledged: set[str]) -> None:
    with Journal.open(session_dir / "journal.db", device="check") as journal:
        assert journal.integrity_check() == []
        uuids = [e.uuid for e in journal.events()]
        assert len(uuids) == len(set(uuids))
        assert acknowledged <= set(uuids), "an acknowledged entry was lost"


def test_the_live_app_killed_mid_cafe_mid_undo_mid_vote_resumes_everything(session_dir):
    """Six launches of `labkit run`, five SIGKILLs placed by what the journal holds."""
    with Journal.open(session_dir, device="facilitator") as journal:
        journal.start_block("cafe")
        journal.start_round("cafe")
    acknowledged: set[str] = set()

    # 0. killed while it starts (its first bytes on the terminal): it starts again all the same
    app = TerminalApp(session_dir, None)
    app.wait_for(b"\x1b")
    app.kill()
    check_journal(session_dir, acknowledged)

    # 1. mid-café: killed after 3 acknowledged ideas, a 4th typed, perhaps being written
    app = TerminalApp(session_dir, CAFE_SCREEN)
    type_ideas(app, session_dir, ["Idee-un", "Idee-deux", "Idee-trois"])
    app.type(b"Idee-quatre\r")
    app.kill()
    acknowledged |= {uuid for uuid, _ in stored(session_dir, *IDEAS)}
    check_journal(session_dir, acknowledged)
    shown = [json.loads(p)["text"] for _, p in stored(session_dir, *IDEAS)]
    assert shown[:3] == ["Idee-un", "Idee-deux", "Idee-trois"]

    # 2. relaunched: the café resumes with every idea; killed right after an undo is written
    app = TerminalApp(session_dir, CAFE_SCREEN)
    for text in shown:
        app.wait_for(text.encode(), timeout=10)
    type_ideas(app, session_dir, ["Idee-cinq", "Idee-six"])
    app.type(KEY_UNDO)  # Idee-six
    wait_count(session_dir, ("event.undone",), 1)
    app.kill()
    acknowledged |= {uuid for uuid, _ in stored(session_dir, *IDEAS, "event.undone")}
    check_journal(session_dir, acknowledged)
    with Journal.open(session_dir, device="check") as journal:
        texts = [c.text for c in journal.state().contributions.values()]
    assert texts[-1] == "Idee-cinq" and "Idee-six" not in texts

    # 3. relaunched after the undo: still undone; killed in the middle of an undo
    app = TerminalApp(session_dir, CAFE_SCREEN)
    for text in texts:
        app.wait_for(text.encode(), timeout=10)
    type_ideas(app, session_dir, ["Idee-sept"])
    app.type(KEY_UNDO)  # Idee-sept, killed at once: the undo is written whole or not at all
    app.kill()
    acknowledged |= {uuid for uuid, _ in stored(session_dir, *IDEAS, "event.undone")}
    check_journal(session_dir, acknowledged)

    # 4. the vote: killed after 4 acknowledged votes, a 5th typed
    with Journal.open(session_dir, device="facilitator") as journal:
        journal.end_round("cafe")
        journal.end_block("cafe")
        journal.start_block("vote")
        ideas = len(journal.state().contributions)
    app = TerminalApp(session_dir, VOTE_SCREEN)
    votes: list[str] = []
    for dots in (2, 1, 3, 1):
        app.type(f"{dots}\r".encode())
        wait_count(session_dir, ("vote.cast",), len(votes) + 1)
        votes = [uuid for uuid, _ in stored(session_dir, "vote.cast")]
    app.type(b"2\r")
    app.kill()
    acknowledged |= set(stored_uuids := [u for u, _ in stored(session_dir, "vote.cast")])
    check_journal(session_dir, acknowledged)
    assert len(stored_uuids) in (4, 5) and ideas >= 4

    # 5. relaunched: the vote resumes with every dot counted, its ranking on screen
    with Journal.open(session_dir, device="check") as journal:
        state = journal.state()
    totals = state.vote_totals(block_id="vote")
    app = TerminalApp(session_dir, VOTE_SCREEN)
    for item, dots in sorted(totals.items(), key=lambda pair: -pair[1])[:2]:
        app.wait_for(f"{dots:>3}  {state.contributions[item].text}".encode(), timeout=10)
    app.type(b"1\r")
    wait_count(session_dir, ("vote.cast",), len(stored_uuids) + 1)
    app.kill()
    with Journal.open(session_dir, device="check") as journal:
        after = journal.state().vote_totals(block_id="vote")
    assert sum(after.values()) == sum(totals.values()) + 1
