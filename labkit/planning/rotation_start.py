"""Starting plans for the world-café search: a cost-aware greedy, a Latin shift for visit-once,
and zero-repeat designs mapped onto the participants (hosts and group balance included)."""

from __future__ import annotations

import heapq
import random
from math import gcd

from labkit.planning.constructions import Design, independent_points
from labkit.planning.deadline import Deadline
from labkit.planning.galois import field, prime_power
from labkit.planning.group_colouring import balance_groups
from labkit.planning.rotation_model import Problem

PlannedRounds = list[list[list[int]]]

_ORG, _PAIR, _GROUP, _VISIT, _HARD = 1, 1_000, 10**6, 10**8, 10**10


def _history_state(pb: Problem) -> tuple[list[list[int]], list[list[int]]]:
    n = len(pb.ids)
    meet = [[0] * n for _ in range(n)]
    visits = [[0] * pb.tables for _ in range(n)]
    for rnd in pb.history:
        _record(rnd, meet, visits, pb)
    return meet, visits


def _record(rnd: list[list[int]], meet: list[list[int]], visits: list[list[int]],
            pb: Problem) -> None:
    for t, table in enumerate(rnd):
        for x, a in enumerate(table):
            if a not in pb.host_table:
                visits[a][t] += 1
            for b in table[x + 1:]:
                meet[a][b] += 1
                meet[b][a] += 1


def _place_cost(pb: Problem, unit: list[int], table: list[int], t: int,
                meet: list[list[int]], visits: list[list[int]]) -> int:
    cost = 0
    for a in unit:
        oa, fa = pb.org[a], pb.forbidden[a]
        row = meet[a]
        for y in table:
            cost += _PAIR * row[y] * (row[y] + 1)
            if y in fa:
                cost += _HARD
            if oa >= 0 and pb.org[y] == oa:
                cost += _ORG
        if a not in pb.host_table and visits[a][t]:
            cost += _VISIT
        if pb.question_of is not None and a not in pb.host_table:
            q = pb.question_of[t]
            if any(visits[a][u] for u, other in enumerate(pb.question_of) if other == q):
                cost += 2 * _PAIR  # a question met again costs one repeated meeting
    return cost


def _quotas(pb: Problem, tables: list[list[int]], singles: list[int]) -> list[dict[int, int]]:
    """How many of each group's remaining singletons go to each table: deal the group's
    members one by one to the table holding the fewest of them (then the emptiest table).

    A heap of (held, -room, table) per group: O(T + members · log T) per group."""
    sizes = sorted(pb.sizes(), reverse=True)
    order = sorted(range(pb.tables), key=lambda t: -len(tables[t]))
    room = [0] * pb.tables
    for t, size in zip(order, sizes, strict=True):
        room[t] = max(0, size - len(tables[t]))
    by_group: dict[int, int] = {}
    for i in singles:
        by_group[pb.group[i]] = by_group.get(pb.group[i], 0) + 1
    quota: list[dict[int, int]] = [{} for _ in range(pb.tables)]
    for g in sorted(by_group, key=lambda g: (g < 0, -by_group[g])):
        have = [0] * pb.tables
        if g >= 0:
            for t, table in enumerate(tables):
                have[t] = sum(1 for i in table if pb.group[i] == g)
        heap = [(have[t], -room[t], t) for t in range(pb.tables) if room[t] > 0]
        heapq.heapify(heap)
        for _ in range(by_group[g]):
            held, _, t = heapq.heappop(heap)
            room[t] -= 1
            quota[t][g] = quota[t].get(g, 0) + 1
            if room[t] > 0:
                heapq.heappush(heap, (held + 1 if g >= 0 else 0, -room[t], t))
    return quota


def _slots(quota: list[dict[int, int]]) -> dict[int, list[int]]:
    """Per group, the tables still owed one of its members (highest table first, so that
    `pop()` deals the lowest table first)."""
    out: dict[int, list[int]] = {}
    for t in range(len(quota) - 1, -1, -1):
        for g, count in quota[t].items():
            out.setdefault(g, []).extend([t] * count)
    return out


