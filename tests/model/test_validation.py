"""One test per validation rule: each error and warning of the catalog triggers on a crafted plan,
never on the clean one, speaks French and English, and points at the field at fault.
"""

from __future__ import annotations

import copy
import string
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from labkit.i18n.catalog.validation import MESSAGES
from labkit.methods import check_session
from labkit.model import Level, Problem, Session, has_errors

Data = dict[str, Any]


def agenda(data: Data, day: int) -> list[Data]:
    return data["days"][day]["agenda"]


def cafe(data: Data) -> Data:
    return agenda(data, 0)[6]["method"]


def person(data: Data, pid: str) -> Data:
    return next(p for p in data["participants"] if p["id"] == pid)


@dataclass(frozen=True)
class Rule:
    code: str
    level: Level
    path: tuple[str | int, ...]
    breaks: Callable[[Data], None]
    says: tuple[str, ...] = ()  # words of the French message


def _no_break(d: Data) -> None:
    del agenda(d, 0)[2]  # the morning break
    agenda(d, 0)[1]["duration"] = 90  # 30 + 90 + 75 = 195 min in a row


def _add_survey_duplicate(d: Data) -> None:
    agenda(d, 1)[5]["method"]["survey"][1]["id"] = "satisfaction"


def _add_persona_duplicate(d: Data) -> None:
    agenda(d, 0)[3]["method"]["personas"][1]["id"] = "lea"


