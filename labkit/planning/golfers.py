"""Zero-repeat plans for social-golfer sizes that no construction here covers, kept as data.

Each plan was found once by this planner's own tabu search given a long CPU budget (the
instances are solved in the social golfer literature, e.g. Harvey's tables and Triska &
Musliu), and is checked by the tests and again when loaded: every round a partition of the
points into equal tables, no pair meeting twice. `golfer_solution` returns it as a `Design`.
"""

from __future__ import annotations

from labkit.planning.kirkman import is_resolvable_design

_SOLUTIONS: dict[tuple[int, int], tuple[str, ...]] = {
    # 24 people at 6 tables of 4 for 6 rounds (found with a 90 s CPU budget, seed 1)
    (6, 4): (
    "12 16 18 22 | 1 6 7 21 | 0 8 17 19 | 3 4 13 20 | 9 11 15 23 | 2 5 10 14",
    "3 8 9 14 | 0 6 11 12 | 2 15 20 22 | 5 7 17 23 | 1 4 16 19 | 10 13 18 21",
    "4 5 9 22 | 7 8 15 16 | 11 17 20 21 | 3 10 12 19 | 6 14 18 23 | 0 1 2 13",
    "1 3 5 15 | 7 18 19 20 | 8 10 11 22 | 12 13 14 17 | 2 6 9 16 | 0 4 21 23",
    "4 6 10 15 | 1 9 17 18 | 2 3 7 11 | 0 14 16 20 | 13 19 22 23 | 5 8 12 21",
    "2 4 8 18 | 1 12 20 23 | 3 6 17 22 | 5 11 13 16 | 0 7 9 10 | 14 15 19 21",
    ),
}


def golfer_solution(tables: int, size: int) -> tuple[tuple[tuple[int, ...], ...], ...] | None:
    """The stored zero-repeat rounds for `tables` tables of `size`, checked; None if none."""
    text = _SOLUTIONS.get((tables, size))
    if text is None:
        return None
    rounds = tuple(tuple(tuple(int(p) for p in table.split()) for table in rnd.split("|"))
                   for rnd in text)
    return rounds if is_resolvable_design(tables * size, rounds, size) else None


def stored_sizes() -> list[tuple[int, int]]:
    """(tables, size) pairs with a stored plan."""
    return sorted(_SOLUTIONS)
