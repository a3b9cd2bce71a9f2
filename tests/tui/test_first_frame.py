"""The live app's first frame does no work that grows with the journal beyond reading its state
(issue 16): no stored event re-parsed behind the checkpoint, the heap set aside only once the
frame is out. Counted, not timed."""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import time
from pathlib import Path

import pytest

from labkit.model import events as ev
from tests.tui.test_incremental import fill


async def test_opening_on_the_cafe_parses_no_stored_event(make_app, session_dir, monkeypatch):
    """Behind a checkpoint (3,000 events), the café's first screen, re-plans included, parses
    none of them."""
    fill(session_dir, 1500)  # the writer's close saves a checkpoint
    parsed = [0]
    real = ev.parse_payload

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        parsed[0] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(ev, "parse_payload", counting)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "WorldCafeScreen"
        assert app.screen.query_one("#ideas").row_count == 1500  # type: ignore[attr-defined]
    assert parsed[0] == 0



async def test_opening_on_the_cafe_unpickles_the_cafe_ideas_only(make_app, session_dir,
                                                                monkeypatch):
    """Behind a checkpoint, opening the live session unpickles none of its contributions, and
    the café's first screen those of the café alone (not the other blocks' notes); an idea
    typed then reads no more of them."""
    from labkit.model import views

    fill(session_dir, 600)  # 600 café ideas, 600 notes of the opening
    unpickled = [0]

    def counting(self, state):  # type: ignore[no-untyped-def]
        unpickled[0] += 1
        self.__dict__.update(state)  # what unpickling does for a dataclass without __setstate__

    monkeypatch.setattr(views.Contribution, "__setstate__", counting, raising=False)
    app = make_app()
    assert unpickled[0] == 0
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "WorldCafeScreen"
        assert app.screen.query_one("#ideas").row_count == 600  # type: ignore[attr-defined]
        assert unpickled[0] == 600
        await pilot.press(*"une de plus", "enter")
        await pilot.pause()
        assert app.screen.query_one("#ideas").row_count == 601  # type: ignore[attr-defined]
    assert unpickled[0] == 600

CHILD = """
import gc, os, sys
import textual.drivers.linux_driver as driver
real = driver.LinuxDriver.write
def write(self, data):
    if "Aide" in data:  # the footer: the first complete frame goes out
        os.write(3, str(gc.get_freeze_count()).encode())
        os._exit(0)
    real(self, data)
driver.LinuxDriver.write = write
from labkit.cli.entry import main
sys.argv = ["labkit", "run", sys.argv[1]]
main()
"""


@pytest.mark.slow  # a real `labkit run` in a terminal
def test_the_heap_is_set_aside_after_the_first_frame(session_dir: Path) -> None:
    """`gc.collect` + `gc.freeze` (a pause that grows with the heap) come once the first
    complete frame is out, not before it (Textual sends Ready before drawing it): the
    process, in a pseudo-terminal, says how many objects were frozen when the footer went out."""
    fill(session_dir, 3)
    read_end, write_end = os.pipe()
    os.set_inheritable(write_end, True)
    pid, terminal = pty.fork()
    if pid == 0:  # the child: its pipe end as fd 3, a 160x50 terminal
        os.dup2(write_end, 3)
        os.environ.update(TERM="xterm-256color", COLUMNS="160", LINES="50")
        os.execv(sys.executable, [sys.executable, "-c", CHILD, str(session_dir)])
    os.close(write_end)
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 160, 0, 0))
    try:
        deadline = time.monotonic() + 60
        said = shown = b""
        while time.monotonic() < deadline:
            ready, _, _ = select.select([terminal, read_end], [], [], 0.5)
            if read_end in ready:
                said = os.read(read_end, 100)
                break
            if terminal in ready:
                try:
                    shown += os.read(terminal, 65536)
                except OSError:
                    break
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(terminal)
        os.close(read_end)
    assert said == b"0", shown[-2000:]


async def test_the_cafe_screen_reads_the_state_once(make_app, session_dir, monkeypatch):
    """The café's screen reads the state once as it opens (Textual calls the `on_mount` of
    every class of a screen, and each also calls its parent's: it read it three times)."""
    from labkit.tui.screens.world_cafe import WorldCafeScreen

    fill(session_dir, 3)
    reads: list[str] = []
    real = WorldCafeScreen.refresh_view

    def counting(self):  # type: ignore[no-untyped-def]
        reads.append(type(self).__name__)
        real(self)

    monkeypatch.setattr(WorldCafeScreen, "refresh_view", counting)
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "WorldCafeScreen"
    assert reads == ["WorldCafeScreen"]
