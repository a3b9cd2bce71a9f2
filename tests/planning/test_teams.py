"""Balanced teams and territorial teams."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from labkit.planning import Seatable, balanced_teams, teams_by_attribute
from labkit.planning.teams import Attribute, Team, by_group, by_territory


def spread_deviation(teams: Sequence[Team], people: Sequence[Seatable],
                     key: Attribute = by_group) -> int:
    """Σ over teams and values of the distance outside [floor(c/k), ceil(c/k)]."""
    info = {p.id: p for p in people}
    totals = Counter(key(p) for p in people if key(p))
    k = max(len(teams), 1)
    dev = 0
    for team in teams:
        here = Counter(key(info[m]) for m in team.members if key(info[m]))
        for value, c in totals.items():
            n, lo, hi = here.get(value, 0), c // k, -(-c // k)
            dev += max(0, lo - n) + max(0, n - hi)
    return dev


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["A", "B", "C", None]), min_size=1, max_size=50),
       st.integers(1, 8))
def test_balanced_teams(groups: list[str | None], count: int) -> None:
    people = [Seatable(f"p{i}", group=g, organisation="xy"[i % 2]) for i, g in enumerate(groups)]
    teams = balanced_teams(people, count, effort=200)
    assert len(teams) == count
    sizes = [len(t.members) for t in teams]
    assert max(sizes) - min(sizes) <= 1
    assert sorted(m for t in teams for m in t.members) == sorted(p.id for p in people)
    assert spread_deviation(teams, people) == 0


def test_teams_by_territory_split_large_ones() -> None:
    people = ([Seatable(f"a{i}", group="AB"[i % 2], territory="Aisne") for i in range(9)]
              + [Seatable(f"o{i}", territory="Oise") for i in range(3)] + [Seatable("x")])
    teams = teams_by_attribute(people, by_territory, max_size=5)
    labels = [t.label for t in teams]
    assert labels == ["?", "Aisne 1", "Aisne 2", "Oise"]
    assert sorted(len(t.members) for t in teams if t.label.startswith("Aisne")) == [4, 5]
    assert all(m.startswith("o") for m in teams[-1].members)
