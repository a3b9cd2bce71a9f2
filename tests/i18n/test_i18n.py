"""French and English strings, dates and numbers, and how the UI language is chosen."""

from __future__ import annotations

import datetime as dt
import re
import string
from typing import Any

import pytest
from typer.testing import CliRunner

import labkit.i18n as i18n
from labkit.cli.app import app
from labkit.i18n import (
    format_date,
    format_duration,
    format_number,
    format_time,
    has_key,
    normalise_lang,
    set_ui_language,
    t,
    ui_language,
)
from labkit.i18n.elision import WORDS

CATALOG = i18n._catalog()


def fields(template: str) -> list[tuple[str, str, str | None]]:
    """The placeholders of a str.format template: (name, format spec, conversion)."""
    return sorted(
        (name, spec or "", conversion)
        for _, name, spec, conversion in string.Formatter().parse(template)
        if name is not None
    )


def test_the_catalog_is_not_empty_and_has_every_area() -> None:
    areas = {key.split(".")[0] for key in CATALOG}
    assert {"validation", "store", "pydantic", "session", "cli", "examples", "phase",
            "method"} <= areas
    assert len(CATALOG) > 100


def test_every_key_has_french_and_english() -> None:
    bad = [key for key, texts in CATALOG.items()
           if set(texts) != {"fr", "en"}
           or not all(isinstance(text, str) and text.strip() for text in texts.values())]
    assert bad == []


def printed(template: str) -> set[tuple[str, str, str | None]]:
    """The placeholders that print a value (plural fields only choose a word by a count: a
    language may need one where the other does not, « {count:plural:absent|absents} »); an
    elided field, « départ {name:de} », prints its value as « {name}'s departure » does."""
    return {(name, "" if spec in WORDS else spec, conversion)
            for name, spec, conversion in fields(template) if not spec.startswith("plural:")}


def test_placeholders_are_the_same_in_both_languages() -> None:
    bad = {key: (printed(texts["fr"]), printed(texts["en"])) for key, texts in CATALOG.items()
           if printed(texts["fr"]) != printed(texts["en"])}
    assert bad == {}


def test_every_message_formats_with_its_placeholders() -> None:
    bad = []
    for key, texts in CATALOG.items():
        for lang in ("fr", "en"):
            names = {name for name, _, _ in fields(texts[lang])}
            params = {name: 7 for name in names}  # numbers suit {minutes:02d} and text alike
            try:
                text = t(key, lang, **params)
            except (KeyError, ValueError, IndexError) as error:
                bad.append((key, lang, repr(error)))
                continue
            if re.search(r"\{[A-Za-z_]\w*(:[^}]*)?\}", text):
                bad.append((key, lang, text))
    assert bad == []


def test_every_method_phase_role_format_and_mode_has_a_word() -> None:
    from labkit.model import METHOD_TYPES, Phase, Role, SessionFormat, SessionMode

    for name in METHOD_TYPES:
        assert has_key(f"method.{name}")
    for enum, prefix in ((Phase, "phase"), (Role, "role"), (SessionFormat, "format"),
                         (SessionMode, "mode")):
        for member in enum:
            assert has_key(f"{prefix}.{member.value}"), (prefix, member)


def test_t_formats_in_the_asked_language() -> None:
    assert t("session.created", "fr", path="x") == "Session créée\u00a0: x"
    assert t("session.created", "en", path="x") == "Session created: x"
    assert t("word.day", "EN_gb") == "Day"


def test_t_without_a_language_follows_the_ui(ui_lang: Any) -> None:
    ui_lang("en")
    assert t("word.day") == "Day"
    assert t("word.day", "de") == "Day"  # an unknown language falls back to the UI's
    ui_lang("fr")
    assert t("word.day") == "Jour"


def test_unknown_key() -> None:
    with pytest.raises(KeyError, match="unknown i18n key"):
        t("nope.nothing")
    assert not has_key("nope.nothing") and has_key("word.day")


# -- dates, times, numbers -----------------------------------------------------------------------
def test_dates() -> None:
    thursday = dt.date(2026, 3, 12)
    assert format_date(thursday, "fr") == "jeudi 12 mars 2026"
    assert format_date(thursday, "en") == "Thursday, 12 March 2026"
    assert format_date(dt.date(2026, 2, 1), "fr") == "dimanche 1er février 2026"
    assert format_date(thursday, "fr", "d MMMM") == "12 mars"
    assert format_date(thursday, "fr", "short") == "12/03/2026"


def test_numbers() -> None:
    assert format_number(4.7, "fr") == "4,7"
    assert format_number(4.7, "en") == "4.7"
    assert format_number(4.75, "fr", digits=2) == "4,75"
    assert format_number(3.8, "fr", digits=0) == "4"
    assert format_number(1234.5, "fr") == "1234,5"  # scores and averages: no grouping
    assert format_number(4, "en") == "4.0"


def test_times_and_durations() -> None:
    assert format_time(dt.time(9, 5)) == "09:05"
    assert format_time(dt.datetime(2026, 3, 12, 14, 0), "en") == "14:00"
    assert format_duration(45) == "45 min"
    assert format_duration(60) == "1 h"
    assert format_duration(90, "en") == "1 h 30"
    assert format_duration(125) == "2 h 05"