CAFE = ("days", 0, "agenda", 6, "method")
RULES = [
    Rule("duplicate_group", Level.ERROR, ("groups", 2, "key"),
         lambda d: d["groups"][2].update(key="cons"), ("cons",)),
    Rule("duplicate_participant", Level.ERROR, ("participants", 5, "id"),
         lambda d: d["participants"][5].update(id="p04"), ("p04",)),
    Rule("unknown_group", Level.ERROR, ("participants", 3, "group"),
         lambda d: d["participants"][3].update(group="employeurs"),
         ("Marc", "employeurs", "caf, cons, ds")),
    Rule("participant_day_out_of_range", Level.ERROR, ("participants", 4, "days", 1),
         lambda d: d["participants"][4].update(days=[1, 3]), ("Nadia", "jour 3", "2 jour")),
    Rule("day_dates_order", Level.ERROR, ("days", 1, "date"),
         lambda d: d["days"][1].update(date="2026-03-11"), ("jour 2",)),
    Rule("day_end_before_start", Level.ERROR, ("days", 0, "end"),
         lambda d: d["days"][0].update(end="08:30"), ("jour 1",)),
    Rule("block_before_day_start", Level.ERROR, ("days", 0, "agenda", 0, "start"),
         lambda d: agenda(d, 0)[0].update(start="8h30"), ("Ouverture", "08:30", "09:00")),
    Rule("block_overlap", Level.ERROR, ("days", 1, "agenda", 3, "start"),
         lambda d: agenda(d, 1)[3].update(start="10h30"), ("Déjeuner", "10:30", "11:00")),
    Rule("day_overrun", Level.ERROR, ("days", 0, "agenda", 6),
         lambda d: d["days"][0].update(end="15:00"),
         ("jour 1", "World café", "15:30", "15:00", "30 min")),
    Rule("no_break", Level.WARNING, ("days", 0, "agenda", 2), _no_break,
         ("Parcours usager", "3 h 15")),
    Rule("duplicate_block", Level.ERROR, ("days", 1, "agenda", 0, "id"),
         lambda d: agenda(d, 1)[0].update(id="ouverture"), ("ouverture",)),
    Rule("unknown_block", Level.ERROR, ("days", 1, "agenda", 0, "method", "source_block"),
         lambda d: agenda(d, 1)[0]["method"].update(source_block="kafe"), ("kafe",)),
    Rule("unknown_participant", Level.ERROR, (*CAFE, "hosts", 1),
         lambda d: cafe(d).update(hosts=["p01", "p99"]), ("p99",)),
    Rule("interviews_exceed_block", Level.ERROR, ("days", 0, "agenda", 1, "method"),
         lambda d: agenda(d, 0)[1].update(duration=30), ("Interviews croisés", "36", "30")),
    Rule("duplicate_persona", Level.ERROR, ("days", 0, "agenda", 3, "method", "personas"),
         _add_persona_duplicate, ("lea",)),
    Rule("peer_help_exceeds_block", Level.ERROR, ("days", 1, "agenda", 2, "method"),
         lambda d: agenda(d, 1)[2]["method"].update(territories=["93", "94", "95", "77"]),
         ("Entraide", "80", "60")),
    Rule("cafe_rounds_exceed_block", Level.ERROR, (*CAFE, "rounds"),
         lambda d: cafe(d).update(rounds=4, minutes_per_round=25),
         ("World café", "4 tours de 25 min", "115", "90")),
    Rule("cafe_round_short", Level.WARNING, (*CAFE, "minutes_per_round"),
         lambda d: cafe(d).update(minutes_per_round=8), ("8 min",)),
    Rule("cafe_fewer_hosts", Level.ERROR, (*CAFE, "hosts"),
         lambda d: cafe(d).update(hosts=["p01"]), ("1 hôte", "2 tables")),
    Rule("cafe_more_hosts", Level.ERROR, (*CAFE, "hosts"),
         lambda d: cafe(d).update(hosts=["p01", "p02", "p03"]), ("3 hôtes", "2 tables")),
    Rule("cafe_duplicate_host", Level.ERROR, (*CAFE, "hosts"),
         lambda d: cafe(d).update(hosts=["p01", "p01"]), ("p01",)),
    Rule("host_absent", Level.ERROR, (*CAFE, "hosts", 1),
         lambda d: person(d, "p02").update(days=[2]), ("Karim", "jour 1")),
    Rule("cafe_more_tables_than_people", Level.ERROR, (*CAFE, "tables"),
         lambda d: cafe(d).update(tables=11, hosts=[]), ("11 tables", "10 participant")),
    Rule("cafe_large_tables", Level.WARNING, (*CAFE, "tables"),
         lambda d: cafe(d).update(tables=1, hosts=["p01"], questions=["Q1"]),
         ("10 personnes", "1 table\u00a0:")),
    Rule("cafe_questions_per_round", Level.ERROR, (*CAFE, "questions"),
         lambda d: cafe(d).update(question_mode="per_round", rounds=3),
         ("3 tours", "2 question")),
    Rule("cafe_questions_per_table", Level.ERROR, (*CAFE, "questions"),
         lambda d: cafe(d).update(questions=["Q1", "Q2", "Q3"]), ("3 questions", "2 tables")),
    Rule("cafe_question_again", Level.WARNING, (*CAFE, "rounds"),
         lambda d: cafe(d).update(rounds=3), ("3 tours", "2 questions")),
    Rule("cafe_question_crowded", Level.WARNING, (*CAFE, "tables"),
         lambda d: cafe(d).update(tables=3, hosts=[]),
         ("question 1", "2 tables sur 3", "2 tours")),
    Rule("cafe_teams_more_than_tables", Level.ERROR, (*CAFE, "teams"),
         lambda d: cafe(d).update(teams=["A", "B", "C"]), ("3 équipes", "2 tables")),
    Rule("cafe_teams_fewer_than_tables", Level.WARNING, (*CAFE, "teams"),
         lambda d: cafe(d).update(teams=["Verte"]), ("1 équipe pour", "2 tables")),
    Rule("cafe_teams_per_round", Level.ERROR, (*CAFE, "teams"),
         lambda d: cafe(d).update(teams=["A", "B"], question_mode="per_round"), ("per_table",)),
    Rule("cafe_teams_round_again", Level.WARNING, (*CAFE, "teams"),
         lambda d: cafe(d).update(teams=["A", "B"], rounds=3), ("3 tours", "2 tables")),
    Rule("cafe_duplicate_team", Level.ERROR, (*CAFE, "teams", 1),
         lambda d: cafe(d).update(teams=["Verte", "verte"]), ("verte",)),
    Rule("cafe_teams_more_than_people", Level.ERROR, (*CAFE, "teams"),
         lambda d: cafe(d).update(tables=6, hosts=[f"p0{i}" for i in range(1, 7)],
                                  teams=list("ABCDEF")), ("6 équipes", "4 participant")),
    Rule("duplicate_survey_question", Level.ERROR,
         ("days", 1, "agenda", 5, "method", "survey"), _add_survey_duplicate, ("satisfaction",)),
    Rule("survey_scale", Level.ERROR, ("days", 1, "agenda", 5, "method", "survey", 0),
         lambda d: agenda(d, 1)[5]["method"]["survey"][0].update(scale_min=5, scale_max=5),
         ("satisfaction", "5 à 5")),
    Rule("phase_order", Level.WARNING, ("days", 1, "agenda", 0, "phase"),
         lambda d: agenda(d, 1)[0].update(phase="scan"), ("Vote", "scan", "focus")),
]
WARNINGS = {"no_break", "cafe_round_short", "cafe_large_tables", "cafe_teams_fewer_than_tables",
            "cafe_teams_round_again", "phase_order",
            "cafe_question_again", "cafe_question_crowded"}


