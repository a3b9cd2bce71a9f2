"""Zero-repeat seating designs from finite geometry, and two classic solutions as data.

A `Design` seats `points` abstract people (0..points-1) at equal tables for some rounds so that
no two points ever share a table twice. The planner maps participants onto points; `rows` are
point sets holding exactly one point at every table of every round (so table hosts or missing
"dummy" points can be taken from them while keeping tables balanced).

- transversal designs: points (x, y), x in a set of `size` field elements, y in GF(m) (or Z_m);
  round r seats table t = {(x, t + r*x)}: up to m zero-repeat rounds (the affine plane when
  size == m, with one more round), hosts being the row x = 0;
- affine geometry AG(n, q): the lines of each direction, (q**n - 1)/(q - 1) rounds of q-tables;
- Kirkman triple systems (tables of 3, `labkit.planning.kirkman`), Kirkman's fifteen
  schoolgirls (7 rounds of 5 tables of 3, from a packing of PG(3, 2)) among them;
- resolvable (3q + 1, 4, 1) designs, tables of 4 (`labkit.planning.resolvable4`);
- zero-repeat plans for social-golfer sizes (`labkit.planning.golfers`): 30 at 6 tables of 5
  for 6 rounds and 24 at 6 tables of 4 for 7 rounds (cyclic offsets on rows of people), and
  a stored 6-round plan for 24 at 6x4;
- for any number m of tables of m, the rows, columns and symbols of a Latin square (3 rounds;
  `labkit.planning.latin`, with transversals for hosts and groups);
- products of fields (MacNeish) are not needed: Z_m gives at least as many rounds for every
  table count up to 120 (checked by the tests);
- 32 people at 8 tables of 4 for 10 rounds over Z_2^3 x 4 rows: 6 transversal rounds, one round
  of cosets inside the rows, three rounds pairing rows (found by an exhaustive structured search,
  kept here as parameters and checked by the tests).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from labkit.planning.galois import field, prime_power
from labkit.planning.golfers import golfer_solution, golfers_24_7, golfers_30_6
from labkit.planning.kirkman import kirkman_system
from labkit.planning.latin import latin_with_transversals
from labkit.planning.resolvable4 import resolvable_fours

PointRound = tuple[tuple[int, ...], ...]


@dataclass(frozen=True, slots=True)
class Design:
    """A zero-repeat seating of `points` points over rounds of equal tables."""

    name: str
    points: int
    rounds: tuple[PointRound, ...]
    rows: tuple[tuple[int, ...], ...] = ()
    """Point sets with exactly one point at each table of each round (empty if none known)."""

    @property
    def tables(self) -> int:
        """Tables per round."""
        return len(self.rounds[0]) if self.rounds else 0


def transversal_design(tables: int, size: int, rounds: int) -> Design | None:
    """`tables` tables of `size` for `rounds` zero-repeat rounds, or None if not constructible.

    Uses GF(tables) when `tables` is a prime power (up to `tables` rounds, plus one when
    size == tables, the affine plane), else Z_tables when every 0 < d < size and 0 < e < rounds
    have d*e not divisible by `tables`.
    """
    m, s = tables, size
    if s < 1 or m < 1 or rounds < 0 or s > m:
        return None
    if prime_power(m) is not None and rounds <= m + (1 if s == m else 0):
        gf = field(m)
        add, mul = gf.add, gf.mul
        out: list[PointRound] = []
        for r in range(min(rounds, m)):
            out.append(tuple(tuple(x * m + add[t][mul[r][x]] for x in range(s)) for t in range(m)))
        if rounds == m + 1:  # the affine plane's last parallel class: the rows themselves
            out.append(tuple(tuple(x * m + y for y in range(m)) for x in range(s)))
        rows = tuple(tuple(x * m + y for y in range(m)) for x in range(s)) if rounds <= m else ()
        return Design(f"affine plane GF({m})" if s == m else f"transversal GF({m})", m * s,
                      tuple(out), rows)
    rows = tuple(tuple(x * m + y for y in range(m)) for x in range(s))
    if rounds <= m and all((d * e) % m for d in range(1, s) for e in range(1, rounds)):
        out = [
            tuple(tuple(x * m + (t + r * x) % m for x in range(s)) for t in range(m))
            for r in range(rounds)
        ]
        return Design(f"transversal Z{m}", m * s, tuple(out), rows)
    if s == m and rounds == 3:
        return latin_design(m)
    return None


def latin_design(m: int) -> Design:
    """Rows, columns and symbols of a Latin square of order m (3 rounds, any m); its
    transversals are the design's rows (one point at each table of each round)."""
    square, transversals = latin_with_transversals(m)
    by_row = tuple(tuple(x * m + y for y in range(m)) for x in range(m))
    by_col = tuple(tuple(x * m + y for x in range(m)) for y in range(m))
    by_symbol = tuple(tuple(x * m + y for x in range(m) for y in range(m) if square[x][y] == k)
                      for k in range(m))
    rows = tuple(tuple(x * m + y for x, y in cells) for cells in transversals)
    return Design(f"Latin square rows/columns/symbols ({m})", m * m,
                  (by_row, by_col, by_symbol), rows)


