"""Plural fields in messages, ``{count:plural:idée|idées}``, by babel's rules (issues 11 and 12):
French 0 and 1 singular, English 1 only; no hand-written « idée(s) » left in any catalog."""

from __future__ import annotations

import re
import string
import subprocess
import sys

import pytest

import labkit.i18n as i18n
from labkit.i18n import plain_writing, t
from labkit.i18n.plural import format_plural, plural_category

HAND_PLURAL = re.compile(r"[^\W\d_]\([^\W\d_]{1,3}\)")
"""A word with a parenthesised ending: « idée(s) », « nouveau(x) », « change(nt) », « ami(e)s »,
« absent·e(s) », « address(es) »."""


@pytest.mark.parametrize(
    ("lang", "n", "expected"),
    [("fr", 0, "0 idée"), ("fr", 1, "1 idée"), ("fr", 2, "2 idées"),
     ("en", 0, "0 ideas"), ("en", 1, "1 idea"), ("en", 2, "2 ideas")],
)  # fmt: skip
def test_a_counted_word_follows_the_language_rules_at_0_1_and_2(
    lang: str, n: int, expected: str
) -> None:
    assert t("tui.cafe.ideas_count", lang, count=n) == expected


@pytest.mark.parametrize(
    ("lang", "count", "files", "expected"),
    [
        ("fr", 1, 2, "1 événement exporté dans x (2 fichiers)\u00a0:"),
        ("fr", 0, 1, "0 événement exporté dans x (1 fichier)\u00a0:"),
        ("fr", 5, 1, "5 événements exportés dans x (1 fichier)\u00a0:"),
        ("en", 1, 2, "1 event exported to x (2 files):"),
        ("en", 0, 1, "0 events exported to x (1 file):"),
    ],
)
def test_a_message_with_two_counts_words_each_by_its_own(
    lang: str, count: int, files: int, expected: str
) -> None:
    assert t("journal.cli.exported", lang, count=count, files=files, out="x") == expected


def test_a_word_agrees_with_a_count_it_does_not_print() -> None:
    one = t("check.plan_unknown_person", "fr", path="p", ids="awa", count=1)
    two = t("check.plan_unknown_person", "fr", path="p", ids="awa, léo", count=2)
    assert one == "p\u00a0: le plan place awa, absent des participants"
    assert two == "p\u00a0: le plan place awa, léo, absents des participants"
    assert t("participants.out.removed", "fr", names="Awa D.", count=1) == "retiré\u00a0: Awa D."


def test_the_mechanism_itself() -> None:
    template = "{n:02d} {n:plural:rencontre répétée|rencontres répétées}, {m!r}"
    assert format_plural(template, "fr", {"n": 1, "m": "x"}) == "01 rencontre répétée, 'x'"
    assert format_plural(template, "en", {"n": 0, "m": 1}) == "00 rencontres répétées, 1"
    assert plural_category(1_000_000, "fr") == "many"  # not "one": the second form
    assert format_plural("{n:plural:a|b}", "fr", {"n": -1}) == "a"
    with pytest.raises(ValueError, match="two forms"):
        format_plural("{n:plural:idée}", "fr", {"n": 2})
    with pytest.raises(TypeError, match="a number"):
        format_plural("{n:plural:idée|idées}", "fr", {"n": "2"})


def test_plain_writing_applies_to_the_forms() -> None:
    def invite(n: int) -> str:
        return t("prepare.out.invite_written", "fr", path="i.ics", attendees=n)

    assert invite(2) == "Invitation écrite\u00a0: i.ics (2 invité·es)."
    with plain_writing():
        assert invite(2) == "Invitation écrite\u00a0: i.ics (2 invités)."
        assert invite(1) == "Invitation écrite\u00a0: i.ics (1 invité)."


def test_babel_is_imported_only_when_a_plural_field_is_formatted() -> None:
    code = (
        "import sys\n"
        "from labkit.i18n import t\n"
        "print(t('check.ok', 'fr', path='x'), 'babel' in sys.modules,\n"
        "      'labkit.i18n.plural' in sys.modules)\n"
        "print(t('session.summary', 'fr', errors=2, warnings=1), 'babel' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.splitlines()  # fmt: skip
    assert out == ["x — aucun problème False False", "2 erreurs, 1 avertissement True"]


def _catalog_texts() -> list[tuple[str, str, str]]:
    return [(key, lang, text) for key, texts in i18n._catalog().items()
            for lang, text in texts.items()]  # fmt: skip


def test_no_catalog_message_has_a_hand_written_plural() -> None:
    assert HAND_PLURAL.search("{count} idée(s) · absent·e(s) · nouveau(x) · address(es)")
    assert not HAND_PLURAL.search("Durée (min) · Contenu (JSON) · à venir (n)")
    found = [(key, lang, text) for key, lang, text in _catalog_texts()
             if HAND_PLURAL.search(text)]  # fmt: skip
    assert found == []


def test_every_plural_field_has_two_forms() -> None:
    bad = []
    for key, lang, text in _catalog_texts():
        for _, name, spec, _ in string.Formatter().parse(text):
            if name is not None and spec and spec.startswith("plural:"):
                forms = spec.removeprefix("plural:").split("|")
                if len(forms) != 2 or not all(f.strip() for f in forms):
                    bad.append((key, lang, spec))
    assert bad == []


def test_the_plural_rules_are_babels_for_each_language() -> None:
    from babel import Locale

    from labkit.i18n.plural import CLDR_RULES

    assert set(CLDR_RULES) == {lang.value for lang in i18n.Lang}
    for lang, rules in CLDR_RULES.items():
        assert rules == Locale.parse(lang).plural_form.rules, lang


def test_a_counted_word_loads_no_babel_locale_data() -> None:
    """Babel's plural rules of fr and en are compiled without its locale data (about 55 ms of
    every command that counts something: `labkit validate`'s summary, issue 16)."""
    code = (
        "import babel.localedata as data\n"
        "loaded = []\n"
        "real = data.load\n"
        "data.load = lambda *a, **k: loaded.append(a[0]) or real(*a, **k)\n"
        "from labkit.i18n import t\n"
        "print(t('session.summary', 'fr', errors=1, warnings=0),\n"
        "      t('session.summary', 'en', errors=1, warnings=3), loaded)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()  # fmt: skip
    assert out == "1 erreur, 0 avertissement 1 error, 3 warnings []"
