"""Zero-repeat designs: every pair meets at most once, rows hold one point per table."""

from __future__ import annotations

from itertools import combinations

import pytest

from labkit.planning.constructions import (
    Design,
    affine_geometry,
    candidate_designs,
    golfers_32,
    independent_points,
    kirkman_15,
    max_transversal_rounds,
    transversal_design,
)
from labkit.planning.galois import field, prime_power
from labkit.planning.golfers import golfer_solution, stored_sizes


def check_design(design: Design, tables: int, size: int, rounds: int) -> None:
    assert len(design.rounds) == rounds
    seen: set[tuple[int, int]] = set()
    for rnd in design.rounds:
        assert len(rnd) == tables
        assert all(len(table) == size for table in rnd)
        assert sorted(p for table in rnd for p in table) == list(range(design.points))
        for table in rnd:
            for pair in combinations(sorted(table), 2):
                assert pair not in seen, f"{design.name}: {pair} meets twice"
                seen.add(pair)
    for row in design.rows:
        for rnd in design.rounds:
            assert all(sum(p in row for p in table) == 1 for table in rnd)


@pytest.mark.parametrize("q", [2, 3, 4, 5, 7, 8, 9, 16, 25, 27])
def test_galois_fields_are_fields(q: int) -> None:
    gf = field(q)
    for a in range(q):
        assert gf.add[a][0] == a and gf.mul[a][1] == a and gf.add[a][gf.neg[a]] == 0
        if a:
            assert sorted(gf.mul[a]) == list(range(q))  # an inverse exists
        for b in range(q):
            assert gf.mul[a][b] == gf.mul[b][a]
            for c in (1, q - 1):
                assert gf.mul[a][gf.add[b][c]] == gf.add[gf.mul[a][b]][gf.mul[a][c]]


def test_prime_power() -> None:
    assert prime_power(8) == (2, 3) and prime_power(9) == (3, 2) and prime_power(7) == (7, 1)
    assert prime_power(6) is None and prime_power(1) is None and prime_power(50) is None


@pytest.mark.parametrize(("tables", "size", "rounds"), [
    (5, 5, 6), (5, 4, 5), (7, 3, 7), (8, 5, 8), (9, 9, 10), (4, 4, 5), (50, 6, 10), (12, 4, 4),
])
def test_transversal_designs(tables: int, size: int, rounds: int) -> None:
    design = transversal_design(tables, size, rounds)
    assert design is not None
    check_design(design, tables, size, rounds)
    assert max_transversal_rounds(tables, size) >= rounds


def test_transversal_design_refuses_what_it_cannot_build() -> None:
    assert transversal_design(50, 6, 11) is None
    assert transversal_design(6, 5, 3) is None
    assert transversal_design(4, 5, 2) is None  # tables larger than the number of tables


def test_affine_geometry() -> None:
    design = affine_geometry(3, 3, 13)
    assert design is not None
    check_design(design, 9, 3, 13)
    assert not design.rows
    check_design(affine_geometry(3, 3, 9), 9, 3, 9)
    assert affine_geometry(3, 3, 9).rows
    check_design(affine_geometry(2, 4, 15), 8, 2, 15)


def test_kirkman_schoolgirls_every_pair_meets_exactly_once() -> None:
    design = kirkman_15()
    check_design(design, 5, 3, 7)
    met = {pair for rnd in design.rounds for t in rnd for pair in combinations(sorted(t), 2)}
    assert len(met) == 15 * 14 // 2


def test_32_people_8_tables_10_rounds() -> None:
    design = golfers_32(10)
    check_design(design, 8, 4, 10)
    assert not design.rows
    check_design(golfers_32(6), 8, 4, 6)
    assert golfers_32(6).rows
    assert golfers_32(11) is None


def test_candidate_designs_and_independent_points() -> None:
    names = [d.name for d in candidate_designs(8, 4, 10)]
    assert any("32" in name for name in names)
    design = transversal_design(8, 5, 4)
    hosts = independent_points(design, 8)
    assert hosts is not None and len(hosts) == 8
    spare = independent_points(design, 3, frozenset(hosts))
    assert spare is not None and not set(spare) & set(hosts)
    assert independent_points(kirkman_15(), 2) is None  # every pair meets
    assert independent_points(kirkman_15(), 1) == [0]


