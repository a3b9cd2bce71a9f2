"""Whole-table exchanges within a planned round: they change which table (and question) a
group of people sits at, never who meets whom, so meetings, groups, balance and keep-together
stay as they are. Used after the search, on plans without hosts."""

from __future__ import annotations

from labkit.planning.deadline import Deadline
from labkit.planning.rotation_model import Problem
from labkit.planning.rotation_start import _VISIT, PlannedRounds


def relabel_questions(pb: Problem, planned: PlannedRounds, deadline: Deadline | None = None
                      ) -> PlannedRounds:
    """Tables that keep a question, no hosts: exchange whole tables within a round (meetings,
    groups and balance do not change) while that lowers the questions met again, never adding
    a table revisit. Pairwise exchanges, round after round, until none helps or `deadline`
    expires (checked every round)."""
    if pb.question_of is None or pb.hosts:
        return planned
    qof, T = pb.question_of, pb.tables
    out = [[list(t) for t in rnd] for rnd in planned]
    qcount = [[0] * max(pb.questions, 1) for _ in pb.ids]
    tcount = [[0] * T for _ in pb.ids]
    for rnd in [*pb.history, *out]:
        for t, table in enumerate(rnd):
            for i in table:
                qcount[i][qof[t]] += 1
                tcount[i][t] += 1

    def leave_for(i: int, src: int, dst: int) -> int:
        d = _VISIT * ((1 if tcount[i][dst] >= 1 else 0) - (1 if tcount[i][src] >= 2 else 0))
        if qof[src] != qof[dst]:
            qc = qcount[i]
            d += (1 if qc[qof[dst]] >= 1 else 0) - (1 if qc[qof[src]] >= 2 else 0)
        return d

    def move(i: int, src: int, dst: int) -> None:
        qcount[i][qof[src]] -= 1
        qcount[i][qof[dst]] += 1
        tcount[i][src] -= 1
        tcount[i][dst] += 1

    for _ in range(4):
        improved = False
        for rnd in out:
            if deadline is not None and deadline.expired():
                return out
            for x in range(T):
                for y in range(x + 1, T):
                    d = (sum(leave_for(i, x, y) for i in rnd[x])
                         + sum(leave_for(i, y, x) for i in rnd[y]))
                    if d >= 0:
                        continue
                    for i in rnd[x]:
                        move(i, x, y)
                    for i in rnd[y]:
                        move(i, y, x)
                    rnd[x], rnd[y] = rnd[y], rnd[x]
                    improved = True
        if not improved:
            break
    return out


def move_stayers(pb: Problem, planned: PlannedRounds, deadline: Deadline | None = None
                 ) -> PlannedRounds:
    """No hosts: exchange whole tables within a planned round (meetings, groups, balance and
    keep-together do not change) while that lowers how many people sit at one table for every
    round, fewest extra questions met again first. A question objective can prefer a few
    stayers (two returns each) to more people coming back once (35 people, 6 tables, 3
    rounds); a facilitator does not: nobody stays put when the numbers let everyone move.
    Each exchange is scored on the two tables' people only; stops when `deadline` expires."""
    rounds_total = len(pb.history) + len(planned)
    if pb.hosts or pb.visit_once or rounds_total < 2:
        return planned
    out = [[list(t) for t in rnd] for rnd in planned]
    qof = pb.question_of or list(range(pb.tables))
    route: dict[int, list[int]] = {}
    position: dict[int, dict[int, int]] = {}  # planned round -> index in the route
    for r, rnd in enumerate([*pb.history, *out]):
        for t, table in enumerate(rnd):
            for i in table:
                path = route.setdefault(i, [])
                if r >= len(pb.history):
                    position.setdefault(i, {})[r - len(pb.history)] = len(path)
                path.append(t)

    def cost(path: list[int]) -> tuple[int, int]:
        stay = int(len(path) == rounds_total and len(set(path)) == 1)
        return stay, len(path) - len({qof[t] for t in path})

    def delta(r: int, x: int, y: int) -> tuple[int, int]:
        ds = db = 0
        for src, dst in ((x, y), (y, x)):
            for i in out[r][src]:
                path = route[i]
                k = position[i][r]
                old = cost(path)
                new = cost([*path[:k], dst, *path[k + 1:]])
                ds += new[0] - old[0]
                db += new[1] - old[1]
        return ds, db

    while deadline is None or not deadline.expired():
        stayers = [i for i, path in route.items() if cost(path)[0]]
        if not stayers:
            break
        choice = None
        for r in range(len(out)):
            tables = {route[i][position[i][r]] for i in stayers if r in position[i]}
            for x in tables:
                if deadline is not None and deadline.expired():
                    break
                for y in range(pb.tables):
                    if y == x:
                        continue
                    d = delta(r, x, y)
                    if d[0] < 0 and (choice is None or d < choice[0]):
                        choice = (d, r, x, y)
        if choice is None:
            break
        _, r, x, y = choice
        for src, dst in ((x, y), (y, x)):
            for i in out[r][src]:
                route[i][position[i][r]] = dst
        out[r][x], out[r][y] = out[r][y], out[r][x]
    return out
