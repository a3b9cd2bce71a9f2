"""The exact search (`labkit.planning.exact`) applied to a planner problem: small cafés where
only pair meetings count, all seated in every round at equal tables."""

from __future__ import annotations

from dataclasses import replace

from labkit.planning.deadline import Deadline
from labkit.planning.exact import ExactResult, exact_applies, exact_search
from labkit.planning.rotation_metrics import RotationMetrics
from labkit.planning.rotation_model import Problem
from labkit.planning.rotation_state import PlannedRounds


def exact_fits(pb: Problem) -> bool:
    """Whether `pb` is a pure pair-meeting problem the exact search can take: nothing played
    or in force, no hosts, groups, organisations, must-not-meet, keep-together, visit-once or
    table questions, the repeats objective first, and a size `exact_applies` to."""
    req = pb.request
    return (pb.frozen == 0 and not req.plan_in_force and not pb.hosts
            and pb.group_count == 0 and pb.org_count == 0 and not any(pb.forbidden)
            and all(len(unit) == 1 for unit in pb.units) and not req.visit_once
            and pb.question_of is None and req.objective == "repeats"
            and exact_applies(len(pb.present), pb.tables, pb.planned))


def prove(pb: Problem, lower: int, deadline: Deadline
          ) -> tuple[ExactResult, PlannedRounds | None]:
    """The exact search on `pb` from the known `lower` bound: its result and its plan (if
    any) in the problem's people indices."""
    result = exact_search(len(pb.present), pb.tables, pb.planned, lower, deadline)
    if result.plan is None:
        return result, None
    ids = pb.present
    return result, [[[ids[i] for i in table] for table in rnd] for rnd in result.plan]


def with_proof(metrics: RotationMetrics, result: ExactResult, optimal: bool
               ) -> RotationMetrics:
    """`metrics` with the bound the exact search proved; `optimal`: the plan measured is the
    one the finished search proved optimal."""
    bound = result.repeats_bound
    return replace(metrics, search_bound=bound, search_optimal=optimal,
                   repeats_lower_bound=max(metrics.repeats_lower_bound, bound),
                   repeats_lower_bound_at_max=max(metrics.repeats_lower_bound_at_max, bound))