def greedy_start(pb: Problem, rng: random.Random, prefix: PlannedRounds | None = None,
                 deadline: Deadline | None = None) -> PlannedRounds:
    """Seat round after round: hosts, keep-together units, then everyone else dealt by group
    (so each group is spread evenly) to the table where they add the least cost.

    `prefix` rounds (e.g. a partial design) are kept and the rest is built after them. Once
    `deadline` has expired (checked every few people) the remaining seats are dealt without
    looking at costs, in O(people) per round (still balanced, hosts and groups respected),
    for the search to improve. No deadline: every seat looks at costs.
    """
    meet, visits = _history_state(pb)
    sizes = pb.sizes()
    out: PlannedRounds = [[list(t) for t in rnd] for rnd in prefix or []]
    for rnd in out:
        _record(rnd, meet, visits, pb)
    cheap = False
    for _ in range(pb.planned - len(out)):
        cheap = cheap or (deadline is not None and deadline.expired())
        tables: list[list[int]] = [[] for _ in range(pb.tables)]
        singles: list[int] = []
        units = list(pb.units)
        rng.shuffle(units)
        units.sort(key=lambda u: -len(u))
        for unit in units:
            host = next((pb.host_table[i] for i in unit if i in pb.host_table), None)
            if host is not None:
                tables[host].extend(unit)
            elif len(unit) == 1:
                singles.append(unit[0])
        for unit in units:
            if len(unit) > 1 and not any(i in pb.host_table for i in unit):
                fits = [t for t in range(pb.tables) if len(tables[t]) + len(unit) <= sizes[0]]
                t = min(fits or range(pb.tables), key=lambda t: (
                    _place_cost(pb, unit, tables[t], t, meet, visits), len(tables[t])))
                tables[t].extend(unit)
        quota = _quotas(pb, tables, singles)
        if cheap:
            rng.shuffle(singles)
        slots = _slots(quota) if cheap else {}
        for k, a in enumerate(singles):
            ga = pb.group[a]
            if not cheap and k % 16 == 15 and deadline is not None and deadline.expired():
                cheap, slots = True, _slots(quota)
            if cheap:
                t = slots[ga].pop()
            else:
                options = [t for t in range(pb.tables) if quota[t].get(ga, 0) > 0]
                t = min(options, key=lambda t: (
                    _place_cost(pb, [a], tables[t], t, meet, visits), rng.random()))
            quota[t][ga] -= 1
            tables[t].append(a)
        if pb.visit_once:
            _repair_visits(tables, visits, pb)
        _record(tables, meet, visits, pb)
        out.append(tables)
    return out


def _repair_visits(tables: list[list[int]], visits: list[list[int]], pb: Problem) -> None:
    """Swap singletons so nobody sits at a table already visited (best effort)."""
    single = {u[0] for u in pb.units if len(u) == 1 and u[0] not in pb.host_table}
    for t, table in enumerate(tables):
        for a in list(table):
            if a not in single or not visits[a][t]:
                continue
            swaps = [(pb.group[b] != pb.group[a], u, b) for u, other in enumerate(tables)
                     if u != t and not visits[a][u] for b in other
                     if b in single and not visits[b][t]]
            if swaps:
                _, u, b = min(swaps)
                table[table.index(a)] = b
                tables[u][tables[u].index(b)] = a


