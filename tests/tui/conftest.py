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


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run `async def` tests in a fresh event loop (no asyncio plugin needed)."""
    import asyncio
    import inspect

    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    kwargs = {name: pyfuncitem.funcargs[name] for name in names}
    asyncio.run(pyfuncitem.obj(**kwargs))
    return True
