"""The naming guard: no name, e-mail or initials of a person who may not be named in any output.

A participant may be named with their consent (`consent_named`) or when the facilitators ask for
names (``--named``), never when they belong to a vulnerable stakeholder group. The guard finds
every mention of the others in a text, accent- and case-insensitively on word boundaries, and puts
their pseudonym ("Participant·e 7") in its place:

- the full name, in either order ("Jean Dupont", "DUPONT Jean"), the last name with or without
  its particles ("de La Fontaine", "La Fontaine"), joined up ("Ndiaye" for "N'Diaye");
- a civility and the last name ("M. Dupont", "Mme N'Diaye", "Madame Dupont");
- initials ("J. D.", "Jean D.", "J. Dupont"): a one-letter token counts only in capitals;
- any single word of the first or last name ("Dupont", "Pierre" of "Jean-Pierre") when it is
  capitalised in the text, is the whole field or comes right after a masked mention: "une rose"
  stays, "Rose a dit" does not;
  particles ("de", "du", "la"…) and one-letter words are never masked alone, nor a first name
  that is also a persona's (`fictional`: « Inès, 27 ans » of a persona journey);
- the person's e-mail address.

The longest mention wins, so a consenting person's full name survives even when a protected
person shares their first name; a word shared by a consenting and a protected person is masked
when it stands alone. Every e-mail address, of anyone, is replaced: a participant's by their name
or pseudonym, an unknown one by « [adresse e-mail masquée] ».

Built once per session (a dictionary of word sequences), the guard reads each text once: a
30,000-contribution report costs one pass over its words. It records what it masked (`masked`)
for the facilitator, never for the document.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from labkit.i18n import t
from labkit.model.participants import Participant
from labkit.model.text import Word, fold_word, folded_words, word_texts

MaskKind = Literal["name", "email"]
PARTICLES = frozenset({
    "de", "du", "des", "la", "le", "les", "d", "l", "van", "von", "der", "den", "ter", "di", "da",
    "del", "della", "dos", "das", "do", "y", "e", "ben", "bin", "ibn", "el", "al",
})
"""Words of a name that are never masked alone ("de" of "de La Fontaine")."""
CIVILITIES = ("m", "mr", "mme", "mlle", "monsieur", "madame", "mademoiselle", "mx", "dr")
"""Folded civilities put before a last name ("M.", "Mme", "Madame")."""
EMAIL = re.compile(r"[^\s@<>()\[\]{},;:\"'«»]+@[^\s@<>()\[\]{},;:\"'«»]+\.[^\W\d_]{2,}\b")
_ELIDED = re.compile(r"(?<![^\W\d_])(d|qu)['’]$", re.IGNORECASE)
"""A French elision just before a masked name ("d'", "qu'"), spelled out before the pseudonym."""
_MAX_GAP = 3
"""Characters allowed between two words of one mention ("Jean  Dupont", "M. Dupont")."""


@dataclass(frozen=True)
class MaskedMention:
    """One mention the guard replaced (for the facilitator's eyes only)."""

    kind: MaskKind
    original: str
    replacement: str


@dataclass(frozen=True)
class _Entry:
    people: frozenset[int]
    lone: bool
    """A single word of a name: masked only when capitalised or the whole field."""
    capitals: frozenset[int]
    """Positions of initials and civilities, which count only in capitals."""


def name_words(text: str | None) -> tuple[str, ...]:
    """The folded words of a name ("N'Diaye-Ba" -> n, diaye, ba)."""
    return tuple(w.folded for w in folded_words(text or ""))


def significant(words: Iterable[str]) -> tuple[str, ...]:
    """The words of a name that are masked even alone: no particle, at least two letters."""
    return tuple(w for w in words if len(w) > 1 and w not in PARTICLES)


def _without_particles(words: tuple[str, ...]) -> tuple[str, ...]:
    start = 0
    while start < len(words) - 1 and words[start] in PARTICLES:
        start += 1
    return words[start:]


def mention_keys(person: Participant) -> dict[tuple[str, ...], frozenset[int]]:
    """Every word sequence that designates `person` (see the module's docstring), with the
    positions of its initials and civilities: those count only in capitals ("J. D.", "M.")."""
    first = name_words(person.first_name)
    last = name_words(person.last_name)
    core = _without_particles(last)
    firsts = {first, ("".join(first),)} if first else set()
    lasts = {last[k:] for k in range(len(last) - len(core) + 1)} if last else set()
    lasts |= {("".join(s),) for s in lasts}  # "de La Fontaine", "La Fontaine", "Ndiaye"…
    keys: dict[tuple[str, ...], frozenset[int]] = {}

    def add(key: tuple[str, ...], capitals: Iterable[int] = ()) -> None:
        if key and not (len(key) == 1 and key[0] in PARTICLES):
            wanted = frozenset(capitals)
            keys[key] = keys[key] & wanted if key in keys else wanted

    for key in firsts | lasts | {(word,) for word in significant(first + last)}:
        add(key)
    initials = tuple(w[0] for w in first)
    for s in lasts:
        for f in firsts:
            add(f + s)
            add(s + f)
        for civility in CIVILITIES:
            add((civility,) + s, [0])
        if first:
            add((first[0][0],) + s, [0])
            add(initials + s, range(len(initials)))
    for initial in {(w[0],) for w in (core + significant(last))[:2]} if first else ():
        for f in firsts:
            add(f + initial, [len(f)])
        add((first[0][0],) + initial, [0, 1])
        add(initials + initial, range(len(initials) + 1))
    return keys


class NamingGuard:
    """Masks the people who may not be named, in any text an output prints."""

    def __init__(
        self,
        participants: Iterable[Participant],
        *,
        may_name: Callable[[Participant], bool],
        pseudonym: Callable[[Participant], str],
        lang: str | None = None,
        fictional: Iterable[str] = (),
    ) -> None:
        self.people = list(participants)
        self.lang = lang
        self._allowed = [may_name(p) for p in self.people]
        self._pseudonyms = [pseudonym(p) for p in self.people]
        found: dict[tuple[str, ...], set[int]] = {}
        capitals: dict[tuple[str, ...], frozenset[int]] = {}
        for index, person in enumerate(self.people):
            for key, wanted in mention_keys(person).items():
                found.setdefault(key, set()).add(index)
                capitals[key] = capitals[key] & wanted if key in capitals else wanted
        characters = {words[0] for words in map(name_words, fictional) if words}
        self._keys = {
            key: _Entry(frozenset(people), len(key) == 1 and len(key[0]) > 1, capitals[key])
            for key, people in found.items()
            if not (len(key) == 1 and key[0] in characters)  # "Inès" of "Inès, 27 ans"
        }
        self._starts = frozenset(key[0] for key in self._keys)
        self._longest = max((len(key) for key in self._keys), default=0)
        self._index = {p.id: i for i, p in enumerate(self.people)}
        self._emails = {p.email.casefold(): i for i, p in enumerate(self.people) if p.email}
        self._cache: dict[str, str] = {}
        self.masked: list[MaskedMention] = []

    @classmethod
    def for_session(cls, session: Any, *, named: bool, lang: str | None = None) -> NamingGuard:
        """The guard of `session` (a `Session`): `named` is ``--named``; the first names of the
        personas it declares are the personas', not a participant's."""
        vulnerable = {g.key for g in session.groups if g.vulnerable}
        personas = [persona.name for _, block in session.blocks()
                    for persona in getattr(block.method, "personas", None) or ()]  # fmt: skip
        number = {p.id: n for n, p in enumerate(session.participants, 1)}
        lang = lang or session.language

        def may_name(person: Participant) -> bool:
            return person.group not in vulnerable and (person.consent_named or named)

        def pseudonym(person: Participant) -> str:
            return t("report.pseudonym", lang, number=number.get(person.id, 0))

        return cls(session.participants, may_name=may_name, pseudonym=pseudonym, lang=lang,
                   fictional=personas)  # fmt: skip

    # --- questions about people ------------------------------------------------------------

    def may_name(self, person: Participant) -> bool:
        """Whether outputs may print `person`'s name."""
        index = self._index.get(person.id)
        return index is not None and self._allowed[index]

    def pseudonym(self, person: Participant) -> str:
        """The stable pseudonym of `person` ("Participant·e 7")."""
        index = self._index.get(person.id)
        return self._pseudonyms[index] if index is not None else t("naming.masked_name", self.lang)

    def identify(self, reference: str | None) -> Participant | None:
        """The one participant a whole field designates (a name, initials, an e-mail), if any."""
        if not reference:
            return None
        index = self._emails.get(reference.strip().casefold())
        if index is not None:
            return self.people[index]
        entry = self._keys.get(tuple(w.folded for w in folded_words(reference)))
        if entry is not None and len(entry.people) == 1:
            return self.people[next(iter(entry.people))]
        return None

    def mentions_protected(self, text: str) -> bool:
        """Whether `text` mentions someone who may not be named (or holds an e-mail address)."""
        return self._mask(text, record=False) != text

    # --- masking ---------------------------------------------------------------------------

    def mask(self, text: str) -> str:
        """`text` with every mention of a person who may not be named replaced."""
        if not text:
            return text
        done = self._cache.get(text)
        if done is None:
            done = self._cache[text] = self._mask(text, record=True)
        return done

    def counts(self) -> Counter[MaskKind]:
        """How many mentions of each kind were masked so far."""
        return Counter(m.kind for m in self.masked)

    def _mask(self, text: str, *, record: bool) -> str:
        if "@" in text:
            text = EMAIL.sub(lambda m: self._email(m.group(), record), text)
        starts = self._starts
        if starts.isdisjoint(map(fold_word, word_texts(text))):
            return text  # most texts name nobody: one quick look at their words
        words = list(folded_words(text))
        folded = [w.folded for w in words]
        out: list[str] = []
        position = i = 0
        masked_up_to = -1  # the word index just after the last masked mention
        while i < len(words):
            continues = i == masked_up_to and not _far(text, words[i - 1], words[i])
            found = self._match(text, words, folded, i, continues) if folded[i] in starts else None
            if found is None:
                i += 1
                continue
            length, entry = found
            start, end = words[i].start, words[i + length - 1].end
            if len(folded[i + length - 1]) == 1 and text[end:end + 1] == ".":
                end += 1
            if not all(self._allowed[p] for p in entry.people):
                replacement = self._replacement(entry.people)
                before = text[position:start]
                elided = _ELIDED.search(before)
                if elided:  # "d'Inès" -> "de Participant·e 1"
                    before = before[:elided.start()] + elided.group(1) + "e "
                out += [before, replacement]
                if record:
                    self.masked.append(MaskedMention("name", text[start:end], replacement))
                position = end
                masked_up_to = i + length
            i += length
        return "".join(out) + text[position:] if out else text

    def _match(
        self, text: str, words: list[Word], folded: list[str], i: int, continues: bool = False
    ) -> tuple[int, _Entry] | None:
        """The longest mention starting at word `i` that the text's case and spacing allow;
        `continues`: word `i` follows a masked mention at once, so a lone word of a name needs no
        capital there ("Aaa aaa aaa": a first name, then the full name in lower case)."""
        for length in range(min(self._longest, len(words) - i), 0, -1):
            entry = self._keys.get(tuple(folded[i:i + length]))
            if entry is None:
                continue
            span = words[i:i + length]
            if any(_far(text, a, b) for a, b in zip(span, span[1:], strict=False)):
                continue
            if any(not text[span[n].start].isupper() for n in entry.capitals):
                continue
            lower = not text[span[0].start].isupper()
            if entry.lone and len(words) > 1 and not continues and lower:
                continue
            return length, entry
        return None

    def _replacement(self, people: frozenset[int]) -> str:
        if len(people) == 1:
            return self._pseudonyms[next(iter(people))]
        return t("naming.masked_name", self.lang)

    def _email(self, address: str, record: bool) -> str:
        index = self._emails.get(address.casefold())
        if index is None:
            replacement = t("naming.masked_email", self.lang)
        elif self._allowed[index]:
            replacement = self.people[index].full_name
        else:
            replacement = self._pseudonyms[index]
        if record:
            self.masked.append(MaskedMention("email", address, replacement))
        return replacement

    # --- whole structures ------------------------------------------------------------------

    def mask_tree(self, value: Any, keep: frozenset[str] = frozenset()) -> Any:
        """`value` with every text inside masked: strings, tuples, lists, mappings' values and
        dataclasses (rebuilt with `dataclasses.replace`). Fields and keys named in `keep`,
        ``id``, ``*_id``, ``*_ids``, ``path``, ``colour``… are identifiers, left as they are."""
        kind: type = type(value)
        shape = _shape(kind)  # one cached look-up per value, not an isinstance chain
        if shape == "text":
            return self.mask(value)
        if shape == "tuple":
            masked = tuple(self.mask_tree(x, keep) for x in value)
            return value if all(a is b for a, b in zip(masked, value, strict=True)) else masked
        if shape == "list":
            return [self.mask_tree(x, keep) for x in value]
        if shape == "mapping":
            return {k: x if isinstance(k, str) and _identifier(k, keep) else
                    self.mask_tree(x, keep) for k, x in value.items()}  # fmt: skip
        if shape == "record":
            changes = {}
            for name in _text_fields(kind, keep):
                before = getattr(value, name)
                after = self.mask_tree(before, keep)
                if after is not before:
                    changes[name] = after
            # a frozen dataclass nobody is named in stays as it is (most of a report)
            return dataclasses.replace(value, **changes) if changes else value
        return value


_Shape = Literal["text", "tuple", "list", "mapping", "record", "leaf"]


@cache
def _shape(kind: type) -> _Shape:
    """How `mask_tree` goes into a value of type `kind` (found once per type)."""
    for base, shape in ((str, "text"), (tuple, "tuple"), (list, "list"), (Mapping, "mapping")):
        if issubclass(kind, base):
            return shape  # type: ignore[return-value]
    if dataclasses.is_dataclass(kind) and not issubclass(kind, type):
        return "record"
    return "leaf"


@cache
def _text_fields(cls: type, keep: frozenset[str]) -> tuple[str, ...]:
    """The fields of dataclass `cls` that `mask_tree` goes into (found once per class)."""
    return tuple(
        f.name for f in dataclasses.fields(cls) if f.init and not _identifier(f.name, keep)
    )


def _identifier(name: str, keep: frozenset[str]) -> bool:
    return name in keep or name in IDENTIFIERS or name.endswith(("_id", "_ids"))


IDENTIFIERS = frozenset({"id", "uuid", "path", "colour", "device", "kind", "status", "method",
                         "phase", "mode", "format", "lang", "type", "sha256", "media_type"})
"""Fields that hold keys, not text: the guard leaves them as they are."""


def is_identifier(name: str) -> bool:
    """Whether a field or column called `name` holds a key rather than text."""
    return _identifier(name, frozenset())


def _far(text: str, a: Word, b: Word) -> bool:
    gap = text[a.end:b.start]
    return len(gap) > _MAX_GAP or "\n" in gap


__all__ = ["EMAIL", "IDENTIFIERS", "MaskedMention", "NamingGuard", "is_identifier", "mention_keys",
           "name_words"]
