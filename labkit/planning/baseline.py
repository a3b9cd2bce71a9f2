"""A baseline to compare the planner with: the round-by-round search of Good Enough Golfers.

Re-implemented from the published algorithm (islemaster/good-enough-golfers, geneticSolver.js):
each round starts from 5 random seatings; for up to 30 generations every candidate is mutated by
every swap of someone at its most expensive table with anyone elsewhere, plus 2 random seatings;
all candidates tied for the best cost are kept (at most 100, shuffled). A seating costs Σ over
pairs seated together of (times already met)², must-not-meet pairs costing "infinity". Rounds
are chosen one after the other and never revisited. Extensions, to compare on the same
instances: uneven tables are padded with dummies kept apart, table hosts stay in place, and
with `visit_once` sitting again at a table already visited costs "infinity" too.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

import numpy as np

from labkit.planning.seatable import Round, freeze_rounds

GENERATIONS = 30
RANDOM_MUTATIONS = 2
MAX_DESCENDANTS_TO_EXPLORE = 100
_INFINITY = 1e12


def good_enough_golfers(
    ids: Sequence[str],
    tables: int,
    rounds: int,
    *,
    hosts: Sequence[str] = (),
    must_not_meet: Collection[tuple[str, str]] = (),
    visit_once: bool = False,
    seed: int = 0,
) -> tuple[Round, ...]:
    """Seat `ids` at `tables` tables for `rounds` rounds, Good-Enough-Golfers style."""
    rng = np.random.default_rng(seed)
    n = len(ids)
    size = -(-n // tables) if tables else 0
    total = tables * size
    index = {pid: i for i, pid in enumerate(ids)}
    weights = np.zeros((total, total))
    dummies = range(n, total)
    for a in dummies:
        for b in dummies:
            if a != b:
                weights[a, b] = _INFINITY
    for x, y in must_not_meet:
        weights[index[x], index[y]] = weights[index[y], index[x]] = _INFINITY
    visited = np.zeros((total, tables))  # cost of seating a player at a table (visit-once)
    fixed = np.zeros(total, dtype=bool)
    host_idx = [index[h] for h in hosts]
    free_players = np.array([p for p in range(total) if p not in set(host_idx)], dtype=np.int64)
    free_slots = np.array([s for s in range(total) if not (hosts and s % size == 0)],
                          dtype=np.int64)
    if hosts:
        fixed[np.arange(0, total, size)] = True

    def random_seating() -> np.ndarray:
        seat = np.empty(total, dtype=np.int64)
        if hosts:
            seat[np.arange(0, total, size)] = host_idx
        seat[free_slots] = rng.permutation(free_players)
        return seat

    out: list[list[list[str]]] = []
    for _ in range(rounds):
        w2 = np.where(weights >= _INFINITY, _INFINITY, weights**2)
        options = [random_seating() for _ in range(5)]
        scores = [_score(seat, w2, size, visited) for seat in options]
        generation = 0
        while generation < GENERATIONS and scores[0] > 0:
            pool: list[tuple[float, int, int, int]] = []  # (score, option, i, j); i < 0: itself
            extra: list[tuple[float, np.ndarray]] = []
            for k, seat in enumerate(options):
                pool.append((scores[k], k, -1, -1))
                pool.extend(_swap_scores(seat, w2, size, scores[k], fixed, k, visited))
                for _ in range(RANDOM_MUTATIONS):
                    fresh = random_seating()
                    extra.append((_score(fresh, w2, size, visited), fresh))
            best = min(min(p[0] for p in pool), min(e[0] for e in extra))
            winners: list[np.ndarray] = []
            tied = [p for p in pool if p[0] <= best]
            for pick in rng.permutation(len(tied))[:MAX_DESCENDANTS_TO_EXPLORE]:
                _, k, i, j = tied[int(pick)]
                seat = options[k].copy()
                if i >= 0:
                    seat[i], seat[j] = seat[j], seat[i]
                winners.append(seat)
            winners.extend(seat for score, seat in extra if score <= best)
            order = rng.permutation(len(winners))[:MAX_DESCENDANTS_TO_EXPLORE]
            options = [winners[int(o)] for o in order]
            scores = [best] * len(options)
            generation += 1
        chosen = options[int(np.argmin(scores))]
        groups = chosen.reshape(tables, size)
        if visit_once:
            for t, table in enumerate(groups):
                for x in table:
                    if not (hosts and x in host_idx):
                        visited[x, t] = _INFINITY
        for table in groups:
            for x in table:
                for y in table:
                    if x != y and weights[x, y] < _INFINITY:
                        weights[x, y] += 1
        out.append([[ids[p] for p in table if p < n] for table in groups])
    return freeze_rounds(out)


def _score(seat: np.ndarray, w2: np.ndarray, size: int, visited: np.ndarray) -> float:
    groups = seat.reshape(-1, size)
    tables = np.arange(seat.size) // size
    return float(w2[groups[:, :, None], groups[:, None, :]].sum() / 2
                 + visited[seat, tables].sum())


def _swap_scores(seat: np.ndarray, w2: np.ndarray, size: int, total: float, fixed: np.ndarray,
                 option: int, visited: np.ndarray) -> list[tuple[float, int, int, int]]:
    """Scores of every swap between the most expensive table and any other seat."""
    groups = seat.reshape(-1, size)
    pair = w2[groups[:, :, None], groups[:, None, :]]
    table_cost = pair.sum(axis=(1, 2))
    worst = int(np.argmax(table_cost))
    slots = np.arange(seat.size)
    table_of = slots // size
    own = pair.sum(axis=2).reshape(-1)  # each seat's cost with its own tablemates
    worst_players = groups[worst]
    to_worst = w2[seat][:, worst_players].sum(axis=1)  # every seat's cost with the worst table
    out: list[tuple[float, int, int, int]] = []
    others = (table_of != worst) & ~fixed
    for pos in range(size):
        i = worst * size + pos
        if fixed[i]:
            continue
        a = seat[i]
        rows = w2[a][groups].sum(axis=1)  # a's cost with each table
        delta = (to_worst - w2[seat, a] - own[i] + rows[table_of] - w2[a, seat] - own
                 + visited[a, table_of] + visited[seat, worst]
                 - visited[a, worst] - visited[seat, table_of])
        candidates = np.nonzero(others)[0]
        values = total + delta[candidates]
        best = values.min() if candidates.size else None
        if best is None:
            continue
        for j in candidates[values <= best]:
            out.append((float(total + delta[j]), option, i, int(j)))
    return out
