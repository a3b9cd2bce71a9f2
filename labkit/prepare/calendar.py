"""The session as an iCalendar file (RFC 5545) through the `icalendar` library.

One event per session day (place or remote link, the agenda in the description), and optionally
the retro-planning milestones as all-day events on working days. Times carry an RRULE-based
VTIMEZONE, the form Outlook desktop reads right (icalendar's own is an RDATE list that Outlook is
reported to shift), or UTC when the zone's rules cannot be written that way or on request.

UIDs join the slug, the day or task, and a Lab-specific part kept in session.yaml
(`calendar.uid`), so that two Labs never collide and re-importing a newer export updates the
events. `invite=True` writes a real invitation (METHOD:REQUEST, ORGANIZER, ATTENDEE).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from labkit.errors import InvalidInputError
from labkit.i18n import format_date, format_time, t
from labkit.model import Participant, Phase, Session, TaskStatus, schedule_session
from labkit.model.session import time_zone
from labkit.prepare.retroplanning import session_tasks, working_due
from labkit.prepare.vtimezone import rrule_timezone
from labkit.prepare.workdays import session_working_days
from labkit.store.atomic import write_bytes_atomic

PRODID = "-//labkit//labkit session calendar//FR"
UID_DOMAIN = "labkit"


def new_uid_part() -> str:
    """A fresh random Lab-specific UID part, to keep in session.yaml as `calendar.uid`."""
    return secrets.token_hex(5)


def uid_part(session: Session) -> str:
    """The session's `calendar.uid`, or a stable part derived from the Lab and the slug."""
    if session.calendar.uid:
        return session.calendar.uid
    return hashlib.sha256(f"{session.lab}\n{session.slug}".encode()).hexdigest()[:10]


def set_uid_in_document(document: Any, value: str) -> None:
    """Write `calendar.uid: value` into a round-trip session document (for SessionFolder.update)."""
    from ruamel.yaml.comments import CommentedMap

    calendar = document.get("calendar")
    if calendar is None:
        calendar = CommentedMap()
        document["calendar"] = calendar
    calendar["uid"] = value


def day_uid(session: Session, day_number: int) -> str:
    """The stable UID of the event of day `day_number` (1-based)."""
    return f"{session.slug}-day-{day_number}-{uid_part(session)}@{UID_DOMAIN}"


def task_uid(session: Session, task_id: str) -> str:
    """The stable UID of a retro-planning milestone."""
    return f"{session.slug}-task-{task_id}-{uid_part(session)}@{UID_DOMAIN}"


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
    utc: bool = False,
    invite: bool = False,
    country: str | None = None,
    days: list[int] | None = None,
) -> Any:
    """The session's `icalendar.Calendar`: its days (or only `days`), and milestones when asked.

    `timezone` overrides the session's; `utc` writes UTC times without VTIMEZONE (also the
    fallback for a zone without yearly rules). `stamp` (UTC) is every DTSTAMP, now by default.
    `invite` makes it an invitation (see `invitation_people`); `country` sets the holidays.
    """
    from icalendar import Calendar, Event

    lang = session.language
    zone = resolve_timezone(timezone) if timezone else session.zone
    stamp = stamp or dt.datetime.now(dt.UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if invite:
        calendar.add("method", "REQUEST")
    calendar.add("x-wr-calname", session.title)
    calendar.add("x-wr-timezone", zone.key)
    vtimezone = None if utc else rrule_timezone(zone, session.days[0].date.year)
    if vtimezone is not None:
        calendar.add_component(vtimezone)
    organiser = invitation_organiser(session) if invite else None
    schedules = schedule_session(session)
    count = len(session.days)
    for number, day in enumerate(session.days, 1):
        if days and number not in days:
            continue
        start = dt.datetime.combine(day.date, day.start, tzinfo=zone)
        end = dt.datetime.combine(day.date, day.end, tzinfo=zone)
        if schedules[number - 1]:
            end = max(end, schedules[number - 1][-1].end.replace(tzinfo=zone))
        if vtimezone is None:
            start, end = start.astimezone(dt.UTC), end.astimezone(dt.UTC)
        event = Event()
        event.add("uid", day_uid(session, number))
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("dtend", end)
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
        if organiser is not None:
            _add_people(event, organiser, invitation_people(session, number), stamp)
        calendar.add_component(event)
    if milestones:
        first_day = session.days[0].date
        working = session_working_days(session, country)
        for task in session_tasks(session):
            due, shift = working_due(task, first_day, working)
            note = shift.note(lang) if shift else None
            calendar.add_component(_milestone(Event(), session, task, due, note, stamp))
    return calendar


def invitation_organiser(session: Session) -> Any:
    """The ORGANIZER of an invitation: the session's contact, who must have an e-mail."""
    from icalendar import vCalAddress

    if session.contact is None or not session.contact.email:
        raise InvalidInputError(t("prepare.ics.no_organiser", None))
    address = vCalAddress(f"mailto:{session.contact.email}")
    address.params["CN"] = session.contact.name
    return address


def invitation_people(session: Session, day_number: int) -> list[Participant]:
    """Who is invited to day `day_number`: attendees with an e-mail who agreed to be contacted."""
    return [p for p in session.attendees(day_number, seated_only=False)
            if p.email and p.consent_contact]


def _add_people(event: Any, organiser: Any, people: list[Participant], stamp: dt.datetime) -> None:
    from icalendar import vCalAddress

    event.add("organizer", organiser)
    event.add("sequence", int(stamp.timestamp()) // 60 % 2_000_000_000)
    for person in people:
        attendee = vCalAddress(f"mailto:{person.email}")
        attendee.params["CN"] = person.full_name
        attendee.params["ROLE"] = "REQ-PARTICIPANT"
        attendee.params["PARTSTAT"] = "NEEDS-ACTION"
        attendee.params["RSVP"] = "TRUE"
        event.add("attendee", attendee)


def _milestone(event: Any, session: Session, task: Any, due: dt.date, note: str | None,
               stamp: dt.datetime) -> Any:
    lang = session.language
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
    if note:
        lines.append(f"{task.label} : {note}" if lang == "fr" else f"{task.label}: {note}")
    event.add("description", "\n".join(lines))
    event.add("transp", "TRANSPARENT")
    return event


def write_calendar(session: Session, path: Path, **options: Any) -> Path:
    """Write the session's .ics file atomically (options of `build_calendar`); return its path."""
    calendar = build_calendar(session, **options)
    path = Path(path)
    write_bytes_atomic(path, calendar.to_ical())
    return path
