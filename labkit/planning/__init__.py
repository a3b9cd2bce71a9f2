"""Pure planning algorithms: world-café rotations, interview pairs, teams.

No I/O and no UI here: inputs are plain objects (`Seatable`), outputs are frozen dataclasses.
"""

from labkit.planning.pairs import PairsPlan, interview_pairs, planned_regroups, quartets
from labkit.planning.rotation import plan_rotation, replan_rotation
from labkit.planning.rotation_metrics import RotationMetrics, rotation_metrics
from labkit.planning.rotation_model import PlanNote, RotationPlan, RotationRequest
from labkit.planning.seatable import Round, Seatable, Table
from labkit.planning.teams import Team, balanced_teams, teams_by_attribute

__all__ = [
    "PairsPlan",
    "PlanNote",
    "Round",
    "RotationMetrics",
    "RotationPlan",
    "RotationRequest",
    "Seatable",
    "Table",
    "Team",
    "balanced_teams",
    "interview_pairs",
    "plan_rotation",
    "planned_regroups",
    "quartets",
    "replan_rotation",
    "rotation_metrics",
    "teams_by_attribute",
]
