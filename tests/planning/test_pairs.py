"""Interview pairs: everyone interviewed each round, no pair twice, trios and quartets."""

from __future__ import annotations

from collections import Counter
from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from labkit.errors import InvalidInputError
from labkit.planning import Seatable, interview_pairs, quartets
from labkit.planning.pairs import circle_rounds


def crowd(n: int) -> list[Seatable]:
    return [Seatable(f"p{i}", group="AB"[i % 2], organisation="xyz"[i % 3]) for i in range(n)]


def pair_counts(rounds) -> Counter:
    met: Counter = Counter()
    for rnd in rounds:
        for g in rnd:
            for pair in combinations(sorted(g), 2):
                met[pair] += 1
    return met


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 40), st.data())
def test_pairs_cover_everyone_without_repeat(n: int, data: st.DataObject) -> None:
    rounds = data.draw(st.integers(1, n - 1 if n % 2 == 0 else n))
    odd = data.draw(st.sampled_from(["bye", "trio"]))
    people = crowd(n)
    plan = interview_pairs(people, rounds, odd=odd, seed=data.draw(st.integers(0, 5)),
                           effort=300)
    assert len(plan.rounds) == rounds
    for k, rnd in enumerate(plan.rounds):
        seated = [pid for g in rnd for pid in g]
        assert len(seated) == len(set(seated))
        expected = {p.id for p in people} - {plan.byes[k]}
        assert set(seated) == expected
        sizes = Counter(len(g) for g in rnd)
        if odd == "trio" or n % 2 == 0:
            assert sizes[3] == n % 2 and set(sizes) <= {2, 3}
        else:
            assert set(sizes) == {2} and plan.byes[k] is not None
    met = pair_counts(plan.rounds)
    assert plan.repeats == sum(c - 1 for c in met.values() if c > 1)
    if odd == "bye" or n % 2 == 0:
        assert plan.repeats == 0
    if odd == "trio" and n % 2 and 4 * (rounds - 1) < n - 1:
        assert plan.repeats == 0  # room enough to seat each odd one out with new people


def test_eleven_people_eleven_rounds_each_pair_once_one_bye_each() -> None:
    plan = interview_pairs(crowd(11), 11, odd="bye")
    met = pair_counts(plan.rounds)
    assert len(met) == 55 and set(met.values()) == {1}
    assert sorted(plan.byes) == sorted(p.id for p in crowd(11))


def test_circle_method_cycles() -> None:
    rounds = circle_rounds(6, 5)
    pairs = {tuple(sorted(p)) for rnd in rounds for p in rnd}
    assert len(pairs) == 15


def test_pairs_prefer_other_organisations() -> None:
    people = [Seatable(f"p{i}", organisation="AB"[i % 2]) for i in range(10)]
    plan = interview_pairs(people, 1)
    assert plan.same_organisation == 0


def test_invalid_pairs_input() -> None:
    with pytest.raises(InvalidInputError):
        interview_pairs([Seatable("a"), Seatable("a")], 1)
    with pytest.raises(InvalidInputError):
        interview_pairs(crowd(4), -1)
    assert interview_pairs([Seatable("solo")], 2).byes == ("solo", "solo")


@pytest.mark.parametrize("n", [4, 7, 8, 11, 13, 20])
def test_quartets_regroup_every_pair(n: int) -> None:
    people = crowd(n)
    plan = interview_pairs(people, 1)
    groups = quartets(plan.rounds[0], people)
    members = sorted(pid for g in groups for pid in g)
    assert members == sorted(p.id for p in people)
    for pair in plan.rounds[0]:
        assert any(set(pair) <= set(g) for g in groups)
    assert all(4 <= len(g) <= 7 for g in groups)


def test_the_planner_makes_the_regroups_by_four_only() -> None:
    from labkit.planning import Seatable, planned_regroups, quartets

    people = [Seatable(str(i)) for i in range(8)]
    pairs = [("0", "1"), ("2", "3"), ("4", "5"), ("6", "7")]
    assert planned_regroups(pairs, people, 4, seed=1) == quartets(pairs, people, seed=1)
    assert planned_regroups(pairs, people, 6) is None
