"""The backward schedule ("rétroplanning") of a session: tasks dated from its first day.

A session without a `preparation:` list in session.yaml follows labkit's default template
(J-60 scoping meeting ... J+14 restitution). `mark_done_in_document` writes the template into the
YAML the first time a task is marked done, so that the file then holds the whole schedule.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from labkit.errors import InvalidInputError
from labkit.i18n import t
from labkit.model import PreparationTask, Session, TaskStatus
from labkit.model.text import fold
from labkit.prepare.workdays import Shift, WorkingDays, session_working_days

THIS_WEEK_DAYS = 7
"""A task due within this many days (today included) is "due this week"."""


@dataclass(frozen=True)
class TemplateTask:
    """A task of the default template: its id, J offset and title key in the catalog."""

    id: str
    offset_days: int

    def title(self, lang: str | None) -> str:
        """The task's title in `lang`."""
        return t(f"prepare.task.{self.id}", lang)


DEFAULT_TEMPLATE: tuple[TemplateTask, ...] = (
    TemplateTask("scoping", -60),
    TemplateTask("invitations", -45),
    TemplateTask("registrations", -30),
    TemplateTask("agenda", -21),
    TemplateTask("participants", -14),
    TemplateTask("materials", -7),
    TemplateTask("room-setup", -1),
    TemplateTask("thanks", 2),
    TemplateTask("restitution", 14),
)


class Urgency(StrEnum):
    """Where a task stands on a given day."""

    DONE = "done"
    OVERDUE = "overdue"
    THIS_WEEK = "this_week"
    LATER = "later"

    def label(self, lang: str | None = None) -> str:
        """The urgency in words."""
        return t(f"prepare.urgency.{self.value}", lang)


@dataclass(frozen=True)
class PlannedTask:
    """A preparation task placed on the calendar, seen from `today`."""

    task: PreparationTask
    due: dt.date
    urgency: Urgency
    days_left: int
    shift: Shift | None = None
    """Set when the J-date fell on a weekend or holiday and the task moved to a working day."""

    @property
    def stands_out(self) -> bool:
        """Whether the task needs attention now (overdue or due this week)."""
        return self.urgency in (Urgency.OVERDUE, Urgency.THIS_WEEK)


def default_tasks(lang: str | None) -> list[PreparationTask]:
    """The default template as preparation tasks, titled in `lang`."""
    return [
        PreparationTask(id=item.id, title=item.title(lang), offset_days=item.offset_days)
        for item in DEFAULT_TEMPLATE
    ]


def session_tasks(session: Session) -> list[PreparationTask]:
    """The session's own tasks, or the default template when session.yaml lists none."""
    if session.preparation is None:
        return default_tasks(session.language)
    return list(session.preparation)


def urgency(task: PreparationTask, due: dt.date, today: dt.date) -> Urgency:
    """Done, overdue (due before today), due this week (within 7 days) or later."""
    if task.status == TaskStatus.DONE:
        return Urgency.DONE
    if due < today:
        return Urgency.OVERDUE
    if (due - today).days < THIS_WEEK_DAYS:
        return Urgency.THIS_WEEK
    return Urgency.LATER


def working_due(
    task: PreparationTask, first_day: dt.date, days: WorkingDays
) -> tuple[dt.date, Shift | None]:
    """The task's due date on a working day: earlier before the session, later after it.

    The session day itself (J) never moves: the session is what sets it.
    """
    planned = task.due(first_day)
    if task.offset_days == 0:
        return planned, None
    shift = days.adjust(planned, later=task.offset_days > 0)
    return (shift.due, shift) if shift else (planned, None)


def retro_plan(
    session: Session, today: dt.date, *, country: str | None = None
) -> list[PlannedTask]:
    """Every preparation task with its (working-day) due date and urgency, chronologically.

    `country` overrides the session's `calendar.country` for the public holidays.
    """
    first_day = session.days[0].date
    days = session_working_days(session, country)
    planned = []
    for task in session_tasks(session):
        due, shift = working_due(task, first_day, days)
        planned.append(PlannedTask(task, due, urgency(task, due, today), (due - today).days,
                                   shift))
    return sorted(planned, key=lambda p: (p.task.offset_days, p.due))


def find_task(tasks: list[PreparationTask], key: str) -> PreparationTask:
    """The task named by `key`: its id, or its J label ("J-45") when only one task has it."""
    wanted = fold(key, keep_punctuation=True)
    for task in tasks:
        if fold(task.id, keep_punctuation=True) == wanted:
            return task
    by_label = [task for task in tasks if fold(task.label, keep_punctuation=True) == wanted]
    if len(by_label) == 1:
        return by_label[0]
    known = ", ".join(f"{task.id} ({task.label})" for task in tasks)
    if by_label:
        ids = ", ".join(task.id for task in by_label)
        raise InvalidInputError(t("prepare.task_ambiguous", None, key=key, ids=ids))
    raise InvalidInputError(t("prepare.task_unknown", None, key=key, known=known))


def task_mapping(task: PreparationTask) -> Any:
    """A task as a round-trip YAML mapping, in the field order a person would write it."""
    from ruamel.yaml.comments import CommentedMap

    node = CommentedMap()
    node["id"] = task.id
    node["title"] = task.title
    node["offset_days"] = task.offset_days
    node["owner"] = task.owner
    node["status"] = task.status.value
    if task.done_on is not None:
        node["done_on"] = task.done_on
    return node


def materialise_template(document: Any, lang: str | None) -> None:
    """Write the default template into a session document that has no `preparation:` list."""
    from ruamel.yaml.comments import CommentedSeq

    if document.get("preparation") is not None:
        return
    tasks = CommentedSeq(task_mapping(task) for task in default_tasks(lang))
    document["preparation"] = tasks
    comment = t("prepare.yaml_comment", lang)
    document.yaml_set_comment_before_after_key("preparation", before=comment)


def mark_done_in_document(document: Any, task_id: str, on: dt.date, lang: str | None) -> None:
    """Mark the task `task_id` done on `on` in a round-trip session document.

    A document without a `preparation:` list first receives the default template (titled in
    `lang`). Meant for `SessionFolder.update`, which validates and saves atomically.
    """
    materialise_template(document, lang)
    for node in document["preparation"]:
        if str(node.get("id")) == task_id:
            node["status"] = TaskStatus.DONE.value
            node["done_on"] = on
            return
    raise InvalidInputError(t("prepare.task_unknown", None, key=task_id, known="—"))
