"""Vote ranking shared by the live app and the report."""

from hypothesis import given
from hypothesis import strategies as st

from labkit.model.ranking import rank_votes


def test_ranking_marks_the_top_and_flags_ties_at_the_cut():
    totals = {"a": 12, "b": 7, "c": 5, "d": 5, "e": 1}
    ranked = rank_votes(list("abcde"), totals, top_n=3)
    assert [(r.item_id, r.rank, r.in_top, r.tie_at_cut) for r in ranked] == [
        ("a", 1, True, False), ("b", 2, True, False), ("c", 3, True, True),
        ("d", 3, False, True), ("e", 5, False, False),
    ]
    near = rank_votes(list("abcde"), {"a": 9, "b": 8, "c": 6, "d": 5}, top_n=3, near=1)
    assert [r.item_id for r in near if r.tie_at_cut] == ["c", "d"]


@given(st.dictionaries(st.sampled_from("abcdefgh"), st.integers(0, 30)), st.integers(1, 5))
def test_ranking_keeps_exactly_top_n_in_dot_order(totals, top_n):
    items = list("abcdefgh")
    ranked = rank_votes(items, totals, top_n)
    assert sum(r.in_top for r in ranked) == min(top_n, len(items))
    dots = [r.dots for r in ranked]
    assert dots == sorted(dots, reverse=True)


def test_equal_dots_share_a_rank_and_are_marked_tied():
    ranked = rank_votes(list("abc"), {"a": 4, "b": 4, "c": 1}, top_n=1)
    assert [(r.rank, r.tied) for r in ranked] == [(1, True), (1, True), (3, False)]
