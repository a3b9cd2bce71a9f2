"""Small finite fields GF(p^k), for the affine-plane and transversal-design constructions.

Elements are the integers 0..q-1 (a polynomial over GF(p) written in base p); addition and
multiplication go through precomputed tables, so they cost one list lookup.
"""

from __future__ import annotations

from functools import cache


def prime_power(q: int) -> tuple[int, int] | None:
    """(p, k) with q = p**k and p prime, or None when q is not a prime power."""
    if q < 2:
        return None
    p = next(d for d in range(2, q + 1) if q % d == 0)
    k, rest = 0, q
    while rest % p == 0:
        rest //= p
        k += 1
    return (p, k) if rest == 1 else None


def _digits(value: int, p: int, k: int) -> list[int]:
    out = []
    for _ in range(k):
        value, digit = divmod(value, p)
        out.append(digit)
    return out


def _number(digits: list[int], p: int) -> int:
    return sum(d * p**i for i, d in enumerate(digits))


class GaloisField:
    """The field with q = p**k elements, with `add`, `sub` and `mul` lookup tables."""

    def __init__(self, q: int) -> None:
        pk = prime_power(q)
        if pk is None:
            raise ValueError(f"{q} is not a prime power")
        self.q = q
        self.p, self.k = pk
        p, k = pk
        digits = [_digits(a, p, k) for a in range(q)]
        self.add = [
            [_number([(x + y) % p for x, y in zip(da, db, strict=True)], p) for db in digits]
            for da in digits
        ]
        self.neg = [_number([(-x) % p for x in _digits(a, p, k)], p) for a in range(q)]
        self.sub = [[self.add[a][self.neg[b]] for b in range(q)] for a in range(q)]
        exp = self._exponentials()
        log = [0] * q
        for i, value in enumerate(exp[: q - 1]):
            log[value] = i
        self.mul = [
            [0 if a == 0 or b == 0 else exp[(log[a] + log[b]) % (q - 1)] for b in range(q)]
            for a in range(q)
        ]

    def _exponentials(self) -> list[int]:
        """Powers of a generator, found as x modulo a primitive polynomial of degree k."""
        p, k, q = self.p, self.k, self.q
        if k == 1:
            for g in range(1, q):
                powers, value = [], 1
                for _ in range(q - 1):
                    powers.append(value)
                    value = value * g % p
                if len(set(powers)) == q - 1:
                    return powers
            return [1]  # q == 2
        for tail in range(p**k):
            low = _digits(tail, p, k)  # x^k = -(low coefficients)
            powers, cur = [], [1] + [0] * (k - 1)
            for _ in range(q - 1):
                powers.append(_number(cur, p))
                top = cur[-1]
                cur = [0] + cur[:-1]
                cur = [(c - top * lo) % p for c, lo in zip(cur, low, strict=True)]
            if len(set(powers)) == q - 1 and 0 not in powers:
                return powers
        raise AssertionError("no primitive polynomial found")  # pragma: no cover


@cache
def field(q: int) -> GaloisField:
    """The (cached) field with q elements."""
    return GaloisField(q)
