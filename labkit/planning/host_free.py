"""Host cafés from host-free designs: the visitors follow a design with tables one seat
smaller, then each round's visitor groups are given to the host tables.

The hosts stay put, so a host design only has to seat the visitors: any zero-repeat design of
`tables` tables of `size - 1` (Kirkman systems, transversal designs, stored social-golfer
plans, ...) leaves the visitors meeting each other at most once. What is left is which host
each group of visitors sits with: per round an assignment problem (groups x tables, the cost
being the host meetings repeated, or the tables visited again under visit-once), solved
exactly by the Hungarian method round after round, then improved by re-solving each round
against all the others until no round improves. The repeat bound is reached whenever the
host-free design exists and the assignments spread the hosts evenly.
"""

from __future__ import annotations

import math
import random

from labkit.planning.constructions import Design, independent_points
from labkit.planning.deadline import Deadline
from labkit.planning.rotation_model import Problem
from labkit.planning.rotation_start import _assign_by_rows, _spread_groups, greedy_start

PlannedRounds = list[list[list[int]]]

_REVISIT, _REPEAT = 10**6, 1_000
"""Costs of a visitor back at a table under visit-once, of a host met again (+ count²)."""
HEAT = 1.0


def assignment(cost: list[list[int]]) -> list[int]:
    """A minimum-cost perfect matching of a square matrix: `out[row]` is the row's column
    (the Hungarian method with potentials, O(n³))."""
    n = len(cost)
    inf = float("inf")
    u, v = [0.0] * (n + 1), [0.0] * (n + 1)
    match, way = [0] * (n + 1), [0] * (n + 1)  # match[col] = row (1-based, 0 = none)
    for row in range(1, n + 1):
        match[0], col0 = row, 0
        low, used = [inf] * (n + 1), [False] * (n + 1)
        while True:
            used[col0] = True
            r, delta, col1 = match[col0], inf, 0
            for c in range(1, n + 1):
                if not used[c]:
                    here = cost[r - 1][c - 1] - u[r] - v[c]
                    if here < low[c]:
                        low[c], way[c] = here, col0
                    if low[c] < delta:
                        delta, col1 = low[c], c
            for c in range(n + 1):
                if used[c]:
                    u[match[c]] += delta
                    v[c] -= delta
                else:
                    low[c] -= delta
            col0 = col1
            if match[col0] == 0:
                break
        while col0:
            col1 = way[col0]
            match[col0] = match[col1]
            col0 = col1
    out = [0] * n
    for c in range(1, n + 1):
        out[match[c] - 1] = c - 1
    return out


def _history_counts(pb: Problem, visitors: set[int]) -> dict[int, list[int]]:
    """Per visitor, the times seated at each table in the rounds already played."""
    counts = {i: [0] * pb.tables for i in visitors}
    for rnd in pb.history:
        for t, table in enumerate(rnd):
            for i in table:
                if i in counts:
                    counts[i][t] += 1
    return counts


def _counts_cost(counts: dict[int, list[int]], visit_once: bool) -> int:
    """Cost of the visits `counts` holds (per visitor, per table)."""
    return sum(_total(c, visit_once) for row in counts.values() for c in row)


def _cost(rounds: list[list[list[int]]], place: list[list[int]], pb: Problem) -> int:
    """Cost of a whole assignment (`place[r][g]`: the table of group g in round r)."""
    counts = _history_counts(pb, {i for rnd in rounds for g in rnd for i in g})
    for rnd, where in zip(rounds, place, strict=True):
        for group, t in zip(rnd, where, strict=True):
            for i in group:
                counts[i][t] += 1
    return _counts_cost(counts, pb.visit_once)


def _seat_cost(count: int, visit_once: bool) -> int:
    """Cost of one more visit of a visitor to a table already visited `count` times."""
    if count == 0:
        return 0
    return (_REVISIT if visit_once else 0) + _REPEAT + count * count


def _round_cost(groups: list[list[int]], counts: dict[int, list[int]], tables: int,
                visit_once: bool) -> list[list[int]]:
    return [[sum(_seat_cost(counts[i][t], visit_once) for i in group) for t in range(tables)]
            for group in groups]


def assign_hosts(pb: Problem, rounds: list[list[list[int]]], deadline: Deadline | None = None,
                 passes: int = 6) -> PlannedRounds:
    """Give each round's visitor groups (`rounds[r]`: `pb.tables` groups, hosts left out) to
    the host tables: `out[r][t]` is the host of table t and the group seated with them.

    Minimises the host meetings repeated (tables visited again, first, under visit-once),
    counting the rounds already played; rounds are re-solved against the others while one
    improves (at most `passes` sweeps, fewer once `deadline` has expired).
    """
    T = pb.tables
    counts = _history_counts(pb, {i for rnd in rounds for g in rnd for i in g})
    place: list[list[int]] = []

    def add(r: int, sign: int) -> None:
        for g, t in enumerate(place[r]):
            for i in rounds[r][g]:
                counts[i][t] += sign

    def add_all(sign: int) -> None:
        for r in range(len(rounds)):
            add(r, sign)

    for r, rnd in enumerate(rounds):
        place.append(assignment(_round_cost(rnd, counts, T, pb.visit_once)))
        add(r, 1)
    for _ in range(passes):
        improved = False
        for r, rnd in enumerate(rounds):
            if deadline is not None and deadline.expired():
                break
            add(r, -1)
            cost = _round_cost(rnd, counts, T, pb.visit_once)
            new = assignment(cost)
            if sum(cost[g][t] for g, t in enumerate(new)) < sum(
                    cost[g][t] for g, t in enumerate(place[r])):
                place[r], improved = new, True
            add(r, 1)
        if not improved:
            break
    identity = [list(range(T)) for _ in rounds]  # the design's own table order, if better
    if _cost(rounds, identity, pb) < _cost(rounds, place, pb):
        add_all(-1)
        place[:] = identity
        add_all(1)
    _swap_search(rounds, place, counts, pb.visit_once, deadline, random.Random(len(rounds)))
    out: PlannedRounds = []
    for r, rnd in enumerate(rounds):
        tables: list[list[int]] = [[h] for h in pb.hosts]
        for g, t in enumerate(place[r]):
            tables[t].extend(rnd[g])
        out.append(tables)
    return out


