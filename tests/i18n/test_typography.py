"""Every French message of labkit (live app, command line, web pages, reports, errors) follows
French typography: a no-break space (U+00A0, or the
narrow U+202F) before « : ; ? ! » and inside « », never a plain space that a narrow terminal
could break a line at, leaving a lone « : » at the start of the next line."""

from __future__ import annotations

import re

from labkit.i18n import _catalog

PLAIN_SPACE = re.compile(r"[ \t][:;?!»]|«[ \t]")
"""A colon with no space before it (« 10:30 », « https:// ») is no French punctuation: not
matched."""


def every_french() -> dict[str, str]:
    return {key: texts["fr"] for key, texts in _catalog().items() if "fr" in texts}


def test_every_french_string_has_no_break_spaces_around_its_punctuation() -> None:
    strings = every_french()
    assert len(strings) > 1400
    assert {key.split(".")[0] for key in strings} >= {"tui", "cli", "report", "store", "web",
                                                       "validation", "participants"}
    wrong = {key: text for key, text in strings.items() if PLAIN_SPACE.search(text)}
    assert not wrong, wrong


def test_the_check_finds_a_plain_space_and_lets_times_and_urls_be() -> None:
    assert PLAIN_SPACE.search("Lien : {url}") and PLAIN_SPACE.search("« idée »")
    assert not PLAIN_SPACE.search("Lien\u00a0: https://x.fr/?q=1 à 10:30")
    assert not PLAIN_SPACE.search("Prêt\u202f? «\u00a0oui\u00a0»")
