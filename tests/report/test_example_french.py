"""The French of the three bundled examples' restitutions, read as assembled sentences."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from labkit.report import render_report
from labkit.resources import data_dir
from labkit.store.session_folder import open_session

EXAMPLES = ("garde-enfants-parents", "cooperation-territoriale", "atelier-collaboratif")
NOUNS = r"(idée|gommette|équipe|personne|engagement|questionnaire|contribution|votant|porteur)"
BAD = {
    "plural noun after 0 or 1": re.compile(rf"(?<![\d,]) ?\b[01] {NOUNS}s\b"),
    "singular noun after n > 1": re.compile(rf"\b([2-9]|\d{{2,}}) {NOUNS}\b(?!s)"),
    "article before a digit": re.compile(r"\b(la|le|l') ?1 \w"),
    "missed elision": re.compile(r"\b(de les|de le|à les|à le|le une|la un)\b", re.IGNORECASE),
    "English colon in French text": re.compile(r"\w: "),
}


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_restitution_has_no_known_french_error(name: str, tmp_path: Path) -> None:
    folder = open_session(data_dir("examples") / name)
    text = render_report(folder, "md", tmp_path / "report.md").path.read_text(encoding="utf-8")
    found = {what: rx.findall(text)[:3] for what, rx in BAD.items() if rx.search(text)}
    assert not found
