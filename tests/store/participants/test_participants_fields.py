"""Participant fields: header matching and reading the values people type."""

from __future__ import annotations

import pytest

from labkit.model import Role
from labkit.store.participants import (
    fold,
    header_field,
    parse_consent,
    parse_days,
    parse_role,
    parse_territory,
)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Prénom", "first_name"),
        (" PRENOM ", "first_name"),
        ("First name", "first_name"),
        ("Nom", "last_name"),
        ("NOM", "last_name"),
        ("Last Name", "last_name"),
        ("Structure", "organisation"),
        ("Organisme", "organisation"),
        ("Organization", "organisation"),
        ("Collège", "group"),
        ("college", "group"),
        ("Groupe", "group"),
        ("Collège d'acteurs", "group"),
        ("Rôle", "role"),
        ("E-mail", "email"),
        ("Courriel", "email"),
        ("Adresse e-mail", "email"),
        ("Département", "territory"),
        ("Territoire", "territory"),
        ("Consentement (oui/non)", "consent_named"),
        ("Consentement à être nommé·e", "consent_named"),
        ("Jours de présence", "days"),
        ("Days", "days"),
        ("Id", "id"),
        ("Téléphone", None),
        ("Fonction", "function"),
        ("Fonction / qualité", "function"),
        ("Nom, prénom", "full_name"),
        ("Téléphone portable", None),
        ("", None),
    ],
)
def test_headers_are_recognised_in_french_and_english(header: str, expected: str | None) -> None:
    assert header_field(header) == expected


def test_fold_ignores_accents_case_and_punctuation() -> None:
    assert fold("  Conseillers À L'EMPLOI ") == fold("conseillers a l emploi")
    assert fold("Œillet") == "oeillet"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", None),
        ("tous", None),
        ("Tous les jours", None),
        ("1", [1]),
        ("1,2", [1, 2]),
        ("1 et 2", [1, 2]),
        ("1, 2", [1, 2]),
        ("J1 J2", [1, 2]),
        ("jour 2", [2]),
        ("1-3", [1, 2, 3]),
        ("2 and 1", [1, 2]),
        ("J1-J2", [1, 2]),
        ("1 à 3", [1, 2, 3]),
        ("1.2", [1, 2]),  # French Excel turned "1,2" into the number 1,2
    ],
)
def test_days_are_read_as_people_write_them(text: str, expected: list[int] | None) -> None:
    assert parse_days(text) == expected


@pytest.mark.parametrize("text", ["lundi", "matin", "1 ou 2?", "1-1000", "3-1"])
def test_unreadable_days_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_days(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("oui", True), ("Oui", True), ("x", True), ("X", True), ("yes", True), ("1", True),
     ("non", False), ("No", False), ("", False), ("0", False), ("peut-être", None)],
)
def test_consent(text: str, expected: bool | None) -> None:
    assert parse_consent(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", Role.PARTICIPANT),
        ("Participante", Role.PARTICIPANT),
        ("participant·e", Role.PARTICIPANT),
        ("hôte de table", Role.TABLE_HOST),
        ("Hôtesse de table", Role.TABLE_HOST),
        ("table host", Role.TABLE_HOST),
        ("table_host", Role.TABLE_HOST),
        ("animateur", Role.FACILITATOR),
        ("Animatrice", Role.FACILITATOR),
        ("facilitator", Role.FACILITATOR),
        ("commanditaire", Role.SPONSOR),
        ("observateur", Role.OBSERVER),
        ("observatrice", Role.OBSERVER),
        ("facilitation graphique", Role.GRAPHIC_FACILITATOR),
        ("chef de projet", None),
    ],
)
def test_roles_in_french_and_english(text: str, expected: Role | None) -> None:
    assert parse_role(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("7", "07"), ("07", "07"), ("Ardèche", "07"), ("ardèche", "07"),
     ("Auvergne-Rhône-Alpes", "R84"), ("", None), ("Nord-Isère", "Nord-Isère")],
)
def test_territories_are_read_as_their_code(text: str, expected: str | None) -> None:
    assert parse_territory(text) == expected
