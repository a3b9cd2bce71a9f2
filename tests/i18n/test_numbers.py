"""Decimal numbers without babel's locale data (issue 16: loading fr_FR's CLDR data, which imports
`babel.dates`, was about 30 ms of every report), equal to babel's value by value."""

from __future__ import annotations

import random
import subprocess
import sys
from decimal import Decimal

import pytest
from babel.numbers import format_decimal

from labkit.i18n import format_number
from labkit.i18n.numbers import format_fixed

_RANDOM = random.Random(16)
VALUES: list[float | Decimal] = [
    0, 0.0, -0.0, 1, -1, 0.05, 0.15, 0.25, 0.35, 0.45, 1.005, 2.5, 3.5, -2.5, -0.04, 4.75, 1 / 3,
    2 / 3, 1e-7, 1e6, 123456.789, 12345678901234.5, 10**12, -7.25, Decimal("2.675"),
    *(_RANDOM.uniform(-1000, 1000) for _ in range(500)),
    *(_RANDOM.randint(-5000, 5000) / 100 for _ in range(500)),
    *(_RANDOM.randint(-100000, 100000) for _ in range(100)),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "locale"), [("fr", "fr_FR"), ("en", "en_GB")])
@pytest.mark.parametrize("digits", [0, 1, 2, 3])
def test_each_value_is_written_as_babel_writes_it(lang: str, locale: str, digits: int) -> None:
    pattern = "0." + "0" * digits if digits else "0"
    for value in VALUES:
        expected = format_decimal(value, format=pattern, locale=locale)
        assert format_fixed(value, lang, digits) == expected, value
        assert format_number(value, lang, digits) == expected, value


def test_a_value_or_language_not_written_here_is_left_to_babel() -> None:
    assert format_fixed(float("nan"), "fr", 1) is None
    assert format_fixed(float("inf"), "en", 1) is None
    assert format_fixed(4.7, "de", 1) is None
    assert format_number(float("inf"), "fr") == format_decimal(float("inf"), "0.0", locale="fr_FR")


def test_formatting_a_number_loads_no_locale_data() -> None:
    code = (
        "import sys\n"
        "from labkit.i18n import format_number\n"
        "assert format_number(4.75, 'fr', 1) == '4,8'\n"
        "assert format_number(1234.5, 'en', 0) == '1234'\n"
        "loaded = sorted(m for m in sys.modules if m in ('babel.numbers', 'babel.dates'))\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
