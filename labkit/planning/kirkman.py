"""Kirkman triple systems KTS(v) for every v ≡ 3 (mod 6) up to 120 (tables of 3).

A KTS(v) seats v people at v/3 tables of 3 for (v - 1)/2 rounds, every pair meeting exactly
once (Ray-Chaudhuri & Wilson, 1971). Built here from:

- the affine geometry AG(n, 3) for v = 3**n (in `constructions.affine_geometry`);
- Kirkman's fifteen schoolgirls (data in `constructions`);
- v = 3q, q ≡ 1 (mod 6) a prime power: the cyclic construction over GF(q) x {0, 1, 2}
  (base class of a primitive element's cosets, developed over GF(q));
- v = 2q + 1, q ≡ 1 (mod 6) a prime power (15, 27, 39, 51, 63, 75, 87, 99): Ray-Chaudhuri &
  Wilson's base class over GF(q) x {1, 2} ∪ {∞};
- v = 69: doubling a pairwise balanced design PBD(34, {4, 7}) (Brouwer) and pasting KTS(9)
  and KTS(15) on its blocks (Beth, Jungnickel & Lenz, Lemma IX.6.4);
- other v (33): a 1-rotational search over Z_(v-1) ∪ {∞} (a class fixed by adding (v-1)/2,
  developed over half the group), exhaustive within a small step budget;
- the product KTS(v) x KTS(3m) -> KTS(vm) (m odd): one class of KTS(v) carries a KTS(3m) on
  every block x Z_m, the others the m classes {(a, x), (b, x + s), (c, x + 2s)}.

Every design returned is checked (each round a partition, no pair twice) before it is used.
"""

from __future__ import annotations

from functools import cache
from itertools import combinations

from labkit.planning.galois import field, prime_power

Classes = tuple[tuple[tuple[int, ...], ...], ...]


def is_resolvable_design(points: int, rounds: Classes, size: int) -> bool:
    """Whether every round partitions 0..points-1 into tables of `size`, no pair twice."""
    seen: set[tuple[int, int]] = set()
    for rnd in rounds:
        if sorted(p for table in rnd for p in table) != list(range(points)):
            return False
        for table in rnd:
            if len(table) != size:
                return False
            for pair in combinations(sorted(table), 2):
                if pair in seen:
                    return False
                seen.add(pair)
    return True


def primitive_element(q: int) -> int:
    """A generator of the multiplicative group of GF(q)."""
    gf = field(q)
    for g in range(2, q) if q > 2 else range(1, 2):
        value, seen = 1, set()
        for _ in range(q - 1):
            seen.add(value)
            value = gf.mul[value][g]
        if len(seen) == q - 1:
            return g
    return 1


