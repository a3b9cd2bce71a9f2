"""Minimal re-plans: the plan in force, repaired for who is in the room.

Absent people are dropped; a newcomer takes over the seats of someone who left (one each, round
by round), other arrivals sit at the shortest tables where they meet the fewest people they
already met, and tables are rebalanced by moving as few people as possible (each move chosen to
add the fewest repeated meetings). With visit-once, nobody is sent to a table they visit in
another round, nor given a repeated meeting: a person may instead swap two of their rounds'
tables (their route keeps its tables) while the repeats stay those of the plan with the absent
dropped; a table left short is left so (the plan says the tables are unbalanced). Unaffected
seats stay as they were; the search then starts here."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from labkit.planning.rotation_model import Problem
from labkit.planning.rotation_state import Key, SeatingState

PlannedRounds = list[list[list[int]]]


def _meetings(pb: Problem, rounds: Sequence[Sequence[Sequence[int]]]) -> list[list[int]]:
    n = len(pb.ids)
    meet = [[0] * n for _ in range(n)]
    for rnd in rounds:
        for table in rnd:
            for x, a in enumerate(table):
                for b in table[x + 1:]:
                    meet[a][b] += 1
                    meet[b][a] += 1
    return meet


def repair_plan(pb: Problem, in_force: Sequence[Sequence[Sequence[str]]]) -> PlannedRounds:
    """The rounds of `in_force` still to play, in index form, for the people now present.

    Rounds missing from `in_force` are left empty (the caller seats them).
    """
    index = {pid: i for i, pid in enumerate(pb.ids)}
    present = set(pb.present)
    rounds = list(in_force)[: pb.planned]
    stand_in = _stand_ins(pb, rounds, index, present)
    out: PlannedRounds = []
    for rnd in rounds:
        tables = [[stand_in[p] if p in stand_in else index[p] for p in table
                   if p in stand_in or (p in index and index[p] in present)]
                  for table in list(rnd)[: pb.tables]]
        tables += [[] for _ in range(pb.tables - len(tables))]
        out.append(tables)
    meet = _meetings(pb, [*pb.history, *out])
    visits = _visits(pb, [*pb.history, *out])
    for tables in out:
        _seat_round(pb, tables, meet, visits)
    if pb.visit_once:
        _swap_routes(pb, out, meet)
    return out


def _stand_ins(pb: Problem, rounds: Sequence[Sequence[Sequence[str]]],
               index: dict[str, int], present: set[int]) -> dict[str, int]:
    """Newcomers who take over the seats of someone who left, one each: the tables stay as
    balanced as the plan was and nobody else moves (a route of the plan visits each table once,
    as visit-once asks). Only a route meeting nobody twice is taken over, by someone present,
    seated nowhere in `rounds`, with no round played, no host, no one to sit with and no one they
    must not meet on that route; `present`: the indexes of `pb.present`."""
    seated = {p for rnd in rounds for table in rnd for p in table}
    played = {i for rnd in pb.history for table in rnd for i in table}
    newcomers = [i for i in pb.present if pb.ids[i] not in seated and i not in played
                 and i not in pb.host_table and len(pb.units[pb.unit_of[i]]) == 1]
    gone = [p for p in dict.fromkeys(p for rnd in rounds for table in rnd for p in table)
            if not (p in index and index[p] in present)
            and not (p in index and index[p] in pb.host_table)]
    out: dict[str, int] = {}
    for p in gone:
        mates = [index[q] for rnd in rounds for table in rnd if p in table for q in table
                 if q != p and q in index and index[q] in present]
        met = set(mates)
        if len(met) < len(mates):
            continue  # the route meets someone twice: the newcomer would start with a repeat
        for a in newcomers:
            if a not in out.values() and not pb.forbidden[a] & met:
                out[p] = a
                break
    return out


def _visits(pb: Problem, rounds: Sequence[Sequence[Sequence[int]]]) -> list[list[int]]:
    """Rounds each person sits at each table (hosts included: they never move)."""
    visits = [[0] * pb.tables for _ in pb.ids]
    for rnd in rounds:
        for t, table in enumerate(rnd):
            for i in table:
                visits[i][t] += 1
    return visits


def _seat_round(pb: Problem, tables: list[list[int]], meet: list[list[int]],
                visits: list[list[int]]) -> None:
    """Put the hosts back, seat arrivals, rebalance; `meet` and `visits` are kept up to date.

    A move to a table the person already visited (visit-once), or to a question already met
    (tables keeping questions), costs what it would in the plan: they are avoided first."""
    seated = {i for table in tables for i in table}
    for h, t in pb.host_table.items():
        if h in seated and h not in tables[t]:
            for table in tables:
                if h in table:
                    table.remove(h)
            tables[t].append(h)
    arrivals = [i for i in pb.present if i not in seated]
    cap = max(pb.sizes())
    for a in arrivals:
        if a in pb.host_table:
            t = pb.host_table[a]
        else:
            unit = pb.units[pb.unit_of[a]]
            partner = next((t for i in unit if i != a for t in range(pb.tables)
                            if i in tables[t]), None)
            options = [t for t in range(pb.tables) if len(tables[t]) < cap]
            options = options or list(range(pb.tables))
            # the shortest tables first (an arrival evens a table a departure left short, with
            # no one moved), unless the route forbids them all
            shortest = min(len(tables[t]) for t in options)
            options = [t for t in options if len(tables[t]) == shortest
                       and _route_cost(pb, a, t, visits) == 0] or options
            t = partner if partner is not None else min(options, key=lambda t: (
                _cost(pb, a, tables[t], meet) + _route_cost(pb, a, t, visits),
                len(tables[t]), t))
        _add(tables[t], a, meet)
        visits[a][t] += 1
    while True:
        sizes = [len(table) for table in tables]
        if max(sizes) - min(sizes) <= 1:
            return
        moves = [(_cost(pb, a, tables[dst], meet) + _route_cost(pb, a, dst, visits, src)
                  - _cost(pb, a, [x for x in tables[src] if x != a], meet), a, src, dst)
                 for src in range(pb.tables) if sizes[src] == max(sizes)
                 for dst in range(pb.tables) if sizes[dst] == min(sizes)
                 for a in tables[src] if a not in pb.host_table
                 and len(pb.units[pb.unit_of[a]]) == 1]
        if pb.visit_once:
            # a short table breaks no one's route: moving someone to a table they visit in
            # another round would (visit-once), and repairing that route is a search that moves
            # many people; `_swap_routes` rebalances within routes instead. Nor does a move
            # add a repeated meeting: the repeats stay those of the plan with the absent dropped
            moves = [m for m in moves if visits[m[1]][m[3]] == 0
                     and _adds_no_repeat(pb, m[1], tables[m[2]], tables[m[3]], meet)]
        if not moves:
            return
        _, a, src, dst = min(moves)
        _remove(tables[src], a, meet)
        _add(tables[dst], a, meet)
        visits[a][src] -= 1
        visits[a][dst] += 1


def _swap_routes(pb: Problem, rounds: PlannedRounds, meet: list[list[int]]) -> None:
    """Rebalance visit-once rounds with the fewest route swaps: someone at table s in round r
    and table d in round r2 sits at d in r and s in r2 (same tables, no revisit). Each swap
    is the one that balances most, then adds the fewest repeats, then meetings; the repeats
    never exceed those of the plan in force with the absent dropped, and no swap adds a
    forbidden meeting."""
    where = [{a: t for t, table in enumerate(rnd) for a in table} for rnd in rounds]
    movable = [a for a in pb.present if a not in pb.host_table
               and len(pb.units[pb.unit_of[a]]) == 1]
    slack = 0  # repeats removed so far by the swaps made
    while any(max(map(len, rnd)) - min(map(len, rnd)) > 1 for rnd in rounds):
        best: tuple[int, int, int, int, int, int] | None = None
        for r, r2 in ((x, y) for x in range(len(rounds)) for y in range(x + 1, len(rounds))):
            for a in movable:
                s, d = where[r].get(a), where[r2].get(a)
                if s is None or d is None or s == d:
                    continue
                one, two = rounds[r], rounds[r2]
                gain = (len(one[d]) - len(one[s]) + 1) + (len(two[s]) - len(two[d]) + 1)
                if gain >= 0:
                    continue  # Σ size² drops by 2·|gain|: only swaps that balance
                found = _swap_repeats(pb, a, (one[s], two[d]), (one[d], two[s]), meet)
                if found is None or found[0] > slack:
                    continue
                if best is None or (gain, *found) < best[:3]:
                    best = (gain, *found, a, r, r2)
        if best is None:
            return
        _, repeats, _, a, r, r2 = best
        slack -= repeats
        s, d = where[r][a], where[r2][a]
        for k, src, dst in ((r, s, d), (r2, d, s)):
            _remove(rounds[k][src], a, meet)
            _add(rounds[k][dst], a, meet)
            where[k][a] = dst


def _adds_no_repeat(pb: Problem, a: int, src: list[int], dst: list[int],
                    meet: list[list[int]]) -> bool:
    """Whether moving `a` from `src` to `dst` keeps (or lowers) the repeats, meeting nobody
    they must not meet."""
    found = _swap_repeats(pb, a, (src,), (dst,), meet)
    return found is not None and found[0] <= 0


def _swap_repeats(pb: Problem, a: int, leaves: Sequence[list[int]],
                  joins: Sequence[list[int]], meet: list[list[int]]) -> tuple[int, int] | None:
    """(repeats, meetings) `a` adds by leaving the tables `leaves` for `joins`, or None when
    it would meet someone they must not meet."""
    row = {y: meet[a][y] for table in (*leaves, *joins) for y in table if y != a}
    before = sum(max(0, m - 1) for m in row.values())
    for table in leaves:
        for y in table:
            if y != a:
                row[y] -= 1
    for table in joins:
        for y in table:
            if y in pb.forbidden[a]:
                return None
            row[y] += 1
    after = sum(max(0, m - 1) for m in row.values())
    return after - before, sum(len(t) for t in joins) - sum(len(t) - 1 for t in leaves)


_REVISIT = 10**9
"""What a table visited again costs a route when visit-once is asked (above any meeting)."""


def _route_cost(pb: Problem, a: int, dst: int, visits: list[list[int]], src: int = -1) -> int:
    """What seating `a` at `dst` (leaving `src`) adds to their route: a table visited again
    with visit-once asked (above any meeting), a question met again (as one repeat)."""
    cost = 0
    if (pb.visit_once or pb.visit_once_soft) and visits[a][dst] >= 1:
        cost += _REVISIT
    qof = pb.question_of
    if qof is not None and (src < 0 or qof[src] != qof[dst]):
        same = sum(visits[a][t] for t in range(pb.tables) if qof[t] == qof[dst])
        cost += 2000 if same >= 1 else 0
    return cost


def _cost(pb: Problem, a: int, table: list[int], meet: list[list[int]]) -> int:
    row, fa = meet[a], pb.forbidden[a]
    return sum(row[y] * 1000 + (10**6 if y in fa else 0) for y in table)


def _add(table: list[int], a: int, meet: list[list[int]]) -> None:
    for y in table:
        meet[a][y] += 1
        meet[y][a] += 1
    table.append(a)


def _remove(table: list[int], a: int, meet: list[list[int]]) -> None:
    table.remove(a)
    for y in table:
        meet[a][y] -= 1
        meet[y][a] -= 1


def moved_seats(in_force: Sequence[Sequence[Sequence[str]]],
                planned: Sequence[Sequence[Sequence[str]]]) -> int:
    """(person, round) seats of `planned` at another table than in `in_force` (people not
    seated in `in_force`'s round, i.e. arrivals, are not counted)."""
    moved = 0
    for old, new in zip(in_force, planned, strict=False):
        where = {p: t for t, table in enumerate(old) for p in table}
        moved += sum(1 for t, table in enumerate(new) for p in table
                     if p in where and where[p] != t)
    return moved


def send_home(state: SeatingState, in_force: Sequence[Sequence[Sequence[str]]],
              limit: Key | None = None) -> None:
    """Undo needless moves after the search: swap people back to their table in the plan in
    force whenever the swap lowers the number of people moved without worsening the plan
    (or, with `limit`, without making its key worse than `limit`)."""
    pb = state.pb
    index = {pid: i for i, pid in enumerate(pb.ids)}
    for offset, rnd in enumerate(list(in_force)[: pb.planned]):
        r = pb.frozen + offset
        home = {index[p]: t for t, table in enumerate(rnd) for p in table if p in index}
        improved = True
        while improved:
            improved = False
            where = state.where[r]
            away = [a for a, t in home.items() if state.movable[a] and 0 <= where[a] != t]
            for a in away:
                here, target = where[a], home[a]
                if here == target:
                    continue
                for b in list(state.tab[r][target]):
                    if not state.movable[b]:
                        continue
                    gain = 1 + (1 if home.get(b) == here else 0) - (1 if home.get(b) == target
                                                                     else 0)
                    if gain <= 0:
                        continue
                    before = state.key()
                    state.swap(r, a, b)
                    if state.key() <= (before if limit is None else max(before, limit)):
                        improved = True
                        break
                    state.swap(r, a, b)


@dataclass(frozen=True, slots=True)
class SeatChange:
    """Someone seated at another table by a re-plan: `round` and tables are 1-based."""

    person: str
    round: int
    before: int
    after: int


def seat_changes(before: Sequence[Sequence[Sequence[str]]],
                 after: Sequence[Sequence[Sequence[str]]],
                 first_round: int = 1) -> tuple[SeatChange, ...]:
    """The seats of `after` at another table than in `before`, round by round (`before[k]` and
    `after[k]` are round `first_round + k`), by person then round. People seated in only one
    of the two (arrivals, departures) are left out."""
    out: list[SeatChange] = []
    for k, (old, new) in enumerate(zip(before, after, strict=False)):
        where = {p: t for t, table in enumerate(old, 1) for p in table}
        for t, table in enumerate(new, 1):
            for p in table:
                if p in where and where[p] != t:
                    out.append(SeatChange(p, first_round + k, where[p], t))
    order = {p: n for n, p in enumerate(dict.fromkeys(c.person for c in out))}
    return tuple(sorted(out, key=lambda c: (order[c.person], c.round)))


def people_moved(changes: Sequence[SeatChange]) -> tuple[str, ...]:
    """The people who change table at least once, in the order of `changes`."""
    return tuple(dict.fromkeys(c.person for c in changes))
