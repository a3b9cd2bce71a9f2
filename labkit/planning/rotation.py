"""The world-café planner: who sits at which table in each round.

`plan_rotation` tries the zero-repeat designs that fit (affine planes, transversal designs,
Kirkman triple systems, ...; a design with fewer rounds than asked keeps its rounds and the
rest is seated after them), the plan in force when re-planning, a cost-aware greedy start (and
a Latin shift for visit-once), keeps the best start and improves it by tabu search over every
round until the plan is proven optimal or the CPU budget is spent. Objective, in order: hard
constraints (balanced tables, hosts fixed, must-not-meet, keep-together, visit-once when
feasible), the fewest repeats (a question met again at tables that keep their question counts as
one) then the fewest meetings of any pair (or the reverse, `objective="max_meetings"`), group
spread, organisation mixing.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Collection, Sequence
from dataclasses import replace

from labkit.planning.constructions import candidate_designs
from labkit.planning.deadline import Deadline
from labkit.planning.host_free import host_free_start
from labkit.planning.rotation_exact import exact_fits, prove, with_proof
from labkit.planning.rotation_metrics import RotationMetrics
from labkit.planning.rotation_model import (
    PlanNote,
    Problem,
    RotationPlan,
    RotationRequest,
    build_problem,
    measure_plan,
    unmet_notes,
)
from labkit.planning.rotation_replan import moved_seats, repair_plan, send_home
from labkit.planning.rotation_search import Key, PlannedRounds, TabuSearch
from labkit.planning.rotation_start import design_start, greedy_start, latin_start
from labkit.planning.seatable import Round, Seatable, freeze_rounds
from labkit.planning.table_exchange import move_stayers, relabel_questions


def _as_ids(pb: Problem, planned: PlannedRounds) -> tuple[Round, ...]:
    rounds = [*pb.history, *planned]
    return freeze_rounds([[pb.ids[i] for i in table] for table in rnd] for rnd in rounds)


def _good_enough(pb: Problem, bounds: RotationMetrics) -> Callable[[Key], bool]:
    """Whether a key is at every lower bound (the search can stop: the plan is optimal).

    The key's repeats include the questions met again: at their floor only when both are."""
    repeats_first = pb.request.objective == "repeats"
    q_floor = bounds.question_revisits_lower_bound

    def good_enough(key: Key) -> bool:
        forb, revisits, first, second, spread, clashes = key
        rep, most = (first, second) if repeats_first else (second, first)
        rep_floor = (bounds.repeats_lower_bound if repeats_first
                     else bounds.repeats_lower_bound_given_max(most))
        return (forb == 0 and revisits <= bounds.table_revisits_lower_bound
                and most <= bounds.max_meetings_lower_bound and rep <= rep_floor + q_floor
                and spread == 0 and clashes <= bounds.organisation_clashes_lower_bound)

    return good_enough


def _starts(pb: Problem, rng: random.Random, deadline: Deadline,
            good_enough: Callable[[Key], bool], stands: Callable[[Key], bool]
            ) -> list[tuple[str, TabuSearch]]:
    """Candidate starting plans (with their search state), best-informed first.

    Stops as soon as one is good enough (at every lower bound: nothing left to search) or the
    deadline has expired; the greedy start is always there when nothing better is (dealt
    without costs once the deadline has expired).
    """
    starts: list[tuple[str, TabuSearch]] = []

    def add(name: str, plan: PlannedRounds) -> bool:
        if name != "plan in force":  # re-plans keep their tables
            plan = relabel_questions(pb, plan, deadline)
        state = TabuSearch(pb, plan, rng)
        starts.append((name, state))
        return good_enough(state.key())

    request = pb.request
    if request.plan_in_force:
        repaired = repair_plan(pb, request.plan_in_force)
        if len(repaired) < pb.planned or any(not any(rnd) for rnd in repaired):
            repaired = greedy_start(pb, rng, [r for r in repaired if any(r)], deadline)
        if add("plan in force", repaired) or stands(starts[0][1].key()):
            return starts  # a re-plan that breaks nothing keeps the plan in force
    size = max(pb.sizes())
    if pb.frozen == 0 and request.use_designs:
        # designs are built one at a time, lazily; the first is tried even past the deadline
        # (a construction is cheap and often zero-repeat), no other once it has expired
        for design in candidate_designs(pb.tables, size, pb.planned):
            plan = design_start(pb, design, rng, deadline)
            if plan is not None:
                partial = len(design.rounds) < pb.planned
                if add(design.name + (f" ({len(design.rounds)} rounds)" if partial else ""),
                       plan):
                    return starts
            if deadline.expired():
                break
        if pb.hosts and size > 1 and not deadline.expired():
            # the visitors alone on a host-free design, groups given to the hosts per round
            for design in candidate_designs(pb.tables, size - 1, pb.planned):
                plan = host_free_start(pb, design, rng, deadline)
                partial = len(design.rounds) < pb.planned
                if plan is not None and add(
                        f"visitors on {design.name}"
                        + (f" ({len(design.rounds)} rounds)" if partial else ""), plan):
                    return starts
                if deadline.expired():
                    break
    if starts and deadline.expired():
        return starts
    if add("greedy start", greedy_start(pb, rng, deadline=deadline)):
        return starts
    if pb.visit_once and pb.frozen == 0 and not deadline.expired():
        latin = latin_start(pb, rng)
        if latin is not None:
            add("Latin routes", latin)
    return starts


