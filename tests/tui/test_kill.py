"""Kill the app's process in the middle of a world café: nothing confirmed is lost, and
reopening resumes the right block and round with every captured idea."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
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
