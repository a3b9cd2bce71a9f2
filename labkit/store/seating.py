"""Saved seating plans (`rotations/<block id>.json`) and the plan in force during a session.

One shape on disk, written by `labkit rotate --save` (world café) and `labkit pairs --save`
(crossed interviews)::

    {"block": "<block id>", "rounds": [[[ids at table 1], [ids at table 2], ...], ...],
     "planner": {...what the planner reported: metrics, seed...}}

labkit reads only `block` and `rounds`; `planner` is there for people reading the file. Files
written by earlier versions (the planner's figures at the top level beside `rounds`) read the
same way. A problem in a file is an error naming the file and the field.

During a session, re-plans are `rotation.replanned` events in the journal: the plan in force is
the saved plan with each re-plan laid over it in order (`plan_in_force`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from labkit.errors import InvalidInputError
from labkit.i18n import t
from labkit.model import events as ev
from labkit.model.files import ROTATIONS_DIR
from labkit.model.views import RecordedEvent, Rotation
from labkit.store.atomic import write_text_atomic
from labkit.store.safe_paths import file_in, folder_in

Rounds = tuple[tuple[tuple[str, ...], ...], ...]
"""Rounds, each a tuple of groups (tables, pairs), each a tuple of participant ids."""


class SavedPlanError(InvalidInputError):
    """A saved plan that cannot be read: `path`, the `field` at fault (None: the whole file)
    and the `reason`."""

    def __init__(self, path: Path, field: str | None, reason: str, lang: str | None = None
                 ) -> None:  # fmt: skip
        if field is None:
            message = t("store.plan.problem_file", lang, path=path, reason=reason)
        else:
            message = t("store.plan.problem", lang, path=path, field=f'"{field}"', reason=reason)
        super().__init__(message)
        self.path = path
        self.field = field
        self.reason = reason


@dataclass(frozen=True)
class SavedPlan:
    """A saved plan: per round, the groups (tables, pairs or trios) of participant ids."""

    block_id: str
    rounds: Rounds

    def table_of(self, participant_id: str, round_number: int) -> int | None:
        """The 1-based table (group) of the participant in round `round_number` (1-based)."""
        return table_of(self.rounds, round_number, participant_id)

    def partners(self, participant_id: str, round_number: int = 1) -> tuple[str, ...] | None:
        """The others in the participant's group in that round, or None when not placed."""
        table = self.table_of(participant_id, round_number)
        if table is None:
            return None
        group = self.rounds[round_number - 1][table - 1]
        return tuple(other for other in group if other != participant_id)


def rotations_dir(root: Path) -> Path:
    """The folder of saved plans of the session folder `root`."""
    return Path(root) / ROTATIONS_DIR


def plan_path(rotations_dir: Path, block_id: str) -> Path:
    """The file of a block's saved plan."""
    return Path(rotations_dir) / f"{block_id}.json"


def read_plan(rotations_dir: Path, block_id: str, lang: str | None = None) -> SavedPlan | None:
    """The plan saved for a block, or None when there is none.

    Raises SavedPlanError (file, field, reason in `lang`) when the file cannot be used.
    """
    path = plan_path(rotations_dir, block_id)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except UnicodeDecodeError:
        raise SavedPlanError(path, None, t("store.plan.not_utf8", lang), lang) from None
    except OSError as exc:
        raise SavedPlanError(path, None, str(exc.strerror or exc), lang) from None
    try:
        data = json.loads(text)
    except ValueError as exc:
        reason = t("store.plan.not_json", lang, line=getattr(exc, "lineno", 1), reason=exc)
        raise SavedPlanError(path, None, reason, lang) from None
    return parse_plan(data, block_id, path, lang)


