"""Spreading stakeholder groups over a design's tables: which group sits on which point.

The people of a group are interchangeable for the repeats (any bijection of people to points
keeps a zero-repeat design zero-repeat), so groups can be balanced before anyone is seated:
a local search swaps the groups of two points, accepting swaps that do not worsen the spread
deviation (Σ over rounds, tables and groups of the distance outside [floor(c/T), ceil(c/T)]).
"""

from __future__ import annotations

import random
from collections.abc import Sequence


def balance_groups(rounds: Sequence[Sequence[Sequence[int]]], colour: dict[int, int],
                   fixed: frozenset[int], rng: random.Random, budget: int = 20_000) -> int:
    """Recolour the points of `colour` (point -> group, -1 for none) in place to spread the
    groups over the tables of `rounds`; points in `fixed` keep theirs. Returns the deviation."""
    if not rounds or not colour:
        return 0
    tables = len(rounds[0])
    groups = max(colour.values()) + 1
    if groups <= 0:
        return 0
    table_of = [{p: t for t, table in enumerate(rnd) for p in table} for rnd in rounds]
    total = [0] * groups
    for g in colour.values():
        if g >= 0:
            total[g] += 1
    lo = [c // tables for c in total]
    hi = [-(-c // tables) for c in total]
    count = [[[0] * groups for _ in range(tables)] for _ in rounds]
    for r, where in enumerate(table_of):
        for p, g in colour.items():
            if g >= 0 and p in where:
                count[r][where[p]][g] += 1

    def dev(g: int, c: int) -> int:
        return lo[g] - c if c < lo[g] else (c - hi[g] if c > hi[g] else 0)

    current = sum(dev(g, c) for rnd in count for row in rnd for g, c in enumerate(row))
    movable = [p for p in colour if p not in fixed]
    if len(movable) < 2:
        return current
    for _ in range(budget):
        if current == 0:
            break
        p, q = rng.sample(movable, 2)
        gp, gq = colour[p], colour[q]
        if gp == gq:
            continue
        delta = 0
        for r, where in enumerate(table_of):
            tp, tq = where.get(p), where.get(q)
            if tp is None or tq is None or tp == tq:
                continue
            row_p, row_q = count[r][tp], count[r][tq]
            for g, row, d in ((gp, row_p, -1), (gq, row_p, 1), (gq, row_q, -1), (gp, row_q, 1)):
                if g >= 0:
                    delta += dev(g, row[g] + d) - dev(g, row[g])
                    row[g] += d
        if delta <= 0:
            colour[p], colour[q] = gq, gp
            current += delta
        else:  # undo the counts
            for r, where in enumerate(table_of):
                tp, tq = where.get(p), where.get(q)
                if tp is None or tq is None or tp == tq:
                    continue
                row_p, row_q = count[r][tp], count[r][tq]
                for g, row, d in ((gp, row_p, 1), (gq, row_p, -1), (gq, row_q, 1),
                                  (gp, row_q, -1)):
                    if g >= 0:
                        row[g] += d
    return current
