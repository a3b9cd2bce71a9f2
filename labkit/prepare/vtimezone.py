"""A VTIMEZONE that Outlook reads: STANDARD/DAYLIGHT with yearly RRULEs, not RDATE lists.

The rules are inferred from the IANA zone ("last Sunday of March at 02:00") and checked against
the zone's real transitions over several years around the session; when a zone's changes follow
no such rule (or changed recently), `rrule_timezone` returns None and the calendar falls back to
UTC times, which every client reads right.
"""

from __future__ import annotations

import calendar as month_calendar
import datetime as dt
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

UTC = dt.UTC
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
CHECKED_YEARS = 2
"""The rules must reproduce the zone's transitions this many years before and after."""


@dataclass(frozen=True)
class Transition:
    """A change of UTC offset: local wall time it happens at (old offset), offsets, name."""

    local: dt.datetime
    offset_from: dt.timedelta
    offset_to: dt.timedelta
    name: str
    daylight: bool


def transitions(zone: ZoneInfo, year: int) -> list[Transition]:
    """The zone's offset changes during `year` (hourly scan, refined to the minute)."""
    found = []
    moment = dt.datetime(year, 1, 1, tzinfo=UTC)
    end = dt.datetime(year + 1, 1, 1, tzinfo=UTC)
    before = _offset(moment, zone)
    while moment < end:
        after_moment = moment + dt.timedelta(hours=1)
        after = _offset(after_moment, zone)
        if after != before:
            exact = moment
            while _offset(exact + dt.timedelta(minutes=1), zone) == before:
                exact += dt.timedelta(minutes=1)
            exact += dt.timedelta(minutes=1)
            local = (exact + before).replace(tzinfo=None)
            wall = exact.astimezone(zone)
            found.append(Transition(local, before, after, wall.tzname() or "",
                                    bool(wall.dst())))
            before = after
        moment = after_moment
    return found


def _offset(moment: dt.datetime, zone: ZoneInfo) -> dt.timedelta:
    """The zone's UTC offset at `moment` (an aware time in a ZoneInfo always has one)."""
    return moment.astimezone(zone).utcoffset() or dt.timedelta(0)


def _byday(day: dt.date) -> list[str]:
    """Candidate BYDAY values for a date: "-1SU" (last) and/or "2SU" (second)."""
    code = WEEKDAYS[day.weekday()]
    length = month_calendar.monthrange(day.year, day.month)[1]
    candidates = []
    if day.day + 7 > length:
        candidates.append(f"-1{code}")
    candidates.append(f"{(day.day - 1) // 7 + 1}{code}")
    return candidates


def _rule_date(year: int, month: int, byday: str) -> dt.date:
    ordinal, code = int(byday[:-2]), byday[-2:]
    weekday = WEEKDAYS.index(code)
    days = [d for d in month_calendar.Calendar().itermonthdates(year, month)
            if d.month == month and d.weekday() == weekday]
    return days[ordinal - 1] if ordinal > 0 else days[ordinal]


def _fits(zone: ZoneInfo, year: int, kind: bool, byday: str, sample: Transition) -> bool:
    for other in range(year - CHECKED_YEARS, year + CHECKED_YEARS + 1):
        matching = [t for t in transitions(zone, other) if t.daylight == kind]
        if len(matching) != 1:
            return False
        found = matching[0]
        expected = _rule_date(other, sample.local.month, byday)
        if (found.local.date() != expected or found.local.time() != sample.local.time()
                or found.offset_to != sample.offset_to):
            return False
    return True


def rrule_timezone(zone: ZoneInfo, year: int) -> Any | None:
    """An `icalendar.Timezone` with RRULE-based rules valid around `year`, or None."""
    from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

    changes = transitions(zone, year)
    component = Timezone()
    component.add("tzid", zone.key)
    if not changes:
        if any(transitions(zone, y) for y in range(year - CHECKED_YEARS, year + CHECKED_YEARS)):
            return None  # the zone changed its offset recently: UTC is safer
        noon = dt.datetime(year, 6, 1, 12, tzinfo=UTC).astimezone(zone)
        standard = TimezoneStandard()
        standard.add("dtstart", dt.datetime(1970, 1, 1))
        standard.add("tzoffsetfrom", noon.utcoffset())
        standard.add("tzoffsetto", noon.utcoffset())
        standard.add("tzname", noon.tzname() or zone.key)
        component.add_component(standard)
        return component
    if len(changes) != 2 or changes[0].daylight == changes[1].daylight:
        return None
    for change in sorted(changes, key=lambda c: not c.daylight):
        rule = next((b for b in _byday(change.local.date())
                     if _fits(zone, year, change.daylight, b, change)), None)
        if rule is None:
            return None
        part = TimezoneDaylight() if change.daylight else TimezoneStandard()
        first = _rule_date(1970, change.local.month, rule)
        part.add("dtstart", dt.datetime.combine(first, change.local.time()))
        part.add("rrule", {"freq": "yearly", "bymonth": change.local.month, "byday": rule})
        part.add("tzoffsetfrom", change.offset_from)
        part.add("tzoffsetto", change.offset_to)
        part.add("tzname", change.name)
        component.add_component(part)
    return component
