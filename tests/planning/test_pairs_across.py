"""Crossed-interview pairs across territories (issue 14): `across` puts "territory" first, so
pairs (and the trio) come from different départements whenever the numbers allow, else with
the fewest same-territory pairs, counted by the plan; re-pairing after absences keeps it."""

from __future__ import annotations

from pathlib import Path
from typing import get_args

import pytest

from labkit.errors import InvalidInputError
from labkit.model.methods import DEFAULT_PAIR_ACROSS, PairMix
from labkit.planning import Seatable, interview_pairs
from labkit.planning.pairs import (
    MIXES,
    PAIR_ACROSS,
    partner_changes,
    repair_pairs,
    same_territory_pairs,
)
from labkit.planning.session_requests import seatable
from labkit.store.session_folder import open_session

ACROSS = ("territory", "organisation", "group")
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "cooperation-territoriale"


def example_people() -> list[Seatable]:
    session = open_session(EXAMPLE).session
    return [seatable(p) for p in session.participants if p.role.seated]


def test_the_model_and_the_planner_know_the_same_mixes() -> None:
    assert set(get_args(PairMix)) == set(MIXES)
    assert DEFAULT_PAIR_ACROSS == PAIR_ACROSS == ("organisation", "group")


@pytest.mark.parametrize("seed", range(3))
def test_the_example_pairs_come_from_different_departements(seed: int) -> None:
    people = example_people()
    assert len({p.territory for p in people} - {None}) == 4  # and a few regional people
    default = interview_pairs(people, seed=seed)
    assert default.same_territory is None  # not asked: not counted
    assert same_territory_pairs(default.rounds[0], people) >= 1  # by chance, as before
    plan = interview_pairs(people, seed=seed, across=ACROSS)
    assert plan.same_territory == 0 == same_territory_pairs(plan.rounds[0], people)
    assert plan.as_dict()["metrics"]["same_territory"] == 0
    assert plan.same_organisation == 0  # organisations still mixed
    assert sorted(p for g in plan.rounds[0] for p in g) == sorted(p.id for p in people)


def test_the_trio_too_comes_from_three_territories() -> None:
    people = [Seatable(f"p{i}", territory="ABC"[i // 3]) for i in range(9)]
    for seed in range(5):
        plan = interview_pairs(people, seed=seed, across=["territory"])
        assert sorted(map(len, plan.rounds[0])) == [2, 2, 2, 3]
        assert plan.same_territory == 0


@pytest.mark.parametrize(("big", "others", "fewest"), [(10, 4, 3), (8, 8, 0), (12, 2, 5)])
def test_when_one_territory_outnumbers_the_others_the_fewest_same_pairs(
        big: int, others: int, fewest: int) -> None:
    people = [Seatable(f"n{i}", territory="59") for i in range(big)]
    people += [Seatable(f"o{i}", territory="62" if i % 2 else "80") for i in range(others)]
    plan = interview_pairs(people, seed=1, across=ACROSS)
    assert plan.same_territory == fewest


def test_several_rounds_keep_no_repeat_and_mix_territories() -> None:
    people = example_people()
    plan = interview_pairs(people, rounds=3, across=ACROSS, effort=8000)
    assert plan.repeats == 0
    assert plan.same_territory is not None and plan.same_territory <= 3


def test_an_unknown_mix_is_refused_with_its_name() -> None:
    with pytest.raises(InvalidInputError, match="departement"):
        interview_pairs(example_people(), across=["departement"])


def test_after_absences_unaffected_pairs_stay_and_new_pairs_cross_territories() -> None:
    """Two people whose partners left are from the same département: paired together they
    would break the constraint; one of them swaps with a kept pair instead (4 people change
    partner, the 14 other pairs stay). Without `across`, they are paired together."""
    people = example_people()
    info = {p.id: p for p in people}
    pairs = interview_pairs(people, across=ACROSS).rounds[0]
    twos = [g for g in pairs if len(g) == 2]
    stay, other = next((x, y) for g in twos for h in twos if g != h for x in g for y in h
                       if info[x].territory and info[x].territory == info[y].territory)
    gone = {next(p for g in twos if stay in g for p in g if p != stay),
            next(p for g in twos if other in g for p in g if p != other)}
    room = [p for p in people if p.id not in gone]
    fixed = repair_pairs(pairs, room, across=ACROSS)
    assert same_territory_pairs(fixed, room) == 0
    assert sorted(p for g in fixed for p in g) == sorted(p.id for p in room)
    changes = partner_changes(pairs, fixed)
    assert len(changes) == 4, changes
    kept = [g for g in pairs if g in fixed]
    assert len(kept) == len(pairs) - 3
    plain = repair_pairs(pairs, room)  # organisation, group: as before
    assert same_territory_pairs(plain, room) == 1
    assert len(partner_changes(pairs, plain)) == 2
