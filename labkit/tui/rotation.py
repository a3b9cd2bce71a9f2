"""Seating plans for the live app: read what the planner saved, ask it to re-plan.

The TUI never computes a rotation: the initial plan is the one `labkit rotate` saved in
``<session>/rotations/<block id>.json`` (``{"rounds": [[[ids of table 1], ...], ...]}``), a
re-plan made during the session is a ``rotation.replanned`` event in the journal, and re-planning
calls `labkit.planning` with the rounds already played frozen.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from labkit.errors import InvalidInputError
from labkit.i18n import t
from labkit.model import Block, Session
from labkit.model.views import Rotation
from labkit.planning import interview_pairs, plan_rotation, quartets
from labkit.planning.session_requests import cafe_request, seatable

Plan = list[list[list[str]]]
"""Rounds, each a list of tables, each a list of participant ids."""


def plan_path(root: Path, block_id: str) -> Path:
    return root / "rotations" / f"{block_id}.json"


def saved_plan(root: Path, block_id: str) -> Plan | None:
    """The plan the planner saved for a block, or None if there is none (or it is unreadable)."""
    path = plan_path(root, block_id)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    rounds = data.get("rounds") if isinstance(data, dict) else None
    if not isinstance(rounds, list):
        return None
    return [[[str(p) for p in table] for table in tables] for tables in rounds]


def current_plan(root: Path, block_id: str, replans: Sequence[Rotation]) -> Plan | None:
    """The plan in force: the saved one, with each re-plan made during the session laid over
    it in order (a re-plan from round 3 keeps rounds 1 and 2 as they were)."""
    plan = saved_plan(root, block_id) or []
    for replanned in replans:
        keep = plan[: replanned.from_round - 1]
        while len(keep) < replanned.from_round - 1:
            keep.append([])
        plan = keep + [[list(table) for table in tables] for tables in replanned.plan]
    return plan or None


def seated_rounds(plan: Plan | None) -> int:
    """How many rounds, from the first, the plan seats anybody in."""
    count = 0
    for tables in plan or []:
        if not any(tables):
            break
        count += 1
    return count


def table_of(plan: Plan | None, round_number: int, person: str) -> int | None:
    """The 1-based table of `person` in round `round_number`, or None."""
    if not plan or not 1 <= round_number <= len(plan):
        return None
    for index, table in enumerate(plan[round_number - 1], 1):
        if person in table:
            return index
    return None


def changes_since_plan(plan: Plan | None, from_round: int, room: Sequence[str]) -> tuple[
    list[str], list[str]
]:
    """(people planned in the rounds to come who are not in the room, people in the room the
    plan does not seat)."""
    if not plan or from_round > len(plan):
        return [], []
    upcoming = plan[from_round - 1]
    seated = {p for table in upcoming for p in table}
    here = set(room)
    missing = sorted(seated - here)
    extra = [p for p in room if p not in seated]
    return missing, extra


# --- asking the planner ---------------------------------------------------------------------


def replan_cafe(
    session: Session, block: Block, plan: Plan | None, frozen_rounds: int, room: Sequence[str],
    seed: int = 0,
) -> Plan:
    """A full plan for a café block where the first `frozen_rounds` rounds stay as played and
    the others seat exactly the people in `room` (hosts stay at their tables).

    Raises InvalidInputError when the planner refuses (e.g. a host has left).
    """
    day = session.day_of_block(block.id) or 1
    frozen = (plan or [])[:frozen_rounds]
    request = cafe_request(session, block, day, present=room, history=frozen, seed=seed)
    result = plan_rotation(request)
    return [[list(table) for table in tables] for tables in result.rounds]


def plan_pairs(session: Session, block: Block, room: Sequence[str], seed: int = 0) -> Plan:
    """Interview pairs for the people in `room` (one trio if the count is odd) and, when the
    block regroups by 4, the regroups: ``[pairs, regroups]`` (each a list of id lists).

    Both come from `labkit.planning.pairs`; raises InvalidInputError when it refuses.
    """
    here = set(room)
    people = [seatable(p) for p in session.participants if p.id in here]
    if len(people) < 2:
        raise InvalidInputError(t("tui.interviews.too_few"))
    first_round = interview_pairs(people, rounds=1, odd="trio", seed=seed).rounds[0]
    pairs = [list(pair) for pair in first_round]
    if getattr(block.method, "regroup_size", 4) != 4:
        return [pairs]
    return [pairs, [list(group) for group in quartets(pairs, people, seed=seed)]]


def interview_plan(
    session: Session, root: Path, block: Block, replans: Sequence[Rotation]
) -> tuple[list[list[str]], list[list[str]] | None]:
    """(pairs, regroups) of an interview block.

    Made during the session (`plan_pairs`), the journal holds both: ``[pairs, regroups]``. A
    saved file (``labkit pairs --save``) lists rounds of pairs: its first round is used, and the
    regroups by 4 are asked of `labkit.planning.quartets`. None: regroup consecutive pairs.
    """
    if replans:
        plan = current_plan(root, block.id, replans) or []
        pairs = [list(p) for p in plan[0]] if plan else []
        return pairs, ([list(g) for g in plan[1]] if len(plan) > 1 else None)
    saved = saved_plan(root, block.id) or []
    pairs = [list(p) for p in saved[0]] if saved else []
    if not pairs or getattr(block.method, "regroup_size", 4) != 4:
        return pairs, None
    ids = {p for pair in pairs for p in pair}
    people = [seatable(p) for p in session.participants if p.id in ids]
    return pairs, [list(g) for g in quartets(pairs, people)]
