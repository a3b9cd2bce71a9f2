"""The live app and the phones' server: other writers' entries show within a second; one key
starts and stops `labkit serve`, whose screen shows the join address and its switches."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from labkit.store.journal import Journal
from labkit.tui.app import LabkitApp
from labkit.tui.clock import ManualClock
from labkit.tui.controller import LiveSession
from labkit.tui.screens.serve import ServeScreen
from labkit.tui.serve import ServerProcess
from labkit.web import control
from tests.web.conftest import free_port


async def test_another_process_entry_shows_within_a_second(session_dir: Path,
                                                           clock: ManualClock) -> None:  # fmt: skip
    live = LiveSession.open(session_dir, clock=clock, device="test")
    app = LabkitApp(live, tick_seconds=None)  # the default poll
    async with app.run_test() as pilot:
        await pilot.pause()
        before = app.revision
        subprocess.run([sys.executable, "-m", "labkit", "note", str(session_dir),
                        "Depuis un autre processus"], check=True, capture_output=True)  # fmt: skip
        written = time.perf_counter()
        while app.revision == before:
            assert time.perf_counter() - written < 1.0, "not picked up within 1 s"
            await asyncio.sleep(0.02)
        texts = [c.text for c in app.live.state.contributions.values()]
        assert "Depuis un autre processus" in texts


async def test_w_starts_and_stops_the_server(session_dir: Path, clock: ManualClock) -> None:
    live = LiveSession.open(session_dir, clock=clock, device="test")
    app = LabkitApp(live, tick_seconds=None, poll_seconds=None)
    port = free_port()
    app._server = ServerProcess(session_dir, 4, port=port, lan=False)
    async with app.run_test() as pilot:
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, ServeScreen)
        server = app.server
        assert server.running
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1) as r:
                    assert r.read() == b"ok"
                break
            except OSError:
                assert time.monotonic() < deadline, "the server did not answer"
                await asyncio.sleep(0.1)
        status = str(app.screen.query_one("#serve-status").render())
        token = control.read(session_dir).session_token  # type: ignore[union-attr]
        assert f"http://127.0.0.1:{port}/j/{token}" in status
        assert "Saisies ouvertes" in status
        await pilot.press("l")
        assert control.read(session_dir).locked  # type: ignore[union-attr]
        assert "Saisies fermées" in str(app.screen.query_one("#serve-status").render())
        await pilot.press("r")
        assert control.read(session_dir).session_token != token  # type: ignore[union-attr]
        await pilot.press("f10")
        await pilot.pause()
        assert not server.running


def test_phone_entries_reach_the_live_state(session_dir: Path, clock: ManualClock) -> None:
    live = LiveSession.open(session_dir, clock=clock, device="test")
    with Journal.open(session_dir, device="phone") as phone:
        phone.add_contribution("Du téléphone", kind="idea")
    assert live.refresh()
    assert not live.refresh()  # nothing new: data_version did not move
    (found,) = [c for c in live.state.contributions.values() if c.text == "Du téléphone"]
    assert found.device == "phone"
    live.journal.close()


async def test_the_harvest_hides_a_phone_idea_and_undo_brings_it_back(make_app) -> None:  # type: ignore[no-untyped-def]
    from tests.tui.test_world_cafe import open_cafe

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_cafe(app, pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()
        block = app.live.current_block()
        with Journal.open(app.live.root, device="phone") as phone:
            phone.add_contribution("Hors sujet", kind="idea", block_id=block.id, question=1,
                                   round=1, table=1)  # fmt: skip
        assert app.live.refresh()
        app.revision = app.live.revision
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert type(app.screen).__name__ == "HarvestScreen"
        app.screen.query_one("#harvest").move_cursor(row=0)
        await pilot.press("backspace")
        await pilot.pause()
        assert [c.text for c in app.live.state.contributions.values()] == []
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [c.text for c in app.live.state.contributions.values()] == ["Hors sujet"]
