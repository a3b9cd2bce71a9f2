"""The method specs' typed event constructors and live folds, through a real journal: what a
live screen shows is what the spec folds from the events its constructors wrote."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from labkit.methods import spec_of
from labkit.methods.closing import Closing
from labkit.methods.commitments import Commitments
from labkit.methods.crossed_interviews import CrossedInterviews
from labkit.methods.idea_vote import IdeaVote
from labkit.methods.persona_journey import PersonaJourney
from labkit.methods.plenary import note_event
from labkit.methods.territories import territory_note
from labkit.methods.world_cafe import WorldCafe
from labkit.model import Block, Session
from labkit.model import events as ev
from labkit.store.journal import Journal
from labkit.store.session_folder import open_session


@pytest.fixture
def session(write_session: Callable[..., Path], session_data: dict[str, Any]) -> Session:
    return open_session(write_session(session_data).parent).session


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    with Journal.open(tmp_path / "journal.db", device="test") as opened:
        yield opened


def block(session: Session, block_id: str) -> Block:
    found = session.block(block_id)
    assert found is not None
    return found


def live(session: Session, journal: Journal, block_id: str) -> Any:
    chosen = block(session, block_id)
    return spec_of(chosen).live(session, chosen, chosen.method, journal.state())


def created(journal: Journal, event: ev.EventModel) -> str:
    return str(journal.record(event).event.new_id())


def test_cafe_ideas_by_table_round_and_question(session: Session, journal: Journal) -> None:
    cafe = block(session, "cafe")
    first = created(journal, WorldCafe.idea(cafe, "Un guichet", round_number=1, table=1,
                                            question=1))  # fmt: skip
    created(journal, WorldCafe.idea(cafe, "Des horaires", round_number=2, table=1, question=2))
    created(journal, WorldCafe.idea(cafe, "Un annuaire", round_number=1, table=2, question=2))
    journal.record(note_event(cafe, "Une remarque"))  # a note is not an idea
    journal.record(note_event(block(session, "ouverture"), "Ailleurs", "idea"))
    found = live(session, journal, "cafe")
    assert found.count == 3
    assert [i.text for i in found.at(1, 1)] == ["Un guichet"]
    assert [i.text for i in found.at_table(1)] == ["Un guichet", "Des horaires"]
    assert found.per_table() == {1: 2, 2: 1}
    assert [i.text for i in found.of_question(2)] == ["Des horaires", "Un annuaire"]
    stored = journal.state().contributions[first]
    assert (stored.kind, stored.round, stored.table, stored.question) == ("idea", 1, 1, 1)


def test_cafe_harvest_clusters_and_kept_ideas(session: Session, journal: Journal) -> None:
    cafe = block(session, "cafe")
    a, b, c = (created(journal, WorldCafe.idea(cafe, text, round_number=1, table=1, question=1))
               for text in ("A", "B", "C"))  # fmt: skip
    group = created(journal, WorldCafe.cluster(cafe, "Un point d'entrée", 1, [a, b]))
    journal.record(WorldCafe.cluster_renamed(group, "Un seul point d'entrée"))
    journal.record(WorldCafe.cluster_left(group, [a]))
    journal.record(WorldCafe.cluster_joined(group, [c]))
    journal.record(WorldCafe.kept(cafe, 1, [group, a]))
    found = live(session, journal, "cafe")
    (cluster,) = found.clusters_of(1)
    assert cluster.title == "Un seul point d'entrée"
    assert [i.text for i in found.members(cluster)] == ["B", "C"]
    assert (found.cluster_of(b), found.cluster_of(a), found.cluster_of(None)) == (group, None, None)
    assert found.clusters_of(2) == ()
    assert found.kept_for(1) == (group, a)
    journal.record(WorldCafe.cluster_deleted(group))
    after = live(session, journal, "cafe")
    assert after.clusters == () and after.cluster_of(b) is None
    assert after.kept_for(1) == (a,)  # a deleted cluster is no longer kept


def test_interview_ingredients_by_regroup(session: Session, journal: Journal) -> None:
    interviews = block(session, "interviews")
    for text, regroup in (("La confiance", 1), ("Un langage commun", 2), ("Se connaître", 1)):
        journal.record(CrossedInterviews.ingredient(interviews, text, regroup))
    found = live(session, journal, "interviews")
    assert [i.text for i in found.ingredients[1]] == ["La confiance", "Se connaître"]
    assert found.count == 3
    assert {i.kind for i in found.ingredients[2]} == {"ingredient"}


def test_persona_journey_edits_and_stages(session: Session, journal: Journal) -> None:
    parcours = block(session, "parcours")
    stages = parcours.method.stages  # type: ignore[union-attr]
    persona = created(journal, PersonaJourney.persona(parcours, "Inès", team="1"))
    created(journal, PersonaJourney.persona(parcours, "Marc", team="2"))
    journal.record(PersonaJourney.persona_edited(persona, description="27 ans"))
    step = created(journal, PersonaJourney.step(persona, stages[1], position=2, emotion=None,
                                                actions=[], touchpoints=["caf.fr"]))  # fmt: skip
    extra = created(journal, PersonaJourney.step(persona, "Hors plan", position=9))
    journal.record(PersonaJourney.step_edited(step, emotion=-2, actions=["Appelle la CAF"]))
    found = live(session, journal, "parcours")
    ines = found.of_team("1")
    assert ines is not None
    assert (ines.name, ines.description) == ("Inès", "27 ans")  # the edit kept the name
    assert found.of_team("3") is None
    rows = found.stages(persona, stages)
    assert [name for name, _ in rows] == [*stages, "Hors plan"]
    filled = {name: s for name, s in rows if s is not None}
    assert set(filled) == {stages[1], "Hors plan"}
    edited = filled[stages[1]]
    assert (edited.step_id, edited.emotion, edited.actions, edited.touchpoints) == (
        step, -2, ("Appelle la CAF",), ("caf.fr",))
    assert filled["Hors plan"].step_id == extra
    assert found.stages(None, stages) == [(name, None) for name in stages]


def test_step_constructor_leaves_empty_details_out() -> None:
    event = PersonaJourney.step("p1", "Le besoin", position=1, emotion=None, actions=[])
    assert event.payload() == {"persona_id": "p1", "stage": "Le besoin", "position": 1,
                               "actions": [], "touchpoints": [], "pain_points": [],
                               "opportunities": []}
    edit = PersonaJourney.step_edited("s1", emotion=None)
    assert edit.payload() == {"step_id": "s1", "emotion": None}  # an edit clears a field


def test_commitments_of_the_block(session: Session, journal: Journal) -> None:
    engagements = block(session, "engagements")
    mine = created(journal, Commitments.commitment(engagements, "Ouvrir un guichet",
                                                   owner_person="Karim", team="B",
                                                   indicator=None))  # fmt: skip
    unplaced = created(journal, ev.CommitmentAdded(what="Sans bloc", team="A"))
    elsewhere = block(session, "cloture")
    journal.record(ev.CommitmentAdded(what="Ailleurs", block_id=elsewhere.id, team="Z"))
    gone = created(journal, Commitments.commitment(engagements, "Retiré"))
    journal.record(Commitments.status(mine, "committed"))
    journal.record(Commitments.edited(mine, due=None, owner_organisation="CAF"))
    journal.record(Commitments.deleted(gone))
    found = live(session, journal, "engagements")
    assert [c.commitment_id for c in found.commitments] == [mine, unplaced]
    first = found.commitments[0]
    assert (first.status, first.owner_person, first.owner_organisation, first.indicator) == (
        "committed", "Karim", "CAF", None)
    assert found.teams() == ["A", "B"]


def test_closing_words_counts_and_means(session: Session, journal: Journal) -> None:
    cloture = block(session, "cloture")
    journal.record(Closing.word(cloture, text="Confiance"))
    journal.record(Closing.word(cloture, image="pont.png"))
    journal.record(ev.ClosingWordAdded(text="Sans bloc"))
    journal.record(ev.ClosingWordAdded(text="Ailleurs", block_id="ouverture"))
    for group, scores, comment in (("ds", {"satisfaction": 5, "utilite": 4}, "Merci"),
                                   ("ds", {"satisfaction": 3}, None),
                                   ("cons", {"satisfaction": 4, "utilite": 2}, None)):
        journal.record(Closing.answer(group, scores, comment))
    found = live(session, journal, "cloture")
    assert [(w.text, w.image) for w in found.words] == [
        ("Confiance", None), (None, "pont.png"), ("Sans bloc", None)]
    assert found.responses == 3
    assert found.counts == {"ds": 2, "cons": 1}
    assert found.means["ds"] == {"satisfaction": (4.0, 2), "utilite": (4.0, 1)}
    assert found.overall == {"satisfaction": (4.0, 3), "utilite": (3.0, 2)}
    assert [r.comment for r in journal.state().survey.values()] == ["Merci", None, None]


@pytest.mark.parametrize("block_id", ["diagnostic", "entraide"])
def test_notes_per_territory(session: Session, journal: Journal, block_id: str) -> None:
    chosen = block(session, block_id)
    for text, territory, kind in (("Peu de transports", "02", "note"),
                                  ("Des crèches saturées", "02", "pain_point"),
                                  ("Un CLEE actif", "59", "insight"),
                                  ("Partout", None, "note")):
        journal.record(territory_note(chosen, text, territory, kind))
    found = live(session, journal, block_id)
    assert found.counts("territory") == {"02": 2, "59": 1}
    assert [n.kind for n in found.where(territory="02")] == ["note", "pain_point"]
    assert [n.text for n in found.where(territory=None)] == ["Partout"]


def test_plenary_notes_and_vote_ideas(session: Session, journal: Journal) -> None:
    ouverture = block(session, "ouverture")
    journal.record(note_event(ouverture, "Le préfet ouvre", "quote", table=None))
    journal.record(note_event(ouverture, "Une question", "question"))
    found = live(session, journal, "ouverture")
    assert [(n.kind, n.text) for n in found.notes] == [("quote", "Le préfet ouvre"),
                                                       ("question", "Une question")]
    idea = IdeaVote.idea(block(session, "vote"), "Une idée de dernière minute")
    assert idea.payload() == {"block_id": "vote", "text": "Une idée de dernière minute",
                              "kind": "idea"}


def test_a_stage_renamed_in_the_live_app_keeps_its_place(session: Session,
                                                         journal: Journal) -> None:  # fmt: skip
    parcours = block(session, "parcours")
    stages = parcours.method.stages  # type: ignore[union-attr]
    persona = created(journal, PersonaJourney.persona(parcours, "Inès", team="1"))
    # the first stage renamed before anything was filled, the second renamed after
    first = created(journal, PersonaJourney.step(persona, "Avant tout", position=1))
    second = created(journal, PersonaJourney.step(persona, stages[1], position=2))
    journal.record(PersonaJourney.step_edited(second, stage="Se renseigner"))
    rows = live(session, journal, "parcours").stages(persona, stages)
    assert [name for name, _ in rows] == ["Avant tout", "Se renseigner", *stages[2:]]
    assert [step.step_id for _, step in rows[:2] if step] == [first, second]
