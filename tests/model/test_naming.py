"""The naming guard (labkit.model.naming): every mention of a person who may not be named is
masked, accent- and case-insensitively, and consenting people's names survive."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from labkit.model.naming import NamingGuard, name_words, significant
from labkit.model.participants import Participant
from labkit.model.text import fold, folded_words


def person(pid: str, first: str, last: str | None = None, *, consent: bool = False,
           email: str | None = None) -> Participant:  # fmt: skip
    return Participant(id=pid, first_name=first, last_name=last, group="g",
                       consent_named=consent, email=email)  # fmt: skip


def guard(*people: Participant) -> NamingGuard:
    return NamingGuard(people, may_name=lambda p: p.consent_named,
                       pseudonym=lambda p: f"Participant·e {p.id[1:]}", lang="fr")  # fmt: skip


AWA = person("p1", "Awa", "N'Diaye", email="awa.ndiaye@example.org")
JP = person("p2", "Jean-Pierre", "de La Fontaine")
ROSE = person("p3", "Rose", "Petit")
HELENE = person("p4", "Hélène", "Dupont", consent=True, email="helene@example.org")


@pytest.mark.parametrize(("text", "masked"), [
    ("Voir avec N'Diaye", "Voir avec Participant·e 1"),
    ("Mme N'Diaye et M. de La Fontaine", "Participant·e 1 et Participant·e 2"),
    ("Madame Ndiaye, NDIAYE Awa", "Participant·e 1, Participant·e 1"),
    ("Awa N. puis J.-P. F. puis J. Fontaine", "Participant·e 1 puis Participant·e 2 puis "
                                               "Participant·e 2"),
    ("Écrire à awa.ndiaye@example.org.", "Écrire à Participant·e 1."),
    ("ou à quelqu.un@ailleurs.fr", "ou à [adresse e-mail masquée]"),
    ("Jean-Pierre puis Pierre puis La Fontaine puis Fontaine", "Participant·e 2 puis "
     "Participant·e 2 puis Participant·e 2 puis Participant·e 2"),
    ("awa", "Participant·e 1"),  # a whole field is masked whatever its case
    ("hélène dupont et Helene DUPONT", "hélène dupont et Helene DUPONT"),  # she consented
    ("helene@example.org", "Hélène Dupont"),
])  # fmt: skip
def test_mentions_are_masked(text: str, masked: str) -> None:
    assert guard(AWA, JP, ROSE, HELENE).mask(text) == masked


def test_a_lower_case_word_of_a_name_right_after_a_masked_mention_is_masked_too() -> None:
    """« Laurent laurent laurent »: the first name, then the full name in lower case; read from
    the left, « Laurent laurent » is the full name and the last « laurent » stood alone in lower
    case (found by the property below)."""
    laurent = person("p5", "Laurent", "Laurent")
    assert guard(laurent).mask("Laurent laurent laurent a dit") == "Participant·e 5 "\
        "Participant·e 5 a dit"
    assert guard(ROSE).mask("Rose Petit, une rose") == "Participant·e 3, une rose"  # not next


def test_ordinary_words_equal_to_a_name_survive_in_lower_case() -> None:
    g = guard(AWA, JP, ROSE, HELENE)
    assert g.mask("une rose et un petit groupe de la ville") == (
        "une rose et un petit groupe de la ville")
    assert g.mask("Rose a parlé du Petit Prince") == "Participant·e 3 a parlé du Participant·e 3 "\
        "Prince"  # capitalised: masked, the safe side
    assert g.mask("de la") == "de la" and g.mask("La") == "La"  # particles are never masked alone
    assert g.mask("j'ai dit") == "j'ai dit"  # one-letter initials count only in capitals


def test_the_longest_mention_wins_and_a_shared_first_name_alone_is_masked() -> None:
    julie = person("p5", "Julie", "Martin")
    julie_named = person("p6", "Julie", "Bernard", consent=True)
    g = guard(julie, julie_named)
    assert g.mask("Julie Bernard et Julie Martin") == "Julie Bernard et Participant·e 5"
    assert g.mask("Julie a dit") == "[nom masqué] a dit"


def test_identify_and_what_was_masked() -> None:
    g = guard(AWA, JP, HELENE)
    assert g.identify("Mme N'Diaye") is AWA and g.identify("awa.ndiaye@example.org") is AWA
    assert g.identify("Fontaine") is JP and g.identify("Quelqu'un") is None
    assert g.mentions_protected("merci N'Diaye") and not g.mentions_protected("merci Hélène")
    assert g.counts() == {}  # questions record nothing
    g.mask("Merci Mme N'Diaye, écrire à x@y.fr")
    assert [(m.kind, m.original) for m in g.masked] == [("email", "x@y.fr"),
                                                        ("name", "Mme N'Diaye")]  # fmt: skip
    assert g.counts() == {"name": 1, "email": 1}


def test_mask_tree_keeps_identifiers() -> None:
    g = guard(AWA)
    data = {"text": "Voir N'Diaye", "author": "Awa", "participant_id": "Awa",
            "scores": {"Awa": 3}, "items": ("Awa", 2)}
    assert g.mask_tree(data) == {"text": "Voir Participant·e 1", "author": "Participant·e 1",
                                 "participant_id": "Awa", "scores": {"Awa": 3},
                                 "items": ("Participant·e 1", 2)}  # fmt: skip


# --- property-based: generated names and texts ------------------------------------------------

LETTERS = "abcdefghijklmnoprstuvyzéèêëïîôûç"
_part = st.text(LETTERS, min_size=3, max_size=9).map(str.capitalize)
_compound = st.lists(_part, min_size=1, max_size=2).map("-".join)
_particle = st.sampled_from(["", "", "de ", "de La ", "N'", "d'", "Le ", "Van ", "Ben "])
_last = st.tuples(_particle, _compound, st.sampled_from([" ", "-"]), st.none() | _part).map(
    lambda x: x[0] + x[1] + (x[2] + x[3] if x[3] else ""))
FILLER = ["le", "la", "une", "idée", "pour", "accueil", "parents", "crèche", "avec", "et", "de",
          "d'abord", "l'agence", "merci", "à", "—", ",", "(", ")", ":"]

MENTIONS = [
    lambda p: p.full_name,
    lambda p: p.last_name,
    lambda p: f"M. {p.last_name}",
    lambda p: f"Mme {p.last_name}",
    lambda p: f"Madame {p.last_name}",
    lambda p: f"{(p.last_name or '').upper()} {p.first_name}",
    lambda p: p.first_name,
    lambda p: f"{p.first_name} {name_words(p.last_name)[0][0].upper()}.",
    lambda p: f"{p.first_name[0]}. {p.last_name}",
    lambda p: f"{p.first_name[0]}. {name_words(p.last_name)[0][0].upper()}.",
    lambda p: fold(p.full_name).title(),  # without accents
    lambda p: p.full_name.upper(),
    lambda p: p.full_name.lower(),  # a multi-word mention needs no capital
    lambda p: p.email,
]


@st.composite
def people(draw: st.DrawFn, count: int) -> list[Participant]:
    found = []
    for n in range(count):
        first, last = draw(_compound), draw(_last)
        email = f"{fold(first).replace(' ', '-')}.{fold(last).replace(' ', '-')}@example.org"
        found.append(person(f"p{n + 1}", first, last, email=email))
    return found


def tokens(p: Participant) -> set[str]:
    return set(significant(name_words(p.first_name) + name_words(p.last_name)))


@st.composite
def texts(draw: st.DrawFn, mentioned: list[Participant]) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 6))):
        parts += draw(st.lists(st.sampled_from(FILLER), max_size=4))
        parts.append(draw(st.sampled_from(MENTIONS))(draw(st.sampled_from(mentioned))))
    parts += draw(st.lists(st.sampled_from(FILLER), max_size=3))
    return " ".join(parts)


PROPERTY = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])  # fmt: skip

PLACEHOLDER_WORDS = {"participant", "masque", "nom", "adresse", "e", "mail", "masquee"}
"""The folded words of the guard's placeholders (« [nom masqué] », « [adresse e-mail masquée] »)."""


