"""The world-café planner: who sits at which table in each round.

`plan_rotation` tries the zero-repeat designs that fit (affine planes, transversal designs,
Kirkman's schoolgirls, ...), a cost-aware greedy start (and a Latin shift for visit-once), keeps
the best start and improves it by tabu search. Objective, in order: hard constraints (balanced
tables, hosts fixed, must-not-meet, keep-together, visit-once when feasible), the fewest
meetings of any pair, the fewest repeats, group spread, organisation mixing.
"""

from __future__ import annotations

import random
import time
from collections.abc import Collection, Sequence
from dataclasses import replace

from labkit.planning.constructions import candidate_designs
from labkit.planning.rotation_metrics import RotationMetrics, rotation_metrics
from labkit.planning.rotation_model import (
    PlanNote,
    Problem,
    RotationPlan,
    RotationRequest,
    build_problem,
)
from labkit.planning.rotation_search import Key, PlannedRounds, TabuSearch
from labkit.planning.rotation_start import design_start, greedy_start, latin_start
from labkit.planning.seatable import Round, Seatable, freeze_rounds


def _as_ids(pb: Problem, planned: PlannedRounds) -> tuple[Round, ...]:
    rounds = [*pb.history, *planned]
    return freeze_rounds([[pb.ids[i] for i in table] for table in rnd] for rnd in rounds)


def _measure(pb: Problem, rounds: Sequence[Round]) -> RotationMetrics:
    req = pb.request
    return rotation_metrics(
        rounds, req.people, tables=pb.tables, hosts=req.hosts,
        must_not_meet=req.must_not_meet, keep_together=req.keep_together,
        visit_once=req.visit_once, frozen_rounds=pb.frozen,
    )


def default_iterations(pb: Problem) -> int:
    """Search steps when the request gives none: enough for the usual sizes in about 1 s."""
    return 4000 + 60 * len(pb.present)


def plan_rotation(request: RotationRequest) -> RotationPlan:
    """Plan every round of a world café (keeping `request.history` as played).

    Raises InvalidInputError when the request is inconsistent (unknown ids, hosts ≠ tables...).
    """
    started = time.perf_counter()
    # keep a little room for measuring and returning the plan within the limit
    deadline = started + max(request.time_limit * 0.97 - 0.01, 0.0)
    pb = build_problem(request)
    rng = random.Random(request.seed)
    notes: list[PlanNote] = []
    if request.visit_once and not pb.visit_once:
        notes.append(PlanNote("visit_once_infeasible",
                              {"rounds": pb.rounds, "tables": pb.tables}))
    if pb.planned <= 0 or not pb.present:
        rounds = _as_ids(pb, [[[] for _ in range(pb.tables)] for _ in range(pb.planned)])
        return RotationPlan(rounds, _measure(pb, rounds), tuple(request.hosts), pb.frozen,
                            "history", tuple(notes), time.perf_counter() - started,
                            "optimal", request.seed)

    starts: list[tuple[str, PlannedRounds]] = []
    size = max(pb.sizes())
    if pb.frozen == 0 and request.use_designs:
        for design in candidate_designs(pb.tables, size, pb.rounds):
            plan = design_start(pb, design, rng)
            if plan is not None:
                starts.append((design.name, plan))
    starts.append(("greedy start + tabu search", greedy_start(pb, rng)))
    if pb.visit_once and pb.frozen == 0:
        latin = latin_start(pb, rng)
        if latin is not None:
            starts.append(("Latin routes + tabu search", latin))

    bounds = _measure(pb, _as_ids(pb, starts[-1][1]))

    def good_enough(key: Key) -> bool:
        forb, revisits, most, repeats, spread, clashes = key
        return (forb == 0 and revisits <= bounds.table_revisits_lower_bound
                and most <= bounds.max_meetings_lower_bound
                and repeats <= bounds.repeats_lower_bound_given_max(most)
                and spread == 0 and clashes <= bounds.organisation_clashes_lower_bound)

    scored = []
    for order, (name, plan) in enumerate(starts):
        search = TabuSearch(pb, plan, rng)
        scored.append((search.key(), order, name, search))
    scored.sort(key=lambda item: (item[0], item[1]))
    _, _, method, search = scored[0]
    budget = request.max_iterations
    if budget is None:
        budget = default_iterations(pb)
    if pb.group_count and search.group_dev == 0:
        # groups balanced from the start: first search with same-group swaps only
        search.same_group = True
        best, key, stopped_by = search.run(budget * 2 // 3, deadline, good_enough)
        search.same_group = False
        if stopped_by == "iterations":
            search.load(best)
            best, key, stopped_by = search.run(budget, deadline, good_enough)
    else:
        best, key, stopped_by = search.run(budget, deadline, good_enough)
    if search.it and "search" not in method:
        method = f"{method} + tabu search"
    rounds = _as_ids(pb, best)
    metrics = _measure(pb, rounds)
    if metrics.forbidden_meetings:
        notes.append(PlanNote("must_not_meet_unmet", {"count": metrics.forbidden_meetings}))
    if metrics.visit_once_violations:
        notes.append(PlanNote("visit_once_unmet", {"count": metrics.visit_once_violations}))
    if metrics.keep_together_violations:
        notes.append(PlanNote("keep_together_unmet",
                              {"count": metrics.keep_together_violations}))
    if metrics.balance_violations:
        notes.append(PlanNote("unbalanced", {"count": metrics.balance_violations}))
    if stopped_by == "time":
        notes.append(PlanNote("time_limit_reached", {"seconds": request.time_limit}))
    return RotationPlan(
        rounds=rounds, metrics=metrics, hosts=tuple(request.hosts), frozen_rounds=pb.frozen,
        method=method, notes=tuple(notes), seconds=time.perf_counter() - started,
        stopped_by=stopped_by, seed=request.seed,
    )


def replan_rotation(
    request: RotationRequest,
    previous: RotationPlan,
    played: int,
    *,
    absent: Collection[str] = (),
    arrivals: Sequence[Seatable] = (),
) -> RotationPlan:
    """Re-plan the rounds after the first `played` rounds of `previous` (kept as they ran).

    `absent` people are not seated any more; `arrivals` join from the next round on.
    """
    known = {p.id for p in request.people}
    people = [*request.people, *(p for p in arrivals if p.id not in known)]
    return plan_rotation(replace(
        request, people=people, history=previous.rounds[:played],
        absent=(frozenset(absent) | frozenset(request.absent)) - {p.id for p in arrivals},
    ))
