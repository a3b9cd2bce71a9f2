"""Dates in words for labkit's languages, as babel writes them, without importing `babel.dates`.

Importing `babel.dates` looks up the machine's time zone (through pytz, which checks its whole
zone list on disk) and formatting loads the locale's data: about 60 ms at the start of every
command that prints a date (`labkit agenda`), for a date that has no time zone. The named formats
and the patterns labkit uses (days, months, years) are written here from babel's data (CLDR) for
fr_FR and en_GB; a test checks them against babel day by day. Any other pattern, letter or
language returns None, and `labkit.i18n.format_date` asks babel.
"""

from __future__ import annotations

import re
from datetime import date

NAMED: dict[str, dict[str, str]] = {
    "fr": {"full": "EEEE d MMMM y", "long": "d MMMM y", "medium": "d MMM y", "short": "dd/MM/y"},
    "en": {"full": "EEEE, d MMMM y", "long": "d MMMM y", "medium": "d MMM y", "short": "dd/MM/y"},
}
"""babel's `Locale.date_formats` of fr_FR and en_GB."""

MONTHS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "fr": (("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
            "octobre", "novembre", "décembre"),
           ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
            "nov.", "déc.")),
    "en": (("January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"),
           ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec")),
}  # fmt: skip
"""Month names (wide, abbreviated) in the format context, January first."""

DAYS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "fr": (("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
           ("lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim.")),
    "en": (("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
           ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")),
}  # fmt: skip
"""Day names (wide, abbreviated) in the format context, Monday first."""

_FIELD = re.compile(r"([A-Za-z])\1*")
_KNOWN = frozenset({"y", "M", "MM", "MMM", "MMMM", "d", "dd", "EEE", "EEEE"})


def format_date_words(value: date, lang: str, fmt: str) -> str | None:
    """`value` as babel's `format_date(value, fmt, locale)` writes it in `lang` ("fr" or "en"),
    or None when `fmt` or `lang` is not one written here (babel is then asked)."""
    if lang not in NAMED:
        return None
    pattern = NAMED[lang].get(fmt, fmt)
    if "'" in pattern or any(f.group(0) not in _KNOWN for f in _FIELD.finditer(pattern)):
        return None
    months, days = MONTHS[lang], DAYS[lang]

    def field(found: re.Match[str]) -> str:
        token = found.group(0)
        if token == "y":
            return str(value.year)
        if token in ("M", "d"):
            return str(value.month if token == "M" else value.day)
        if token in ("MM", "dd"):
            return f"{value.month if token == 'MM' else value.day:02d}"
        if token[0] == "M":
            return months[0 if token == "MMMM" else 1][value.month - 1]
        return days[0 if token == "EEEE" else 1][value.weekday()]

    return _FIELD.sub(field, pattern)