def max_transversal_rounds(tables: int, size: int) -> int:
    """How many rounds `transversal_design(tables, size, ...)` can build."""
    m, s = tables, size
    if s > m or s < 1:
        return 0
    if prime_power(m) is not None:
        return m + (1 if s == m else 0)
    best = 1
    for e in range(1, m + 1):
        if any((d * e) % m == 0 for d in range(1, s)):
            break
        best = e + 1
    best = min(best, m)
    return 3 if s == m and best == 2 else best


def affine_geometry(q: int, n: int, rounds: int) -> Design | None:
    """The lines of AG(n, q): q**n points, tables of q, up to (q**n - 1)/(q - 1) rounds.

    Directions with a non-zero first coordinate come first: while rounds <= q**(n-1) the
    hyperplanes {v : v[0] = c} are rows.
    """
    if prime_power(q) is None or n < 2 or rounds > (q**n - 1) // (q - 1):
        return None
    gf = field(q)
    add, mul, neg = gf.add, gf.mul, gf.neg
    vectors = [[(v // q**i) % q for i in range(n)] for v in range(q**n)]

    def number(vec: list[int]) -> int:
        return sum(c * q**i for i, c in enumerate(vec))

    directions: list[list[int]] = []
    for pivot in range(n):
        for v in range(q ** (n - pivot - 1)):
            tail = [(v // q**i) % q for i in range(n - pivot - 1)]
            directions.append([0] * pivot + [1] + tail)
    out: list[PointRound] = []
    for d in directions[:rounds]:
        pivot = next(i for i, c in enumerate(d) if c)
        lines: dict[int, list[int]] = {}
        for point, vec in enumerate(vectors):
            lam = vec[pivot]
            rep = [add[c][neg[mul[lam][dc]]] for c, dc in zip(vec, d, strict=True)]
            lines.setdefault(number(rep), []).append(point)
        out.append(tuple(tuple(line) for _, line in sorted(lines.items())))
    rows: tuple[tuple[int, ...], ...] = ()
    if rounds <= q ** (n - 1):
        rows = tuple(tuple(p for p, vec in enumerate(vectors) if vec[0] == c) for c in range(q))
    return Design(f"affine geometry AG({n},{q})", q**n, tuple(out), rows)


_KIRKMAN_15 = (
    ((0, 1, 2), (3, 7, 11), (4, 9, 14), (5, 10, 12), (6, 8, 13)),
    ((0, 3, 4), (1, 11, 13), (2, 7, 10), (5, 8, 14), (6, 9, 12)),
    ((0, 5, 6), (1, 8, 10), (2, 11, 14), (3, 9, 13), (4, 7, 12)),
    ((0, 7, 8), (1, 12, 14), (2, 3, 6), (4, 10, 13), (5, 9, 11)),
    ((0, 9, 10), (1, 3, 5), (2, 12, 13), (4, 8, 11), (6, 7, 14)),
    ((0, 11, 12), (1, 4, 6), (2, 8, 9), (3, 10, 14), (5, 7, 13)),
    ((0, 13, 14), (1, 7, 9), (2, 4, 5), (3, 8, 12), (6, 10, 11)),
)


def kirkman_15(rounds: int = 7) -> Design | None:
    """Kirkman's schoolgirls: 15 people, 5 tables of 3, up to 7 rounds, every pair meets once."""
    if rounds > 7:
        return None
    return Design("Kirkman triple system KTS(15)", 15, _KIRKMAN_15[:rounds])


# 32 people = Z_2^3 x rows 0..3, point (x, i) -> 8*i + x; differences are XORs.
_T32 = ((0, 0, 0, 0), (0, 1, 2, 3), (0, 2, 3, 4), (0, 3, 4, 6), (0, 4, 1, 5), (0, 5, 7, 1))
_COSETS32 = ({0, 2, 4, 6}, {0, 3, 5, 6}, {0, 1, 4, 5}, {0, 1, 2, 3})
_PAIRED32 = {(0, 1): (6, 7), (0, 2): (5, 6), (0, 3): (2, 7), (1, 2): (4, 6), (1, 3): (3, 7),
             (2, 3): (3, 5)}


def golfers_32(rounds: int = 10) -> Design | None:
    """32 people at 8 tables of 4 for up to 10 rounds with no pair meeting twice.

    The six transversal rounds come first, so rows (the four Z_2^3 copies) hold while
    rounds <= 6.
    """
    if rounds > 10:
        return None
    out: list[PointRound] = [
        tuple(tuple(8 * i + (x ^ a[i]) for i in range(4)) for x in range(8)) for a in _T32
    ]
    out.append(tuple(
        tuple(8 * i + x for x in range(8) if (x in _COSETS32[i]) == inside)
        for i in range(4) for inside in (True, False)
    ))
    for halves in (((0, 1), (2, 3)), ((0, 2), (1, 3)), ((0, 3), (1, 2))):
        tables: list[tuple[int, ...]] = []
        for i, j in halves:
            d, e = _PAIRED32[(i, j)]
            u, seen = d ^ e, set()
            for x in range(8):
                if x not in seen:
                    seen |= {x, x ^ u}
                    tables.append((8 * i + x, 8 * i + (x ^ u), 8 * j + (x ^ d), 8 * j + (x ^ e)))
        out.append(tuple(tables))
    rows = tuple(tuple(8 * i + x for x in range(8)) for i in range(4)) if rounds <= 6 else ()
    return Design("32 at 8 tables of 4 (Z2^3 x 4 rows)", 32, tuple(out[:rounds]), rows)


def candidate_designs(tables: int, size: int, rounds: int) -> Iterator[Design]:
    """The known zero-repeat designs with `tables` tables of `size`, each limited to `rounds`
    rounds; a design may have fewer rounds (a partial design: the planner searches the rest).

    Built lazily, one at a time (the planner stops asking once its deadline has expired).
    """
    if rounds < 1 or tables < 1 or size < 1:
        return
    for build in (_transversal, _affine, _kirkman, _golfers_32, _fours, _structured,
                  _stored):
        design = build(tables, size, rounds)
        if design is not None and design.rounds:
            yield design


def _transversal(tables: int, size: int, rounds: int) -> Design | None:
    return transversal_design(tables, size, min(rounds, max_transversal_rounds(tables, size)))


def _affine(tables: int, size: int, rounds: int) -> Design | None:
    points, q = tables * size, size
    if q > 1 and prime_power(q) is not None:
        n, power = 1, q
        while power < points:
            power *= q
            n += 1
        if power == points and n >= 3:
            return affine_geometry(q, n, min(rounds, (q**n - 1) // (q - 1)))
    return None


def _kirkman(tables: int, size: int, rounds: int) -> Design | None:
    points = tables * size
    if size == 3 and points % 6 == 3 and points > 9:
        classes = kirkman_system(points)
        if classes is not None:
            return Design(f"Kirkman triple system KTS({points})", points, classes[:rounds])
    return None


def _golfers_32(tables: int, size: int, rounds: int) -> Design | None:
    return golfers_32(min(rounds, 10)) if (tables, size) == (8, 4) else None


def _fours(tables: int, size: int, rounds: int) -> Design | None:
    points = tables * size
    fours = resolvable_fours(points) if size == 4 else None
    if fours is None:
        return None
    return Design(f"resolvable ({points},4,1) design", points, fours[:rounds])


def _structured(tables: int, size: int, rounds: int) -> Design | None:
    build = {(6, 5): golfers_30_6, (6, 4): golfers_24_7}.get((tables, size))
    if rounds <= (6 if size == 4 else 3):
        # no point set meets every table once here, so groups spread badly; the stored
        # 6-round plan (6x4) or the search (6x5 over 3 rounds) reach 0 repeats with groups
        return None
    found = build() if build is not None else None
    if found is None:
        return None
    return Design(f"social golfer plan {tables}-{size}-{len(found)}", tables * size,
                  found[:rounds])


def _stored(tables: int, size: int, rounds: int) -> Design | None:
    stored = golfer_solution(tables, size)
    if stored is None:
        return None
    return Design(f"social golfer plan {tables * size} at {tables}x{size}", tables * size,
                  stored[:rounds])


def independent_points(design: Design, count: int, exclude: frozenset[int] = frozenset(),
                       budget: int = 20000) -> list[int] | None:
    """`count` points that never share a table in `design` (and are not in `exclude`).

    Rows are tried first; otherwise a bounded backtracking search. None when none is found.
    """
    if count <= 0:
        return []
    for row in design.rows:
        free = [p for p in row if p not in exclude]
        if len(free) >= count:
            return free[:count]
    if count == 1:
        return next(([p] for p in range(design.points) if p not in exclude), None)
    met: list[set[int]] = [set() for _ in range(design.points)]
    for rnd in design.rounds:
        for table in rnd:
            for p in table:
                met[p].update(table)
    candidates = [p for p in range(design.points) if p not in exclude]
    chosen: list[int] = []
    steps = 0

    def extend(start: int) -> bool:
        nonlocal steps
        if len(chosen) == count:
            return True
        for idx in range(start, len(candidates)):
            steps += 1
            if steps > budget:
                return False
            p = candidates[idx]
            if all(p not in met[c] for c in chosen):
                chosen.append(p)
                if extend(idx + 1):
                    return True
                chosen.pop()
        return False

    return list(chosen) if extend(0) else None


def zero_repeat_capacity(tables: int, size: int) -> int:
    """An upper bound on zero-repeat rounds: each person meets size-1 new people a round."""
    people = tables * size
    return (people - 1) // (size - 1) if size > 1 else 10**9


__all__ = [
    "Design",
    "affine_geometry",
    "candidate_designs",
    "golfers_32",
    "independent_points",
    "kirkman_15",
    "max_transversal_rounds",
    "transversal_design",
    "zero_repeat_capacity",
]
