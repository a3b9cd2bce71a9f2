"""Metrics and lower bounds on hand-made plans."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from labkit.planning import Seatable, rotation_metrics
from labkit.planning.rotation_metrics import even_split_pairs, pigeonhole_pairs

from .helpers import max_meetings, repeats


def people(n: int, **kw: str) -> list[Seatable]:
    return [Seatable(str(i), **kw) for i in range(n)]


def test_counts_on_a_small_plan() -> None:
    rounds = [[["0", "1"], ["2", "3"]], [["0", "1"], ["2", "3"]], [["0", "2"], ["1", "3"]]]
    m = rotation_metrics(rounds, people(4), tables=2)
    assert m.repeats == 2 and m.max_meetings == 2 and m.pairs_met_more_than_once == 2
    assert m.distinct_pairs_met == 4
    assert m.hard_violations == 0
    # 3 rounds of 2 tables of 2 = 6 meetings for 6 pairs: counting bound 0; 2 per table and 2
    # tables: the pigeonhole allows every pair to be new
    assert m.counting_bound == 0 and m.repeats_lower_bound == 0


def test_counting_bound() -> None:
    # 6 people, 2 tables of 3, 4 rounds: 4 * 2 * 3 = 24 meetings for 15 pairs
    rounds = [[["0", "1", "2"], ["3", "4", "5"]]] * 4
    m = rotation_metrics(rounds, people(6), tables=2)
    assert m.counting_bound == 24 - 15
    assert m.repeats == 24 - 6
    assert m.repeats_lower_bound >= m.counting_bound


def test_pigeonhole_bound_for_forty_at_four_tables_of_ten_with_hosts() -> None:
    # a table of 10 gathers people from 4 earlier tables: at least 3+3+2+2 -> 8 pairs again
    assert even_split_pairs(10, 4) == 8
    assert pigeonhole_pairs((10, 10, 10, 10), 4, 0, True, False) == 32
    ids = [str(i) for i in range(40)]
    rounds = [[ids[t::4] for t in range(4)]] * 4
    m = rotation_metrics(rounds, people(40), tables=4, hosts=ids[:4])
    assert m.co_meeting_floor == 6 * 32
    assert m.pigeonhole_bound == 2 * 192 // 4
    assert m.repeats_lower_bound_given_max(2) == 192
    assert m.max_meetings_lower_bound == 2


def test_violations_are_counted() -> None:
    rounds = [[["0", "1", "2"], ["3", "4"]], [["1", "2"], ["0", "3", "4"]]]
    m = rotation_metrics(rounds, people(5), tables=2, hosts=["0", "3"],
                         must_not_meet=[("1", "2")], keep_together=[("3", "4"), ("0", "4")],
                         visit_once=True)
    assert m.host_violations == 1  # host 0 sits at table 2 in round 2
    assert m.forbidden_meetings == 2
    assert m.keep_together_violations == 1  # 0 and 4 apart in round 1
    assert m.table_revisits == 3  # 1 and 2 at table 1 twice, 4 at table 2 twice
    assert m.visit_once_violations == 3
    assert m.hard_violations == 7
    unbalanced = rotation_metrics([[["0", "1", "2", "3"], ["4"]]], people(5), tables=2)
    assert unbalanced.balance_violations == 1


def test_group_spread_and_organisations() -> None:
    ppl = [Seatable("a", "G", "x"), Seatable("b", "G", "x"), Seatable("c", "H", "y"),
           Seatable("d", "H", "z")]
    good = rotation_metrics([[["a", "c"], ["b", "d"]]], ppl, tables=2)
    assert good.group_spread_deviation == 0 and good.organisation_clashes == 0
    bad = rotation_metrics([[["a", "b"], ["c", "d"]]], ppl, tables=2)
    assert bad.group_spread_deviation == 4 and bad.organisation_clashes == 1
    assert bad.organisation_clashes_lower_bound == 0


def test_as_dict_is_json_ready() -> None:
    m = rotation_metrics([[["0", "1"]]], people(2), tables=1)
    data = m.as_dict()
    assert data["repeats"] == 0 and data["hard_violations"] == 0 and "repeats_lower_bound" in data


def test_per_host_bound_on_32_at_8_tables_of_4_with_hosts() -> None:
    # each host meets 3 people a round for 10 rounds = 30 meetings among 24 non-hosts
    ids = [str(i) for i in range(32)]
    rounds = [[[ids[t], *(ids[8 + (3 * t + k + 3 * r) % 24] for k in range(3))]
               for t in range(8)] for r in range(10)]
    m = rotation_metrics(rounds, people(32), tables=8, hosts=ids[:8])
    assert m.person_bound == 8 * (30 - 24)
    assert m.repeats_lower_bound >= 48 and m.repeats >= m.repeats_lower_bound


@st.composite
def random_plans(draw: st.DrawFn) -> tuple[list, list[Seatable], list[str], int]:
    tables = draw(st.integers(1, 5))
    size = draw(st.integers(tables, 24))
    ids = [str(i) for i in range(size)]
    hosts = ids[:tables] if draw(st.booleans()) else []
    rounds = []
    for _ in range(draw(st.integers(1, 6))):
        present = [i for i in ids if i in hosts or draw(st.integers(0, 9)) > 0]
        others = draw(st.permutations([i for i in present if i not in hosts]))
        rnd = [[h] for h in hosts] or [[] for _ in range(tables)]
        for k, pid in enumerate(others):
            rnd[k % tables].append(pid)
        rounds.append(rnd)
    return rounds, people(size), hosts, tables


@settings(max_examples=150, deadline=None)
@given(random_plans())
def test_every_bound_holds_for_any_balanced_plan(case) -> None:  # noqa: ANN001
    rounds, ppl, hosts, tables = case
    m = rotation_metrics(rounds, ppl, tables=tables, hosts=hosts)
    assert m.repeats == repeats(rounds) and m.max_meetings == max_meetings(rounds)
    assert m.repeats >= m.repeats_lower_bound >= m.person_bound
    assert m.repeats >= m.repeats_lower_bound_at_max
    assert m.max_meetings >= m.max_meetings_lower_bound or not m.distinct_pairs_met
    if m.proven_optimal:
        assert m.repeats == m.repeats_lower_bound


def test_no_two_orthogonal_latin_squares_of_order_six() -> None:
    ids = [str(i) for i in range(36)]
    rows = [ids[6 * k: 6 * k + 6] for k in range(6)]
    cols = [ids[k::6] for k in range(6)]
    rounds = [rows, cols, rows, cols, rows]
    m = rotation_metrics(rounds, people(36), tables=6)
    assert m.person_bound == 2 and m.repeats_lower_bound >= 2
    assert rotation_metrics(rounds[:3], people(36), tables=6).person_bound == 0
    assert rotation_metrics([r[:5] for r in rounds], people(36), tables=6).person_bound < 2
