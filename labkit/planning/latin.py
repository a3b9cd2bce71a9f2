"""Latin squares with transversals, for the 3-round rows/columns/symbols design at m tables.

A Latin square of order m gives m**2 people at m tables of m for 3 rounds with no repeat (sit
by row, then by column, then by symbol). A transversal (one cell per row, column and symbol)
holds one person at each table of each round: table hosts, or a group spread perfectly.
The cyclic square of even order has no transversal, so for even m a square is found by a
seeded randomised backtracking search, then disjoint transversals are collected greedily.
"""

from __future__ import annotations

import random
from functools import cache

Square = tuple[tuple[int, ...], ...]


def random_latin_square(m: int, rng: random.Random) -> Square:
    """A Latin square of order m, row by row (each row a random permutation that clashes with
    no column), by backtracking."""
    rows: list[list[int]] = []
    used: list[set[int]] = [set() for _ in range(m)]

    def fill_row(perm: list[int], taken: set[int]) -> bool:
        c = len(perm)
        if c == m:
            return True
        options = [s for s in range(m) if s not in taken and s not in used[c]]
        rng.shuffle(options)
        for s in options:
            perm.append(s)
            taken.add(s)
            if fill_row(perm, taken):
                return True
            perm.pop()
            taken.discard(s)
        return False

    while len(rows) < m:
        perm: list[int] = []
        if not fill_row(perm, set()):  # a dead end: start again (rare for small m)
            rows, used = [], [set() for _ in range(m)]
            continue
        rows.append(perm)
        for c, s in enumerate(perm):
            used[c].add(s)
    return tuple(tuple(r) for r in rows)


def transversal(square: Square, banned: set[tuple[int, int]], budget: int = 50_000
                ) -> list[tuple[int, int]] | None:
    """Cells (row, column), one per row, column and symbol, avoiding `banned`; None if the
    bounded search finds none."""
    m = len(square)
    chosen: list[tuple[int, int]] = []
    steps = 0

    def extend(r: int, cols: set[int], syms: set[int]) -> bool:
        nonlocal steps
        if r == m:
            return True
        for c in range(m):
            steps += 1
            if steps > budget:
                return False
            s = square[r][c]
            if c in cols or s in syms or (r, c) in banned:
                continue
            chosen.append((r, c))
            cols.add(c)
            syms.add(s)
            if extend(r + 1, cols, syms):
                return True
            chosen.pop()
            cols.discard(c)
            syms.discard(s)
        return False

    return list(chosen) if extend(0, set(), set()) else None


@cache
def latin_with_transversals(m: int) -> tuple[Square, tuple[tuple[tuple[int, int], ...], ...]]:
    """A Latin square of order m and disjoint transversals of it (at least one for m != 2)."""
    if m % 2:
        square = tuple(tuple((r + c) % m for c in range(m)) for r in range(m))
    else:
        square = random_latin_square(m, random.Random(m))
    found: list[tuple[tuple[int, int], ...]] = []
    banned: set[tuple[int, int]] = set()
    for attempt in range(40):
        if len(found) >= m:
            break
        if not found and attempt and m % 2 == 0:  # no transversal at all: try another square
            square = random_latin_square(m, random.Random(m * 1000 + attempt))
        cells = transversal(square, banned)
        if cells is None:
            if found:
                break
            continue
        found.append(tuple(cells))
        banned.update(cells)
    return square, tuple(found)
