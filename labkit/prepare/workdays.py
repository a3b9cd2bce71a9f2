"""Working days of the retro-planning: a task never falls on a weekend or a public holiday.

Holidays come from the maintained `holidays` package (France and its regions, e.g. Alsace-Moselle
"57", and other countries), never from a hand-written list. A task before the session moves to the
working day before; a task after the session moves to the working day after.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from labkit.errors import InvalidInputError
from labkit.i18n import format_date, t
from labkit.model import Session

SATURDAY = 5
MAX_SHIFT_DAYS = 14


@dataclass(frozen=True)
class Shift:
    """A due date moved off a non-working day: from when, to when, and why (in words)."""

    planned: dt.date
    due: dt.date
    reason: str

    def note(self, lang: str | None) -> str:
        """"Avancé du dimanche 7 février 2027 (week-end)" and the like."""
        key = "prepare.workdays.moved_earlier" if self.due < self.planned else \
            "prepare.workdays.moved_later"
        return t(key, lang, date=format_date(self.planned, lang, "EEEE d MMMM y"),
                 reason=self.reason)


    def short_note(self, lang: str | None) -> str:
        """The same in a few words, for a table column: "au lieu de sam. 30 janv. (week-end)"."""
        return t("prepare.workdays.short", lang,
                 date=format_date(self.planned, lang, "EEE d MMM"), reason=self.reason)


class WorkingDays:
    """The working-day calendar of a country (and region), with holiday names in `lang`."""

    def __init__(self, country: str = "FR", subdivision: str | None = None,
                 lang: str | None = "fr") -> None:
        import holidays

        self.country, self.subdivision, self.lang = country.upper(), subdivision, lang
        try:
            self._holidays: Any = holidays.country_holidays(
                self.country, subdiv=subdivision, language=_holiday_language(self.country, lang))
        except NotImplementedError as exc:
            known = ""
            if "subdivision" in str(exc):
                entity = holidays.country_holidays(self.country)
                known = ", ".join(str(s) for s in entity.subdivisions)
                raise InvalidInputError(t("prepare.workdays.bad_subdivision", lang,
                                          value=subdivision, country=self.country,
                                          known=known)) from None
            raise InvalidInputError(t("prepare.workdays.bad_country", lang,
                                      value=country)) from None

    def why_closed(self, day: dt.date) -> str | None:
        """The reason `day` is not a working day (holiday name, "week-end"), or None."""
        name = self._holidays.get(day)
        if name:
            return str(name)
        if day.weekday() >= SATURDAY:
            return t("prepare.workdays.weekend", self.lang)
        return None

    def adjust(self, day: dt.date, *, later: bool = False) -> Shift | None:
        """Where a task due on `day` moves (earlier, or `later`), or None if `day` is worked."""
        reason = self.why_closed(day)
        if reason is None:
            return None
        step = dt.timedelta(days=1 if later else -1)
        moved = day
        for _ in range(MAX_SHIFT_DAYS):
            moved += step
            if self.why_closed(moved) is None:
                return Shift(day, moved, reason)
        return None


def _holiday_language(country: str, lang: str | None) -> str | None:
    import holidays

    supported = getattr(holidays.country_holidays(country), "supported_languages", ())
    wanted = "fr" if lang == "fr" else "en_US"
    for code in (wanted, "fr_FR" if lang == "fr" else "en_GB"):
        if code in supported:
            return code
    return None


def session_working_days(session: Session, country: str | None = None) -> WorkingDays:
    """The working days of the session: its `calendar.country`, or `country` when given."""
    if country and country.upper() != session.calendar.country:
        return WorkingDays(country, None, session.language)
    return WorkingDays(session.calendar.country, session.calendar.subdivision, session.language)
