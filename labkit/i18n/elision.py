"""French elision before a name: « départ de Océane » → « départ d'Océane ».

A field whose format spec is the word before it, ``{name:de}`` or ``{name:que}`` (capitalised
at the start of a sentence: ``{name:De}``), renders that word and the value, the word elided
(« d' », « qu' ») when the value starts with a vowel, accented or not. An h is left alone: a
mute h cannot be told from an aspirated one by its spelling (« d'Hélène », « de Hugo »), and
« de » before either is understood. The English message has the same field without a spec
(« {name}'s departure »), so both languages print the same values.
"""

from __future__ import annotations

import unicodedata

WORDS = frozenset({"de", "De", "que", "Que"})
"""The format specs that are an elided word."""
MARKS = tuple(f":{word}}}" for word in WORDS)
"""What `t()` looks for in a template before formatting it with `labkit.i18n.plural`'s
formatter, which renders these fields too."""


def starts_with_vowel(text: str) -> bool:
    """Whether `text` starts with a vowel, accented or not (« Océane », « Émile », « Agnès »)."""
    if not text:
        return False
    base = unicodedata.normalize("NFD", text[0])[0]
    return base.lower() in "aeiou"


def elide(word: str, value: object) -> str:
    """« de » (or « que ») and `value`, « d'Océane » before a vowel, « de Karim » otherwise."""
    text = str(value)
    if starts_with_vowel(text):
        return f"{word[:-1]}'{text}"
    return f"{word} {text}"