def parse_plan(data: Any, block_id: str, path: Path, lang: str | None = None) -> SavedPlan:
    """Check the JSON of a saved plan (current or earlier shape) and return it."""

    def fail(field: str | None, key: str, **params: Any) -> SavedPlanError:
        return SavedPlanError(path, field, t(key, lang, **params), lang)

    if not isinstance(data, dict):
        raise fail(None, "store.plan.not_object")
    found = data.get("block", block_id)
    if found != block_id:
        raise fail("block", "store.plan.other_block", found=found, block=block_id)
    rounds = data.get("rounds")
    if rounds is None:
        raise fail("rounds", "store.plan.missing")
    if not isinstance(rounds, list):
        raise fail("rounds", "store.plan.not_rounds")
    parsed = []
    for r, groups in enumerate(rounds):
        if not isinstance(groups, list):
            raise fail(f"rounds[{r}]", "store.plan.not_groups")
        seen: set[str] = set()
        round_groups = []
        for g, group in enumerate(groups):
            if not isinstance(group, list):
                raise fail(f"rounds[{r}][{g}]", "store.plan.not_ids")
            ids = []
            for i, person in enumerate(group):
                if isinstance(person, bool) or not isinstance(person, str | int):
                    raise fail(f"rounds[{r}][{g}][{i}]", "store.plan.not_id", value=person)
                pid = str(person)
                if pid in seen:
                    raise fail(f"rounds[{r}][{g}][{i}]", "store.plan.twice", person=pid,
                               round=r + 1)  # fmt: skip
                seen.add(pid)
                ids.append(pid)
            round_groups.append(tuple(ids))
        parsed.append(tuple(round_groups))
    return SavedPlan(block_id, tuple(parsed))


def write_plan(
    rotations_dir: Path,
    block_id: str,
    rounds: Sequence[Sequence[Sequence[str]]],
    planner: Mapping[str, Any] | None = None,
) -> Path:
    """Save a block's plan atomically (the one shape above); return the file written."""
    folder_in(Path(rotations_dir).parent, rotations_dir)  # in the session, not through a link
    path = file_in(rotations_dir, plan_path(rotations_dir, block_id))
    data: dict[str, Any] = {"block": block_id,
                            "rounds": [[list(group) for group in r] for r in rounds]}  # fmt: skip
    if planner:
        data["planner"] = {k: v for k, v in planner.items() if k != "rounds"}
    write_text_atomic(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    return path


# --- the plan in force during the session ------------------------------------------------------


def replans(
    records: Iterable[RecordedEvent], block_id: str, undone: Callable[[RecordedEvent], bool]
) -> list[Rotation]:
    """Every re-plan of a block still in force (not `undone`), oldest first.

    The journal's state keeps only the latest; a re-plan from round 3 is laid over the one that
    seated rounds 1 and 2, so the plan in force needs them all.
    """
    found = []
    for record in records:
        event = record.event
        if not isinstance(event, ev.RotationReplanned) or event.block_id != block_id:
            continue
        if undone(record):
            continue
        plan = tuple(tuple(tuple(table) for table in tables) for tables in event.plan)
        found.append(Rotation(block_id, event.from_round, plan, event.reason, record.id))
    return found


def plan_in_force(saved: Rounds | None, replanned: Sequence[Rotation]) -> Rounds:
    """The saved rounds with each re-plan laid over them in order: a re-plan from round 3 keeps
    rounds 1 and 2 as they were (empty when they were never planned)."""
    plan = list(saved or ())
    for rotation in replanned:
        keep = plan[: rotation.from_round - 1]
        keep += [()] * (rotation.from_round - 1 - len(keep))
        plan = keep + list(rotation.plan)
    return tuple(plan)


def table_of(rounds: Rounds | None, round_number: int, person: str) -> int | None:
    """The 1-based table of `person` in round `round_number` (1-based), or None."""
    if not rounds or not 1 <= round_number <= len(rounds):
        return None
    for index, table in enumerate(rounds[round_number - 1], 1):
        if person in table:
            return index
    return None


def seated_rounds(rounds: Rounds | None) -> int:
    """How many rounds, from the first, the plan seats anybody in."""
    count = 0
    for tables in rounds or ():
        if not any(tables):
            break
        count += 1
    return count


def as_lists(rounds: Rounds) -> list[list[list[str]]]:
    """The rounds as nested lists (the shape of JSON and of journal events)."""
    return [[list(group) for group in r] for r in rounds]
