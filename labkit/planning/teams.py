"""Balanced team formation: teams mixing an attribute (stakeholder group by default), or teams
following an attribute (one team per département for territorial work)."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from labkit.errors import InvalidInputError
from labkit.planning.seatable import Seatable, balanced_sizes, pairs_of

Attribute = Callable[[Seatable], str | None]


def by_group(person: Seatable) -> str | None:
    """The stakeholder group (the default attribute to spread)."""
    return person.group


def by_territory(person: Seatable) -> str | None:
    """The territory (e.g. département)."""
    return person.territory


@dataclass(frozen=True, slots=True)
class Team:
    """A team: a label ("1", "2"... or the territory, "Aisne 2") and its members' ids."""

    label: str
    members: tuple[str, ...]


def balanced_teams(
    people: Sequence[Seatable],
    teams: int,
    *,
    spread: Attribute = by_group,
    seed: int = 0,
    effort: int = 2000,
    mix_territories: bool = False,
) -> tuple[Team, ...]:
    """`teams` teams whose sizes differ by at most one, each value of `spread` dealt evenly
    across them; then swaps between people with the same value separate organisations (and,
    with `mix_territories`, then territories: fewer teammates of one territory)."""
    if teams < 1:
        raise InvalidInputError(f"teams must be at least 1 (got {teams})")
    rng = random.Random(seed)
    sizes = balanced_sizes(len(people), teams)
    by_value: dict[str | None, list[Seatable]] = {}
    for p in people:
        by_value.setdefault(spread(p), []).append(p)
    out: list[list[Seatable]] = [[] for _ in range(teams)]
    have: list[Counter[str | None]] = [Counter() for _ in range(teams)]
    for value in sorted(by_value, key=lambda v: (v is None, -len(by_value[v]), str(v))):
        members = by_value[value]
        rng.shuffle(members)
        for p in members:
            open_teams = [t for t in range(teams) if len(out[t]) < sizes[t]]
            t = min(open_teams, key=lambda t: (have[t][value] if value is not None else 0,
                                               len(out[t]) - sizes[t], t))
            out[t].append(p)
            have[t][value] += 1

    def same(values: list[str]) -> int:
        return sum(1 for a, b in pairs_of(values) if a and a == b)

    def clashes(team: list[Seatable]) -> int:
        orgs = same([p.organisation or "" for p in team])
        if not mix_territories:
            return orgs
        return orgs * (len(people) ** 2 + 1) + same([p.territory or "" for p in team])

    for _ in range(effort if teams > 1 else 0):
        i, j = rng.randrange(teams), rng.randrange(teams)
        if i == j or not out[i] or not out[j]:
            continue
        x, y = rng.randrange(len(out[i])), rng.randrange(len(out[j]))
        if spread(out[i][x]) != spread(out[j][y]):
            continue
        before = clashes(out[i]) + clashes(out[j])
        out[i][x], out[j][y] = out[j][y], out[i][x]
        if clashes(out[i]) + clashes(out[j]) > before:
            out[i][x], out[j][y] = out[j][y], out[i][x]
    return tuple(Team(str(t + 1), tuple(p.id for p in team)) for t, team in enumerate(out))


def teams_by_attribute(
    people: Sequence[Seatable],
    key: Attribute = by_territory,
    *,
    max_size: int | None = None,
    unassigned_label: str = "?",
    seed: int = 0,
) -> tuple[Team, ...]:
    """One team per value of `key` (e.g. per département), a value with more than `max_size`
    people split into balanced sub-teams mixing stakeholder groups ("Aisne 1", "Aisne 2")."""
    if max_size is not None and max_size < 1:
        raise InvalidInputError(f"max_size must be at least 1 (got {max_size})")
    by_value: dict[str, list[Seatable]] = {}
    for p in people:
        by_value.setdefault(key(p) or unassigned_label, []).append(p)
    out: list[Team] = []
    for value in sorted(by_value):
        members = by_value[value]
        parts = 1 if max_size is None else -(-len(members) // max_size)
        if parts == 1:
            out.append(Team(value, tuple(p.id for p in members)))
            continue
        for k, team in enumerate(balanced_teams(members, parts, seed=seed), 1):
            out.append(Team(f"{value} {k}", team.members))
    return tuple(out)
