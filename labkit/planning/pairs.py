"""Crossed-interview pairs over one or several rounds, and pairs regrouped into quartets.

Rounds come from the circle method (one person fixed, the others turn), so no pair repeats over
up to n-1 rounds (n even) — with an odd count a dummy is added: whoever faces it sits out
(`odd="bye"`) or joins a pair that forms a trio with two people it meets in no other round
(`odd="trio"`). Who stands where on the circle is then improved by swaps so that pairs mix
what `across` names, first first: by default organisations, then stakeholder groups; with
"territory" (e.g. départements) first, pairs and the trio come from different territories
whenever the numbers allow, else with the fewest same-territory pairs (`same_territory`).
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, get_args

from labkit.errors import InvalidInputError
from labkit.planning.seatable import Seatable, pair_key, pairs_of

_REPEAT = 1_000

Mix = Literal["territory", "organisation", "group"]
"""What pairs can be asked to mix (`Seatable` attributes)."""
MIXES: tuple[str, ...] = get_args(Mix)
PAIR_ACROSS: tuple[Mix, ...] = ("organisation", "group")
"""The default: pairs mix organisations first, then stakeholder groups."""

Weights = tuple[tuple[str, int], ...]


def mix_weights(across: Sequence[str] = PAIR_ACROSS) -> Weights:
    """What a pair sharing each attribute of `across` costs, the first dominating the next
    ones (4**k: one shared territory outweighs any organisations and groups a swap changes);
    the default gives organisation 4, group 1."""
    unknown = [x for x in across if x not in MIXES]
    if unknown:
        raise InvalidInputError(f"unknown pair_across value(s): {', '.join(unknown)} "
                                f"(expected {', '.join(MIXES)})")
    return tuple((name, 4 ** (len(across) - 1 - k)) for k, name in enumerate(across))


_DEFAULT = mix_weights()


@dataclass(frozen=True, slots=True)
class PairsPlan:
    """Interview rounds: each round lists its pairs (and at most one trio)."""

    rounds: tuple[tuple[tuple[str, ...], ...], ...]
    byes: tuple[str | None, ...]
    """Who sits out in each round (only with odd="bye")."""
    repeats: int
    """Σ over pairs of max(0, meetings - 1); 0 unless more rounds than the circle allows."""
    same_organisation: int
    same_group: int
    same_territory: int | None = None
    """Pairs (trio pairs included) within one territory, when `across` names "territory"."""

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form: {"rounds": [[[a, b], [c, d], [e, f, g]], ...], ...}."""
        metrics = {"repeats": self.repeats, "same_organisation": self.same_organisation,
                   "same_group": self.same_group}
        if self.same_territory is not None:
            metrics["same_territory"] = self.same_territory
        return {
            "rounds": [[list(g) for g in rnd] for rnd in self.rounds],
            "byes": list(self.byes),
            "metrics": metrics,
        }


