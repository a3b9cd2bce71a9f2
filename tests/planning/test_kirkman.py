"""Kirkman triple systems: every order built is checked independently (each round a partition
into triples, every pair of people exactly once over the (v - 1) / 2 rounds)."""

from __future__ import annotations

from itertools import combinations

import pytest

from labkit.planning.kirkman import (
    is_resolvable_design,
    kirkman_system,
    kts_2q_plus_1,
    kts_3q,
    kts_from_pbd,
    kts_one_rotational,
    kts_product,
    pbd_34,
)


def assert_kirkman(v: int, classes) -> None:  # noqa: ANN001
    assert len(classes) == (v - 1) // 2
    met: set[tuple[int, int]] = set()
    for rnd in classes:
        assert sorted(p for t in rnd for p in t) == list(range(v))
        assert all(len(t) == 3 for t in rnd)
        for t in rnd:
            for pair in combinations(sorted(t), 2):
                assert pair not in met
                met.add(pair)
    assert len(met) == v * (v - 1) // 2


@pytest.mark.parametrize("v", range(9, 121, 6))
def test_every_order_up_to_120_is_a_kirkman_triple_system(v: int) -> None:
    classes = kirkman_system(v)
    assert classes is not None
    assert_kirkman(v, classes)


def test_orders_other_than_3_mod_6_have_none() -> None:
    assert kirkman_system(20) is None and kirkman_system(25) is None


def test_pbd_34_and_the_doubling_construction() -> None:
    blocks = pbd_34()
    pairs = [pair for block in blocks for pair in combinations(sorted(block), 2)]
    assert len(pairs) == len(set(pairs)) == 34 * 33 // 2
    assert {len(block) for block in blocks} == {4, 7}
    assert_kirkman(69, kts_from_pbd(blocks, 34))
    assert kts_from_pbd([(0, 1, 2, 3, 4)], 5) is None  # blocks of 5: no KTS(11) to paste


@pytest.mark.parametrize("q", [7, 13, 19, 25])
def test_three_q_construction(q: int) -> None:
    assert_kirkman(3 * q, kts_3q(q))


def test_three_q_needs_q_one_mod_six_prime_power() -> None:
    assert kts_3q(11) is None and kts_3q(55) is None


@pytest.mark.parametrize("q", [7, 13, 19, 25, 31, 37, 43, 49])
def test_two_q_plus_one_construction(q: int) -> None:
    assert_kirkman(2 * q + 1, kts_2q_plus_1(q))
    assert kts_2q_plus_1(11) is None


def test_product_and_one_rotational() -> None:
    assert_kirkman(45, kts_product(kirkman_system(15), 15, kirkman_system(9), 9))
    assert_kirkman(105, kts_product(kirkman_system(15), 15, kirkman_system(21), 21))
    assert kts_product(kirkman_system(9), 9, kirkman_system(9), 12) is None
    assert_kirkman(33, kts_one_rotational(33))
    assert kts_one_rotational(15) is None  # exhaustive: no 1-rotational KTS(15) over Z_14


def test_the_checker_rejects_a_repeat_and_a_non_partition() -> None:
    good = kirkman_system(9)
    assert is_resolvable_design(9, good, 3)
    assert not is_resolvable_design(9, (good[0], good[0]), 3)
    assert not is_resolvable_design(9, (good[0][:2],), 3)
