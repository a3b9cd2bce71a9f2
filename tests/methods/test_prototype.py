"""The prototype / scenario test spec: timed parts, the rotation, validation messages, typed
events, the live fold and the report's section (content and document elements)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from labkit.document import elements as e
from labkit.document.wording import Words
from labkit.methods import check_session, spec_for
from labkit.methods import prototype as proto
from labkit.methods.captured import Harvest
from labkit.model import Block, Session
from labkit.report import build_report
from labkit.resources import data_dir
from labkit.store.journal import Journal
from labkit.store.journal.captured import captured_state
from labkit.store.session_folder import open_session

SPEC = spec_for("prototype_test")
TEAMS = ["Accueil", "Garde", "Emploi", "Suivi"]


def block(duration: int = 60, **method: Any) -> Block:
    settings = {"type": "prototype_test", "teams": TEAMS, **method}
    return Block.model_validate({"id": "proto", "title": "Test des prototypes", "phase": "focus",
                                 "duration": duration, "method": settings})  # fmt: skip


def session_with(session_data: dict, **method: Any) -> Session:
    """The clean test session with a prototype test appended to day 2 (which has room)."""
    data = copy.deepcopy(session_data)
    duration = method.pop("duration", 60)
    agenda = data["days"][1]["agenda"]
    agenda.insert(1, block(duration, **method).model_dump(mode="json", exclude_defaults=True))
    agenda[1]["method"]["type"] = "prototype_test"
    return Session.model_validate(data)


def problems(session: Session) -> list[tuple[str, str, tuple]]:
    return [(p.level.value, p.code, p.path[-1:]) for p in check_session(session)
            if p.code.startswith("prototype_")]  # fmt: skip


# --- the config and its timed parts ----------------------------------------------------------


def test_defaults_are_the_french_prompts_and_one_visit_per_other_team() -> None:
    config = block().method
    assert config.prompts == ["Ce qui marche", "Ce qui manque", "Et si…"]
    assert proto.visit_rounds(config) == 3
    assert [(p.number, p.minutes, p.alert) for p in SPEC.parts(config)] == [
        (1, 10, "visit_end"), (2, 10, "visit_end"), (3, 10, "visit_end"), (4, 15, "revision_end"),
    ]  # fmt: skip
    assert proto.needed_minutes(config) == 3 * 10 + 2 * 2 + 2 + 15


def test_counted_teams_are_named_and_prototypes_are_optional() -> None:
    config = block(teams=3, prototypes=["Le guichet unique"]).method
    assert [(t.key, t.label, t.prototype) for t in proto.teams(config, "fr")] == [
        ("1", "Équipe 1", "Le guichet unique"), ("2", "Équipe 2", None), ("3", "Équipe 3", None),
    ]  # fmt: skip
    assert proto.teams(config, "en")[0].label == "Team 1"


def test_without_revision_time_only_the_visits_are_timed() -> None:
    config = block(rounds=2, revision_minutes=0, minutes_per_round=12).method
    assert [(p.number, p.minutes) for p in SPEC.parts(config)] == [(1, 12), (2, 12)]
    assert SPEC.round_minutes(config, 3) is None


def test_the_rotation_sends_team_i_to_team_i_plus_r_and_every_prototype_is_seen_once() -> None:
    config = block().method
    assert [proto.visited_by(config, i, 1) for i in (1, 2, 3, 4)] == [2, 3, 4, 1]
    assert [proto.visitor_of(config, i, 1) for i in (1, 2, 3, 4)] == [4, 1, 2, 3]
    for team in (1, 2, 3, 4):
        seen = {proto.visited_by(config, team, r) for r in (1, 2, 3)}
        assert seen == {1, 2, 3, 4} - {team}
        assert all(proto.visitor_of(config, proto.visited_by(config, team, r), r) == team
                   for r in (1, 2, 3))  # fmt: skip


# --- validation ------------------------------------------------------------------------------


def test_a_plan_that_fits_has_no_prototype_problem(session_data: dict) -> None:
    assert problems(session_with(session_data)) == []


def test_visits_and_revision_must_fit_in_the_block(session_data: dict) -> None:
    session = session_with(session_data, duration=45, rounds=3, minutes_per_round=10)
    assert problems(session) == [("error", "prototype_exceeds_block", ("rounds",))]
    found = next(p for p in check_session(session) if p.code == "prototype_exceeds_block")
    assert found.message("fr") == (
        "«\u00a0Test des prototypes\u00a0»\u00a0: 3 visites de 10 min, les transitions et 15"
        " min de révision "
        "demandent 51 min, le bloc n'en dure que 45")  # fmt: skip
    assert "need 51 min" in found.message("en")


def test_at_least_two_teams_and_no_more_rounds_than_other_teams(session_data: dict) -> None:
    alone = session_with(session_data, teams=["Accueil"])
    assert ("error", "prototype_too_few_teams", ("teams",)) in problems(alone)
    too_many = session_with(session_data, teams=3, rounds=3)
    assert problems(too_many) == [("error", "prototype_rounds_exceed_teams", ("rounds",))]
    message = next(p for p in check_session(too_many)
                   if p.code == "prototype_rounds_exceed_teams").message("fr")  # fmt: skip
    assert message.startswith("3 tours de visite pour 3 équipes\u00a0: 2 au plus")


def test_teams_names_prototypes_and_people(session_data: dict) -> None:
    twice = session_with(session_data, teams=["Accueil", "accueil ", "Garde"], rounds=2)
    assert problems(twice) == [("error", "prototype_duplicate_team", ("teams",))]
    extra = session_with(session_data, teams=2, rounds=1, prototypes=["a", "b", "c"])
    assert problems(extra) == [("error", "prototype_more_prototypes", ("prototypes",))]
    crowd = session_with(session_data, teams=40, rounds=2)
    assert ("error", "prototype_more_teams_than_people", ("teams",)) in problems(crowd)


def test_short_visits_and_no_revision_are_warnings(session_data: dict) -> None:
    session = session_with(session_data, minutes_per_round=3, revision_minutes=0)
    assert problems(session) == [
        ("warning", "prototype_round_short", ("minutes_per_round",)),
        ("warning", "prototype_no_revision", ("revision_minutes",)),
    ]


# --- events, live state and report -----------------------------------------------------------


@pytest.fixture
def captured(tmp_path: Path, session_data: dict) -> tuple[Session, Block, Any]:
    session = session_with(session_data, prototypes=["Le guichet unique", "La place réservée"])
    b = session.block("proto")
    assert b is not None
    events = [
        SPEC.feedback(b, "Un seul guichet", team="Accueil", facet=1, round_number=1),
        SPEC.feedback(b, "Les horaires du soir", team="Accueil", facet=2, round_number=1),
        SPEC.feedback(b, "Et si on ouvrait le samedi\u00a0?", team="Accueil", facet=3,
                      round_number=2),
        SPEC.feedback(b, "Une place vite trouvée", team="Garde", facet=1, round_number=1),
        SPEC.feedback(b, "Sans facette", team="Garde", facet=None, round_number=2),
        SPEC.decision(b, "On garde le guichet, on teste le samedi", team="Accueil"),
        SPEC.feedback(b, "Ailleurs", team="Garde", facet=1, round_number=1).model_copy(
            update={"block_id": "cafe"}),
    ]
    with Journal.open(tmp_path / "journal.db", device="test") as journal:
        for event in events:
            journal.record(event)
        state = journal.state()
    return session, b, state


def test_events_are_contributions_placed_by_team_round_and_facet(captured) -> None:
    _, b, _ = captured
    event = SPEC.feedback(b, "Un seul guichet", team="Accueil", facet=2, round_number=1)
    assert (event.type, event.kind, event.team, event.question, event.round, event.block_id) == (
        "contribution.added", "feedback", "Accueil", 2, 1, "proto")  # fmt: skip
    decision = SPEC.decision(b, "On garde", team="Garde")
    assert (decision.kind, decision.team, decision.round) == ("decision", "Garde", None)
    assert {c.kind for c in SPEC.contributions} == {"feedback", "decision"}


def test_the_live_fold_groups_feedback_by_team_and_facet(captured) -> None:
    session, b, state = captured
    live = SPEC.live(session, b, b.method, state)
    assert [x.text for x in live.at("Accueil", 1)] == ["Un seul guichet"]
    assert [x.text for x in live.at("Accueil", 3)] == ["Et si on ouvrait le samedi\u00a0?"]
    assert live.count("Accueil") == 3 and live.count("Garde") == 2  # not the café's entry
    assert [x.text for x in live.decisions["Accueil"]] == [
        "On garde le guichet, on teste le samedi"]
    assert "Garde" not in live.decisions


def test_the_report_gives_each_team_its_feedback_by_facet_and_its_decision(captured) -> None:
    session, b, state = captured
    output = SPEC.report(b, b.method, 2, Harvest(session, state, "fr"))
    assert isinstance(output, proto.PrototypeOutput)
    assert output.prompts == ("Ce qui marche", "Ce qui manque", "Et si…")
    first, second, *rest = output.teams
    assert (first.label, first.prototype) == ("Accueil", "Le guichet unique")
    assert [(f.prompt, [i.text for i in f.items]) for f in first.facets] == [
        ("Ce qui marche", ["Un seul guichet"]), ("Ce qui manque", ["Les horaires du soir"]),
        ("Et si…", ["Et si on ouvrait le samedi\u00a0?"]),
    ]  # fmt: skip
    assert [i.text for i in first.decisions] == ["On garde le guichet, on teste le samedi"]
    assert [(f.prompt, len(f.items)) for f in second.facets][-1] == ("Autres retours", 1)
    assert [t.label for t in rest] == ["Emploi", "Suivi"]  # planned teams are all listed
    elements = SPEC.layout(output, Words("fr"))
    table = elements[0]
    assert isinstance(table, e.Table)
    assert table.header == ("Équipe", "Prototype", "Ce qui marche", "Ce qui manque", "Et si…",
                            "Autres retours", "Décision")  # fmt: skip
    assert table.rows[0][:6] == ("Accueil", "Le guichet unique", "1", "1", "1", "0")
    headings = [x.text for x in elements if isinstance(x, e.Heading)]
    assert headings == ["Accueil", "Garde", "Emploi", "Suivi"]
    quotes = [x.text for x in elements if isinstance(x, e.Paragraph) and x.style == "quote"]
    assert quotes == ["Prototype\u00a0: Le guichet unique", "Prototype\u00a0: La place réservée"]
    notes = [x.text for x in elements if isinstance(x, e.Paragraph) and x.style == "note"]
    assert "Aucune décision n'a été notée." in notes
    assert "Aucun retour n'a été noté pour ce prototype." in notes


def test_nothing_captured_means_no_section(tmp_path: Path, session_data: dict) -> None:
    session = session_with(session_data)
    b = session.block("proto")
    with Journal.open(tmp_path / "journal.db", device="test") as journal:
        state = journal.state()
    assert SPEC.report(b, b.method, 2, Harvest(session, state, "fr")) is None


def test_the_childcare_example_reports_its_prototype_test() -> None:
    folder = open_session(data_dir("examples") / "garde-enfants-parents")
    state = captured_state(folder.root)
    report = build_report(folder.session, state)
    found = [o for o in report.outputs if isinstance(o, proto.PrototypeOutput)]
    assert len(found) == 1
    output = found[0]
    assert len(output.teams) == 4
    assert all(t.prototype and t.decisions and t.feedback_count == 6 for t in output.teams)
    assert all(len(f.items) == 2 for t in output.teams for f in t.facets)


def test_the_childcare_example_restitution_shows_the_section(tmp_path: Path) -> None:
    from labkit.report import render_report

    folder = open_session(data_dir("examples") / "garde-enfants-parents")
    text = render_report(folder, "md", tmp_path / "report.md").path.read_text(encoding="utf-8")
    section = text[text.index("### Test des parcours de demain"):]
    assert "| Équipe | Prototype | Ce qui marche | Ce qui manque | Et si… | Décision |" in section
    assert "#### Piste 1 — Une commission d'attribution commune" in section
    assert "**Ce qui manque (2)**" in section and "**La décision de l'équipe**" in section
