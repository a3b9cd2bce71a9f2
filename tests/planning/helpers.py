"""Independent re-computation of plan figures, for the planning tests."""

from __future__ import annotations

from collections import Counter
from itertools import combinations

from labkit.planning import Seatable


def meetings(rounds) -> Counter:
    met: Counter = Counter()
    for rnd in rounds:
        for table in rnd:
            for a, b in combinations(sorted(table), 2):
                met[(a, b)] += 1
    return met


def repeats(rounds) -> int:
    return sum(c - 1 for c in meetings(rounds).values() if c > 1)


def max_meetings(rounds) -> int:
    return max(meetings(rounds).values(), default=0)


def group_deviation(rounds, people: list[Seatable], tables: int) -> int:
    info = {p.id: p for p in people}
    dev = 0
    for rnd in rounds:
        seated = [pid for table in rnd for pid in table]
        totals = Counter(info[p].group for p in seated if info[p].group)
        for table in rnd:
            here = Counter(info[p].group for p in table if info[p].group)
            for g, c in totals.items():
                lo, hi = c // tables, -(-c // tables)
                dev += max(0, lo - here[g]) + max(0, here[g] - hi)
    return dev


def organisation_clashes(rounds, people: list[Seatable]) -> int:
    info = {p.id: p for p in people}
    total = 0
    for rnd in rounds:
        for table in rnd:
            orgs = Counter(info[p].organisation for p in table if info[p].organisation)
            total += sum(c * (c - 1) // 2 for c in orgs.values())
    return total


def revisits(rounds, hosts=()) -> int:
    seen: Counter = Counter()
    for rnd in rounds:
        for t, table in enumerate(rnd):
            for p in table:
                if p not in hosts:
                    seen[(p, t)] += 1
    return sum(c - 1 for c in seen.values() if c > 1)
