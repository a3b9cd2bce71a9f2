"""Host cafés planned as a host-free design for the visitors, groups given to the hosts per
round: figures recomputed here from the rounds, no search involved (`max_iterations=0`)."""

from __future__ import annotations

import random
from collections import Counter
from itertools import permutations

from labkit.planning import RotationRequest, Seatable, plan_rotation
from labkit.planning.constructions import candidate_designs
from labkit.planning.host_free import assignment, host_free_start
from labkit.planning.rotation_model import build_problem

from .helpers import max_meetings, repeats, revisits

NO_SEARCH = {"time_limit": 30.0, "max_iterations": 0}
"""The starts only: the figures do not depend on the machine's speed."""


def people(n: int) -> list[Seatable]:
    return [Seatable(str(i)) for i in range(n)]


def host_checks(rounds, hosts: list[str]) -> None:
    for rnd in rounds:
        assert [table[0] if table[0] in hosts else None for table in rnd] == hosts
        assert max(map(len, rnd)) - min(map(len, rnd)) <= 1


def host_repeats(rounds, hosts: list[str]) -> int:
    seen = Counter((p, t) for rnd in rounds for t, table in enumerate(rnd) for p in table
                   if p not in hosts)
    return sum(c - 1 for c in seen.values() if c > 1)


def test_the_assignment_is_a_minimum_matching() -> None:
    rng = random.Random(4)
    for _ in range(60):
        n = rng.randint(1, 6)
        cost = [[rng.randint(0, 30) for _ in range(n)] for _ in range(n)]
        got = assignment(cost)
        assert sorted(got) == list(range(n))
        best = min(sum(cost[i][p[i]] for i in range(n)) for p in permutations(range(n)))
        assert sum(cost[i][got[i]] for i in range(n)) == best


def test_thirty_two_at_eight_tables_with_hosts_over_ten_rounds() -> None:
    """The 24 visitors follow a 10-round triple packing (no visitor pair twice); the forced
    host repeats (each host sees 30 visitor seats for 24 visitors: 48) plus at most one."""
    ids = people(32)
    hosts = [p.id for p in ids[:8]]
    plan = plan_rotation(RotationRequest(ids, tables=8, rounds=10, hosts=hosts, **NO_SEARCH))
    host_checks(plan.rounds, hosts)
    visitors_only = [[[p for p in table if p not in hosts] for table in rnd]
                     for rnd in plan.rounds]
    assert repeats(visitors_only) == 0
    assert plan.metrics.repeats_lower_bound == 48
    assert repeats(plan.rounds) == plan.metrics.repeats == host_repeats(plan.rounds, hosts)
    assert plan.metrics.repeats <= 49 and max_meetings(plan.rounds) == 2
    assert plan.method.startswith("visitors on ")


def test_visit_once_and_groups_kept_on_a_host_free_design() -> None:
    """25 at 5x5 with hosts, visit-once, 4 rounds: the 20 visitors on a transversal design of
    tables of 4; the assignment keeps everyone off a table they already visited."""
    ids = [Seatable(str(i), group=None if i < 5 else "AB"[i % 2]) for i in range(25)]
    hosts = [p.id for p in ids[:5]]
    request = RotationRequest(ids, tables=5, rounds=4, hosts=hosts, visit_once=True,
                              **NO_SEARCH)
    pb = build_problem(request)
    design = next(candidate_designs(5, 4, 4))
    planned = host_free_start(pb, design, random.Random(0))
    assert planned is not None
    rounds = [[[pb.ids[i] for i in table] for table in rnd] for rnd in planned]
    host_checks(rounds, hosts)
    assert revisits(rounds, hosts) == 0 and repeats(rounds) == 0
    for rnd in rounds:  # 10 of each group over 5 tables: 2 at every table
        for table in rnd:
            assert Counter(int(p) % 2 for p in table if p not in hosts) == {0: 2, 1: 2}


def test_existing_host_designs_stay_at_zero() -> None:
    for size, tables, rounds in ((49, 7, 7), (40, 8, 5), (25, 5, 4)):
        ids = people(size)
        hosts = [p.id for p in ids[:tables]]
        plan = plan_rotation(RotationRequest(ids, tables=tables, rounds=rounds, hosts=hosts,
                                             **NO_SEARCH))
        host_checks(plan.rounds, hosts)
        assert repeats(plan.rounds) == plan.metrics.repeats == 0
