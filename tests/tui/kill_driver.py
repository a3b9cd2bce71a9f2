"""Runs the live app headless on a session and types a world café until it is killed.

Used by `test_kill.py`: prints "IDEA <text>" once each idea's Enter has been handled (the entry
is then confirmed: it must be in the journal), "READY" when round 2 runs, then keeps typing.
"""

from __future__ import annotations

import asyncio
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from labkit.i18n import set_ui_language
from labkit.tui.app import LabkitApp
from labkit.tui.clock import ManualClock
from labkit.tui.controller import LiveSession

START = datetime(2027, 3, 16, 10, 0, tzinfo=ZoneInfo("Europe/Paris"))


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


async def main(folder: Path) -> None:
    set_ui_language("fr")
    clock = ManualClock(START)
    live = LiveSession.open(folder, day=1, clock=clock, device="killed")
    app = LabkitApp(live, tick_seconds=None, poll_seconds=None)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_block("cafe")
        await pilot.pause()
        await pilot.press("ctrl+n")
        for number in (1, 2, 3):
            text = f"Idee tour 1 numero {number}"
            await pilot.press(*text, "enter")
            say(f"IDEA {text}")
        clock.advance(minutes=21)
        await pilot.press("escape", "ctrl+n", "alt+2")
        say("READY")
        number = 0
        while True:
            number += 1
            text = f"Idee tour 2 numero {number}"
            await pilot.press(*text, "enter")
            say(f"IDEA {text}")


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1])))
