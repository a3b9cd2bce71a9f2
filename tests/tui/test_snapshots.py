"""SVG snapshots of the main screens at 80x24 (a laptop) and 160x50 (a projector).

Regenerate after an intended change, in one process (syrupy deletes stale files only there):
python -m pytest -n 0 tests/tui/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from labkit.methods.persona_journey import PersonaJourney
from labkit.tui.app import LabkitApp

from . import scenario

pytestmark = pytest.mark.slow  # 26 full app runs, each screenshotted


@pytest.fixture(autouse=True)
def steady_cursor(monkeypatch):
    """The capture line has the focus on method screens: its cursor must not blink between
    two screenshots (it would flip the SVG at random)."""
    from labkit.tui.widgets.capture.capture_input import CaptureInput

    monkeypatch.setattr(CaptureInput, "_toggle_cursor", lambda self: None)

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 50), id="160x50")]


def build(make_app: Callable[..., LabkitApp], clock, setup, day: int = 1) -> LabkitApp:
    app = make_app(day=day)
    setup(app.live, clock)
    return app


def opener(block_id: str):
    async def run_before(pilot) -> None:
        pilot.app.open_block(block_id)
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES)
def test_dashboard_before_the_day(snap_compare, make_app, size):
    assert snap_compare(make_app(), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_dashboard_during_the_cafe(snap_compare, make_app, clock, size):
    app = build(make_app, clock, scenario.morning)
    assert snap_compare(app, press=["f2"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_world_cafe(snap_compare, make_app, clock, size):
    app = build(make_app, clock, scenario.morning)
    assert snap_compare(app, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_harvest(snap_compare, make_app, clock, size):
    def setup(live, clock):
        scenario.morning(live, clock)
        scenario.harvest(live)

    app = build(make_app, clock, setup)
    assert snap_compare(app, press=["ctrl+g"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_attendance(snap_compare, make_app, clock, size):
    app = build(make_app, clock, scenario.morning)
    assert snap_compare(app, press=["f4", "s", "o"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_help(snap_compare, make_app, clock, size):
    app = build(make_app, clock, scenario.morning)
    assert snap_compare(app, press=["f1"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_interviews(snap_compare, make_app, clock, size):
    app = build(make_app, clock, scenario.morning)
    assert snap_compare(app, run_before=opener("interviews"), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_vote(snap_compare, make_app, clock, size):
    def setup(live, clock):
        scenario.morning(live, clock)
        scenario.vote(live, clock)

    app = build(make_app, clock, setup)
    assert snap_compare(app, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_persona_journey(snap_compare, make_app, clock, size):
    def setup(live, clock):
        scenario.morning(live, clock)
        live.start_block("parcours")
        persona = live.created_id(PersonaJourney.persona, live.block("parcours"),
                                  "Inès, 27 ans", team="1")
        live.record({"type": "journey_step.added", "persona_id": persona,
                     "stage": "Le besoin apparaît", "position": 1,
                     "actions": ["Appelle la CAF", "Cherche en ligne"],
                     "touchpoints": ["caf.fr"], "emotion": -2,
                     "pain_points": ["Aucune réponse"], "opportunities": ["Un rappel"]})
        clock.advance(minutes=5)

    app = build(make_app, clock, setup)
    assert snap_compare(app, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_peer_help(snap_compare, make_app, clock, size):
    app = build(make_app, clock, lambda live, clock: scenario.afternoon(live, clock, "entraide"),
                day=2)
    assert snap_compare(app, run_before=opener("entraide"), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_commitments(snap_compare, make_app, clock, size):
    app = build(make_app, clock,
                lambda live, clock: scenario.afternoon(live, clock, "engagements"), day=2)
    assert snap_compare(app, run_before=opener("engagements"), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_closing(snap_compare, make_app, clock, size):
    app = build(make_app, clock, scenario.afternoon, day=2)
    assert snap_compare(app, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_qr_code(snap_compare, make_app, clock, size):
    app = build(make_app, clock, scenario.afternoon, day=2)
    assert snap_compare(app, press=["f5"], terminal_size=size)
