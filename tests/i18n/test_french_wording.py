"""The French of labkit's fixed strings, as a careful reader checked it (issue 12, point 2):
every count before a counted noun goes through babel's plural rules, one word for one thing
across the screens, the report and the exports, and titles are not in English-style title case."""

from __future__ import annotations

import re

import pytest

from labkit.i18n import _catalog, t

COUNTED = {
    "binômes", "caractères", "cellules", "colonnes", "éléments", "équipes", "événements",
    "feuilles", "hôtes", "idées", "jours", "niveaux", "participants", "participant·es",
    "personnes", "prototypes", "questions", "tables", "tours", "visites",
}  # fmt: skip
"""Nouns labkit counts: "{n} tables" must be "{n} {n:plural:table|tables}" (« 1 table »)."""

NUMBERING = {"report.day_n", "report.question_n", "report.prototype.team_n"}
"""Messages where "{n}" names a thing ("Jour 2") rather than counts it."""

_WORD = r"[^\W\d_]+(?:·[^\W\d_]+)?"
_COUNT = re.compile(rf"\{{(\w+)\}}((?:\s+{_WORD}){{1,2}})")
"""A field and the one or two words after it ("{n} tables", "{n} autres idées")."""


def _french() -> dict[str, str]:
    return {key: texts["fr"] for key, texts in _catalog().items()}


def _counted_words(messages: dict[str, str]) -> set[str]:
    """COUNTED, and the plural form of every plural field of the catalog."""
    fields = rf"\{{\w+:plural:[^|{{}}]*\|({_WORD})"
    forms = re.findall(fields, " ".join(messages.values()))
    return COUNTED | set(forms)


def hand_counts(messages: dict[str, str]) -> list[str]:
    """The messages that print a count before a counted noun without its plural field."""
    counted = _counted_words(messages)
    found = []
    for key, text in messages.items():
        if key.endswith(".many") or key in NUMBERING:
            continue  # a ".many" message is chosen by `Words.count`, by babel's rules
        for match in _COUNT.finditer(text):
            name, words = match[1], match[2].split()
            word = next((w for w in words if w in counted), None)
            if word and f"{{{name}:plural:" not in text:
                found.append(f"{key}: {'{' + name + '} ' + word!r}")
    return found


def test_every_count_before_a_counted_noun_goes_through_the_plural_rules() -> None:
    assert hand_counts(_french()) == []


def test_the_check_finds_a_hand_written_plural() -> None:
    messages = {
        "a": "{tables} tables pour {people} participant·es présent·es",
        "b": "{rounds} {rounds:plural:tour|tours} de {minutes} min",
        "c": "Jour {n}",
        "d": "les collèges comptent {total} personnes",
    }
    assert hand_counts(messages) == [
        "a: '{tables} tables'", "a: '{people} participant·es'", "d: '{total} personnes'",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("key", "count", "expected"),
    [
        ("validation.cafe_more_tables_than_people", {"tables": 2, "people": 1},
         "2 tables pour 1 participant·e présent·e"),
        ("planning.out.cafe_title", {"people": 12, "tables": 1, "rounds": 1},
         "12 participants, 1 table, 1 tour"),
        ("tui.error.no_round_left", {"rounds": 1}, "1 tour prévu, déjà joué"),
        ("tui.interviews.pairs", {"count": 1}, "1 binôme"),
        ("tui.vote.status", {"counted": 1, "expected": 0, "voters": 0, "per_voter": 3},
         "1 comptée / ≈ 0 attendue"),
    ],
)  # fmt: skip
def test_counts_read_right_at_one(key: str, count: dict[str, int], expected: str) -> None:
    assert expected in t(key, "fr", **count)


KINDS = ("idea", "ingredient", "insight", "question", "pain_point", "quote", "note")
STATUSES = ("proposed", "committed", "in_progress", "done", "dropped")


@pytest.mark.parametrize("kind", KINDS)
def test_a_contribution_kind_has_one_name_on_screen_in_the_report_and_the_export(
    kind: str,
) -> None:
    """« constat » in the report was « enseignement » on screen; « citation » was « verbatim »."""
    names = {t(f"tui.kind.{kind}", "fr"), t(f"report.kind.{kind}", "fr"),
             t(f"export.value.{kind}", "fr")}  # fmt: skip
    assert len(names) == 1, names


def test_the_emotions_and_the_commitment_statuses_have_one_name_each() -> None:
    for level in range(-2, 3):
        assert t(f"tui.emotion.{level}", "fr") == t(f"report.emotion.{level}", "fr")
    for status in STATUSES:
        assert t(f"tui.commit.status.{status}", "fr") == t(f"export.value.{status}", "fr")
    for status in ("done", "dropped"):
        assert t(f"report.status.{status}", "fr") == t(f"export.value.{status}", "fr")


def test_one_spelling_for_one_word() -> None:
    french = " ".join(_french().values())
    assert "évènement" not in french.lower()  # « événement », as format.event spells it
    assert "Auteur·e" not in french  # « Auteur·rice » in the report, the export and the CLI
    assert not re.search(r"\bctrl\+", french)  # « Ctrl+Z », as the key bar shows it


PROPER = {
    "Act", "Focus", "Scan", "Lab", "Entrée", "Échap", "Tab", "Word", "Excel", "Python",
    "Windows", "Europe", "Ardèche", "Mo", "Host", "Réseau", "Signature", "Id", "Ce",
    # the column names a registration table may use (participants.expected_columns)
    "Organisation", "Organisme", "Groupe", "Courriel", "Territoire", "Collège", "Consentement",
    "Jours", "Nom", "Structure", "Rôle", "Email", "Département", "Prénom",
}  # fmt: skip
"""Words that keep their capital inside a French sentence or title."""


def title_cased(messages: dict[str, str]) -> list[str]:
    """Capitalised ordinary words after the first word of a clause (« Interviews Croisées »)."""
    found = []
    for key, text in messages.items():
        plain = re.sub(r"\{[^{}]*\}", "X", text)
        for clause in re.split(r"[.:;!?—–()«»\n·/|,]+", plain):
            for word in clause.split()[1:]:
                if re.fullmatch(r"[A-ZÀ-Ý][a-zà-ÿ]+", word) and word not in PROPER:
                    found.append(f"{key}: {word}")
    return found


def test_french_titles_capitalise_only_their_first_word() -> None:
    assert title_cased(_french()) == []
    assert title_cased({"x": "Interviews Croisées", "y": "Interviews croisées"}) == ["x: Croisées"]


def repeated_endings(messages: dict[str, str]) -> list[str]:
    """Messages whose last words are written twice (« …par table plutôt à 4–6 par table »)."""
    found = []
    for key, text in messages.items():
        plain = re.sub(r"\{[^{}]*\}", "X", text)
        if len(plain) > 24 and plain[-12:] in plain[:-12]:
            found.append(key)
    return found


def test_no_message_repeats_its_ending() -> None:
    """A message edited as one string literal where it was several kept its old tail."""
    assert repeated_endings({k: v for k, texts in _catalog().items() for k, v in
                             ((f"{k}.{lang}", text) for lang, text in texts.items())}) == []
    assert repeated_endings({"x": "un world café se joue à 4–6 par table à 4–6 par table"}) == ["x"]
