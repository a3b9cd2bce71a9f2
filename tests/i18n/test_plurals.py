"""Counted words in the documents follow babel's plural rules (issue 12, point 2): no "{n}"
before a noun outside a `.one` / `.many` pair, and the pairs read right at 0, 1 and 2."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import labkit.i18n.catalog as catalog
from labkit.document.wording import Words

NUMBERING = {  # "{n}" as a number in a name, not a count
    "prepare.route.round", "prepare.cards.table", "prepare.cards.back_alt",
    "prepare.sheet.file", "prepare.sheet.day_heading", "report.prototype.team_n",
    "report.day_n", "report.question_n", "report.where.question", "report.where.round",
    "report.where.table", "report.where.regroup", "report.where.pair",
}  # fmt: skip


def _strings() -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = {}
    for module in pkgutil.iter_modules(catalog.__path__):
        names = vars(importlib.import_module(f"{catalog.__name__}.{module.name}"))
        for table in (v for v in names.values() if isinstance(v, dict)):
            found.update({k: v for k, v in table.items() if isinstance(v, dict) and "fr" in v})
    return found


def test_every_count_in_a_document_string_has_its_plural_forms() -> None:
    strings = _strings()
    counted = [key for key, value in strings.items()
               if key.startswith(("report.", "prepare.")) and "{n}" in value["fr"]
               and not key.endswith((".one", ".many")) and key not in NUMBERING]  # fmt: skip
    assert not counted, counted
    for key in (k for k in strings if k.endswith(".one")):
        assert key.removesuffix(".one") + ".many" in strings, key


@pytest.mark.parametrize(
    ("key", "n", "expected"),
    [
        ("vote.intro", 1, "la première est retenue"),
        ("vote.intro", 3, "les 3 premières sont retenues"),
        ("essentials.more", 1, "Et une autre idée retenue"),
        ("essentials.more", 2, "Et 2 autres idées retenues"),
        ("essentials.owners", 1, "Un seul porteur."),
        ("dots", 0, "0 gommette"),  # French: 0 is singular (babel)
        ("essentials.owners", 9, "9 porteurs différents."),
    ],
)
def test_counted_sentences_agree_with_their_number(key: str, n: int, expected: str) -> None:
    assert expected in Words("fr").count(key, n)