def _total(count: int, visit_once: bool) -> int:
    """Cost of a visitor seated `count` times at one table (sum of `_seat_cost` up to it)."""
    return sum(_seat_cost(c, visit_once) for c in range(count))


def _even_cost(visits: int, tables: int, visit_once: bool) -> int:
    """The least cost of `visits` visits over `tables` tables (spread evenly)."""
    each, extra = divmod(visits, tables)
    return extra * _total(each + 1, visit_once) + (tables - extra) * _total(each, visit_once)


def _swap_search(rounds: list[list[list[int]]], place: list[list[int]],
                 counts: dict[int, list[int]], visit_once: bool, deadline: Deadline | None,
                 rng: random.Random, steps: int = 20_000) -> None:
    """Improve the assignments in place by swapping two groups' tables within a round
    (simulated annealing: a worse move is accepted with probability exp(-delta / heat), the
    heat falling to nothing), keeping the best seen."""
    T = len(place[0]) if place else 0
    if T < 2:
        return

    def shift(group: list[int], old: int, new: int) -> int:
        delta = 0
        for i in group:
            row = counts[i]
            delta += _seat_cost(row[new], visit_once) - _seat_cost(row[old] - 1, visit_once)
            row[old] -= 1
            row[new] += 1
        return delta

    current = best = _counts_cost(counts, visit_once)
    floor = sum(_even_cost(sum(row), T, visit_once) for row in counts.values())
    kept = [list(p) for p in place]
    group_of = [{i: g for g, group in enumerate(rnd) for i in group} for rnd in rounds]
    people = sorted(counts)
    unit = _REVISIT if visit_once else _REPEAT
    for step in range(steps):
        if best <= floor or (step % 512 == 0 and deadline is not None and deadline.expired()):
            break
        r = rng.randrange(len(rounds))
        a, b = rng.sample(range(T), 2)
        if step % 2:  # aimed: someone seated twice at one table moves to a table never seen
            i = rng.choice(people)
            row = counts[i]
            over = [t for t in range(T) if row[t] > 1]
            never = [t for t in range(T) if row[t] == 0]
            if over and never:
                t, u = rng.choice(over), rng.choice(never)
                r = rng.choice([q for q in range(len(rounds))
                                if i in group_of[q] and place[q][group_of[q][i]] == t])
                a, b = group_of[r][i], place[r].index(u)
        ta, tb = place[r][a], place[r][b]
        delta = shift(rounds[r][a], ta, tb) + shift(rounds[r][b], tb, ta)
        heat = HEAT * unit * (1 - step / steps) + 1
        if delta <= 0 or rng.random() < math.exp(-delta / heat):
            place[r][a], place[r][b] = tb, ta
            current += delta
            if current < best:
                best, kept = current, [list(p) for p in place]
        else:  # undo
            shift(rounds[r][b], ta, tb)
            shift(rounds[r][a], tb, ta)
    for r, p in enumerate(kept):
        place[r][:] = p


def host_free_start(pb: Problem, design: Design, rng: random.Random,
                    deadline: Deadline | None = None) -> PlannedRounds | None:
    """Seat the visitors on `design` (tables one seat smaller than the café's), the hosts
    at their tables, each round's groups given to the hosts by `assign_hosts`.

    None when the design does not fit (another table count, too few points, keep-together
    units). A partial design keeps its rounds and the greedy start seats the rest.
    """
    if (not pb.hosts or pb.frozen or any(len(u) > 1 for u in pb.units)
            or design.tables != pb.tables or not design.rounds):
        return None
    people = [i for i in pb.present if i not in pb.host_table]
    spare = design.points - len(people)
    if spare < 0:
        return None
    dummies = independent_points(design, spare)
    if dummies is None:
        return None
    taken = set(dummies)
    rows = [list(row) for row in design.rows]
    in_rows = {p for row in rows for p in row}
    rows.append([p for p in range(design.points) if p not in in_rows])
    rows = [[p for p in row if p not in taken] for row in rows]
    point_person = dict(_assign_by_rows(pb, people, [row for row in rows if row], rng))
    if pb.group_count:
        point_person = _spread_groups(pb, design, point_person, set(), rng)
    groups = [[[point_person[p] for p in table if p in point_person] for table in rnd]
              for rnd in design.rounds[: pb.planned]]
    # the assignment's annealing takes at most a third of what is left
    out = assign_hosts(pb, groups, deadline.part(1 / 3) if deadline is not None else None)
    if len(out) < pb.planned:
        out = greedy_start(pb, rng, out, deadline)
    return out


__all__ = ["assign_hosts", "assignment", "host_free_start"]
