"""`labkit rotate` and `labkit pairs`, ad hoc and on a session, through Typer's CliRunner."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterator
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from labkit.cli.app import app
from labkit.i18n import set_ui_language

ENV = {"COLUMNS": "200", "LABKIT_LANG": "fr", "NO_COLOR": "1"}


@pytest.fixture(autouse=True)
def _reset_language() -> Iterator[None]:
    yield
    set_ui_language(None)


def run(*args: str | Path, lang: str = "fr"):  # noqa: ANN201 - click's Result
    return CliRunner().invoke(app, ["--lang", lang, *map(str, args)], env=ENV)


def test_help_lists_the_commands() -> None:
    result = run("--help", lang="en")
    assert result.exit_code == 0
    assert "rotate" in result.output and "pairs" in result.output


def test_adhoc_json_is_one_object_with_rounds_and_metrics() -> None:
    result = run("rotate", "--size", "20", "--tables", "5", "--rounds", "5", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {"rounds", "metrics"}
    assert len(data["rounds"]) == 5
    for rnd in data["rounds"]:
        assert len(rnd) == 5
        assert sorted(x for table in rnd for x in table) == list(range(20))
    assert data["metrics"]["repeats"] == 0 and data["metrics"]["max_meetings"] == 1
    assert data["metrics"]["repeats_lower_bound"] == 0


def test_adhoc_hosts_and_groups() -> None:
    result = run("rotate", "--size", "30", "--tables", "6", "--rounds", "3", "--hosts",
                 "--groups", "A=12,B=6,C=6", "--seed", "3", "--time-limit", "1", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    for rnd in data["rounds"]:
        for t, table in enumerate(rnd):
            assert t in table  # host t stays at table t+1
            members = [x for x in table if x >= 6]
            groups = ["A" if x < 18 else "B" if x < 24 else "C" for x in members]
            assert 2 <= groups.count("A") <= 2 and groups.count("B") == 1
    met = [pair for rnd in data["rounds"] for table in rnd for pair in combinations(table, 2)]
    assert data["metrics"]["repeats"] == len(met) - len(set(map(frozenset, met)))
    assert data["metrics"]["group_spread_deviation"] == 0


def test_adhoc_human_output(fr_ui: None) -> None:
    result = run("rotate", "--size", "9", "--tables", "3", "--rounds", "2", "--hosts")
    assert result.exit_code == 0, result.output
    assert "Tour 1" in result.output and "Tour 2" in result.output
    assert "Parcours" in result.output and "hôte" in result.output
    assert "Rencontres répétées" in result.output


def test_visit_once_impossible_is_said() -> None:
    result = run("rotate", "--size", "12", "--tables", "3", "--rounds", "4", "--visit-once",
                 lang="en")
    assert result.exit_code == 0
    assert "impossible" in result.output


@pytest.mark.parametrize("args", [
    ["rotate", "--size", "9", "--tables", "3"],
    ["rotate", "--size", "9", "--tables", "3", "--rounds", "2", "--groups", "A=x"],
    ["rotate", "--size", "9", "--tables", "3", "--rounds", "2", "--block", "cafe"],
    ["rotate", "--size", "0", "--tables", "3", "--rounds", "2"],
    ["pairs", "--rounds", "2"],
])
def test_usage_errors_exit_2(args: list[str]) -> None:
    assert run(*args).exit_code == 2


def test_impossible_settings_exit_1() -> None:
    result = run("rotate", "--size", "9", "--tables", "3", "--rounds", "2", "--groups", "A=10")
    assert result.exit_code == 1
    assert "10" in result.output


@pytest.fixture
def session_folder(write_session: Callable[..., Path], session_data: dict[str, Any]) -> Path:
    return write_session(session_data).parent


def test_session_form_uses_the_block_and_saves(session_folder: Path) -> None:
    result = run("rotate", session_folder, "--save", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    seated = {f"p{i:02d}" for i in range(1, 11)}
    assert len(data["rounds"]) == 2
    for rnd in data["rounds"]:
        assert {x for table in rnd for x in table} == seated  # the facilitator is not seated
        assert "p01" in rnd[0] and "p02" in rnd[1]
    saved = json.loads((session_folder / "rotations" / "cafe.json").read_text("utf-8"))
    assert saved["block"] == "cafe" and saved["rounds"] == data["rounds"]
    assert set(saved) == {"block", "rounds", "planner"}  # the one shape of labkit.store.seating
    assert saved["planner"]["seed"] == 0 and "repeats" in saved["planner"]["metrics"]
    assert not list((session_folder / "rotations").glob("*.tmp"))


def test_session_form_human_output_names_people(session_folder: Path) -> None:
    result = run("rotate", session_folder, "--block", "cafe")
    assert result.exit_code == 0, result.output
    assert "Hélène" in result.output and "Conseiller·es" in result.output
    assert "Tour 2\u00a0: table" in result.output


@pytest.mark.parametrize(("args", "fragment"), [
    (["--block", "nope"], "nope"),
    (["--block", "vote"], "vote"),
])
def test_session_form_bad_block(session_folder: Path, args: list[str], fragment: str) -> None:
    result = run("rotate", session_folder, *args)
    assert result.exit_code == 1
    assert fragment in result.output


def test_session_form_refuses_adhoc_options(session_folder: Path) -> None:
    assert run("rotate", session_folder, "--size", "4").exit_code == 2


def test_pairs_adhoc_json() -> None:
    result = run("pairs", "--size", "11", "--rounds", "3", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {"rounds"}
    assert len(data["rounds"]) == 3
    for rnd in data["rounds"]:
        assert sorted(x for g in rnd for x in g) == list(range(11))
        assert sorted(len(g) for g in rnd) == [2, 2, 2, 2, 3]
    pairs = [frozenset(p) for rnd in data["rounds"] for g in rnd for p in combinations(g, 2)]
    assert len(pairs) == len(set(pairs))


def test_pairs_on_a_session(session_folder: Path) -> None:
    result = run("pairs", session_folder, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert sorted(x for g in data["rounds"][0] for x in g) == [f"p{i:02d}" for i in range(1, 11)]
    human = run("pairs", session_folder, "--rounds", "2")
    assert human.exit_code == 0 and "Regroupement" in human.output and "Julie" in human.output


def test_pairs_session_form_saves_the_pairs_for_route_cards(session_folder: Path) -> None:
    from labkit.prepare.seating import load_saved_plans
    from labkit.store.session_folder import open_session

    result = run("pairs", session_folder, "--rounds", "2", "--save", "--json")
    assert result.exit_code == 0, result.output
    shown = json.loads(result.output)
    block_id = next(
        b.id for _, b in open_session(session_folder).session.blocks()
        if b.method_type == "crossed_interviews"
    )
    saved = json.loads((session_folder / "rotations" / f"{block_id}.json").read_text("utf-8"))
    assert saved["block"] == block_id and saved["rounds"] == shown["rounds"]
    assert set(saved) == {"block", "rounds", "planner"}  # the same shape as `rotate --save`
    folder = open_session(session_folder)
    plans = load_saved_plans(folder.rotations_dir, folder.session)
    assert not plans.problems
    assert [list(map(list, r)) for r in plans.plans[block_id].rounds] == shown["rounds"]


def test_pairs_adhoc_refuses_save() -> None:
    assert run("pairs", "--size", "6", "--save").exit_code == 2


def _shared_questions(write_session: Callable[..., Path], data: dict[str, Any],
                      rounds: int) -> Path:
    cafe = data["days"][0]["agenda"][6]["method"]
    cafe.update(tables=4, hosts=[], questions=["Q1", "Q2"], rounds=rounds)  # Q1 Q2 Q1 Q2
    return write_session(data)


def test_tables_sharing_questions_count_the_questions_met_again(
    write_session: Callable[..., Path], session_data: dict[str, Any]
) -> None:
    path = _shared_questions(write_session, session_data, rounds=2)
    result = run("rotate", path.parent, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    metrics = data["metrics"]
    again = 0
    for person in {p for table in data["rounds"][0] for p in table}:
        tables = [next(t for t, table in enumerate(rnd) if person in table)
                  for rnd in data["rounds"]]
        assert tables[0] != tables[1]  # nobody stays at their table
        again += tables[0] % 2 == tables[1] % 2  # tables 1 and 3 hold Q1, 2 and 4 Q2
    assert metrics["question_revisits"] == again
    # 5 people from a question's two tables (3 + 2) at the other's: a repeat or a question
    # met again on each side, whichever way; the plan reaches that and says so honestly
    assert metrics["repeats"] + again <= 2
    assert metrics["question_revisits_lower_bound"] == 0 and metrics["verdict"] == "best found"
    human = run("rotate", path.parent)
    assert "Questions retrouvées" in human.output
    assert "Minimum possible de questions retrouvées" in human.output


def test_validate_warns_when_a_question_must_be_met_again(
    write_session: Callable[..., Path], session_data: dict[str, Any]
) -> None:
    path = _shared_questions(write_session, session_data, rounds=3)
    result = run("validate", path)
    assert result.exit_code == 0, result.output  # a warning, not an error
    line = next(n for n, text in enumerate(path.read_text("utf-8").splitlines(), 1)
                if text.strip().startswith("rounds: 3") or '"rounds": 3' in text)
    assert f"session.yaml:{line}" in result.output
    assert "rounds" in result.output and "3 tours pour 2 questions" in result.output


@pytest.mark.parametrize(
    ("repeats", "questions", "expected"),
    [
        (8, False, "Rencontres répétées au minimum possible."),  # not "Au plus 0 rencontre"
        (9, False, "Au plus 1 rencontre répétée de plus que l'optimum possible."),
        (10, False, "Au plus 2 rencontres répétées de plus que l'optimum possible."),
        (8, True, "Rencontres répétées et questions retrouvées au minimum possible."),
    ],
)
def test_an_unproven_plan_at_its_bound_does_not_say_at_most_0(
    fr_ui: None, repeats: int, questions: bool, expected: str
) -> None:
    from io import StringIO
    from types import SimpleNamespace

    from rich.console import Console

    from labkit.cli.rotate import _print_metrics

    class Figures(defaultdict):  # every other figure 0
        def __getattr__(self, name: str) -> int:
            return self[name]

        def as_dict(self) -> Figures:
            return self

    metrics = Figures(int, repeats=repeats, repeats_lower_bound=8, question_revisits=2,
                      question_revisits_lower_bound=2)  # fmt: skip
    out = StringIO()
    plan = SimpleNamespace(metrics=metrics, verdict="best found", notes=(), teams=())
    _print_metrics(Console(file=out, width=200), plan, questions=questions)  # type: ignore[arg-type]
    assert out.getvalue().splitlines()[-1] == expected


EXAMPLE = Path(__file__).parents[2] / "examples" / "cooperation-territoriale"


def test_a_cafe_with_teams_prints_each_persons_team_and_says_teams_stay_together(
    tmp_path: Path,
) -> None:
    import shutil

    folder = tmp_path / "cooperation"
    shutil.copytree(EXAMPLE, folder)
    result = run("rotate", folder, "--block", "cafe")
    assert result.exit_code == 0, result.output
    assert "Équipe Verte · Tour 1\u00a0: table 1 · Tour 2\u00a0: table 2" in result.output
    assert "Les équipes restent ensemble" in result.output
    assert "0 rencontre entre personnes d'équipes différentes" in result.output
    saved = run("rotate", folder, "--block", "cafe", "--json", "--save")
    data = json.loads(saved.output)
    assert [team["name"] for team in data["teams"]] == ["Verte", "Jaune", "Bleue", "Rouge"]
    assert data["metrics"]["verdict"] == "teams together"
    assert data["metrics"]["teammate_repeats"] == data["metrics"]["repeats"] > 0
    planner = json.loads((folder / "rotations" / "cafe.json").read_text("utf-8"))["planner"]
    assert planner["teams"] == data["teams"]
