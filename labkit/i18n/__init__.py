"""French and English strings, and locale-aware dates and numbers (through babel).

Strings live in `labkit/i18n/catalog/<area>.py`, each defining `MESSAGES = {key: {"fr": ..., "en":
...}}`; keys are prefixed by their area (e.g. ``validation.day_overrun``). `t()` formats a message
with `str.format` keyword arguments; a counted word is a plural field,
``{count} {count:plural:idée|idées}``, worded by babel's plural rules (`labkit.i18n.plural`;
never a hand-written « idée(s) »). Outputs follow the session's language; the UI follows
`--lang`, then `LABKIT_LANG`, then the session's language, then the system locale (see
`ui_language`).
"""

from __future__ import annotations

import functools
import importlib
import os
import re
from contextlib import contextmanager
from contextvars import ContextVar
from enum import StrEnum

TYPE_CHECKING = False  # not `typing.TYPE_CHECKING`: `labkit --help` must not import typing
if TYPE_CHECKING:
    from collections.abc import Iterator
    from datetime import date, datetime, time, tzinfo


class Lang(StrEnum):
    """The languages of labkit (its interface and its outputs): the one list of them."""

    FR = "fr"
    EN = "en"


DEFAULT_LANG = Lang.FR

_ui_lang_override: Lang | None = None
_session_lang: Lang | None = None
_merged: dict[str, dict[str, str]] | None = None


def _catalog() -> dict[str, dict[str, str]]:
    global _merged
    if _merged is not None:
        return _merged
    folder = os.path.join(os.path.dirname(__file__), "catalog")
    names = sorted(
        entry[:-3]
        for entry in os.listdir(folder)
        if entry.endswith(".py") and not entry.startswith("_")
    )
    merged: dict[str, dict[str, str]] = {}
    for name in names:
        module = importlib.import_module(f"labkit.i18n.catalog.{name}")
        for key, texts in module.MESSAGES.items():
            if key in merged:
                raise RuntimeError(f"duplicate i18n key {key!r} in catalog {name}")
            merged[key] = texts
    _merged = merged
    return merged


_LANGS = {lang.value: lang for lang in Lang}


def normalise_lang(value: str | None) -> Lang | None:
    """The `Lang` of a language tag such as "fr_FR.UTF-8" or "EN", else None."""
    if not value:
        return None
    exact = _LANGS.get(value)  # "fr", Lang.FR: what nearly every call passes (once per text)
    if exact is not None:
        return exact
    head = value.strip().lower().replace("-", "_").split("_")[0].split(".")[0]
    return _LANGS.get(head)


def set_ui_language(lang: str | None) -> None:
    """Force the UI language (the CLI's `--lang`); None returns to the environment's choice."""
    global _ui_lang_override
    _ui_lang_override = normalise_lang(lang)


def set_session_language(lang: str | None) -> None:
    """The language of the session being run (`Session.language`): the UI speaks it unless
    `--lang` or LABKIT_LANG say otherwise, before the machine's locale is asked."""
    global _session_lang
    _session_lang = normalise_lang(lang)


def ui_language() -> Lang:
    """The language of the user interface: `--lang`, then LABKIT_LANG, then the language of the
    session being run, then the locale (a bare "C"/"POSIX" locale says nothing), then fr."""
    if _ui_lang_override:
        return _ui_lang_override
    chosen = normalise_lang(os.environ.get("LABKIT_LANG")) or _session_lang
    if chosen:
        return chosen
    for candidate in (
        os.environ.get("LC_ALL"),
        os.environ.get("LC_MESSAGES"),
        os.environ.get("LANG"),
    ):
        lang = normalise_lang(candidate)
        if lang:
            return lang
    if any(os.environ.get(name, "").split(".")[0] in ("C", "POSIX")
           for name in ("LC_ALL", "LC_MESSAGES", "LANG")):
        return DEFAULT_LANG  # Python reads "C.UTF-8" as en_US: that is no choice of language
    import locale

    return normalise_lang(locale.getlocale()[0]) or DEFAULT_LANG


_GENDER = re.compile(r"\b(\w+)·(\w+)(?:·(s))?\b")


def plain_gender(text: str) -> str:
    """`text` without point médian forms: "participant·es" → "participants", "facilitateur·rice"
    → "facilitateur" (the circular of 21 November 2017 for official texts)."""

    def plain(match: re.Match[str]) -> str:
        base, ending, extra = match[1], match[2], match[3]
        if (extra or ending.endswith("s")) and not base.endswith(("s", "x")):
            return base + "s"
        return base

    return _GENDER.sub(plain, text)