def broken(session_data: Data, rule: Rule) -> list[Problem]:
    rule.breaks(session_data)
    return check_session(Session.model_validate(session_data))


def test_the_clean_plan_has_no_problem(session_data: Data) -> None:
    assert check_session(Session.model_validate(session_data)) == []


def test_every_catalog_code_has_a_rule_here() -> None:
    codes = {key.removeprefix("validation.") for key in MESSAGES}
    assert codes == {rule.code for rule in RULES}
    assert len(RULES) == len(codes)
    assert {r.code for r in RULES if r.level is Level.WARNING} == WARNINGS


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_triggers_on_the_crafted_plan(session_data: Data, rule: Rule) -> None:
    problems = broken(session_data, rule)
    mine = [p for p in problems if p.code == rule.code]
    assert mine, f"{rule.code} not raised; got {[p.code for p in problems]}"
    assert {p.level for p in mine} == {rule.level}
    assert rule.path in [p.path for p in mine]
    # a warning alone never makes the plan unusable; an error always does
    assert has_errors(problems) is (rule.level is Level.ERROR), [p.code for p in problems]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_speaks_french_and_english(session_data: Data, rule: Rule) -> None:
    problem = next(p for p in broken(session_data, rule) if p.code == rule.code)
    fr, en = problem.message("fr"), problem.message("en")
    assert fr != en
    for text in (fr, en):
        assert text and "{" not in text and "}" not in text
    for words in rule.says:
        assert words in fr, fr


def test_placeholders_of_validation_messages_are_the_problem_params(session_data: Data) -> None:
    for rule in RULES:
        data = copy.deepcopy(session_data)
        rule.breaks(data)
        problem = next(p for p in check_session(Session.model_validate(data))
                       if p.code == rule.code)
        for lang in ("fr", "en"):
            template = MESSAGES[f"validation.{rule.code}"][lang]
            names = {name for _, name, _, _ in string.Formatter().parse(template) if name}
            assert names <= set(problem.params), (rule.code, lang)


def test_errors_come_before_warnings(session_data: Data) -> None:
    agenda(session_data, 1)[0]["phase"] = "scan"  # a warning on day 2
    session_data["days"][0]["end"] = "15:00"  # an error on day 1
    cafe(session_data)["minutes_per_round"] = 8  # another warning
    levels = [p.level for p in check_session(Session.model_validate(session_data))]
    assert levels == sorted(levels, key=lambda level: level is Level.WARNING)
    assert levels[0] is Level.ERROR and levels[-1] is Level.WARNING


