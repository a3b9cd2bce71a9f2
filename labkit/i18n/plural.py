"""Counted words in messages, by babel's plural rules: ``{count:plural:idée|idées}``.

A field whose format spec starts with ``plural:`` renders one of its two forms, chosen by the
category `babel.Locale.plural_form` gives its value in the message's language: "one" → the
first, any other ("other", French "many" for a million…) → the second. The field prints only
the word, so that a message may count several things and make a word agree with a count it does
not print: ``"{count} {count:plural:événement exporté|événements exportés} ({files}
{files:plural:fichier|fichiers})"``. French reads 0 and 1 as singular (« 0 idée », « 1 idée »,
« 2 idées »), English 1 only (« 0 ideas », « 1 idea »). `t()` imports this module only for a
message that has such a field, and babel only when one is formatted.
"""

from __future__ import annotations

import string
from functools import lru_cache

from labkit.i18n.elision import WORDS, elide

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

MARK = ":plural:"
"""What `t()` looks for in a template before formatting it with `PluralFormatter`."""


CLDR_RULES: dict[str, dict[str, str]] = {
    "fr": {"many": "e in 0 and i not in 0 and i mod 1000000 in 0 and v in 0 or e not in 0..5",
           "one": "i in 0..1"},
    "en": {"one": "i in 1 and v in 0"},
}
"""The plural rules of babel's data (CLDR) for labkit's languages, as `Locale.plural_form.rules`
gives them (a test checks that they match): babel compiles them without loading the whole
locale data (about 55 ms at each start of a command that counts something)."""


@lru_cache(maxsize=8)
def _rule(lang: str) -> Callable[[float], str]:
    if lang in CLDR_RULES:
        from babel.plural import PluralRule

        return PluralRule(CLDR_RULES[lang])
    from babel import Locale

    return Locale.parse(lang).plural_form


@lru_cache(maxsize=1024)
def _category(n: float, lang: str) -> str:
    return _rule(lang)(n)  # babel's rule takes about 15 µs a call: the screens redraw counts


def plural_category(n: float, lang: str) -> str:
    """Babel's plural category of `n` in `lang`: "one", "other", "many"… (fr: 0 and 1 → "one")."""
    if isinstance(n, bool) or not isinstance(n, int | float):
        raise TypeError(f"a plural needs a number, not {n!r}")
    return _category(abs(n), lang)


def choose(n: float, lang: str, one: str, other: str) -> str:
    """`one` when `n` is singular in `lang`, else `other`."""
    return one if plural_category(n, lang) == "one" else other


class PluralFormatter(string.Formatter):
    """`str.format` with ``{name:plural:one|other}`` fields, in one language (and the
    elided ``{name:de}`` fields of `labkit.i18n.elision`)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, value: object, format_spec: str) -> str:
        if format_spec in WORDS:  # {name:de}: « d'Océane » (labkit.i18n.elision)
            return elide(format_spec, value)
        if not format_spec.startswith("plural:"):
            return super().format_field(value, format_spec)
        forms = format_spec[len("plural:") :].split("|")
        if len(forms) != 2:
            raise ValueError(f"a plural field needs two forms 'one|other', not {format_spec!r}")
        return choose(value, self.lang, *forms)  # type: ignore[arg-type]


@lru_cache(maxsize=8)
def _formatter(lang: str) -> PluralFormatter:
    return PluralFormatter(lang)


def format_plural(template: str, lang: str, params: Mapping[str, object]) -> str:
    """`template` formatted with `params`, its plural fields by `lang`'s rules."""
    return _formatter(lang).vformat(template, (), params)