def circle_rounds(count: int, rounds: int) -> list[list[tuple[int, int]]]:
    """Circle-method rounds of pairs of positions 0..count-1 (count even); they cycle after
    count-1 rounds."""
    others = list(range(1, count))
    out = []
    for k in range(rounds):
        turn = k % max(count - 1, 1)
        rot = others[turn:] + others[:turn]
        pairs = [(0, rot[0])] if rot else []
        pairs += [(rot[i], rot[-i]) for i in range(1, count // 2)]
        out.append(pairs)
    return out


def _pair_cost(a: Seatable, b: Seatable, weights: Weights = _DEFAULT) -> int:
    cost = 0
    for name, weight in weights:
        mine = getattr(a, name)
        if mine and mine == getattr(b, name):
            cost += weight
    return cost


def interview_pairs(
    people: Sequence[Seatable],
    rounds: int = 1,
    *,
    odd: Literal["trio", "bye"] = "trio",
    seed: int = 0,
    effort: int = 4000,
    across: Sequence[str] = PAIR_ACROSS,
) -> PairsPlan:
    """Pairs for `rounds` interview rounds; no pair twice while the circle method allows it;
    pairs mix what `across` names, first first."""
    weights = mix_weights(across)
    ids = [p.id for p in people]
    if len(set(ids)) != len(ids):
        raise InvalidInputError("duplicate participant ids", sorted(
            pid for pid, c in Counter(ids).items() if c > 1))
    if rounds < 0:
        raise InvalidInputError(f"rounds must be at least 0 (got {rounds})")
    if len(people) < 2:
        return PairsPlan(tuple(() for _ in range(rounds)),
                         tuple(ids[0] if ids else None for _ in range(rounds)), 0, 0, 0,
                         0 if "territory" in across else None)
    rng = random.Random(seed)
    n = len(people)
    slots = n + (n % 2)
    dummy = n if n % 2 else -1
    circle = circle_rounds(slots, rounds)
    # positions -> person index (the dummy is the fixed position 0 when n is odd)
    order = list(range(n))
    rng.shuffle(order)
    label = [dummy, *order] if dummy >= 0 else order
    partner = [[-1] * len(circle) for _ in range(slots)]
    for k, pairs in enumerate(circle):
        for x, y in pairs:
            partner[x][k] = y
            partner[y][k] = x

    def cost_at(pos: int) -> int:
        me = label[pos]
        if me == dummy:
            return 0
        total = 0
        for k in range(len(circle)):
            other = label[partner[pos][k]]
            if other != dummy:
                total += _pair_cost(people[me], people[other], weights)
        return total

    fixed = 1 if dummy >= 0 else 0
    for _ in range(effort if len(circle) else 0):
        p, q = rng.randrange(fixed, slots), rng.randrange(fixed, slots)
        if p == q:
            continue
        before = cost_at(p) + cost_at(q)
        label[p], label[q] = label[q], label[p]
        if cost_at(p) + cost_at(q) > before:
            label[p], label[q] = label[q], label[p]

    plan: list[list[list[int]]] = []
    byes: list[str | None] = []
    for pairs in circle:
        groups = [[label[x], label[y]] for x, y in pairs]
        bye = next((g for g in groups if dummy in g), None)
        if bye is not None:
            groups.remove(bye)
            byes.append(ids[next(i for i in bye if i != dummy)])
        else:
            byes.append(None)
        plan.append(groups)
    if dummy >= 0 and odd == "trio":
        _add_trios(plan, byes, people, [p.id for p in people], weights)
        byes = [None] * len(plan)
    rounds_out = tuple(tuple(tuple(ids[i] for i in g) for g in rnd) for rnd in plan)
    return _measured(rounds_out, tuple(byes), people, "territory" in across)


def _add_trios(plan: list[list[list[int]]], byes: list[str | None], people: Sequence[Seatable],
               ids: list[str], weights: Weights = _DEFAULT) -> None:
    """Seat each round's odd one out with the pair whose members it meets nowhere else."""
    index = {pid: i for i, pid in enumerate(ids)}
    met: Counter[tuple[int, int]] = Counter()
    for rnd in plan:
        for g in rnd:
            met[(min(g), max(g))] += 1
    for k, rnd in enumerate(plan):
        odd_one = byes[k]
        if odd_one is None or not rnd:
            continue
        b = index[odd_one]

        def cost(g: list[int], b: int = b) -> int:
            return sum(_REPEAT * met[(min(b, x), max(b, x))]
                       + _pair_cost(people[b], people[x], weights) for x in g)

        best = min(rnd, key=cost)
        for x in best:
            met[(min(b, x), max(b, x))] += 1
        best.append(b)


def _measured(rounds: tuple[tuple[tuple[str, ...], ...], ...], byes: tuple[str | None, ...],
              people: Sequence[Seatable], territories: bool = False) -> PairsPlan:
    info = {p.id: p for p in people}
    met: Counter[tuple[str, str]] = Counter()
    same_org = same_group = same_territory = 0
    for rnd in rounds:
        for g in rnd:
            same_territory += _territory_clashes(g, info)
            for a, b in pairs_of(g):
                met[pair_key(a, b)] += 1
                pa, pb = info[a], info[b]
                same_org += bool(pa.organisation and pa.organisation == pb.organisation)
                same_group += bool(pa.group and pa.group == pb.group)
    repeats = sum(c - 1 for c in met.values() if c > 1)
    return PairsPlan(rounds, byes, repeats, same_org, same_group,
                     same_territory if territories else None)


def _territory_clashes(group: Sequence[str], info: Mapping[str, Seatable]) -> int:
    """The pairs of `group` (a pair or trio) within one territory."""
    return sum(1 for a, b in pairs_of(group)
               if info[a].territory and info[a].territory == info[b].territory)


def same_territory_pairs(groups: Sequence[Sequence[str]], people: Sequence[Seatable]) -> int:
    """Pairs within one territory in a round of pairs (and trio): a trio counts its pairs."""
    info = {p.id: p for p in people}
    return sum(_territory_clashes(g, info) for g in groups)


QUARTET = 4
"""The regroup size the planner makes (`quartets`); other sizes regroup consecutive pairs."""


def planned_regroups(
    groups: Sequence[Sequence[str]], people: Sequence[Seatable], size: int, *, seed: int = 0
) -> tuple[tuple[str, ...], ...] | None:
    """The regroups of a round of pairs when the planner makes them (`size` is 4: quartets
    mixing organisations and groups), else None."""
    return quartets(groups, people, seed=seed) if size == QUARTET else None


def quartets(
    groups: Sequence[Sequence[str]],
    people: Sequence[Seatable],
    *,
    seed: int = 0,
    effort: int = 2000,
) -> tuple[tuple[str, ...], ...]:
    """Regroup a round's pairs (and trio) two by two into quartets (one group of three pairs,
    or a trio with a pair, when the count is odd), mixing organisations and groups."""
    info = {p.id: p for p in people}
    units = [tuple(g) for g in groups if g]
    if len(units) <= 2:
        return (tuple(x for u in units for x in u),) if units else ()
    rng = random.Random(seed)
    rng.shuffle(units)
    count = len(units) // 2
    buckets = [units[2 * i: 2 * i + 2] for i in range(count)]
    if len(units) % 2:
        buckets[-1].append(units[-1])

    def bucket_cost(bucket: list[tuple[str, ...]]) -> int:
        members = [x for u in bucket for x in u]
        size_penalty = 100 * max(0, len(members) - 6)
        return size_penalty + sum(_pair_cost(info[a], info[b]) for a, b in pairs_of(members))

    for _ in range(effort):
        i, j = rng.randrange(count), rng.randrange(count)
        if i == j:
            continue
        x, y = rng.randrange(len(buckets[i])), rng.randrange(len(buckets[j]))
        before = bucket_cost(buckets[i]) + bucket_cost(buckets[j])
        buckets[i][x], buckets[j][y] = buckets[j][y], buckets[i][x]
        if bucket_cost(buckets[i]) + bucket_cost(buckets[j]) > before:
            buckets[i][x], buckets[j][y] = buckets[j][y], buckets[i][x]
    return tuple(tuple(x for u in bucket for x in u) for bucket in buckets)


def repair_pairs(pairs: Sequence[Sequence[str]], people: Sequence[Seatable], *, seed: int = 0,
                 across: Sequence[str] = PAIR_ACROSS) -> tuple[tuple[str, ...], ...]:
    """The pairs in force for the people now in the room (`people`), moving as few as it can.

    Every pair (or trio) whose members are all here stays, in its order; a trio that lost one
    stays as a pair. People whose partner left and arrivals are paired among themselves (as
    `interview_pairs` does, new pairs last); an odd one out takes a member of the trio in
    force if there is one, else joins the pair that mixes best with them as a trio. New pairs
    mix what `across` names, as the plan did.
    """
    weights = mix_weights(across)
    info = {p.id: p for p in people}
    kept: list[list[str]] = []
    loose: list[str] = []
    seated: set[str] = set()
    for group in pairs:
        here = [p for p in group if p in info]
        seated.update(group)
        if len(here) >= 2:
            kept.append(here)
        else:
            loose.extend(here)
    loose.extend(p.id for p in people if p.id not in seated)
    trio = next((g for g in kept if len(g) > 2), None)
    if len(loose) % 2 and trio is not None:  # the trio's best match for the odd one out
        single = loose[-1] if len(loose) == 1 else None
        pick = min(trio, key=lambda x: _pair_cost(info[x], info[single], weights)
                   if single else 0)
        trio.remove(pick)
        loose.append(pick)
    if len(loose) == 1 and kept:
        alone = info[loose[0]]
        host = min((g for g in kept if len(g) == 2), key=lambda g: sum(
            _pair_cost(alone, info[x], weights) for x in g), default=kept[0])
        host.append(alone.id)
        loose = []
    if len(loose) >= 2:
        fresh = interview_pairs([info[p] for p in loose], rounds=1, odd="trio", seed=seed,
                                across=across)
        start = len(kept)
        kept.extend(list(g) for g in fresh.rounds[0])
        if "territory" in across:
            _uncross(kept, start, info, weights)
    return tuple(tuple(g) for g in kept)


def _uncross(groups: list[list[str]], start: int, info: dict[str, Seatable],
             weights: Weights) -> None:
    """Each new pair (from `start` on) within one territory swaps a partner with a kept pair
    when that lowers the same-territory pairs: the pair that mixes best once swapped, so the
    constraint holds after absences as far as the numbers allow (two more people move)."""
    def clashes(g: Sequence[str]) -> int:
        return _territory_clashes(g, info)

    for k in range(start, len(groups)):
        mine = groups[k]
        if len(mine) != 2 or not clashes(mine):
            continue
        options = []
        for j in range(start):
            other = groups[j]
            if len(other) != 2:
                continue
            for a, b in (([mine[0], other[0]], [mine[1], other[1]]),
                         ([mine[0], other[1]], [mine[1], other[0]])):
                gain = clashes(mine) + clashes(other) - clashes(a) - clashes(b)
                if gain > 0:
                    cost = sum(_pair_cost(info[p], info[q], weights) for p, q in (a, b))
                    options.append((-gain, cost, j, a, b))
        if options:
            _, _, j, a, b = min(options)
            groups[j], groups[k] = a, b


def repair_regroups(regroups: Sequence[Sequence[str]], pairs: Sequence[Sequence[str]],
                    people: Sequence[Seatable], *, seed: int = 0
                    ) -> tuple[tuple[str, ...], ...]:
    """Quartets in force kept for the repaired `pairs`: a regroup that still holds two of the
    pairs (or more) stays; the other pairs are regrouped among themselves (`quartets`)."""
    units = [tuple(g) for g in pairs]
    out: list[tuple[str, ...]] = []
    used: set[int] = set()
    for group in regroups:
        inside = set(group)
        mine = [k for k, unit in enumerate(units) if k not in used and set(unit) <= inside]
        if len(mine) >= 2:
            used.update(mine)
            members = {x for k in mine for x in units[k]}
            out.append(tuple(x for x in group if x in members))  # in the order in force
    rest = [unit for k, unit in enumerate(units) if k not in used]
    if len(rest) == 1 and out:  # a lone pair joins the smallest regroup
        small = min(range(len(out)), key=lambda k: len(out[k]))
        out[small] = (*out[small], *rest[0])
    elif rest:
        out.extend(quartets(rest, people, seed=seed))
    return tuple(out)


def partner_changes(before: Sequence[Sequence[str]], after: Sequence[Sequence[str]]
                    ) -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
    """(person, partners before, partners after) for everyone in both whose partners changed,
    in the order of `after`."""
    def partners(groups: Sequence[Sequence[str]]) -> dict[str, tuple[str, ...]]:
        return {p: tuple(x for x in g if x != p) for g in groups for p in g}

    old, new = partners(before), partners(after)
    return tuple((p, old[p], new[p]) for g in after for p in g
                 if p in old and set(old[p]) != set(new[p]))
