"""Dates in words without `babel.dates` (issue 16: its import looks up the machine's time zone
through pytz, about 60 ms of every `labkit agenda`), equal to babel's day by day."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta

import pytest
from babel.dates import format_date as babel_format_date

from labkit.i18n import format_date
from labkit.i18n.dates import format_date_words

FORMATS = ("full", "long", "medium", "short", "EEE d MMM y", "d MMM y", "EEEE d MMMM y",
           "EEE d MMM", "d/M/y")  # fmt: skip
"""The named formats and every pattern labkit passes to `format_date`, and one more."""


@pytest.mark.parametrize(("lang", "locale"), [("fr", "fr_FR"), ("en", "en_GB")])
@pytest.mark.parametrize("fmt", FORMATS)
def test_each_day_of_two_years_is_written_as_babel_writes_it(
    lang: str, locale: str, fmt: str
) -> None:
    first = date(2027, 1, 1)
    for offset in range(2 * 366):
        day = first + timedelta(days=offset)
        assert format_date_words(day, lang, fmt) == babel_format_date(day, fmt, locale=locale)


@pytest.mark.parametrize("fmt", ["yyyy-MM-dd", "LLLL y", "EEEEE", "d 'de' MMMM", "G y"])
def test_a_pattern_not_written_here_is_left_to_babel(fmt: str) -> None:
    day = date(2027, 7, 1)
    assert format_date_words(day, "fr", fmt) is None
    assert format_date(day, "en", fmt) == babel_format_date(day, fmt, locale="en_GB")


def test_the_first_of_the_month_is_1er_in_french() -> None:
    assert format_date(date(2027, 7, 1), "fr") == "jeudi 1er juillet 2027"
    assert format_date(date(2027, 7, 1), "en") == "Thursday, 1 July 2027"


def test_a_date_in_words_imports_neither_babel_dates_nor_pytz() -> None:
    """`babel.dates` finds the local time zone on import (pytz checks its zone list on disk)."""
    code = (
        "import sys, datetime\n"
        "from labkit.i18n import format_date\n"
        "print(format_date(datetime.date(2027, 3, 11), 'fr'),\n"
        "      format_date(datetime.date(2027, 3, 11), 'en', 'long'),\n"
        "      sorted(m for m in ('babel.dates', 'pytz') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()  # fmt: skip
    assert out == "jeudi 11 mars 2027 11 March 2027 []"
