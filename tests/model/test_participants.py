"""Stakeholder groups and participants: ids, cleaning, roles, attendance."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from labkit.model import Participant, Role, StakeholderGroup


def person(**fields: object) -> Participant:
    return Participant.model_validate({"id": "p01", "first_name": "Hélène", "group": "cons",
                                       **fields})


def test_defaults_keep_personal_data_minimal() -> None:
    p = person()
    assert p.role is Role.PARTICIPANT
    assert p.consent_named is False
    assert p.last_name is None and p.email is None and p.organisation is None
    assert p.days is None


@pytest.mark.parametrize(
    ("role", "seated"),
    [
        (Role.PARTICIPANT, True),
        (Role.TABLE_HOST, True),
        (Role.SPONSOR, True),
        (Role.FACILITATOR, False),
        (Role.OBSERVER, False),
        (Role.GRAPHIC_FACILITATOR, False),
    ],
)
def test_only_people_at_the_tables_are_seated(role: Role, seated: bool) -> None:
    assert role.seated is seated


def test_every_role_of_the_brief_exists() -> None:
    assert {r.value for r in Role} == {
        "participant", "table_host", "facilitator", "sponsor", "observer", "graphic_facilitator",
    }


def test_names() -> None:
    assert person().display_name == "Hélène"
    assert person().full_name == "Hélène"
    named = person(last_name="Dupont")
    assert named.display_name == "Hélène D."
    assert named.full_name == "Hélène Dupont"


@pytest.mark.parametrize(
    ("days", "day", "expected"),
    [(None, 1, True), ([], 3, True), ([2], 1, False), ([2], 2, True), ([1, 3], 3, True)],
)
def test_attendance(days: list[int] | None, day: int, expected: bool) -> None:
    assert person(days=days).attends(day) is expected


def test_control_characters_and_line_breaks_are_removed() -> None:
    p = person(first_name=" Hé\x00lè\u200bne\n", last_name="Du\tpont\x7f",
               organisation="Conseil\r\ndépartemental")
    assert p.first_name == "Hélène"
    assert p.last_name == "Du pont"
    assert p.organisation == "Conseil départemental"


def test_blank_optional_values_become_none() -> None:
    p = person(last_name="  ", organisation="", territory="\t", email=" ")
    assert (p.last_name, p.organisation, p.territory, p.email) == (None, None, None, None)


def test_a_departement_typed_as_a_number_is_text() -> None:
    assert person(territory=93).territory == "93"


def test_blank_first_name_is_refused() -> None:
    with pytest.raises(ValidationError) as info:
        person(first_name=" \x07 ")
    assert info.value.errors()[0]["type"] == "string_too_short"


@pytest.mark.parametrize("email", ["helene@cd93.fr", "a.b+c@x.org"])
def test_valid_emails(email: str) -> None:
    assert person(email=email).email == email


@pytest.mark.parametrize("email", ["helene", "helene@", "a b@x.fr", "@x.fr", "a@x"])
def test_invalid_emails(email: str) -> None:
    with pytest.raises(ValidationError):
        person(email=email)


@pytest.mark.parametrize("pid", ["p01", "P-1", "a.b_c", "1"])
def test_valid_ids(pid: str) -> None:
    assert person(id=pid).id == pid


@pytest.mark.parametrize("pid", ["", "-p1", "p 01", "é1", "p/1"])
def test_invalid_ids(pid: str) -> None:
    with pytest.raises(ValidationError):
        person(id=pid)


def test_unknown_fields_are_refused() -> None:
    with pytest.raises(ValidationError) as info:
        person(firstname="Hélène")
    assert info.value.errors()[0]["type"] == "extra_forbidden"


def test_role_must_be_known() -> None:
    assert person(role="table_host").role is Role.TABLE_HOST
    with pytest.raises(ValidationError):
        person(role="animateur")


def test_group_colour_and_label() -> None:
    group = StakeholderGroup(key="ds", label=" Demandeurs\nd'emploi ")
    assert group.label == "Demandeurs d'emploi"
    assert group.colour == "#888888"
    assert group.vulnerable is False
    assert StakeholderGroup(key="ds", label="DE", colour="#1f77B4").colour == "#1f77B4"


@pytest.mark.parametrize("colour", ["red", "#12345", "#1234567", "1F77B4", "#GGGGGG"])
def test_group_colour_must_be_hex(colour: str) -> None:
    with pytest.raises(ValidationError):
        StakeholderGroup(key="ds", label="DE", colour=colour)


def test_group_key_and_label_are_required() -> None:
    with pytest.raises(ValidationError):
        StakeholderGroup(key="d s", label="DE")
    with pytest.raises(ValidationError):
        StakeholderGroup(key="ds", label="")
