"""Seating plans for the live app: the plan in force, and asking the planner to re-plan.

The TUI neither reads plan files nor computes rotations: the saved plan and the rule "plan in
force = saved plan + re-plans laid over it" are `labkit.store.seating`'s, a re-plan made during
the session is a ``rotation.replanned`` event in the journal, and re-planning calls
`labkit.planning` with the rounds already played frozen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from labkit.errors import InvalidInputError
from labkit.i18n import t
from labkit.model import Block, CrossedInterviewsConfig, Session, WorldCafeConfig
from labkit.model.views import Rotation
from labkit.planning import interview_pairs, plan_rotation, planned_regroups
from labkit.planning.pairs import QUARTET, partner_changes, repair_pairs, repair_regroups
from labkit.planning.rotation_replan import SeatChange, people_moved, seat_changes
from labkit.planning.session_requests import cafe_request, seatable
from labkit.planning.team_rotation import team_at_table as team_at_table
from labkit.planning.team_rotation import team_of
from labkit.store import seating
from labkit.store.seating import Rounds
from labkit.store.seating import seated_rounds as seated_rounds
from labkit.store.seating import table_of as table_of

Plan = Rounds
"""Rounds, each a tuple of tables, each a tuple of participant ids."""


def saved_plan(root: Path, block_id: str, warn: Callable[[str], None] | None = None
               ) -> Plan | None:  # fmt: skip
    """The rounds `labkit rotate`/`pairs --save` saved for a block in the session folder
    `root`, or None; an unreadable file is passed to `warn` (file, field, reason) and ignored."""
    try:
        found = seating.read_plan(seating.rotations_dir(root), block_id)
    except seating.SavedPlanError as error:
        if warn is not None:
            warn(str(error))
        return None
    return found.rounds if found else None


def current_plan(root: Path, block_id: str, replans: Sequence[Rotation],
                 warn: Callable[[str], None] | None = None) -> Plan | None:  # fmt: skip
    """The plan in force (`labkit.store.seating.plan_in_force`), or None when nothing seats
    anybody yet."""
    return seating.plan_in_force(saved_plan(root, block_id, warn), replans) or None


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
    the others seat exactly the people in `room` (hosts stay at their tables), starting from
    the rounds of `plan` still to play so that few people move.

    Raises InvalidInputError when the planner refuses (e.g. a host has left).
    """
    day = session.day_of_block(block.id) or 1
    frozen = (plan or ())[:frozen_rounds]
    request = cafe_request(session, block, day, present=room, history=frozen, seed=seed,
                           plan_in_force=(plan or ())[frozen_rounds:])
    result = plan_rotation(request)
    return tuple(tuple(tuple(table) for table in tables) for tables in result.rounds)


def cafe_changes(before: Plan | None, after: Plan, frozen_rounds: int) -> tuple[SeatChange, ...]:
    """Who a café re-plan seats at another table, in the rounds after `frozen_rounds`."""
    if not before:
        return ()
    return seat_changes(before[frozen_rounds:], after[frozen_rounds:], frozen_rounds + 1)


def team_arrivals_text(session: Session, block: Block, before: Plan | None, after: Plan,
                       frozen_rounds: int) -> str:
    """"Awa rejoint l'équipe Bleue." for each person a team café's re-plan seats who was not
    in the plan before (a late arrival joins the smallest team); "" without teams."""
    config = block.method
    if not isinstance(config, WorldCafeConfig) or not config.teams:
        return ""
    known = {p for rnd in (before or ()) for table in rnd for p in table}
    teams = team_of(after, config.hosts, config.teams)
    joined = dict.fromkeys(p for rnd in after[frozen_rounds:] for table in rnd for p in table
                           if p not in known and p in teams)
    if before is None:
        return ""
    return " ".join(t("tui.cafe.team_joined", name=_name(session, pid), team=teams[pid])
                    for pid in joined)


def _name(session: Session, person_id: str) -> str:
    person = session.participant(person_id)
    return person.display_name if person else person_id


def cafe_moves_text(session: Session, changes: Sequence[SeatChange]) -> str:
    """"2 personnes changent de table : Awa T2 → T5 (tour 3) · …" (or nobody moves)."""
    people = people_moved(changes)
    if not people:
        return t("tui.replan.nobody_moves")
    parts = []
    for pid in people:
        steps = ", ".join(t("tui.replan.table_step", before=c.before, after=c.after,
                            round=c.round) for c in changes if c.person == pid)
        parts.append(f"{_name(session, pid)} {steps}")
    return t("tui.replan.table_moves", count=len(people), names=" · ".join(parts))