@PROPERTY
@given(st.data())
def test_no_token_of_a_protected_person_survives(data: st.DataObject) -> None:
    protected = data.draw(people(3))
    every = set().union(*(tokens(p) for p in protected))
    # the placeholders' own words (« [nom masqué] », « participant ») are not names left behind
    assume(not every & {fold(w) for w in FILLER} and not every & PLACEHOLDER_WORDS)
    text = data.draw(texts(protected))
    masked = guard(*protected).mask(text)
    left = {w.folded for w in folded_words(masked)}
    assert not left & every, (text, masked)
    assert "@" not in masked


@PROPERTY
@given(st.data())
def test_consenting_peoples_full_names_survive(data: st.DataObject) -> None:
    protected, named = data.draw(people(2)), data.draw(people(1))[0]
    named = person("p9", named.first_name, named.last_name, consent=True)
    assume(not tokens(named) & set().union(*(tokens(p) for p in protected)))
    assume(not tokens(named) & {fold(w) for w in FILLER})
    # as in the test above: a protected name that is also a filler word (« Idee », « idée ») is
    # left alone when written in lower case, on purpose
    assume(not set().union(*(tokens(p) for p in protected)) & {fold(w) for w in FILLER})
    text = data.draw(texts(protected)) + f", {named.full_name} et " + data.draw(texts(protected))
    masked = guard(*protected, named).mask(text)
    assert named.full_name in masked
    assert not {w.folded for w in folded_words(masked)} & set().union(
        *(tokens(p) for p in protected))


