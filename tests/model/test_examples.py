"""The bundled examples are complete, clean session plans that together show every method."""

import shutil
from pathlib import Path

import pytest

from labkit.model import METHOD_TYPES, SCHEMA_VERSION, Role, SessionFormat
from labkit.store.session_folder import SESSION_FILE, open_session

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
NAMES = ("garde-enfants-parents", "cooperation-territoriale", "atelier-collaboratif")


def _example_dirs() -> list[Path]:
    return sorted(p for p in EXAMPLES.iterdir() if (p / SESSION_FILE).is_file())


def test_the_three_examples_are_bundled() -> None:
    assert {p.name for p in _example_dirs()} >= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_example_loads_without_errors_or_warnings(name: str) -> None:
    folder = open_session(EXAMPLES / name, strict=True)
    problems = [folder.describe(p, "en") for p in folder.problems()]
    assert problems == []


@pytest.mark.parametrize("name", NAMES)
def test_example_is_a_french_plan_of_the_current_schema_named_after_its_folder(name: str) -> None:
    folder = open_session(EXAMPLES / name)
    assert folder.document["schema_version"] == SCHEMA_VERSION  # written out, as documentation
    assert folder.session.slug == name
    assert folder.session.language == "fr"


@pytest.mark.parametrize("name", NAMES)
def test_example_survives_a_save_byte_for_byte(name: str, tmp_path: Path) -> None:
    """Comments, quotes and line breaks stay as written when labkit saves a copied example."""
    copy = shutil.copytree(EXAMPLES / name, tmp_path / name)
    before = (copy / SESSION_FILE).read_bytes()
    open_session(copy).update(lambda document: None)
    assert (copy / SESSION_FILE).read_bytes() == before


def test_together_the_examples_use_every_method_type() -> None:
    used = {
        block.method_type
        for path in _example_dirs()
        for _, block in open_session(path).session.blocks()
    }
    assert set(METHOD_TYPES) - used == set()


@pytest.mark.parametrize("name", NAMES)
def test_people_in_vulnerable_groups_are_never_identifiable(name: str) -> None:
    session = open_session(EXAMPLES / name).session
    vulnerable = {g.key for g in session.groups if g.vulnerable}
    for person in session.participants:
        if person.group in vulnerable:
            assert not person.consent_named, person.id
            assert person.last_name is None and person.email is None, person.id


def test_childcare_example_protects_job_seekers_and_spans_two_days() -> None:
    session = open_session(EXAMPLES / "garde-enfants-parents").session
    assert len(session.days) == 2
    assert any(g.vulnerable for g in session.groups)
    stakeholder_groups = {p.group for p in session.participants if p.role.seated}
    assert 4 <= len(stakeholder_groups) <= 5


def test_cooperation_example_seats_everyone_but_the_sponsor_in_a_departement() -> None:
    session = open_session(EXAMPLES / "cooperation-territoriale").session
    seated = session.attendees(1)
    assert 30 <= len(seated) <= 45
    territories = {p.territory for p in seated if p.role != Role.SPONSOR}
    assert territories == {"59", "62", "80", "02"}


def test_collaborative_workshop_has_one_facilitator_and_a_remote_link() -> None:
    session = open_session(EXAMPLES / "atelier-collaboratif").session
    assert session.format == SessionFormat.COLLABORATIVE_WORKSHOP
    assert session.remote_link is not None
    assert sum(p.role == Role.FACILITATOR for p in session.participants) == 1
