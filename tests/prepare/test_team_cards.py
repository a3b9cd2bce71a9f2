"""A café with `teams:` (the bundled cooperation example): the route cards name each person's
team, hosts have none, and the table cards say which team is at the table in each round."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import docx
from docx_reading import document_text

from labkit.prepare.seating import load_saved_plans, route_cards
from labkit.prepare.table_cards import build_table_cards, table_cards
from labkit.store.session_folder import open_session

EXAMPLE = Path(__file__).parents[2] / "examples" / "cooperation-territoriale"


def _planned(tmp_path: Path) -> Path:
    folder = tmp_path / "cooperation"
    shutil.copytree(EXAMPLE, folder)
    subprocess.run([sys.executable, "-m", "labkit", "rotate", str(folder), "--block", "cafe",
                    "--save", "--json"], check=True, capture_output=True)
    return folder


def test_route_cards_name_the_team_the_plan_moves_together(tmp_path: Path) -> None:
    folder = open_session(_planned(tmp_path))
    plans = load_saved_plans(folder.rotations_dir, folder.session)
    plan = plans.plans["cafe"]
    config = folder.session.block("cafe").method
    teams: dict[str, set[tuple[int | None, ...]]] = {}
    for card in route_cards(folder.session, plans):
        cafe = next(s for s in card.sections if s.title.startswith("World café"))
        labels = {line.label: line.value for line in cafe.lines}
        pid = card.participant.id
        if pid in config.hosts:
            assert "Équipe" not in labels  # a host stays at their table, in no team
            continue
        team = labels["Équipe"]
        route = tuple(plan.table_of(pid, r) for r in range(1, config.rounds + 1))
        teams.setdefault(team, set()).add(route)
        assert route[0] == config.teams.index(team) + 1  # team N starts at table N
    assert set(teams) == set(config.teams)
    assert all(len(routes) == 1 for routes in teams.values())  # one route a team


def test_table_cards_say_which_team_is_there_each_round(tmp_path: Path) -> None:
    folder = open_session(_planned(tmp_path))
    cards = [c for c in table_cards(folder.session) if c.block_title.startswith("World café")]
    assert [c.teams for c in cards[:2]] == [("Verte", "Rouge", "Bleue", "Jaune"),
                                            ("Jaune", "Verte", "Rouge", "Bleue")]
    path = tmp_path / "cards.docx"
    build_table_cards(folder.session).save(str(path))
    text = document_text(docx.Document(str(path))).replace("\u00a0", " ")
    assert "Équipes : Verte (tour 1) · Rouge (tour 2) · Bleue (tour 3) · Jaune (tour 4)" \
        in text
