"""Resolvable designs with tables of 4: every pair meets exactly once.

For a prime power q ≡ 1 (mod 4), 3q + 1 people at (3q + 1)/4 tables of 4 for q rounds
(Beth, Jungnickel & Lenz, Design Theory, VII.7.5.a): points GF(q) x Z3 and ∞; with w a
primitive element and e = w**((q-1)/4) (so e**2 = -1), the base class is {(0,0),(0,1),(0,2),∞}
and {(w**i, j), (-w**i, j), (e w**i, j+1), (-e w**i, j+1)} for i < (q-1)/4 and j in Z3,
developed over GF(q). Sizes up to 120: 28, 40, 52, 76, 88, 112.
"""

from __future__ import annotations

from functools import cache

from labkit.planning.galois import field, prime_power
from labkit.planning.kirkman import Classes, is_resolvable_design, primitive_element


@cache
def resolvable_fours(points: int) -> Classes | None:
    """The checked (3q + 1, 4, 1) resolvable design on 0..points-1, or None."""
    if points % 3 != 1 or points < 13:
        return None
    q = (points - 1) // 3
    if q % 4 != 1 or prime_power(q) is None:
        return None
    gf = field(q)
    add, mul, neg = gf.add, gf.mul, gf.neg
    g = primitive_element(q)
    power = [1]
    for _ in range(q - 2):
        power.append(mul[power[-1]][g])
    nn = (q - 1) // 4
    e = power[nn]
    inf = 3 * q

    def pt(x: int, j: int) -> int:
        return (j % 3) * q + x

    base: list[tuple[int, ...]] = [(pt(0, 0), pt(0, 1), pt(0, 2), inf)]
    for i in range(nn):
        w = power[i]
        for j in range(3):
            base.append((pt(w, j), pt(neg[w], j), pt(mul[e][w], j + 1),
                         pt(neg[mul[e][w]], j + 1)))

    def shift(p: int, s: int) -> int:
        return p if p == inf else (p // q) * q + add[p % q][s]

    rounds = tuple(tuple(tuple(shift(p, s) for p in block) for block in base) for s in range(q))
    return rounds if is_resolvable_design(points, rounds, 4) else None