def kts_3q(q: int) -> Classes | None:
    """KTS(3q) for a prime power q ≡ 1 (mod 6); point (x, j) is j*q + x."""
    if q % 6 != 1 or prime_power(q) is None:
        return None
    t = (q - 1) // 6
    gf = field(q)
    g = primitive_element(q)
    power = [1]
    for _ in range(q - 2):
        power.append(gf.mul[power[-1]][g])

    def pw(i: int) -> int:
        return power[i % (q - 1)]

    def pt(x: int, j: int) -> int:
        return j * q + x

    base: list[tuple[int, ...]] = [(pt(0, 0), pt(0, 1), pt(0, 2))]
    for i in range(t):
        for j in range(3):
            base.append((pt(pw(i), j), pt(pw(i + 2 * t), j), pt(pw(i + 4 * t), j)))
    others: list[tuple[int, int, int]] = []
    for i in range(6 * t):
        block = (pw(i), pw(i + 2 * t), pw(i + 4 * t))
        if (i // t) in (1, 3, 5):
            base.append((pt(block[0], 0), pt(block[1], 1), pt(block[2], 2)))
        else:
            others.append(block)
    add = gf.add

    def shift(block: tuple[int, ...], s: int) -> tuple[int, ...]:
        return tuple(pt(add[p % q][s], p // q) for p in block)

    out: list[tuple[tuple[int, ...], ...]] = [
        tuple(shift(b, s) for b in base) for s in range(q)]
    for x, y, z in others:
        out.append(tuple((pt(add[x][s], 0), pt(add[y][s], 1), pt(add[z][s], 2))
                         for s in range(q)))
    return tuple(out)


def kts_2q_plus_1(q: int) -> Classes | None:
    """KTS(2q + 1) for a prime power q ≡ 1 (mod 6) (Ray-Chaudhuri & Wilson 1971, Theorem 6;
    Construction 1.1 of Stinson's 1991 survey): points GF(q) x {1, 2} and ∞, one base class
    developed over GF(q). Point (x, 1) is x, (x, 2) is q + x, ∞ is 2q."""
    if q % 6 != 1 or prime_power(q) is None:
        return None
    t = (q - 1) // 6
    gf = field(q)
    add, mul = gf.add, gf.mul
    g = primitive_element(q)
    power = [1]
    for _ in range(q - 2):
        power.append(mul[power[-1]][g])
    log = {value: i for i, value in enumerate(power)}
    two = add[1][1]
    half = next(x for x in range(1, q) if mul[x][two] == 1)
    m = log[mul[add[power[t]][1]][half]]  # g**m == (g**t + 1) / 2

    def pw(i: int) -> int:
        return power[i % (q - 1)]

    inf = 2 * q
    base: list[tuple[int, ...]] = [(0, q, inf)]
    for i in [*range(t), *range(2 * t, 3 * t), *range(4 * t, 5 * t)]:
        base.append((pw(i), pw(t + i), q + pw(m + i)))
    for i in range(t):
        base.append((q + pw(m + t + i), q + pw(m + 3 * t + i), q + pw(m + 5 * t + i)))

    def shift(p: int, s: int) -> int:
        return p if p == inf else (p // q) * q + add[p % q][s]

    return tuple(tuple(tuple(shift(p, s) for p in block) for block in base) for s in range(q))


def pbd_34() -> list[tuple[int, ...]]:
    """A pairwise balanced design on 34 points with blocks of 4 and 7 (Brouwer; Beth,
    Jungnickel & Lenz, Design Theory, vol. 1, p. 527): Z9 x Z3 (point (x, y) is 9y + x) plus
    seven points 27..33."""
    def pt(x: int, y: int) -> int:
        return (y % 3) * 9 + x % 9

    blocks: list[tuple[int, ...]] = []
    for i in range(9):
        for j in range(3):
            blocks.append(tuple(pt(x + i, y + j) for x, y in ((0, 0), (1, 1), (2, 0), (4, 1))))
            blocks.append((*(pt(x + i, y + i + j) for x, y in ((0, 0), (1, 0), (4, 2))), 27 + j))
            blocks.append((*(pt(x + i + j, y + 2 * i + j) for x, y in ((0, 0), (2, 2), (5, 0))),
                           30 + j))
        blocks.append((*(pt(x + i, y + i) for x, y in ((0, 0), (0, 1), (0, 2))), 33))
    blocks.append(tuple(range(27, 34)))
    return blocks


def _paired(k: int) -> Classes | None:
    """KTS(2k + 1) relabelled so that class c holds the block {2c, 2c + 1, ∞ = 2k}."""
    classes = kirkman_system(2 * k + 1)
    if classes is None:
        return None
    inf = 2 * k
    label = {inf: inf}
    for c, rnd in enumerate(classes):
        block = next(b for b in rnd if inf in b)
        a, b = (p for p in block if p != inf)
        label[a], label[b] = 2 * c, 2 * c + 1
    return tuple(tuple(tuple(label[p] for p in block) for block in rnd) for rnd in classes)


def kts_from_pbd(blocks: list[tuple[int, ...]], n: int) -> Classes | None:
    """KTS(2n + 1) from a PBD on n points with blocks of 4 and 7 (Beth, Jungnickel & Lenz,
    Lemma IX.6.4): every point doubled, a KTS(9) or KTS(15) pasted on each doubled block plus
    ∞, class i gathering {2i, 2i + 1, ∞} and the triples of the pasted classes through it."""
    small = {k: _paired(k) for k in (4, 7)}
    inf = 2 * n
    out: list[list[tuple[int, ...]]] = [[(2 * i, 2 * i + 1, inf)] for i in range(n)]
    for block in blocks:
        design = small.get(len(block))
        if design is None:
            return None

        def glob(p: int, block: tuple[int, ...] = block, k: int = len(block)) -> int:
            return inf if p == 2 * k else 2 * block[p // 2] + p % 2

        for c, rnd in enumerate(design):
            out[block[c]].extend(tuple(glob(p) for p in t) for t in rnd if 2 * len(block)
                                 not in t)
    return tuple(tuple(rnd) for rnd in out)


def kts_one_rotational(v: int, budget: int = 200_000) -> Classes | None:
    """A 1-rotational KTS(v) over Z_(v-1) ∪ {∞}, by exhaustive search within `budget` steps."""
    if v % 6 != 3 or v < 9:
        return None
    t = (v - 3) // 6
    half = 3 * t + 1
    m = 2 * half
    used_res = [False] * half
    used_res[0] = True
    used_cls = [False] * (half + 1)
    used_cls[half] = True
    reps: list[tuple[int, int, int]] = []
    steps = 0

    def cls(d: int) -> int:
        d %= m
        return min(d, m - d)

    def extend() -> bool:
        nonlocal steps
        if len(reps) == t:
            return True
        a = used_res.index(False)
        used_res[a] = True
        for b in range(a + 1, half):
            if used_res[b]:
                continue
            for big_b in (b, b + half):
                d1 = cls(big_b - a)
                if used_cls[d1]:
                    continue
                used_cls[d1] = used_res[b] = True
                for c in range(b + 1, half):
                    if used_res[c]:
                        continue
                    for big_c in (c, c + half):
                        steps += 1
                        if steps > budget:
                            return False
                        d2, d3 = cls(big_c - a), cls(big_c - big_b)
                        if d2 == d3 or used_cls[d2] or used_cls[d3]:
                            continue
                        used_cls[d2] = used_cls[d3] = used_res[c] = True
                        reps.append((a, big_b, big_c))
                        if extend():
                            return True
                        reps.pop()
                        used_cls[d2] = used_cls[d3] = used_res[c] = False
                used_cls[d1] = used_res[b] = False
        used_res[a] = False
        return False

    if not extend():
        return None
    inf = m
    base = [(inf, 0, half)] + [blk for a, b, c in reps
                               for blk in ((a, b, c), ((a + half) % m, (b + half) % m,
                                                       (c + half) % m))]
    return tuple(tuple(tuple((p + s) % m if p != inf else inf for p in blk) for blk in base)
                 for s in range(half))


def kts_product(first: Classes, v: int, second: Classes, w: int) -> Classes | None:
    """KTS(v * w / 3) from a KTS(v) and a KTS(w), w = 3m with m odd."""
    m = w // 3
    if w % 3 or m % 2 == 0:
        return None

    def pt(a: int, x: int) -> int:
        return a * m + x

    head, *tail = first
    out: list[tuple[tuple[int, ...], ...]] = []
    for k in range(len(second)):
        rnd: list[tuple[int, ...]] = []
        for block in head:
            for small in second[k]:
                rnd.append(tuple(pt(block[p // m], p % m) for p in small))
        out.append(tuple(rnd))
    for cls_ in tail:
        for s in range(m):
            out.append(tuple((pt(a, x), pt(b, (x + s) % m), pt(c, (x + 2 * s) % m))
                             for a, b, c in cls_ for x in range(m)))
    return tuple(out)


@cache
def kirkman_system(v: int) -> Classes | None:
    """A checked KTS(v) on points 0..v-1, or None when no construction here gives one."""
    from labkit.planning.constructions import _KIRKMAN_15, affine_geometry

    if v % 6 != 3:
        return None
    found: Classes | None = None
    if v == 3:
        found = (((0, 1, 2),),)
    elif v == 15:
        found = _KIRKMAN_15
    n, power = 0, 1
    while power < v:
        power *= 3
        n += 1
    if found is None and power == v:
        design = affine_geometry(3, n, (v - 1) // 2)
        found = design.rounds if design is not None else None
    if found is None and (v // 3) % 6 == 1:
        found = kts_3q(v // 3)
    if found is None and ((v - 1) // 2) % 6 == 1:
        found = kts_2q_plus_1((v - 1) // 2)
    if found is None:
        for w in (9, 15, 21, 27, 33, 39):
            u = 3 * v // w
            if v % w == 0 and 3 < u < v and u % 6 == 3:
                first, second = kirkman_system(u), kirkman_system(w)
                if first is not None and second is not None:
                    found = kts_product(first, u, second, w)
                    if found is not None:
                        break
    if found is None and v == 69:
        found = kts_from_pbd(pbd_34(), 34)
    if found is None:
        found = kts_one_rotational(v, budget=20_000)
    if found is None or not is_resolvable_design(v, found, 3):
        return None
    return found


__all__ = ["is_resolvable_design", "kirkman_system", "kts_2q_plus_1", "kts_3q",
           "kts_from_pbd", "kts_one_rotational", "kts_product", "pbd_34", "primitive_element"]
