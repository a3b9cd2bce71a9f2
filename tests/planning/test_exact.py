"""The exact search for small cafés: proved optima against brute force, bounds that never
exceed a plan, and the planner's verdict when the search finishes."""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator

from hypothesis import given, settings
from hypothesis import strategies as st

from labkit.planning import RotationRequest, Seatable, plan_rotation, rotation_metrics
from labkit.planning.deadline import Deadline
from labkit.planning.exact import exact_applies, exact_search
from labkit.planning.rotation_model import build_problem
from labkit.planning.rotation_search import TabuSearch
from labkit.planning.rotation_start import greedy_start

from .helpers import max_meetings, repeats


def seatings(people: list[int], size: int) -> Iterator[list[list[int]]]:
    """Every seating of `people` at tables of `size` (table order ignored)."""
    if not people:
        yield []
        return
    first, rest = people[0], people[1:]
    for mates in itertools.combinations(rest, size - 1):
        left = [p for p in rest if p not in mates]
        for others in seatings(left, size):
            yield [[first, *mates], *others]


def brute_force(people: int, tables: int, rounds: int) -> tuple[int, int]:
    """(fewest repeats, then fewest meetings of the pair meeting most) over every plan."""
    options = [[(a, b) for table in seating for a, b in itertools.combinations(table, 2)]
               for seating in seatings(list(range(people)), people // tables)]
    best = None
    for plan in itertools.product(options, repeat=rounds):
        met: dict[tuple[int, int], int] = {}
        for pairs in plan:
            for pair in pairs:
                met[pair] = met.get(pair, 0) + 1
        key = (sum(m - 1 for m in met.values()), max(met.values()))
        best = key if best is None or key < best else best
    assert best is not None
    return best


def counting_clock(looks: float) -> Deadline:
    """A deadline that expires after a fixed number of looks, whatever the machine's speed."""
    ticks = itertools.count()

    def clock() -> float:
        return float(next(ticks))

    return Deadline(looks, cpu=clock, wall=clock)


def test_proved_optimum_equals_brute_force_on_tiny_cafes() -> None:
    for people, tables, rounds in ((6, 2, 3), (6, 2, 4), (8, 2, 3), (6, 3, 3)):
        result = exact_search(people, tables, rounds, 0, Deadline.never())
        assert result.finished and result.plan is not None
        named = [[[str(p) for p in table] for table in rnd] for rnd in result.plan]
        assert (result.repeats_bound, max_meetings(named)) == brute_force(people, tables, rounds)
        assert repeats(named) == result.repeats_bound
        seated = sorted(p for rnd in result.plan for table in rnd for p in table)
        assert seated == sorted(list(range(people)) * rounds)


def test_twelve_at_three_tables_of_four_over_four_rounds_needs_thirteen_repeats() -> None:
    # the counting and pigeonhole bounds only give 9; the search proves 13 (and 4 meetings of
    # the pair meeting most) and the planner says optimal
    result = exact_search(12, 3, 4, 9, Deadline.never())
    assert result.finished and result.repeats_bound == 13
    request = RotationRequest([Seatable(str(i)) for i in range(12)], 3, 4)
    plan = plan_rotation(request, deadline=Deadline.never())
    assert plan.metrics.repeats == 13 and plan.metrics.repeats_lower_bound == 13
    assert plan.metrics.search_bound == 13 and plan.metrics.search_optimal
    assert plan.verdict == "optimal" and plan.method == "exact search"
    assert plan.metrics.as_dict()["search_optimal"] is True


def test_an_unfinished_search_still_raises_the_bound_honestly() -> None:
    # 20 at 4 tables of 5 over 5 rounds: counting and pigeonhole give 16; the search, cut
    # after a fixed number of steps, proves more but no plan, and never above a found plan
    result = exact_search(20, 4, 5, 16, counting_clock(200.0))
    assert not result.finished and result.plan is None and result.repeats_bound > 16
    request = RotationRequest([Seatable(str(i)) for i in range(20)], 4, 5, max_iterations=300)
    plan = plan_rotation(request, deadline=counting_clock(1_000.0))
    assert plan.verdict == "best found"
    assert 16 < plan.metrics.search_bound <= plan.metrics.repeats_lower_bound
    assert plan.metrics.repeats_lower_bound <= plan.metrics.repeats


@settings(max_examples=20, deadline=None)
@given(st.sampled_from([(6, 2), (8, 2), (9, 3), (10, 2), (12, 3), (12, 2), (8, 4)]),
       st.integers(2, 4), st.integers(0, 10**6))
def test_the_bound_is_never_above_a_plan(shape: tuple[int, int], rounds: int, seed: int
                                         ) -> None:
    people, tables = shape
    rng = random.Random(seed)
    plan = []
    for _ in range(rounds):
        order = [str(i) for i in range(people)]
        rng.shuffle(order)
        size = people // tables
        plan.append([order[t * size:(t + 1) * size] for t in range(tables)])
    measured = rotation_metrics(plan, [Seatable(str(i)) for i in range(people)], tables=tables)
    result = exact_search(people, tables, rounds, measured.repeats_lower_bound,
                          counting_clock(60.0))
    assert measured.repeats_lower_bound <= result.repeats_bound <= measured.repeats


@settings(max_examples=15, deadline=None)
@given(st.sampled_from([(12, 3, 4), (20, 4, 5), (24, 6, 6), (15, 5, 4), (13, 3, 3)]),
       st.integers(0, 10**6))
def test_the_search_never_returns_more_repeats_than_its_start(shape: tuple[int, int, int],
                                                              seed: int) -> None:
    people, tables, rounds = shape
    request = RotationRequest([Seatable(str(i)) for i in range(people)], tables, rounds,
                              seed=seed)
    pb = build_problem(request)
    rng = random.Random(seed)
    search = TabuSearch(pb, greedy_start(pb, rng, deadline=Deadline.never()), rng)
    start = search.key()
    _, key, _ = search.run(400, Deadline.never(), lambda _key: False)
    assert key <= start and key[2] <= start[2]


def test_the_exact_search_is_kept_for_small_cafes() -> None:
    assert exact_applies(12, 3, 4) and exact_applies(20, 4, 5) and exact_applies(9, 3, 5)
    assert not exact_applies(24, 6, 6)  # six tables: left to the local search
    assert not exact_applies(13, 3, 4)  # unequal tables
    assert not exact_applies(36, 3, 4)  # more than 30 people
