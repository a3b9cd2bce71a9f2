"""World café with `teams:`: the cards say which team is at each table this round, the team
moves together, and a late arrival joins the smallest team (said) while nobody else moves."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from labkit.tui import rotation
from labkit.tui.widgets.cafe.table_card import TableCard

from .test_markup import on_screen

TEAMS = ["Verte", "Jaune", "Bleue"]


@pytest.fixture
def teams_dir(session_dir: Path) -> Path:
    """The fixture café with three teams, planned again by `labkit rotate --save`."""
    path = session_dir / "session.yaml"
    text = path.read_text(encoding="utf-8")
    hosts = "          hosts: [p01, p02, p03]\n"
    path.write_text(text.replace(hosts, hosts + "          teams: [Verte, Jaune, Bleue]\n"),
                    encoding="utf-8")
    subprocess.run([sys.executable, "-m", "labkit", "rotate", str(session_dir), "--block",
                    "cafe", "--save", "--json"], check=True, capture_output=True)
    return session_dir


async def open_cafe(app, pilot) -> None:
    await pilot.press("down", "down", "f3")
    await pilot.pause()
    assert type(app.screen).__name__ == "WorldCafeScreen"


async def replanned(app, pilot):  # noqa: ANN201 - the plan in force
    """Ctrl+R, the planner's answer recorded: the plan in force."""
    await pilot.press("ctrl+r")
    await app.workers.wait_for_complete()
    await pilot.pause()
    return rotation.current_plan(app.live.root, "cafe", app.live.rotations("cafe"))


def heads(app) -> list[str]:
    """Each card's head and, on a full card, the team's line under it."""
    return [" · ".join(str(card.query_one(part).render()) for part in (".card-head", ".card-team"))
            for card in app.screen.query(TableCard)]


async def test_each_table_names_its_team_and_the_team_moves_on(teams_dir, make_app, clock):
    app = make_app()
    async with app.run_test(size=(120, 50)) as pilot:
        await open_cafe(app, pilot)
        assert [f"Équipe {team}" in head
                for head, team in zip(heads(app), TEAMS, strict=True)] == [True] * 3
        plan = rotation.current_plan(app.live.root, "cafe", app.live.rotations("cafe"))
        team = set(plan[0][0][1:])  # team Verte, at table 1 in round 1
        assert set(plan[1][1][1:]) == team  # round 2: together at table 2
        await pilot.press("ctrl+n")
        clock.advance(minutes=20)
        await pilot.press("ctrl+n")  # round 2: Bleue at table 1, Verte at table 2
        await pilot.pause()
        assert "Équipe Bleue" in heads(app)[0] and "Équipe Verte" in heads(app)[1]


async def test_a_late_arrival_joins_the_smallest_team_and_nobody_else_moves(
    teams_dir, make_app, clock,
):
    (teams_dir / "rotations" / "cafe.json").unlink()  # planned in the room, Hugo missing
    app = make_app()
    async with app.run_test(size=(120, 50)) as pilot:
        for person in [f"p{i:02d}" for i in range(1, 18)]:  # Hugo (p18) is late
            app.live.arrive(person)
        await open_cafe(app, pilot)
        before = await replanned(app, pilot)  # the first plan: teams of 5, 5 and 4
        assert [len(table) for table in before[0]] == [6, 6, 5]
        await pilot.press("ctrl+n")
        app.live.arrive("p18")
        after = await replanned(app, pilot)
        assert after[0] == before[0]
        for r in (1, 2):  # Bleue (the smallest) takes Hugo along; nobody else changes table
            assert [[p for p in table if p != "p18"] for table in after[r]] == \
                [list(table) for table in before[r]]
            assert "p18" in after[r][(2 + r) % 3]
        assert "Hugo arrive et rejoint l'équipe Bleue (la plus petite)." in app.screen.moves


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
async def test_the_team_at_each_table_is_drawn_whole(teams_dir, make_app, clock, size):
    """At 120 columns a full card is about 20 columns wide: « T1 · Q1 · Équipe Verte · 0 idée »
    was cut to « T1 · Q1 · Équ… » on screen (seen in the acceptance try at 120x40)."""
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await open_cafe(app, pilot)
        drawn = on_screen(app)
        assert [f"Équipe {team}" in drawn for team in TEAMS] == [True] * 3
