"""Honest quality figures for a world-café plan, and lower bounds showing how far from perfect.

Everything here is recomputed from the plan itself (rounds of tables of ids), so a plan coming
from anywhere (the solver, a hand-edited file, a baseline) is measured the same way.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Sequence
from dataclasses import asdict, dataclass
from functools import cache
from math import comb, perm

from labkit.planning.seatable import Seatable, pair_key, pairs_of


@dataclass(frozen=True, slots=True)
class RotationMetrics:
    """Quality of a plan. Hard-constraint counts should be 0; bounds are valid for any plan
    with the same rounds, tables, presence and hosts."""

    repeats: int
    """Σ over pairs of max(0, meetings − 1)."""
    max_meetings: int
    pairs_met_more_than_once: int
    distinct_pairs_met: int
    group_spread_deviation: int
    """Σ over rounds, tables and groups of the distance outside [floor(c/T), ceil(c/T)]."""
    organisation_clashes: int
    """Pairs of people of the same organisation seated together, summed over rounds."""
    table_revisits: int
    """Times a non-host sits again at a table already visited."""
    balance_violations: int
    host_violations: int
    forbidden_meetings: int
    keep_together_violations: int
    visit_once_violations: int
    """`table_revisits` when visit-once was asked and is feasible, else 0."""
    counting_bound: int
    pigeonhole_bound: int
    repeats_lower_bound: int
    """max(counting bound, pigeonhole bound): no plan can have fewer repeats."""
    repeats_lower_bound_at_max: int
    """No plan whose max meetings is <= this plan's can have fewer repeats."""
    max_meetings_lower_bound: int
    co_meeting_floor: int
    """Pairs seated together in two rounds, summed over pairs of rounds, can't be fewer."""
    organisation_clashes_lower_bound: int
    table_revisits_lower_bound: int
    person_bound: int = 0
    """Per-person counting: a host meets Σ (table size - 1) people but only so many others
    exist; the same for everyone else among the non-hosts (each repeat counted for two); and
    the known impossibilities (`impossibility_bound`)."""
    question_revisits: int = 0
    """Tables sharing questions: times a non-host meets a question again (the same table, or
    another table of that question); 0 when the plan was measured without table questions."""
    question_revisits_lower_bound: int = 0
    """No plan of the same shape (and history) meets questions again fewer times."""
    teammate_repeats: int = 0
    """Of `repeats`, those between teammates (teams that move together meet again on
    purpose); 0 when the plan was measured without teams."""
    search_bound: int = 0
    """Repeats no plan of this shape can go below, proved by the planner's exact search on a
    small café (`labkit.planning.exact`; 0: not run). Included in `repeats_lower_bound`."""
    search_optimal: bool = False
    """The exact search finished and proved this plan optimal: no plan has fewer repeats, nor
    as few with fewer meetings of the pair meeting most."""

    @property
    def hard_violations(self) -> int:
        """Violated hard constraints (balance, hosts, must-not-meet, keep-together, visit-once)."""
        return (self.balance_violations + self.host_violations + self.forbidden_meetings
                + self.keep_together_violations + self.visit_once_violations)

    @property
    def at_lower_bound(self) -> bool:
        """Whether max meetings and repeats both reach their lower bounds (provably optimal)."""
        return (self.max_meetings <= self.max_meetings_lower_bound
                and self.repeats <= self.repeats_lower_bound_at_max
                and self.question_revisits <= self.question_revisits_lower_bound)

    def repeats_lower_bound_given_max(self, max_meetings: int) -> int:
        """Fewest repeats of any plan in which no pair meets more than `max_meetings` times."""
        if max_meetings < 2:
            return max(self.counting_bound, self.person_bound)
        return max(self.counting_bound, self.pigeonhole_bound, self.person_bound,
                   -(-2 * self.co_meeting_floor // max_meetings))

    @property
    def proven_optimal(self) -> bool:
        """Fewest repeats first: repeats, max meetings, group spread and organisation clashes
        all at their lower bounds, questions met again no more than the bound, and no hard
        constraint broken (a proof, not a hope); or the exact search proved it."""
        if self.search_optimal and self.hard_violations == 0:
            return True
        return (self.hard_violations == 0 and self.repeats <= self.repeats_lower_bound
                and self.question_revisits <= self.question_revisits_lower_bound
                and self.max_meetings <= self.max_meetings_lower_bound
                and self.group_spread_deviation == 0
                and self.organisation_clashes <= self.organisation_clashes_lower_bound)

    def as_dict(self) -> dict[str, int | bool]:
        """A JSON-ready dict of every figure."""
        out: dict[str, int | bool] = dict(asdict(self))
        out["hard_violations"] = self.hard_violations
        out["at_lower_bound"] = self.at_lower_bound
        return out


def even_split_pairs(count: int, bins: int) -> int:
    """Pairs sharing a bin when `count` items are spread as evenly as possible over `bins`."""
    if bins <= 0:
        return comb(count, 2)
    base, extra = divmod(count, bins)
    return extra * comb(base + 1, 2) + (bins - extra) * comb(base, 2)


@cache
def _table_floor(size: int, tables: int, hosted: bool, visit_once: bool) -> tuple[int, ...]:
    """Minimum pairs of one later-round table of `size` already seated together in an earlier
    round, indexed by how many of its people were absent from that earlier round.

    With hosts the host sat at the same table both times (so is never an arrival); with
    visit-once nobody else can have sat at that table before.
    """
    out = []
    for arrivals in range(size + (0 if hosted else 1)):
        present = size - arrivals
        if hosted and visit_once:
            out.append(even_split_pairs(present - 1, tables - 1) if tables > 1 else 0)
        else:
            out.append(even_split_pairs(present, tables))
    return tuple(out)


@cache
def pigeonhole_pairs(sizes: tuple[int, ...], tables: int, arrivals: int, hosted: bool,
                     visit_once: bool) -> int:
    """Minimum pairs seated together in both of two rounds, given the later round's table
    `sizes` and the number of people present in it but absent from the earlier one."""
    floors = [_table_floor(s, tables, hosted, visit_once) for s in sizes if s > 0]
    used = [0] * len(floors)
    for _ in range(arrivals):
        gains = [(f[u] - f[u + 1], t) for t, (f, u) in enumerate(zip(floors, used, strict=True))
                 if u + 1 < len(f)]
        if not gains:
            break
        gain, t = max(gains)
        if gain <= 0:
            break
        used[t] += 1
    return sum(f[u] for f, u in zip(floors, used, strict=True))


def rotation_metrics(
    rounds: Sequence[Sequence[Sequence[str]]],
    people: Sequence[Seatable],
    *,
    tables: int,
    hosts: Sequence[str] = (),
    must_not_meet: Collection[tuple[str, str]] = (),
    keep_together: Collection[tuple[str, str]] = (),
    visit_once: bool = False,
    frozen_rounds: int = 0,
    table_questions: Sequence[int] = (),
    teams: Sequence[Collection[str]] = (),
) -> RotationMetrics:
    """Measure a plan: `rounds[r][t]` lists the ids at table t in round r (hosts included).

    `table_questions[t]` is the question of table t (see `RotationRequest.table_questions`):
    given, questions met again are counted and bounded. `teams` (teams that move together):
    their members' repeats are also counted apart (`teammate_repeats`)."""
    info = {p.id: p for p in people}
    host_table = {h: t for t, h in enumerate(hosts)}
    meetings: Counter[tuple[str, str]] = Counter()
    for rnd in rounds:
        for table in rnd:
            meetings.update(pairs_of(table))
    repeats = sum(m - 1 for m in meetings.values() if m > 1)
    max_meet = max(meetings.values(), default=0)
    team_of = {pid: k for k, team in enumerate(teams) for pid in team}
    teammate_repeats = sum(m - 1 for (a, b), m in meetings.items()
                           if m > 1 and a in team_of and team_of[a] == team_of.get(b))

    group_dev = org_clash = org_floor = balance = host_bad = 0
    forbidden_hits = together_bad = history_revisits = 0
    hosts_fixed = True
    forbidden = {pair_key(a, b) for a, b in must_not_meet}
    together = [pair_key(a, b) for a, b in keep_together]
    visits: dict[str, Counter[int]] = defaultdict(Counter)
    seated_rounds: Counter[str] = Counter()
    for r, rnd in enumerate(rounds):
        sizes = [len(t) for t in rnd]
        if r >= frozen_rounds and sizes and max(sizes) - min(sizes) > 1:
            balance += 1
        where = {pid: t for t, table in enumerate(rnd) for pid in table}
        groups = Counter(info[p].group for p in where if p in info and info[p].group)
        orgs = Counter(info[p].organisation for p in where if p in info and info[p].organisation)
        org_floor += sum(even_split_pairs(c, tables) for c in orgs.values())
        for t, table in enumerate(rnd):
            at = Counter(info[p].group for p in table if p in info and info[p].group)
            for g, total in groups.items():
                lo, hi = total // tables, -(-total // tables)
                n = at.get(g, 0)
                group_dev += max(0, lo - n) + max(0, n - hi)
            org_clash += sum(comb(c, 2) for c in Counter(
                info[p].organisation for p in table if p in info and info[p].organisation
            ).values())
            for pid in table:
                seated_rounds[pid] += 1
                if pid not in host_table:
                    visits[pid][t] += 1
                    if r < frozen_rounds and visits[pid][t] > 1:
                        history_revisits += 1
        moved = sum(1 for h, t in host_table.items() if where.get(h, t) != t)
        hosts_fixed = hosts_fixed and moved == 0
        if r >= frozen_rounds:
            host_bad += moved
            for table in rnd:
                forbidden_hits += sum(1 for pair in pairs_of(table) if pair in forbidden)
            together_bad += sum(1 for a, b in together
                                if a in where and b in where and where[a] != where[b])
    revisits = sum(c - 1 for per in visits.values() for c in per.values() if c > 1)
    revisit_floor = sum(max(0, seated_rounds[p] - tables) for p in seated_rounds
                        if p not in host_table)
    visit_once_feasible = visit_once and revisit_floor == 0 and history_revisits == 0

    # lower bounds
    total_meetings = sum(comb(len(t), 2) for rnd in rounds for t in rnd)
    presence = [frozenset(p for t in rnd for p in t) for rnd in rounds]
    mask: dict[str, int] = defaultdict(int)
    for r, present in enumerate(presence):
        for p in present:
            mask[p] |= 1 << r
    can_meet, partners = _possible_partners(mask, host_table)
    history_pairs = {pair for rnd in rounds[:frozen_rounds] for t in rnd for pair in pairs_of(t)}
    can_meet -= sum(1 for pair in forbidden if pair not in history_pairs
                    and pair[0] in mask and pair[1] in mask and mask[pair[0]] & mask[pair[1]])
    counting = max(0, total_meetings - can_meet)
    hosted = bool(hosts) and hosts_fixed
    person = _person_bound(rounds, host_table if hosted else {}, partners, total_meetings,
                           can_meet)
    person = max(person, impossibility_bound(rounds, presence))
    co = 0
    for r2 in range(len(rounds)):
        round_sizes = tuple(len(t) for t in rounds[r2])
        for r1 in range(r2):
            arrivals = len(presence[r2] - presence[r1])
            co += pigeonhole_pairs(round_sizes, tables, arrivals, hosted, visit_once_feasible)
    span = max(len(rounds), 1)
    pigeon = -(-2 * co // span) if span >= 2 else 0
    max_floor = 0
    if total_meetings:
        max_floor = max(1, -(-total_meetings // max(can_meet, 1)), 1 + -(-2 * co // total_meetings))
        if counting or co:
            max_floor = max(max_floor, 2)
        if visit_once_feasible and len(rounds) >= 2:
            # everyone seated in every round follows a route of distinct tables; with more such
            # people than routes, two of them share a route and meet in every round
            always = sum(1 for p, c in seated_rounds.items()
                         if c == len(rounds) and p not in host_table)
            if always > perm(tables, len(rounds)):
                max_floor = max(max_floor, len(rounds))
    q_revisits, q_floor = question_revisits(rounds, host_table, table_questions, frozen_rounds)
    return RotationMetrics(
        repeats=repeats,
        max_meetings=max_meet,
        pairs_met_more_than_once=sum(1 for m in meetings.values() if m > 1),
        distinct_pairs_met=len(meetings),
        group_spread_deviation=group_dev,
        organisation_clashes=org_clash,
        table_revisits=revisits,
        balance_violations=balance,
        host_violations=host_bad,
        forbidden_meetings=forbidden_hits,
        keep_together_violations=together_bad,
        visit_once_violations=revisits if visit_once_feasible else 0,
        counting_bound=counting,
        pigeonhole_bound=pigeon,
        co_meeting_floor=co,
        repeats_lower_bound=max(counting, pigeon, person),
        repeats_lower_bound_at_max=max(
            counting, pigeon, person, -(-2 * co // max_meet) if max_meet >= 2 else 0),
        person_bound=person,
        max_meetings_lower_bound=max_floor,
        organisation_clashes_lower_bound=org_floor,
        table_revisits_lower_bound=revisit_floor,
        question_revisits=q_revisits,
        question_revisits_lower_bound=q_floor,
        teammate_repeats=teammate_repeats,
    )


def question_revisits(rounds: Sequence[Sequence[Sequence[str]]], host_table: dict[str, int],
                      table_questions: Sequence[int], frozen_rounds: int = 0
                      ) -> tuple[int, int]:
    """(times a non-host meets a question again, a lower bound for any plan of that shape).

    The bound is the larger of two counts. Per person: the returns already played, plus the
    planned rounds beyond the questions not met yet. Per question: the seats of non-hosts at
    its fewest possible seats over all rounds (its tables taken the smallest), beyond the
    number of non-hosts who could fill them once.
    """
    if not table_questions:
        return 0, 0
    seen: dict[str, Counter[int]] = defaultdict(Counter)
    played: dict[str, Counter[int]] = defaultdict(Counter)
    planned: Counter[str] = Counter()
    seats: Counter[int] = Counter()
    tables_of = Counter(table_questions)
    for r, rnd in enumerate(rounds):
        # the fewest non-host seats any plan with these table sizes gives each question
        movers = sorted(sum(1 for p in table if p not in host_table) for table in rnd)
        for q, k in tables_of.items():
            seats[q] += sum(movers[:k])
        for t, table in enumerate(rnd):
            q = table_questions[t] if t < len(table_questions) else -1 - t
            for pid in table:
                if pid in host_table:
                    continue
                seen[pid][q] += 1
                if r < frozen_rounds:
                    played[pid][q] += 1
                else:
                    planned[pid] += 1
    revisits = sum(c - 1 for per in seen.values() for c in per.values() if c > 1)
    distinct = len(set(table_questions))
    by_person = sum(sum(c - 1 for c in played[p].values() if c > 1)
                    + max(0, planned[p] - (distinct - len(played[p]))) for p in seen)
    by_question = sum(max(0, count - len(seen)) for count in seats.values())
    return revisits, max(by_person, by_question)


def _possible_partners(mask: dict[str, int], host_table: dict[str, int]
                       ) -> tuple[int, Counter[str]]:
    """Pairs sharing a round (two hosts never count), and each person's partners (hosts:
    everyone; non-hosts: non-hosts only). People are grouped by (rounds present, host), so
    this is linear in the people for the few presence patterns a café has."""
    classes: Counter[tuple[int, bool]] = Counter((m, p in host_table) for p, m in mask.items())
    keys = list(classes)
    can_meet = 0
    per_class: Counter[tuple[int, bool]] = Counter()
    for x, (ma, ha) in enumerate(keys):
        for mb, hb in keys[x:]:
            if not ma & mb or (ha and hb):
                continue
            ca, cb = classes[ma, ha], classes[mb, hb]
            same = (ma, ha) == (mb, hb)
            can_meet += ca * (ca - 1) // 2 if same else ca * cb
            if same:
                per_class[ma, ha] += ca - 1
                continue
            if ha == hb or ha:
                per_class[ma, ha] += cb
            if ha == hb or hb:
                per_class[mb, hb] += ca
    partners: Counter[str] = Counter()
    for p, m in mask.items():
        count = per_class[m, p in host_table]
        if count:
            partners[p] = count
    return can_meet, partners


def _person_bound(rounds: Sequence[Sequence[Sequence[str]]], host_table: dict[str, int],
                  partners: Counter[str], total_meetings: int, can_meet: int) -> int:
    """Repeats forced person by person (see `RotationMetrics.person_bound`)."""
    seen: Counter[str] = Counter()  # meetings of each person (non-hosts: with non-hosts)
    for rnd in rounds:
        for table in rnd:
            hosts_here = sum(1 for p in table if p in host_table)
            for p in table:
                seen[p] += len(table) - 1 - (0 if p in host_table else hosts_here)
    if not host_table:
        excess = sum(max(0, seen[p] - partners[p]) for p in seen)
        return -(-excess // 2)
    host_part = sum(max(0, seen[h] - partners[h]) for h in host_table)
    host_meetings = sum(seen[h] for h in host_table)
    host_pairs = sum(partners[h] for h in host_table)
    others = [p for p in seen if p not in host_table]
    excess = sum(max(0, seen[p] - partners[p]) for p in others)
    rest = max(total_meetings - host_meetings - (can_meet - host_pairs), -(-excess // 2), 0)
    return host_part + rest


def impossibility_bound(rounds: Sequence[Sequence[Sequence[str]]],
                        presence: Sequence[frozenset[str]]) -> int:
    """Repeats forced by a known non-existence result.

    36 people at 6 tables of 6: zero-repeat rounds beyond the third would give two
    orthogonal Latin squares of order 6, which do not exist (Tarry, 1900). So at most 3 rounds
    are repeat-free, and each repeat can be undone by dropping one round: >= rounds - 3.
    """
    if len(rounds) < 4 or len(set(presence)) != 1 or len(presence[0]) != 36:
        return 0
    if all(len(rnd) == 6 and all(len(t) == 6 for t in rnd) for rnd in rounds):
        return len(rounds) - 3
    return 0
