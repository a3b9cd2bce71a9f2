"""Exact search for small world cafés: prove the fewest repeats, or raise the proven bound.

For N people at T tables of N / T over R rounds (no hosts, history or constraints), iterative
deepening asks "is there a plan with at most `limit` repeats?" for limit = the known lower
bound, then one more...: every question answered "no" by an exhaustive search raises the proven
bound, a "yes" gives a plan. Symmetry breaking: round 1 is fixed (people relabelled), round 2 is
built from its intersection pattern with round 1 (a T x T matrix up to row and column order,
the smallest of every round's pattern), later rounds are in increasing order, and each table's
first member is the lowest person not yet seated in its round. The bound at a node: the repeats
so far, plus, for each table still empty, the pairs it must hold of people who shared a table in
round 1 (pigeonhole), and so on for every later round. Time-boxed by a `Deadline`.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import permutations
from math import comb, factorial

from labkit.planning.deadline import Deadline
from labkit.planning.rotation_metrics import even_split_pairs

Plan = list[list[list[int]]]

MAX_PARTITIONS = 20_000
"""Largest number of seatings of one round the exact search is tried on (without forced
repeats)."""
MAX_PEOPLE, MAX_TABLES = 30, 4
"""Larger cafés are left to the local search (the round-2 patterns alone grow too many)."""


class _Timeout(Exception):
    """The deadline expired inside the search."""


@dataclass(frozen=True)
class ExactResult:
    """What the exact search proved: no plan has fewer than `repeats_bound` repeats."""

    repeats_bound: int
    plan: Plan | None
    """A plan at `repeats_bound` (None: none found in time)."""
    finished: bool
    """The plan is optimal: fewest repeats, then the fewest meetings of any pair."""


def round_partitions(people: int, tables: int) -> int:
    """Ways to seat `people` at `tables` equal tables (table order ignored)."""
    k = people // tables
    return factorial(people) // (factorial(k) ** tables * factorial(tables))


def exact_applies(people: int, tables: int, rounds: int) -> bool:
    """Whether the exact search is worth trying: at most 30 people at 2 to 4 equal tables,
    two rounds or more, and either repeats forced (tables larger than their number) or few
    enough seatings of one round to finish."""
    if not (2 <= tables <= MAX_TABLES and rounds >= 2 and people <= MAX_PEOPLE
            and people % tables == 0 and people // tables >= 2):
        return False
    return people // tables > tables or round_partitions(people, tables) <= MAX_PARTITIONS


def _canonical(matrix: list[list[int]]) -> tuple[int, ...]:
    """The smallest flattening of `matrix` over row and column orders."""
    size = len(matrix)
    best: tuple[int, ...] | None = None
    for cols in permutations(range(size)):
        rows = sorted(tuple(row[c] for c in cols) for row in matrix)
        flat = tuple(x for row in rows for x in row)
        if best is None or flat < best:
            best = flat
    assert best is not None
    return best


_PATTERNS: dict[tuple[int, int], list[tuple[int, ...]]] = {}


def _patterns(tables: int, size: int, deadline: Deadline) -> list[tuple[int, ...]]:
    """Every intersection pattern of two rounds (T x T, rows and columns summing to `size`),
    up to row and column order, best first (fewest pairs sharing a table twice); kept."""
    if (tables, size) in _PATTERNS:
        return _PATTERNS[tables, size]
    seen: set[tuple[int, ...]] = set()
    steps = [0]

    def rows(left: list[int], row: int, acc: list[list[int]]) -> None:
        steps[0] += 1
        if steps[0] % 256 == 0 and deadline.expired():
            raise _Timeout
        if row == tables:
            if not any(left):
                seen.add(_canonical(acc))
            return
        for part in _compositions(size, tables, left):
            if acc and part > acc[-1]:
                continue  # rows in decreasing order: the others are the same up to row order
            rows([c - p for c, p in zip(left, part, strict=True)], row + 1, [*acc, part])

    rows([size] * tables, 0, [])
    _PATTERNS[tables, size] = sorted(seen, key=lambda flat: (sum(comb(x, 2) for x in flat), flat))
    return _PATTERNS[tables, size]


def _compositions(total: int, parts: int, caps: list[int]) -> list[list[int]]:
    """Ways to write `total` as `parts` non-negative numbers, each within its cap."""
    if parts == 1:
        return [[total]] if total <= caps[0] else []
    out = []
    for first in range(min(total, caps[0]) + 1):
        out += [[first, *rest] for rest in _compositions(total - first, parts - 1, caps[1:])]
    return out


class _Search:
    """One exhaustive search for a plan with at most `limit` repeats."""

    def __init__(self, people: int, tables: int, rounds: int, deadline: Deadline) -> None:
        self.n, self.T, self.R = people, tables, rounds
        self.k = people // tables
        self.deadline = deadline
        self.floor = even_split_pairs(self.k, tables)
        """Pairs of one table that shared a table in round 1, at least."""
        self.nodes = 0

    def run(self, limit: int, cap: int) -> Plan | None:
        """A plan with at most `limit` repeats and no pair meeting more than `cap` times."""
        n, T, k = self.n, self.T, self.k
        self.limit, self.cap = limit, cap
        round1 = [list(range(t * k, (t + 1) * k)) for t in range(T)]
        self.table1 = [i // k for i in range(n)]
        for pattern in _patterns(T, k, self.deadline):
            self.meet = [[0] * n for _ in range(n)]
            self.plan: Plan = [round1]
            self._seat(round1, 1)
            matrix = [list(pattern[i * T:(i + 1) * T]) for i in range(T)]
            round2: list[list[int]] = [[] for _ in range(T)]
            for i, row in enumerate(matrix):
                person = i * k
                for t, count in enumerate(row):
                    round2[t] += range(person, person + count)
                    person += count
            round2 = sorted(sorted(t) for t in round2)
            cost = self._seat(round2, 1)
            if cost > limit or cap < 2 and cost:
                continue
            self.pattern = pattern
            self.plan.append(round2)
            self.prev: list[int] = []
            found = self._round(2, cost)
            if found is not None:
                return found
        return None

    def _seat(self, rnd: list[list[int]], d: int) -> int:
        """Seat (d = 1) or unseat (d = -1) a round; returns its repeats when seated."""
        meet, cost = self.meet, 0
        for table in rnd:
            for x, a in enumerate(table):
                for b in table[x + 1:]:
                    if d > 0 and meet[a][b]:
                        cost += 1
                    meet[a][b] += d
                    meet[b][a] += d
        return cost

    def _tick(self) -> None:
        self.nodes += 1
        if self.nodes % 2048 == 0 and self.deadline.expired():
            raise _Timeout

    def _round(self, r: int, cost: int) -> Plan | None:
        if r == self.R:
            return [[list(t) for t in rnd] for rnd in self.plan]
        later = (self.R - r - 1) * self.T * self.floor
        seq: list[int] = []
        tables: list[list[int]] = []
        free = list(range(self.n))
        return self._table(r, cost, later, free, tables, seq, bool(self.prev))

    def _table(self, r: int, cost: int, later: int, free: list[int], tables: list[list[int]],
               seq: list[int], tight: bool) -> Plan | None:
        if not free:
            return self._close(r, cost, tables, seq)
        empty = self.T - len(tables) - 1
        if cost + later + empty * self.floor > self.limit:
            return None
        first = free[0]
        if tight and first < self.prev[len(seq)]:
            return None
        tight = tight and first == self.prev[len(seq)]
        table = [first]
        seq.append(first)
        found = self._pick(r, cost, later, free, tables, seq, tight, table, 1, empty)
        seq.pop()
        return found

    def _pick(self, r: int, cost: int, later: int, free: list[int], tables: list[list[int]],
              seq: list[int], tight: bool, table: list[int], start: int, empty: int
              ) -> Plan | None:
        self._tick()
        if len(table) == self.k:
            rest = [x for x in free if x not in table]
            tables.append(list(table))
            found = self._table(r, cost, later, rest, tables, seq, tight)
            tables.pop()
            return found
        meet, limit, cap = self.meet, self.limit - later - empty * self.floor, self.cap
        need = self.k - len(table)
        for index in range(start, len(free) - need + 1):
            x = free[index]
            if tight and x < self.prev[len(seq)]:
                continue
            row = meet[x]
            added = 0
            for y in table:
                if row[y]:
                    added += 1
                    if row[y] >= cap:
                        added = limit + 1
                        break
            if cost + added > limit:
                continue
            seq.append(x)
            table.append(x)
            found = self._pick(r, cost + added, later, free, tables, seq,
                               tight and x == self.prev[len(seq) - 1], table, index + 1, empty)
            table.pop()
            seq.pop()
            if found is not None:
                return found
        return None

    def _close(self, r: int, cost: int, tables: list[list[int]], seq: list[int]
               ) -> Plan | None:
        """A full round: check the round-2 pattern is the smallest, then plan the next."""
        self._tick()
        T = self.T
        matrix = [[0] * T for _ in range(T)]
        for t, table in enumerate(tables):
            for p in table:
                matrix[self.table1[p]][t] += 1
        if _canonical(matrix) < self.pattern:
            return None
        rnd = [list(t) for t in tables]
        self._seat(rnd, 1)
        self.plan.append(rnd)
        saved = self.prev
        self.prev = list(seq)
        found = self._round(r + 1, cost)
        self.prev = saved
        self.plan.pop()
        self._seat(rnd, -1)
        return found


def exact_search(people: int, tables: int, rounds: int, lower: int, deadline: Deadline
                 ) -> ExactResult:
    """Prove what can be proved from the known `lower` bound up until `deadline`: the raised
    bound, and, when the search finished, a plan at it with the fewest meetings of any pair
    among such plans."""
    search = _Search(people, tables, rounds, deadline)
    bound = lower
    try:
        while True:
            plan = search.run(bound, rounds)
            if plan is not None:
                break
            bound += 1
    except _Timeout:
        return ExactResult(bound, None, False)
    try:
        while _max_meetings(plan) > 1:  # as few repeats: now the fewest meetings of a pair
            fewer = search.run(bound, _max_meetings(plan) - 1)
            if fewer is None:
                return ExactResult(bound, plan, True)
            plan = fewer
        return ExactResult(bound, plan, True)
    except _Timeout:
        return ExactResult(bound, plan, False)


def _max_meetings(plan: Plan) -> int:
    """Most times any pair meets in `plan`."""
    seen: dict[tuple[int, int], int] = {}
    for rnd in plan:
        for table in rnd:
            for x, a in enumerate(table):
                for b in table[x + 1:]:
                    seen[a, b] = seen.get((a, b), 0) + 1
    return max(seen.values(), default=0)
