"""Decimal numbers for labkit's languages, as babel writes them, without babel's locale data.

`babel.numbers.format_decimal` loads the locale's whole CLDR data the first time (unpickling
fr_FR's, which imports `babel.dates` and its time-zone lookup): about 30 ms of every report, for
a comma. The fixed patterns labkit uses ("0", "0.0", "0.00": no grouping, half-even rounding)
are written here for fr_FR and en_GB; a test checks them against babel value by value. Any other
language, or a value that is not a finite number, returns None, and `labkit.i18n.format_number`
asks babel.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_EVEN, Decimal

DECIMAL_SYMBOL = {"fr": ",", "en": "."}
"""babel's `Locale.number_symbols["latn"]["decimal"]` of fr_FR and en_GB (their minus sign is
"-" in both)."""


def format_fixed(value: float, lang: str, digits: int) -> str | None:
    """`value` as babel's ``format_decimal(value, format="0." + "0" * digits, locale)`` writes
    it in `lang` ("fr" or "en"), or None when it is not a case written here."""
    symbol = DECIMAL_SYMBOL.get(lang)
    if symbol is None or digits < 0 or not math.isfinite(value):
        return None
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    rounded = abs(number).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_EVEN)
    whole, _, fraction = f"{rounded:f}".partition(".")
    text = f"{whole}{symbol}{fraction.ljust(digits, '0')}" if digits else whole
    return f"-{text}" if number.is_signed() else text
