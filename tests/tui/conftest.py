"""Fixtures of the live app's tests: a copied session folder, a clock moved by hand, the app."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from labkit.i18n import set_ui_language
from labkit.tui.app import LabkitApp
from labkit.tui.clock import ManualClock
from labkit.tui.controller import LiveSession

FIXTURE = Path(__file__).parent / "fixtures" / "atelier"
PARIS = ZoneInfo("Europe/Paris")
DAY1_START = datetime(2027, 3, 16, 9, 0, tzinfo=PARIS)


@pytest.fixture(autouse=True)
def french_ui() -> Iterator[None]:
    set_ui_language("fr")
    yield
    set_ui_language(None)


@pytest.fixture
def session_dir(tmp_path: Path) -> Path:
    target = tmp_path / "atelier"
    shutil.copytree(FIXTURE, target)
    return target


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(DAY1_START)


@pytest.fixture
def make_app(session_dir: Path, clock: ManualClock) -> Iterator[Callable[..., LabkitApp]]:
    opened: list[LiveSession] = []

    def factory(day: int | None = None, lang: str | None = None) -> LabkitApp:
        live = LiveSession.open(session_dir, day=day, clock=clock, device="test")
        opened.append(live)
        return LabkitApp(live, lang=lang, tick_seconds=None, poll_seconds=None)

    yield factory
    for live in opened:
        live.journal.close()

