"""Pure planning algorithms: world-café rotations, interview pairs, teams.

No I/O and no UI here: inputs are plain objects (`Seatable`), outputs are frozen dataclasses.
Names are imported on first use (PEP 562), so `labkit rotate --json` loads only the planner.
"""

from __future__ import annotations

import sys
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from labkit.planning.pairs import PairsPlan, interview_pairs, planned_regroups, quartets
    from labkit.planning.rotation import plan_rotation, replan_rotation
    from labkit.planning.rotation_metrics import RotationMetrics, rotation_metrics
    from labkit.planning.rotation_model import PlanNote, RotationPlan, RotationRequest
    from labkit.planning.seatable import Round, Seatable, Table
    from labkit.planning.teams import Team, balanced_teams, teams_by_attribute

_WHERE = {
    "PairsPlan": "pairs", "interview_pairs": "pairs", "planned_regroups": "pairs",
    "quartets": "pairs",
    "plan_rotation": "rotation", "replan_rotation": "rotation",
    "RotationMetrics": "rotation_metrics", "rotation_metrics": "rotation_metrics",
    "PlanNote": "rotation_model", "RotationPlan": "rotation_model",
    "RotationRequest": "rotation_model",
    "Round": "seatable", "Seatable": "seatable", "Table": "seatable",
    "Team": "teams", "balanced_teams": "teams", "teams_by_attribute": "teams",
}

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


def __getattr__(name: str) -> Any:
    """Import the module defining `name` when it is first asked for."""
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'labkit.planning' has no attribute {name!r}")
    value = getattr(import_module(f"labkit.planning.{module}"), name)
    globals()[name] = value
    return value


class _Package(ModuleType):
    """`labkit.planning` itself: importing the submodule `rotation_metrics` must not replace
    the function of the same name (the import system sets the package attribute to the
    submodule, which made `from labkit.planning import rotation_metrics` depend on what was
    imported before)."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _WHERE and isinstance(value, ModuleType):
            return  # the lazy name wins; the submodule stays in sys.modules
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
