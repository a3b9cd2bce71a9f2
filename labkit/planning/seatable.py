"""Plain input and output types shared by the seating algorithms (rotations, pairs, teams)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations

Table = tuple[str, ...]
"""The participant ids seated at one table (or in one pair/team), hosts included."""
Round = tuple[Table, ...]
"""One round: its tables, in table order (table 1 first)."""


@dataclass(frozen=True, slots=True)
class Seatable:
    """A person to seat: an id plus what mixing looks at (stakeholder group, organisation).

    `territory` (e.g. a département) is used by territorial team formation.
    """

    id: str
    group: str | None = None
    organisation: str | None = None
    territory: str | None = None


def freeze_rounds(rounds: Iterable[Iterable[Iterable[str]]]) -> tuple[Round, ...]:
    """Rounds as nested tuples (a hashable, immutable copy of lists of lists of ids)."""
    return tuple(tuple(tuple(table) for table in rnd) for rnd in rounds)


def pair_key(a: str, b: str) -> tuple[str, str]:
    """The unordered pair {a, b} as a sorted tuple."""
    return (a, b) if a <= b else (b, a)


def pairs_of(table: Sequence[str]) -> Iterable[tuple[str, str]]:
    """Every unordered pair of people seated together at `table`."""
    for a, b in combinations(table, 2):
        yield pair_key(a, b)


def balanced_sizes(count: int, tables: int) -> list[int]:
    """Table sizes for `count` people at `tables` tables, differing by at most one."""
    base, extra = divmod(count, tables)
    return [base + 1 if t < extra else base for t in range(tables)]