def test_only_the_first_overrun_of_a_day_is_reported(session_data: Data) -> None:
    session_data["days"][0]["end"] = "12:00"
    overruns = [p for p in check_session(Session.model_validate(session_data))
                if p.code == "day_overrun"]
    assert [p.path for p in overruns] == [("days", 0, "agenda", 4)]
    assert overruns[0].params["minutes"] == 60


# -- boundaries --------------------------------------------------------------------------------
def codes(data: Data) -> set[str]:
    return {p.code for p in check_session(Session.model_validate(data))}


def test_exactly_three_hours_without_a_break_is_fine(session_data: Data) -> None:
    del agenda(session_data, 0)[2]
    agenda(session_data, 0)[1]["duration"] = 75  # 30 + 75 + 75 = 180
    assert "no_break" not in codes(session_data)


def test_a_gap_of_ten_minutes_counts_as_a_break(session_data: Data) -> None:
    del agenda(session_data, 0)[2]
    agenda(session_data, 0)[1]["duration"] = 90
    agenda(session_data, 0)[2]["start"] = "11:10"  # 10 min after the interviews end
    assert "no_break" not in codes(session_data)
    agenda(session_data, 0)[2]["start"] = "11:09"
    assert "no_break" in codes(session_data)


def test_a_round_of_ten_minutes_is_not_short(session_data: Data) -> None:
    cafe(session_data)["minutes_per_round"] = 10
    assert "cafe_round_short" not in codes(session_data)


def test_rounds_that_exactly_fill_the_block_fit(session_data: Data) -> None:
    cafe(session_data).update(rounds=4, minutes_per_round=15, transition_minutes=10)  # 90
    assert "cafe_rounds_exceed_block" not in codes(session_data)


def test_a_day_ending_exactly_at_its_end_does_not_overrun(session_data: Data) -> None:
    session_data["days"][0]["end"] = "15:30"
    assert codes(session_data) == set()


def test_a_block_running_past_midnight_overruns() -> None:
    data = {"slug": "s", "title": "S", "lab": "L", "days": [{
        "date": "2026-03-12", "start": "20:00", "end": "23:59",
        "agenda": [{"id": "a", "title": "Soirée", "duration": 720, "method": "plenary"}],
    }]}
    assert codes(data) == {"day_overrun"}


def test_no_hosts_listed_is_not_an_error(session_data: Data) -> None:
    cafe(session_data)["hosts"] = []
    assert codes(session_data) == set()


def test_a_session_without_participants_skips_the_table_count(session_data: Data) -> None:
    session_data["participants"] = []
    cafe(session_data)["hosts"] = []
    cafe(session_data)["tables"] = 40
    assert "cafe_more_tables_than_people" not in codes(session_data)


def test_people_who_do_not_sit_at_tables_are_not_counted(session_data: Data) -> None:
    cafe(session_data).update(tables=10, hosts=[], questions=["Q"], rounds=1)
    assert codes(session_data) == set()  # 10 seated people, the facilitator aside
    person(session_data, "p10")["role"] = "observer"
    assert "cafe_more_tables_than_people" in codes(session_data)


def test_blocks_without_a_phase_do_not_break_the_phase_order(session_data: Data) -> None:
    agenda(session_data, 1)[5]["phase"] = "none"
    assert codes(session_data) == set()


def test_per_round_questions_match_the_rounds(session_data: Data) -> None:
    cafe(session_data).update(question_mode="per_round", questions=["Q1", "Q2", "Q3"],
                               rounds=3)
    assert codes(session_data) == set()


def test_problem_paths_lead_to_the_yaml_line(session_data: Data, write_session) -> None:
    """The store turns the path into the line of the field at fault."""
    from labkit.store.session_folder import open_session

    cafe(session_data)["hosts"] = ["p01", "p99"]
    folder = open_session(write_session(session_data))
    (problem,) = folder.problems()
    text = folder.describe(problem, "en")
    line = int(text.split(":")[1])
    assert folder.yaml_path.read_text().splitlines()[line - 1].strip() == "- p99"
    assert "days[1] → agenda[7] → method → hosts[2]" in text
    assert "no participant has the id 'p99'" in text