@pytest.mark.slow
def test_thirty_thousand_contributions_in_one_linear_pass() -> None:
    crowd = [person(f"p{n}", f"Prénom{n}", f"Nom{n}") for n in range(80)]
    g = guard(*crowd)
    words = ["une", "idée", "pour", "l'accueil", "des", "parents", "en", "crèche"]
    contributions = [" ".join(words * 2) + (f" avec Mme Nom{n % 80}" if n % 10 == 0 else "")
                     + f" n°{n}" for n in range(30_000)]  # fmt: skip
    began = time.perf_counter()
    masked = [g.mask(x) for x in contributions]
    assert time.perf_counter() - began < 20  # about 1 s on one core
    assert sum("Participant·e" in x for x in masked) == 3_000


def test_a_person_without_a_last_name_is_no_capital_letter() -> None:
    g = guard(person("p7", "Moussa"))
    assert g.mask("M. le Maire et J. Moussa") == "M. le Maire et J. Participant·e 7"
    assert g.mask("Moussa") == "Participant·e 7"


def test_an_elision_before_a_masked_name_is_spelled_out() -> None:
    g = guard(AWA)
    assert g.mask("Le dossier d'Awa, parce qu’Awa l'a dit") == (
        "Le dossier de Participant·e 1, parce que Participant·e 1 l'a dit")
    assert g.mask("D'Awa") == "De Participant·e 1"


def test_a_personas_first_name_is_the_personas() -> None:
    ines = person("p1", "Inès", "Martin")
    g = NamingGuard([ines], may_name=lambda p: False, pseudonym=lambda p: "Participant·e 1",
                    fictional=["Inès, 27 ans"])  # fmt: skip
    assert g.mask("Le parcours d'Inès, 27 ans") == "Le parcours d'Inès, 27 ans"
    assert g.mask("Inès Martin et Mme Martin") == "Participant·e 1 et Participant·e 1"