def test_dates_and_numbers_follow_the_ui_by_default(ui_lang: Any) -> None:
    ui_lang("en")
    assert format_number(4.7) == "4.7"
    assert format_date(dt.date(2026, 3, 12)).startswith("Thursday")
    ui_lang("fr")
    assert format_number(4.7) == "4,7"


# -- choosing the UI language --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("tag", "lang"),
    [("fr", "fr"), ("fr_FR.UTF-8", "fr"), ("fr-CA", "fr"), ("EN", "en"), ("en_GB", "en"),
     ("en_US.utf8", "en"), (" en ", "en"), ("de_DE.UTF-8", None), ("C.UTF-8", None),
     ("C", None), ("POSIX", None), ("", None), (None, None)],
)
def test_normalise_lang(tag: str | None, lang: str | None) -> None:
    assert normalise_lang(tag) == lang


@pytest.fixture
def bare_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """No language variable at all, and a locale without a language."""
    for name in ("LABKIT_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    import locale

    monkeypatch.setattr(locale, "getlocale", lambda *a: (None, None))
    return monkeypatch


def test_default_is_french(bare_env: pytest.MonkeyPatch) -> None:
    assert ui_language() == "fr"


def test_the_locale_comes_last(bare_env: pytest.MonkeyPatch) -> None:
    import locale

    bare_env.setattr(locale, "getlocale", lambda *a: ("en_US", "UTF-8"))
    assert ui_language() == "en"


@pytest.mark.parametrize("variable", ["LANG", "LC_MESSAGES", "LC_ALL"])
def test_locale_variables(bare_env: pytest.MonkeyPatch, variable: str) -> None:
    bare_env.setenv(variable, "en_GB.UTF-8")
    assert ui_language() == "en"


def test_precedence_of_the_locale_variables(bare_env: pytest.MonkeyPatch) -> None:
    bare_env.setenv("LANG", "fr_FR.UTF-8")
    bare_env.setenv("LC_MESSAGES", "en_GB.UTF-8")
    assert ui_language() == "en"
    bare_env.setenv("LC_ALL", "fr_FR.UTF-8")
    assert ui_language() == "fr"


def test_labkit_lang_beats_the_locale(bare_env: pytest.MonkeyPatch) -> None:
    bare_env.setenv("LC_ALL", "fr_FR.UTF-8")
    bare_env.setenv("LABKIT_LANG", "en")
    assert ui_language() == "en"


def test_an_unsupported_labkit_lang_falls_through(bare_env: pytest.MonkeyPatch) -> None:
    bare_env.setenv("LABKIT_LANG", "de")
    bare_env.setenv("LANG", "en_US.UTF-8")
    assert ui_language() == "en"


def test_the_lang_option_beats_everything(bare_env: pytest.MonkeyPatch) -> None:
    bare_env.setenv("LABKIT_LANG", "en")
    bare_env.setenv("LC_ALL", "en_GB.UTF-8")
    set_ui_language("fr")
    assert ui_language() == "fr"
    set_ui_language(None)
    assert ui_language() == "en"
    set_ui_language("klingon")  # not a language labkit speaks: no override
    assert ui_language() == "en"


def _cli(args: list[str], env: dict[str, str]) -> str:
    return CliRunner().invoke(app, args, env=env).output


def test_the_cli_follows_lang_then_labkit_lang(bare_env: pytest.MonkeyPatch) -> None:
    args = ["validate", "inconnue"]
    assert "no session found" in _cli(args, {"LABKIT_LANG": "en"})
    set_ui_language(None)
    assert "aucune session trouvée" in _cli(args, {"LABKIT_LANG": "fr"})
    set_ui_language(None)
    assert "aucune session trouvée" in _cli(["--lang", "fr", *args], {"LABKIT_LANG": "en"})
    set_ui_language(None)
    assert "no session found" in _cli(["--lang", "en", *args], {"LABKIT_LANG": "fr"})
    set_ui_language(None)
    assert "no session found" in _cli(args, {"LANG": "en_GB.UTF-8"})


def test_ui_language_order_lang_env_session_locale(monkeypatch):
    """Issue 14: `--lang`, then LABKIT_LANG, then the session's language, then the locale; a
    C.UTF-8 machine running a French session speaks French."""
    from labkit.i18n import set_session_language, set_ui_language, ui_language

    monkeypatch.delenv("LABKIT_LANG", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    monkeypatch.setenv("LANG", "C.UTF-8")
    try:
        set_ui_language(None)
        set_session_language("fr")
        assert ui_language() == "fr"
        set_session_language("en")
        assert ui_language() == "en"  # the session's language, before the locale
        monkeypatch.setenv("LABKIT_LANG", "fr")
        assert ui_language() == "fr"  # LABKIT_LANG beats the session
        set_ui_language("en")
        assert ui_language() == "en"  # --lang beats everything
        set_ui_language(None)
        set_session_language(None)
        monkeypatch.delenv("LABKIT_LANG")
        assert ui_language() == "fr"  # C.UTF-8 is no choice: the default, not en_US
    finally:
        set_ui_language(None)
        set_session_language(None)
