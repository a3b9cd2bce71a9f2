"""Zero-repeat plans for social-golfer sizes that no construction here covers, kept as data.

Two are kept as the parameters of a structured plan (`golfers_30_6`, `golfers_24_7`: a cyclic
group on rows of people, the few offsets found by an exhaustive search). The stored 6-round
plan for 24 at 6x4 was found by this planner's own tabu search given a long CPU budget,
the 10-round one for 24 at 8x3 by a short one. The
instances are solved in the social golfer literature (e.g. Harvey's tables, Triska & Musliu);
every plan is checked by the tests and again when built: every round a partition of the
points into equal tables, no pair meeting twice. `golfer_solution` returns the stored one.
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
    # 24 people at 8 tables of 3 for 10 rounds, a resolvable triple packing (10 of the 11
    # classes of a nearly Kirkman triple system NKTS(24)), found by this planner's tabu search
    # (seed 0, 0.3 s). Table t of every round is the one the visitors of 32 at 8x4 with hosts
    # over 10 rounds take to host t: 49 repeats, one above the bound of 48 (a tabu search on
    # the tables' order, swaps within rounds, did not reach 48)
    (8, 3): (
    "22 5 19 | 15 8 6 | 10 18 21 | 23 12 3 | 13 4 2 | 9 11 7 | 1 16 20 | 14 0 17",
    "22 18 8 | 23 20 11 | 3 2 6 | 14 4 15 | 21 5 1 | 9 12 17 | 19 13 7 | 10 16 0",
    "10 17 15 | 4 5 12 | 21 11 19 | 0 22 1 | 3 18 7 | 14 2 8 | 23 13 16 | 9 6 20",
    "14 20 13 | 15 23 21 | 9 22 2 | 3 19 17 | 5 16 11 | 0 6 18 | 7 4 10 | 12 8 1",
    "9 21 4 | 1 19 6 | 17 5 23 | 20 7 8 | 12 10 14 | 3 16 22 | 0 15 2 | 13 11 18",
    "21 2 16 | 0 3 9 | 1 17 13 | 11 10 8 | 4 22 6 | 14 19 23 | 20 12 18 | 7 5 15",
    "3 1 11 | 7 2 17 | 8 16 4 | 6 21 13 | 12 19 15 | 0 5 20 | 14 9 18 | 22 10 23",
    "0 11 4 | 18 16 17 | 1 14 7 | 5 10 6 | 8 23 9 | 15 3 13 | 12 22 21 | 2 19 20",
    "7 23 6 | 11 22 14 | 12 13 0 | 16 9 15 | 17 21 20 | 2 1 10 | 5 3 8 | 19 18 4",
    "16 7 12 | 9 13 10 | 20 22 15 | 18 5 2 | 0 19 8 | 4 23 1 | 17 6 11 | 21 14 3",
    ),
}


# 30 people = Z5 x rows 0..5, point (x, j) -> 5*j + x. Round r seats row r at one table and
# the other five tables {(a_r[j] + s, j) : j != r} for s in Z5; a_r[j] is digit j of row r
# ("-" for r itself). Found by an exhaustive search: for rows j < k the four differences
# a_r[k] - a_r[j] (r not j, k) are distinct, so no cross pair meets twice.
_ROWS_30 = ("-00000", "0-0123", "01-302", "002-14", "0314-0", "02304-")

# 24 people = Z3 x rows 0..7, point (x, j) -> 3*j + x. Round r splits the rows into the two
# planes of the r-th parallel class of AG(3, 2) (rows j with popcount(j & (r + 1)) even, then
# odd: every pair of rows shares a side in exactly 3 rounds) and seats, for each side S,
# the three tables {(a_r[j] + s, j) : j in S}; the three differences of each pair of rows are
# distinct (found by an exhaustive search), so nobody meets twice and row-mates never meet.
_PLANES_24 = ("00000000", "00011110", "00022220", "02100122", "00220211", "01002112",
              "00112022")


def golfers_30_6() -> tuple[tuple[tuple[int, ...], ...], ...] | None:
    """30 people at 6 tables of 5 for 6 rounds, no pair twice (social golfer 6-5-6)."""
    rounds = []
    for r, digits in enumerate(_ROWS_30):
        others = [j for j in range(6) if j != r]
        tables = [tuple(5 * r + x for x in range(5))]
        tables += [tuple(5 * j + (int(digits[j]) + s) % 5 for j in others) for s in range(5)]
        rounds.append(tuple(tables))
    out = tuple(rounds)
    return out if is_resolvable_design(30, out, 5) else None


def golfers_24_7() -> tuple[tuple[tuple[int, ...], ...], ...] | None:
    """24 people at 6 tables of 4 for 7 rounds, no pair twice (social golfer 6-4-7, the
    most rounds possible: each person meets 3 new people a round among 23)."""
    rounds = []
    for r, digits in enumerate(_PLANES_24):
        sides = ([j for j in range(8) if bin(j & (r + 1)).count("1") % 2 == parity]
                 for parity in (0, 1))
        rounds.append(tuple(tuple(3 * j + (int(digits[j]) + s) % 3 for j in side)
                            for side in sides for s in range(3)))
    out = tuple(rounds)
    return out if is_resolvable_design(24, out, 4) else None


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
