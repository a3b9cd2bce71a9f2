"""How the report words dates, times, scores and counts in its language (babel underneath)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from labkit.document.elements import Chart
from labkit.document.text import shorten
from labkit.i18n import format_date, format_number, format_time, has_key, t


class Words:
    """The report's language, with shortcuts for its messages and formats."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, key: str, **params: object) -> str:
        return t(f"report.{key}", self.lang, **params)

    def date(self, value: dt.date, fmt: str = "full") -> str:
        return format_date(value, self.lang, fmt)

    def dates(self, values: Sequence[dt.date]) -> str:
        """ "jeudi 16 mars 2027", "16 et 17 mars 2027", "30 mars, 2 et 7 avril 2027"."""
        days = sorted(set(values))
        if not days:
            return ""
        if len(days) == 1:
            return self.date(days[0])
        same_year = len({d.year for d in days}) == 1
        same_month = same_year and len({d.month for d in days}) == 1
        if same_month:
            parts = [self.date(d, "d") for d in days[:-1]] + [self.date(days[-1], "long")]
        elif same_year:
            parts = [self.date(d, "d MMMM") for d in days[:-1]] + [self.date(days[-1], "long")]
        else:
            parts = [self.date(d, "long") for d in days]
        return self.join(parts)

    def join(self, parts: Sequence[str]) -> str:
        """ "a, b et c" / "a, b and c"."""
        if len(parts) <= 1:
            return "".join(parts)
        return t("report.join", self.lang, head=", ".join(parts[:-1]), last=parts[-1])

    def time(self, value: dt.datetime | dt.time | None) -> str:
        """A clock time as the language writes it in prose: "9 h 05" (fr), "9:05" (en)."""
        if value is None:
            return "—"
        hour, minute = format_time(value, self.lang).split(":")
        return t("report.clock", self.lang, hour=int(hour), minute=minute)

    def span(self, start: dt.datetime | None, end: dt.datetime | None) -> str:
        """A time range, "9 h 00 – 9 h 30" (the end "…" while it runs)."""
        if start is None:
            return "—"
        return f"{self.time(start)} – {self.time(end) if end else '…'}"

    def number(self, value: float, digits: int = 1) -> str:
        return format_number(value, self.lang, digits)

    def score(self, value: float | None, scale_max: float) -> str:
        if value is None:
            return "—"
        return f"{self.number(value)}/{self.number(scale_max, 0)}"

    def minutes(self, value: int | None) -> str:
        if value is None:
            return "—"
        if value == 0:
            return self("on_time")
        return f"{value:+d} min"

    def capitalised(self, text: str) -> str:
        """`text` with its first letter in upper case (the rest untouched: "Lab" stays)."""
        return text[:1].upper() + text[1:]

    def count(self, key: str, n: int) -> str:
        """A counted noun: report.<key>.one / report.<key>.many, by babel's plural rules (in
        French 0 and 1 are singular: "0 idée", "1 idée", "2 idées"). At 0, report.<key>.zero
        when the catalog has it: a ".one" message that spells "Une personne" would be false.
        (A message that only needs its noun to agree uses a plural field instead, see
        `labkit.i18n.plural`.)"""
        from labkit.i18n.plural import choose

        if n == 0 and has_key(f"report.{key}.zero"):
            return self(f"{key}.zero")
        return self(f"{key}.{choose(n, self.lang, 'one', 'many')}", n=n)


def describe_chart(chart: Chart, words: Words, limit: int = 900) -> str:
    """An alternative text giving the chart's data in words (for screen readers)."""
    parts = []
    french = words.lang == "fr"  # a space before ":" and ";" (shorten flattens a no-break one)
    colon, semicolon = (" : ", " ; ") if french else (": ", "; ")
    for series in chart.series:
        values = [
            f"{shorten(category, 60)}{colon}{_value(value, words)}"
            for category, value in zip(chart.categories, series.values, strict=False)
        ]
        head = f"{series.name} — " if series.name and len(chart.series) > 1 else ""
        parts.append(head + semicolon.join(values))
    kind = words(f"chart.{chart.kind}")
    return shorten(f"{kind} — {chart.title}. " + " | ".join(parts), limit)


def _value(value: float | None, words: Words) -> str:
    if value is None:
        return "—"
    return words.number(value, 0 if float(value).is_integer() else 1)