@pytest.mark.parametrize("m", [6, 10, 12])
def test_latin_square_rows_columns_symbols_for_any_table_count(m: int) -> None:
    design = transversal_design(m, m, 3)
    assert design is not None and "Latin" in design.name
    check_design(design, m, m, 3)
    assert max_transversal_rounds(m, m) == 3


def test_candidate_designs_include_partial_designs() -> None:
    found = {d.name: len(d.rounds) for d in candidate_designs(7, 3, 12)}
    assert found["Kirkman triple system KTS(21)"] == 10  # fewer rounds than asked: kept
    for design in candidate_designs(7, 3, 12):
        check_design(design, 7, 3, len(design.rounds))


def test_stored_social_golfer_plans_have_no_repeat() -> None:
    for tables, size in stored_sizes():
        rounds = golfer_solution(tables, size)
        assert rounds is not None
        design = Design("stored", tables * size, rounds)
        check_design(design, tables, size, len(rounds))
        assert len(rounds) >= 6


def test_group_colouring_spreads_groups_over_a_design_without_rows() -> None:
    import random

    from labkit.planning.group_colouring import balance_groups

    rounds = transversal_design(6, 6, 3).rounds  # the Latin design: no rows to deal groups on
    colour = {p: p // 6 for p in range(36)}  # each group on one table of the last round
    fixed = frozenset({0})
    before = colour[0]
    dev = balance_groups(rounds, colour, fixed, random.Random(0))
    assert colour[0] == before
    assert sorted(colour.values()) == sorted(p // 6 for p in range(36))
    recount = 0
    for rnd in rounds:
        for table in rnd:
            for g in range(6):
                here = sum(1 for p in table if colour[p] == g)
                recount += abs(here - 1)
    assert recount == dev < 36


def test_cyclic_transversals_match_the_macneish_products() -> None:
    # the product of fields GF(q1) x GF(q2) x ... gives min(q_i) rounds of tables of up to
    # min(q_i): Z_m gives at least as many for every table count up to 120 (sizes 2..10)
    for m in range(6, 121):
        if prime_power(m) is not None:
            continue
        factors, rest, d = [], m, 2
        while rest > 1:
            q = 1
            while rest % d == 0:
                rest //= d
                q *= d
            if q > 1:
                factors.append(q)
            d += 1
        for size in range(2, min(min(factors), 10) + 1):
            assert max_transversal_rounds(m, size) >= min(factors)
            check_design(transversal_design(m, size, min(factors)), m, size, min(factors))


@pytest.mark.parametrize("m", [4, 6, 10])
def test_latin_squares_with_transversals(m: int) -> None:
    from labkit.planning.latin import latin_with_transversals

    square, transversals = latin_with_transversals(m)
    assert all(sorted(row) == list(range(m)) for row in square)
    assert all(sorted(col) == list(range(m)) for col in zip(*square, strict=True))
    assert transversals
    cells: set[tuple[int, int]] = set()
    for found in transversals:
        assert sorted(r for r, _ in found) == list(range(m))
        assert sorted(c for _, c in found) == list(range(m))
        assert sorted(square[r][c] for r, c in found) == list(range(m))
        assert not cells & set(found)
        cells |= set(found)


@pytest.mark.parametrize("points", [16, 28, 40, 52, 76, 88, 112])
def test_resolvable_designs_with_tables_of_four(points: int) -> None:
    from labkit.planning.resolvable4 import resolvable_fours

    rounds = resolvable_fours(points)
    check_design(Design("fours", points, rounds), points // 4, 4, (points - 1) // 3)
    met = {pair for rnd in rounds for t in rnd for pair in combinations(sorted(t), 2)}
    assert len(met) == points * (points - 1) // 2  # every pair exactly once
    assert resolvable_fours(22) is None and resolvable_fours(64) is None  # q = 7, 21


@pytest.mark.parametrize(("tables", "size", "rounds"), [(6, 5, 6), (6, 4, 7)])
def test_social_golfer_plans_6_5_6_and_6_4_7(tables: int, size: int, rounds: int) -> None:
    design = next(d for d in candidate_designs(tables, size, rounds)
                  if len(d.rounds) == rounds)
    check_design(design, tables, size, rounds)