def latin_start(pb: Problem, rng: random.Random) -> PlannedRounds | None:
    """Visit-once start: hosts stay; person j (dealt by group) gets a base table b and a step c
    and sits at table b + c*k in round k (field arithmetic when the number of tables is a prime
    power, else modulo with steps prime to it): nobody returns to a table, tables stay balanced
    and people with different steps meet at most once (prime powers). None when a keep-together
    unit finds no route with room for all its members."""
    T = pb.tables
    if prime_power(T) is not None:
        gf = field(T)
        add, mul = gf.add, gf.mul
        steps = list(range(1, T))
    else:
        add = [[(a + b) % T for b in range(T)] for a in range(T)]
        mul = [[(a * b) % T for b in range(T)] for a in range(T)]
        steps = [c for c in range(1, T) if gcd(c, T) == 1]
    steps = steps or [0]
    rng.shuffle(steps)
    movers = [u for u in pb.units if not any(i in pb.host_table for i in u)]
    count = sum(len(u) for u in movers)
    # seat j follows the route (b, c) = (j mod T, step of pass j // T): a full pass puts one
    # seat at every table in every round, so tables stay balanced
    routes = [(j % T, steps[(j // T) % len(steps)]) for j in range(count)]
    owner: list[int] = [-1] * count
    by_route: dict[tuple[int, int], list[int]] = {}
    for j, route in enumerate(routes):
        by_route.setdefault(route, []).append(j)
    for unit in sorted((u for u in movers if len(u) > 1), key=len, reverse=True):
        free = max(by_route.values(), key=lambda seats: sum(owner[j] < 0 for j in seats))
        seats = [j for j in free if owner[j] < 0][: len(unit)]
        if len(seats) < len(unit):  # no route with room for the whole unit
            return None
        for j, person in zip(seats, unit, strict=True):
            owner[j] = person
    singles = [u[0] for u in movers if len(u) == 1]
    rng.shuffle(singles)
    singles.sort(key=lambda i: (pb.group[i], pb.org[i]))
    queue = iter(singles)
    for j in range(count):
        if owner[j] < 0:
            owner[j] = next(queue)
    _separate_forbidden(pb, owner, routes)
    out: PlannedRounds = []
    for k in range(pb.planned):
        tables: list[list[int]] = [[] for _ in range(T)]
        for unit in pb.units:
            host = next((pb.host_table[i] for i in unit if i in pb.host_table), None)
            if host is not None:
                tables[host].extend(unit)
        for j, person in enumerate(owner):
            b, c = routes[j]
            tables[add[b][mul[c][k % T]]].append(person)
        out.append(tables)
    return out


def _separate_forbidden(pb: Problem, owner: list[int], routes: list[tuple[int, int]]) -> None:
    """Give must-not-meet partners routes that never cross (same step, other base table)."""
    seat_of = {person: j for j, person in enumerate(owner)}
    single = {u[0] for u in pb.units if len(u) == 1}
    involved = {i for i in single if pb.forbidden[i]}
    for u in sorted(involved):
        for v in sorted(pb.forbidden[u]):
            if v not in seat_of or v not in single or u not in seat_of:
                continue
            bu, cu = routes[seat_of[u]]
            bv, cv = routes[seat_of[v]]
            if cu == cv and bu != bv:
                continue
            for j, (b, c) in enumerate(routes):
                w = owner[j]
                if c == cu and b != bu and w in single and w not in involved:
                    owner[seat_of[v]], owner[j] = w, v
                    seat_of[w], seat_of[v] = seat_of[v], j
                    break


def design_start(pb: Problem, design: Design, rng: random.Random,
                 deadline: Deadline | None = None) -> PlannedRounds | None:
    """Map the participants onto a zero-repeat design (hosts on a row, groups along rows).

    A partial design (fewer rounds than planned) keeps its rounds; the greedy start seats the
    remaining ones after them.
    """
    if pb.frozen or any(len(u) > 1 for u in pb.units) or design.tables != pb.tables:
        return None
    people = [i for i in pb.present if i not in pb.host_table]
    spare = design.points - len(pb.present)
    if spare < 0 or not design.rounds:
        return None
    host_points: list[int] = []
    if pb.hosts:
        found = independent_points(design, pb.tables)
        if found is None:
            return None
        host_points = found
    dummies = independent_points(design, spare, frozenset(host_points))
    if dummies is None:
        return None
    taken = set(host_points) | set(dummies)
    rows = [list(row) for row in design.rows]
    in_rows = {p for row in rows for p in row}
    rows.append([p for p in range(design.points) if p not in in_rows])  # points off the rows
    rows = [[p for p in row if p not in taken] for row in rows]
    assignment = _assign_by_rows(pb, people, [row for row in rows if row], rng)
    point_person = dict(assignment)
    for t, h in enumerate(pb.hosts):
        point_person[host_points[t]] = h
    if pb.group_count:
        point_person = _spread_groups(pb, design, point_person, set(host_points), rng)
    out: PlannedRounds = []
    for rnd in design.rounds[: pb.planned]:
        tables = [[point_person[p] for p in table if p in point_person] for table in rnd]
        if pb.hosts:
            order = [next(k for k, table in enumerate(rnd) if host_points[t] in table)
                     for t in range(pb.tables)]
            tables = [tables[k] for k in order]
        out.append(tables)
    if pb.visit_once and not pb.hosts:
        out = _relabel_visit_once(out, pb.tables)
    if len(out) < pb.planned:
        out = greedy_start(pb, rng, out, deadline)
    return out


def _spread_groups(pb: Problem, design: Design, point_person: dict[int, int],
                   hosts: set[int], rng: random.Random) -> dict[int, int]:
    """Re-deal the people of each group over the points so groups spread over the tables."""
    colour = {p: pb.group[i] for p, i in point_person.items()}
    balance_groups(design.rounds[: pb.planned], colour, frozenset(hosts), rng)
    by_group: dict[int, list[int]] = {}
    for p, i in sorted(point_person.items()):
        if p not in hosts:
            by_group.setdefault(pb.group[i], []).append(i)
    out = {p: point_person[p] for p in hosts}
    for p in sorted(colour):
        if p not in hosts:
            out[p] = by_group[colour[p]].pop()
    return out


def _assign_by_rows(pb: Problem, people: list[int], rows: list[list[int]],
                    rng: random.Random) -> list[tuple[int, int]]:
    """(point, person) pairs: each group fills whole rows first, then one row if it can, so a
    group of c gets floor(c/T) or ceil(c/T) people at every table of every round."""
    by_group: dict[int, list[int]] = {}
    for i in people:
        by_group.setdefault(pb.group[i], []).append(i)
    for members in by_group.values():
        rng.shuffle(members)
        members.sort(key=lambda i: pb.org[i])
    free = [list(row) for row in rows]
    out: list[tuple[int, int]] = []
    width = max((len(r) for r in rows), default=0)
    chunks: list[list[int]] = []
    for g in sorted(by_group, key=lambda g: (g < 0, -len(by_group[g]))):
        members = by_group[g]
        while len(members) >= width > 0:
            row = next((r for r in free if len(r) == width), None)
            if row is None:
                break
            out.extend(zip(row, members[:width], strict=False))
            members = members[width:]
            free.remove(row)
        if members:
            chunks.append(members)
    chunks.sort(key=lambda c: (pb.group[c[0]] < 0, -len(c)))
    for chunk in chunks:
        while chunk:
            fitting = [r for r in free if len(r) >= len(chunk)]
            row = min(fitting, key=len) if fitting else max(free, key=len)
            take = min(len(row), len(chunk))
            out.extend(zip(row[:take], chunk[:take], strict=True))
            del row[:take]
            chunk = chunk[take:]
            if not row:
                free.remove(row)
    return out


def _relabel_visit_once(rounds: PlannedRounds, tables: int) -> PlannedRounds:
    """Renumber each round's tables (a bipartite matching) so nobody revisits a table."""
    visited: dict[int, set[int]] = {}
    out: PlannedRounds = []
    for rnd in rounds:
        allowed = [[lab for lab in range(tables)
                    if not any(lab in visited.get(i, ()) for i in table)] for table in rnd]
        match: dict[int, int] = {}

        def augment(k: int, seen: set[int], allowed: list[list[int]] = allowed,
                    match: dict[int, int] = match) -> bool:
            for lab in allowed[k]:
                if lab in seen:
                    continue
                seen.add(lab)
                if lab not in match or augment(match[lab], seen):
                    match[lab] = k
                    return True
            return False

        if not all(augment(k, set()) for k in range(len(rnd))):
            return rounds
        relabelled = [list(rnd[match[lab]]) for lab in range(tables)]
        for lab, table in enumerate(relabelled):
            for i in table:
                visited.setdefault(i, set()).add(lab)
        out.append(relabelled)
    return out
