"""The backward schedule: default template, due dates, urgency from a fixed day, marking done."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from labkit.errors import InvalidInputError
from labkit.model import PreparationTask, TaskStatus
from labkit.prepare import (
    DEFAULT_TEMPLATE,
    Urgency,
    default_tasks,
    find_task,
    mark_done_in_document,
    retro_plan,
    session_tasks,
)
from labkit.store.session_folder import SessionFolder, open_session

FIRST_DAY = dt.date(2026, 3, 12)


def test_default_template_is_used_when_the_yaml_lists_no_task(folder: SessionFolder) -> None:
    assert folder.session.preparation is None
    tasks = session_tasks(folder.session)
    assert [task.label for task in tasks] == [
        "J-60", "J-45", "J-30", "J-21", "J-14", "J-7", "J-1", "J+2", "J+14",
    ]
    assert tasks[0].title == "Réunion de cadrage avec le commanditaire"
    assert tasks[-1].title == "Restitution remise"
    assert all(task.status == TaskStatus.TODO for task in tasks)


def test_default_titles_follow_the_language() -> None:
    english = default_tasks("en")
    titles = [t.title for t in english]
    assert titles[:2] == ["Scoping meeting with the sponsor", "Invitations sent"]
    assert {t.id for t in english} == {item.id for item in DEFAULT_TEMPLATE}


def test_due_dates_and_urgency_from_a_fixed_today(folder: SessionFolder) -> None:
    planned = {p.task.id: p for p in retro_plan(folder.session, dt.date(2026, 2, 8))}
    # J-60 is Sunday 11 January 2026: the scoping meeting moves to Friday 9 January, and says so
    assert planned["scoping"].due == dt.date(2026, 1, 9)
    assert planned["scoping"].shift.planned == dt.date(2026, 1, 11)
    assert planned["scoping"].shift.note("fr") == (
        "avancé\u00a0: le dimanche 11 janvier 2026 n'est pas travaillé (week-end)")
    assert planned["invitations"].due == dt.date(2026, 1, 26)
    assert planned["invitations"].shift is None
    assert planned["restitution"].due == dt.date(2026, 3, 26)
    assert planned["scoping"].urgency == Urgency.OVERDUE
    assert planned["scoping"].days_left == -30
    assert planned["registrations"].urgency == Urgency.THIS_WEEK  # 10 Feb, in 2 days
    assert planned["agenda"].urgency == Urgency.LATER  # 19 Feb, in 11 days
    assert planned["registrations"].stands_out and not planned["agenda"].stands_out


def _with_first_day(folder: SessionFolder, first: dt.date) -> object:
    days = [folder.session.days[0].model_copy(update={"date": first})]
    return folder.session.model_copy(update={"days": days})


def test_tasks_move_off_public_holidays_and_weekends(folder: SessionFolder) -> None:
    # a session on Monday 10 May 2027: J-4 would be Thursday 6 May, Ascension Day
    session = _with_first_day(folder, dt.date(2027, 5, 10))
    tasks = [PreparationTask(id="a", title="A", offset_days=-4),
             PreparationTask(id="b", title="B", offset_days=5),
             PreparationTask(id="c", title="C", offset_days=-9)]
    session = session.model_copy(update={"preparation": tasks})
    planned = {p.task.id: p for p in retro_plan(session, dt.date(2027, 1, 1))}
    assert planned["a"].due == dt.date(2027, 5, 5)  # Ascension -> Wednesday before
    assert "Ascension" in planned["a"].shift.reason
    assert planned["b"].due == dt.date(2027, 5, 18)  # Sat 15, Whit Monday 17 -> 18
    assert planned["c"].due == dt.date(2027, 4, 30)  # Sat 1 May -> Friday 30 April
    # Tuesday 26 December 2028 is a holiday in Alsace-Moselle only (then Christmas, a weekend)
    christmas = _with_first_day(folder, dt.date(2028, 12, 28))
    christmas = christmas.model_copy(update={
        "preparation": [PreparationTask(id="x", title="X", offset_days=-2)]})
    assert retro_plan(christmas, dt.date(2027, 1, 1))[0].due == dt.date(2028, 12, 26)
    moselle = christmas.model_copy(update={"calendar": christmas.calendar.model_copy(
        update={"subdivision": "57"})})
    assert retro_plan(moselle, dt.date(2027, 1, 1))[0].due == dt.date(2028, 12, 22)


def test_another_country_and_a_bad_one(folder: SessionFolder) -> None:
    session = _with_first_day(folder, dt.date(2027, 7, 23))
    session = session.model_copy(update={
        "preparation": [PreparationTask(id="x", title="X", offset_days=-2)]})
    assert retro_plan(session, dt.date(2027, 1, 1))[0].due == dt.date(2027, 7, 21)
    belgian = retro_plan(session, dt.date(2027, 1, 1), country="BE")[0]
    assert belgian.due == dt.date(2027, 7, 20)  # 21 July: Belgian national day
    with pytest.raises(InvalidInputError, match="XX"):
        retro_plan(session, dt.date(2027, 1, 1), country="XX")


def test_the_week_boundary() -> None:
    from labkit.prepare.retroplanning import urgency

    task = PreparationTask(id="x", title="X", offset_days=-7)
    today = dt.date(2026, 3, 1)
    assert urgency(task, today, today) == Urgency.THIS_WEEK
    assert urgency(task, today + dt.timedelta(days=6), today) == Urgency.THIS_WEEK
    assert urgency(task, today + dt.timedelta(days=7), today) == Urgency.LATER
    assert urgency(task, today - dt.timedelta(days=1), today) == Urgency.OVERDUE
    done = task.model_copy(update={"status": TaskStatus.DONE})
    assert urgency(done, today - dt.timedelta(days=30), today) == Urgency.DONE


def test_find_task_by_id_or_unique_label() -> None:
    tasks = default_tasks("fr")
    assert find_task(tasks, "invitations").id == "invitations"
    assert find_task(tasks, "J-45").id == "invitations"
    assert find_task(tasks, "j+14").id == "restitution"
    assert find_task(tasks, " ROOM-SETUP ").id == "room-setup"
    with pytest.raises(InvalidInputError, match="J-99"):
        find_task(tasks, "J-99")


def test_find_task_refuses_an_ambiguous_label() -> None:
    tasks = [
        PreparationTask(id="salle", title="Salle réservée", offset_days=-7),
        PreparationTask(id="impression", title="Impression", offset_days=-7),
    ]
    with pytest.raises(InvalidInputError, match="salle, impression"):
        find_task(tasks, "J-7")


def test_mark_done_materialises_the_template_and_keeps_comments(session_dir: Path) -> None:
    folder = open_session(session_dir)
    folder.update(lambda doc: mark_done_in_document(doc, "invitations", dt.date(2026, 1, 27), "fr"))
    text = (session_dir / "session.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Session de test — un commentaire que labkit doit garder")
    assert "# Rétroplanning\u00a0: offset_days" in text
    reloaded = open_session(session_dir).session
    assert reloaded.preparation is not None and len(reloaded.preparation) == 9
    done = {t.id: t for t in reloaded.preparation}["invitations"]
    assert done.status == TaskStatus.DONE and done.done_on == dt.date(2026, 1, 27)
    planned = {p.task.id: p for p in retro_plan(reloaded, dt.date(2026, 2, 8))}
    assert planned["invitations"].urgency == Urgency.DONE


def test_own_tasks_with_owners_are_kept_and_updated(session_dir: Path) -> None:
    yaml_path = session_dir / "session.yaml"
    yaml_path.write_text(
        yaml_path.read_text(encoding="utf-8")
        + "preparation:\n"
        + "  - id: salle  # la salle du conseil départemental\n"
        + "    title: Réserver la salle\n"
        + "    offset_days: -40\n"
        + "    owner: Camille\n",
        encoding="utf-8",
    )
    folder = open_session(session_dir)
    assert [t.id for t in session_tasks(folder.session)] == ["salle"]
    assert retro_plan(folder.session, FIRST_DAY)[0].due == dt.date(2026, 1, 30)  # not Sat 31
    folder.update(lambda doc: mark_done_in_document(doc, "salle", dt.date(2026, 1, 30), "fr"))
    text = yaml_path.read_text(encoding="utf-8")
    assert "# la salle du conseil départemental" in text
    assert "status: done" in text and "done_on: 2026-01-30" in text
    assert open_session(session_dir).session.preparation[0].owner == "Camille"
