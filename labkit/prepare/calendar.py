"""The session as an iCalendar file (RFC 5545) through the `icalendar` library.

One event per session day (place or remote link, the agenda in the description), and optionally
the retro-planning milestones as all-day events. UIDs derive from the session's slug and the day
number or task id, so importing a newer export updates the events instead of duplicating them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from labkit.errors import InvalidInputError
from labkit.i18n import format_date, format_time, t
from labkit.model import Phase, Session, TaskStatus, schedule_session
from labkit.model.session import time_zone
from labkit.prepare.retroplanning import session_tasks
from labkit.store.atomic import write_bytes_atomic

PRODID = "-//labkit//labkit session calendar//FR"
UID_DOMAIN = "labkit"


def day_uid(session: Session, day_number: int) -> str:
    """The stable UID of the event of day `day_number` (1-based)."""
    return f"{session.slug}-day-{day_number}@{UID_DOMAIN}"


def task_uid(session: Session, task_id: str) -> str:
    """The stable UID of a retro-planning milestone."""
    return f"{session.slug}-task-{task_id}@{UID_DOMAIN}"


def resolve_timezone(name: str) -> ZoneInfo:
    """The IANA time zone `name` given on the command line (`--tz`); a plain error when unknown.

    The session's own zone is validated with the plan (`Session.zone`)."""
    try:
        return time_zone(name)
    except ValueError:
        raise InvalidInputError(t("prepare.bad_timezone", None, zone=name)) from None


def day_description(session: Session, day_number: int) -> str:
    """The text of a day's event: where, then the agenda with planned times and phases."""
    lang = session.language
    lines: list[str] = []
    if session.venue:
        lines.append(f"{t('prepare.place', lang)}{_colon(lang)}{session.venue}")
    if session.remote_link:
        lines.append(f"{t('prepare.remote_link', lang)}{_colon(lang)}{session.remote_link}")
    if lines:
        lines.append("")
    lines.append(t("prepare.agenda_heading", lang))
    for item in schedule_session(session)[day_number - 1]:
        phase = "" if item.block.phase == Phase.NONE else t(f"phase.{item.block.phase}", lang)
        phase = f" ({phase})" if phase else ""
        lines.append(
            f"{format_time(item.start)}–{format_time(item.end)}  {item.block.title}{phase}"
        )
    if session.urls.registration:
        lines += ["", f"{t('prepare.registration', lang)}{_colon(lang)}{session.urls.registration}"]
    return "\n".join(lines)


def _colon(lang: str) -> str:
    return " : " if lang == "fr" else ": "


def build_calendar(
    session: Session,
    *,
    milestones: bool = False,
    timezone: str | None = None,
    stamp: dt.datetime | None = None,
) -> Any:
    """The session's `icalendar.Calendar`: its days, and the milestones when asked.

    `timezone` overrides the session's (default Europe/Paris); the matching VTIMEZONE is included.
    `stamp` (UTC) is the DTSTAMP of every component, now by default.
    """
    from icalendar import Calendar, Event

    lang = session.language
    zone = resolve_timezone(timezone) if timezone else session.zone
    stamp = stamp or dt.datetime.now(dt.UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", session.title)
    calendar.add("x-wr-timezone", zone.key)
    schedules = schedule_session(session)
    count = len(session.days)
    for number, day in enumerate(session.days, 1):
        start = dt.datetime.combine(day.date, day.start)
        end = dt.datetime.combine(day.date, day.end)
        if schedules[number - 1]:
            end = max(end, schedules[number - 1][-1].end)
        event = Event()
        event.add("uid", day_uid(session, number))
        event.add("dtstamp", stamp)
        event.add("dtstart", start.replace(tzinfo=zone))
        event.add("dtend", end.replace(tzinfo=zone))
        summary = session.title
        if count > 1:
            summary = f"{session.title} — {t('word.day', lang)} {number}/{count}"
        event.add("summary", summary)
        location = session.venue or session.remote_link
        if location:
            event.add("location", location)
        if session.remote_link:
            event.add("url", session.remote_link)
        event.add("description", day_description(session, number))
        event.add("status", "CONFIRMED")
        calendar.add_component(event)
    if milestones:
        first_day = session.days[0].date
        for task in session_tasks(session):
            calendar.add_component(_milestone(Event(), session, task, first_day, stamp))
    first = session.days[0].date - dt.timedelta(days=400)
    last = session.days[-1].date + dt.timedelta(days=400)
    calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar


def _milestone(event: Any, session: Session, task: Any, first_day: dt.date, stamp: dt.datetime):
    lang = session.language
    due = task.due(first_day)
    event.add("uid", task_uid(session, task.id))
    event.add("dtstamp", stamp)
    event.add("dtstart", due)
    event.add("dtend", due + dt.timedelta(days=1))
    event.add("summary", f"{task.label} · {task.title} — {session.title}")
    lines = [f"{t('prepare.due', lang)}{_colon(lang)}{format_date(due, lang)}"]
    if task.owner:
        lines.append(f"{t('prepare.owner', lang)}{_colon(lang)}{task.owner}")
    status = t(f"prepare.status.{task.status.value}", lang)
    if task.status == TaskStatus.DONE and task.done_on:
        status = t("prepare.done_on", lang, date=format_date(task.done_on, lang, "long"))
    lines.append(f"{t('prepare.status', lang)}{_colon(lang)}{status}")
    event.add("description", "\n".join(lines))
    event.add("transp", "TRANSPARENT")
    return event


def write_calendar(
    session: Session,
    path: Path,
    *,
    milestones: bool = False,
    timezone: str | None = None,
    stamp: dt.datetime | None = None,
) -> Path:
    """Write the session's .ics file atomically; return its path."""
    calendar = build_calendar(session, milestones=milestones, timezone=timezone, stamp=stamp)
    path = Path(path)
    write_bytes_atomic(path, calendar.to_ical())
    return path