def pairs_moves_text(session: Session, before: Sequence[Sequence[str]],
                     after: Sequence[Sequence[str]]) -> str:
    """"3 personnes changent de binôme : Awa (Karim → Léa, Hugo) · …" (or nobody)."""
    changes = partner_changes(before, after)
    if not changes:
        return t("tui.replan.nobody_moves_pairs")
    parts = [t("tui.replan.partner_step", name=_name(session, pid),
               before=", ".join(_name(session, x) for x in old) or "—",
               after=", ".join(_name(session, x) for x in new) or "—")
             for pid, old, new in changes]
    return t("tui.replan.pair_moves", count=len(changes), names=" · ".join(parts))


def replan_pairs(session: Session, block: Block, pairs: Sequence[Sequence[str]],
                 regroups: Sequence[Sequence[str]] | None, room: Sequence[str],
                 seed: int = 0) -> Plan:
    """The pairs in force (and their regroups) for the people in `room`, keeping every pair
    whose members are all here (`labkit.planning.pairs.repair_pairs`); no pairs yet: a fresh
    plan (`plan_pairs`). Raises InvalidInputError with fewer than two people."""
    if not pairs:
        return plan_pairs(session, block, room, seed)
    here = set(room)
    people = [seatable(p) for p in session.participants if p.id in here]
    if len(people) < 2:
        raise InvalidInputError(t("tui.interviews.too_few"))
    fixed = repair_pairs(pairs, people, seed=seed, across=_config(block).pair_across)
    if _regroup_size(block) != QUARTET:
        return (fixed,)
    if regroups:
        return (fixed, repair_regroups(regroups, fixed, people, seed=seed))
    groups = planned_regroups(fixed, people, QUARTET, seed=seed)
    return (fixed,) if groups is None else (fixed, groups)


def _config(block: Block) -> CrossedInterviewsConfig:
    assert isinstance(block.method, CrossedInterviewsConfig), block.method_type
    return block.method


def _regroup_size(block: Block) -> int:
    return _config(block).regroup_size


def plan_pairs(session: Session, block: Block, room: Sequence[str], seed: int = 0) -> Plan:
    """Interview pairs for the people in `room` (one trio if the count is odd) and, when the
    planner makes the regroups (`labkit.planning.planned_regroups`), them too:
    ``(pairs, regroups)``.

    Both come from `labkit.planning.pairs`; raises InvalidInputError when it refuses.
    """
    here = set(room)
    people = [seatable(p) for p in session.participants if p.id in here]
    if len(people) < 2:
        raise InvalidInputError(t("tui.interviews.too_few"))
    pairs = interview_pairs(people, rounds=1, odd="trio", seed=seed,
                            across=_config(block).pair_across).rounds[0]
    groups = planned_regroups(pairs, people, _regroup_size(block), seed=seed)
    return (pairs,) if groups is None else (pairs, groups)


def interview_plan(
    session: Session, root: Path, block: Block, replans: Sequence[Rotation],
    warn: Callable[[str], None] | None = None,
) -> tuple[list[list[str]], list[list[str]] | None]:
    """(pairs, regroups) of an interview block.

    Made during the session (`plan_pairs`), the journal holds both: ``[pairs, regroups]``. A
    saved file (``labkit pairs --save``) lists rounds of pairs: its first round is used, and the
    regroups are asked of `labkit.planning.planned_regroups`. None: regroup consecutive pairs.
    """
    if replans:
        plan = current_plan(root, block.id, replans, warn) or ()
        pairs = [list(p) for p in plan[0]] if plan else []
        return pairs, ([list(g) for g in plan[1]] if len(plan) > 1 else None)
    saved = saved_plan(root, block.id, warn) or ()
    pairs = [list(p) for p in saved[0]] if saved else []
    if not pairs:
        return pairs, None
    ids = {p for pair in pairs for p in pair}
    people = [seatable(p) for p in session.participants if p.id in ids]
    groups = planned_regroups(pairs, people, _regroup_size(block))
    return pairs, (None if groups is None else [list(g) for g in groups])