_PLAIN_WRITING: ContextVar[bool] = ContextVar("labkit_plain_writing", default=False)


@contextmanager
def plain_writing(enabled: bool = True) -> Iterator[None]:
    """Within the block, messages lose their point médian forms ("participant·es" →
    "participants"); the parameters (user text) are never changed. A session's documents use
    it unless the session asks for inclusive writing."""
    token = _PLAIN_WRITING.set(enabled)
    try:
        yield
    finally:
        _PLAIN_WRITING.reset(token)


def t(key: str, lang: str | None = None, /, **params: object) -> str:
    """The message `key` in `lang` (default: the UI language), formatted with `params`."""
    chosen = normalise_lang(lang) or ui_language()
    texts = _catalog().get(key)
    if texts is None:
        raise KeyError(f"unknown i18n key {key!r}")
    template = texts.get(chosen)
    if not template:
        template, chosen = texts[DEFAULT_LANG], DEFAULT_LANG
    if _PLAIN_WRITING.get() and "·" in template:
        template = plain_gender(template)
    if not params:
        return template
    if _needs_formatter(template):  # {count:plural:idée|idées}, {name:de}:
        from labkit.i18n.plural import format_plural  # see labkit.i18n.plural and .elision

        return format_plural(template, str(chosen), params)
    return template.format(**params)


@functools.cache
def _needs_formatter(template: str) -> bool:
    """Whether `template` has a plural field, « {count:plural:idée|idées} », or an elided one,
    « {name:de} » (`labkit.i18n.elision`): worked out once per template (`t()` runs per row)."""
    if ":plural:" in template:
        return True
    if ":" not in template:
        return False
    from labkit.i18n.elision import MARKS

    return any(mark in template for mark in MARKS)


def has_key(key: str) -> bool:
    """Whether the catalog defines `key`."""
    return key in _catalog()


def _babel_locale(lang: str | None) -> str:
    return {"fr": "fr_FR", "en": "en_GB"}[normalise_lang(lang) or ui_language()]


def format_date(value: date, lang: str | None = None, fmt: str = "full") -> str:
    """A date as a reader expects it: "jeudi 12 mars 2026" (fr), "Thursday, 12 March 2026" (en).

    `fmt` is a babel format name ("full", "long", "medium", "short") or pattern.
    """
    from labkit.i18n.dates import format_date_words

    chosen = normalise_lang(lang) or ui_language()
    text = format_date_words(value, chosen, fmt)
    if text is None:
        from babel.dates import format_date as babel_format_date

        text = babel_format_date(value, format=fmt, locale=_babel_locale(lang))
    if value.day == 1 and chosen == "fr":
        text = re.sub(r"(^|\s)1(?=\s)", r"\g<1>1er", text, count=1)  # "1er juillet 2027"
    return text


def format_time(
    value: time | datetime | None, lang: str | None = None, *, zone: tzinfo | None = None
) -> str:
    """A clock time: "09:30" in both languages (24-hour clock, as French agendas use).

    An aware datetime is shown in `zone` when given (the session's, `Session.zone`); None (a
    time not known yet) is "--:--".
    """
    if value is None:
        return "--:--"
    if zone is not None and value.tzinfo is not None and hasattr(value, "astimezone"):
        value = value.astimezone(zone)  # a datetime (`datetime` is not imported at run time)
    return f"{value.hour:02d}:{value.minute:02d}"


def format_number(value: float, lang: str | None = None, digits: int = 1) -> str:
    """A decimal number with the locale's separator: "4,7" (fr), "4.7" (en)."""
    from labkit.i18n.numbers import format_fixed

    text = format_fixed(value, normalise_lang(lang) or ui_language(), digits)
    if text is not None:
        return text
    from babel.numbers import format_decimal

    pattern = "0" if digits == 0 else "0." + "0" * digits
    return format_decimal(value, format=pattern, locale=_babel_locale(lang))


def format_duration(minutes: int, lang: str | None = None) -> str:
    """A duration in minutes as "1 h 30" (fr) / "1 h 30" (en), or "45 min"."""
    hours, mins = divmod(int(minutes), 60)
    if hours == 0:
        return f"{mins} min"
    return f"{hours} h {mins:02d}" if mins else f"{hours} h"