def _search(pb: Problem, request: RotationRequest, starts: list[tuple[str, TabuSearch]],
            deadline: Deadline, good_enough: Callable[[Key], bool],
            kept: tuple[PlannedRounds, Key] | None) -> tuple[PlannedRounds, str, str]:
    """Improve the best start by tabu search: (planned rounds, method, why it stopped)."""
    scored = [(search.key(), order, name, search)
              for order, (name, search) in enumerate(starts)]
    scored.sort(key=lambda item: (item[0], item[1]))
    _, _, method, search = scored[0]
    budget = request.max_iterations if request.max_iterations is not None else 10**12
    if method == "plan in force" and not good_enough(search.key()):
        search.descend(deadline)  # few moves first: often enough after an absence
        method = "plan in force + repair"
    if pb.group_count and search.group_dev == 0:
        # groups balanced from the start: first search with same-group swaps only
        search.same_group = True
        best, key, stopped_by = search.run(budget * 2 // 3, deadline.part(2 / 3), good_enough)
        search.same_group = False
        if stopped_by != "optimal":
            search.load(best)
            best, key, stopped_by = search.run(budget, deadline, good_enough)
    else:
        best, key, stopped_by = search.run(budget, deadline, good_enough)
    if search.it:
        method = f"{method} + tabu search"
    if kept is not None:
        best, key, method, stopped_by = _minimal(search, best, key, kept, method, stopped_by)
    return best, method, stopped_by


def _minimal(search: TabuSearch, best: PlannedRounds, key: Key,
             kept: tuple[PlannedRounds, Key], method: str, stopped_by: str
             ) -> tuple[PlannedRounds, Key, str, str]:
    """A re-plan moves only whom it must: the repaired plan in force (absent people dropped,
    arrivals seated, tables rebalanced) unless the search removed a broken hard constraint
    (must-not-meet, visit-once); then people are sent back to their tables as long as the plan
    stays no worse than the search's hard figures and the repaired plan's others."""
    repaired, repaired_key = kept
    if key[:2] >= repaired_key[:2]:
        return repaired, repaired_key, "plan in force", "kept"
    search.load(best)
    send_home(search, search.pb.request.plan_in_force, limit=(*key[:2], *repaired_key[2:]))
    return search.planned(), search.key(), method, stopped_by


def plan_rotation(request: RotationRequest, *, deadline: Deadline | None = None
                  ) -> RotationPlan:
    """Plan every round of a world café (keeping `request.history` as played).

    `request.time_limit` is CPU time (`time.process_time`), so a loaded machine does not cut
    the search short, with a wall-clock ceiling of `deadline.WALL_FACTOR` times it; every
    phase checks it (starts, designs, search). `deadline` replaces it (tests pass fake
    clocks). A start at every lower bound ends the search at once. Raises InvalidInputError
    when the request is inconsistent (unknown ids, hosts ≠ tables...).
    """
    if request.teams:  # teams that move together fix the plan: no search
        from labkit.planning.team_rotation import plan_team_rotation

        return plan_team_rotation(request)
    started = time.perf_counter()
    if deadline is None:
        # keep a little room for measuring and returning the plan within the limit
        deadline = Deadline(max(request.time_limit * 0.97 - 0.01, 0.0))
    pb = build_problem(request)
    rng = random.Random(request.seed)
    notes: list[PlanNote] = []
    if request.visit_once and not pb.visit_once:
        notes.append(PlanNote("visit_once_infeasible",
                              {"rounds": pb.rounds, "tables": pb.tables}))
    if pb.planned <= 0 or not pb.present:
        rounds = _as_ids(pb, [[[] for _ in range(pb.tables)] for _ in range(pb.planned)])
        return RotationPlan(rounds, measure_plan(pb, rounds), tuple(request.hosts), pb.frozen,
                            "history", tuple(notes), time.perf_counter() - started,
                            "optimal", request.seed)

    # the bounds hold for any plan of the same shape: measure one dealt in O(people) a round
    quick = greedy_start(pb, random.Random(request.seed), deadline=Deadline(0.0))
    bounds = measure_plan(pb, _as_ids(pb, quick))
    good_enough = _good_enough(pb, bounds)

    def stands(key: Key) -> bool:
        """A repaired plan in force breaks no must-not-meet and adds no needless revisit."""
        return key[0] == 0 and key[1] <= bounds.table_revisits_lower_bound

    proof = None
    if exact_fits(pb):  # a small café: prove the optimum, or raise the bound, in 60 % of the time
        proof = prove(pb, bounds.repeats_lower_bound, deadline.part(0.6))
        if proof[0].finished and proof[1] is not None:
            rounds = _as_ids(pb, proof[1])
            metrics = with_proof(measure_plan(pb, rounds), proof[0], optimal=True)
            return RotationPlan(rounds, metrics, tuple(request.hosts), pb.frozen, "exact search",
                                tuple(notes), time.perf_counter() - started, "optimal",
                                request.seed)
    starts = _starts(pb, rng, deadline, good_enough, stands)
    kept = None  # re-plans: the plan in force, repaired for who is in the room
    if request.plan_in_force:
        kept = starts[0][1].planned(), starts[0][1].key()
    if kept is not None and stands(kept[1]):
        # nothing broken: the repaired plan in force stands (no search to move people for)
        best, method, stopped_by = kept[0], "plan in force", "kept"
    else:
        best, method, stopped_by = _search(pb, request, starts, deadline, good_enough, kept)
        if kept is None:  # re-plans move only whom they must
            best = move_stayers(pb, best, Deadline(request.time_limit * 0.05))
    if proof is not None and proof[1] is not None:  # fewest repeats, max meetings unproved
        found = TabuSearch(pb, proof[1], rng)
        if found.key() < TabuSearch(pb, best, rng).key():
            best, method = proof[1], "exact search"
    rounds = _as_ids(pb, best)
    metrics = measure_plan(pb, rounds)
    if proof is not None:
        metrics = with_proof(metrics, proof[0], optimal=False)
    notes += unmet_notes(metrics)
    if stopped_by == "time":
        notes.append(PlanNote("time_limit_reached", {"seconds": request.time_limit}))
    moved = moved_seats(request.plan_in_force, rounds[pb.frozen:]) if request.plan_in_force \
        else 0
    return RotationPlan(
        rounds=rounds, metrics=metrics, hosts=tuple(request.hosts), frozen_rounds=pb.frozen,
        method=method, notes=tuple(notes), seconds=time.perf_counter() - started,
        stopped_by=stopped_by, seed=request.seed, moved=moved,
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

    `absent` people are not seated any more; `arrivals` join from the next round on. The new
    plan starts from `previous` (absent people dropped, arrivals seated where they meet the
    fewest people they already met, tables rebalanced with the fewest moves) and keeps it
    unless a must-not-meet or visit-once broken by the change needs more moves (then it
    sends back home whoever it can); `moved` counts the seats that changed.
    """
    known = {p.id for p in request.people}
    people = [*request.people, *(p for p in arrivals if p.id not in known)]
    return plan_rotation(replace(
        request, people=people, history=previous.rounds[:played],
        absent=(frozenset(absent) | frozenset(request.absent)) - {p.id for p in arrivals},
        plan_in_force=previous.rounds[played:],
    ))
