"""A team vote after a café with `teams:`: the team form offers the café's teams in turn, and
« verte » typed by hand is team Verte (one team, counted once), not a second team."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from labkit.methods.idea_vote import VoteOutput
from labkit.report import build_report
from labkit.store.journal import Journal
from labkit.store.session_folder import open_session


@pytest.fixture
def team_vote_dir(session_dir: Path) -> Path:
    path = session_dir / "session.yaml"
    text = path.read_text(encoding="utf-8")
    hosts = "          hosts: [p01, p02, p03]\n"
    text = text.replace(hosts, hosts + "          teams: [Verte, Jaune, Bleue]\n")
    text = text.replace("          dots_per_voter: 3\n",
                        "          dots_per_voter: 3\n          voting: team\n")
    path.write_text(text, encoding="utf-8")
    return session_dir


async def name_team(app, pilot, typed: str | None = None) -> str:
    """Press « t », optionally replace the name filled in, Enter: the form's proposal."""
    await pilot.press("t")
    await pilot.pause()
    field = app.screen.query_one(Input)
    proposed = field.value
    if typed is not None:
        field.value = typed
    await pilot.press("enter")
    await pilot.pause()
    return proposed


async def test_the_team_form_offers_the_cafe_teams_and_one_team_is_one_team(
    team_vote_dir, make_app,
):
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        app.open_block("vote")
        await pilot.pause()
        await pilot.press("i", "A", "enter", "B", "enter", "escape")
        app.screen.query_one("#candidates").move_cursor(row=0)
        assert await name_team(app, pilot) == "Verte"  # the first café team, filled in
        await pilot.press("2", "enter")
        assert await name_team(app, pilot) == "Jaune"  # then the next one
        await pilot.press("1", "enter")
        await name_team(app, pilot, typed="  VERTE ")  # typed by hand: still Verte
        assert app.screen.team == "Verte"
        app.screen.query_one("#candidates").move_cursor(row=1)
        await pilot.press("1", "enter")
    with Journal.open(team_vote_dir / "journal.db", device="check") as journal:
        votes = sorted((v.team, v.dots) for v in journal.state().votes.values())
        journal.vote("c1", 1, team="vérte", block_id="vote")  # an older journal's spelling
        state = journal.state()
    assert votes == [("Jaune", 1), ("Verte", 1), ("Verte", 2)]
    report = build_report(open_session(team_vote_dir).session, state, lang="fr")
    vote = next(o for o in report.outputs if isinstance(o, VoteOutput))
    assert vote.questions[0].voters == 2 and vote.questions[0].teams  # Verte and Jaune
