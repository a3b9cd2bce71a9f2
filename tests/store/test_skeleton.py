"""The skeleton `labkit new` writes: valid, commented, Scan -> Focus -> Act, never overwriting."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from labkit.errors import InvalidInputError
from labkit.methods import check_session
from labkit.model import Phase, schedule_session
from labkit.store.session_folder import open_session, validate_document
from labkit.store.skeleton import create_session, skeleton_text
from labkit.store.yaml_document import parse_yaml

FIRST_DAY = dt.date(2026, 3, 12)


def load(text: str):
    return validate_document(parse_yaml(text, Path("session.yaml")), Path("session.yaml"))


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("days", [1, 2, 3])
def test_the_skeleton_is_a_valid_plan_without_warnings(lang: str, days: int) -> None:
    session = load(skeleton_text("atelier", "Atelier", FIRST_DAY, days, lang, "Lab 93"))
    assert check_session(session) == []
    assert session.slug == "atelier" and session.lab == "Lab 93" and session.language == lang
    assert [d.date for d in session.days] == [
        FIRST_DAY + dt.timedelta(days=n) for n in range(days)
    ]
    assert session.format == ("lab_session" if days > 1 else "collaborative_workshop")
    ids = [b.id for _, b in session.blocks()]
    assert len(ids) == len(set(ids)) == 7 * days
    assert session.blocks()[-1][1].method_type == "closing"
    for placed in schedule_session(session):
        assert placed[-1].end.time() <= dt.time(17)


@pytest.mark.parametrize("days", [1, 2, 3])
def test_the_skeleton_runs_scan_focus_act_in_order(days: int) -> None:
    session = load(skeleton_text("a", "A", FIRST_DAY, days, "fr", "Lab"))
    phases = [b.phase for _, b in session.blocks() if b.phase is not Phase.NONE]
    assert phases == sorted(phases, key=[Phase.SCAN, Phase.FOCUS, Phase.ACT].index)
    assert {Phase.SCAN, Phase.FOCUS, Phase.ACT} <= set(phases)


def test_the_skeleton_is_commented_in_its_language() -> None:
    fr = skeleton_text("atelier", "Atelier", FIRST_DAY, 1, "fr", "Lab")
    en = skeleton_text("atelier", "Atelier", FIRST_DAY, 1, "en", "Lab")
    assert fr.startswith("# yaml-language-server: $schema=../session.schema.json\n")
    assert "labkit validate atelier" in fr and "le Lab qui anime la session" in fr
    assert "the Lab running the session" in en
    assert "Déjeuner" in fr and "Lunch" in en
    assert "method: break" in fr  # the short form, as a person writes it


@pytest.mark.parametrize(
    "title",
    ['Atelier "garde": J-60 # pas un commentaire', "L'accueil\\des parents", "Café ☕ - été"],
)
def test_any_title_survives_the_yaml(title: str) -> None:
    assert load(skeleton_text("a", title, FIRST_DAY, 1, "fr", 'Lab "93"')).title == title


def test_create_session_writes_the_folder(tmp_path: Path) -> None:
    path = create_session(tmp_path, "atelier", "Atelier", FIRST_DAY, 2, "fr", "Lab")
    assert path == tmp_path / "atelier" / "session.yaml"
    folder = open_session(path, strict=True)
    assert folder.session.title == "Atelier"


def test_create_session_refuses_to_overwrite(tmp_path: Path) -> None:
    path = create_session(tmp_path, "atelier", "Atelier", FIRST_DAY, 1, "fr", "Lab")
    path.write_text(path.read_text(encoding="utf-8") + "# mes notes\n", encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(InvalidInputError, match="existe déjà"):
        create_session(tmp_path, "atelier", "Autre", FIRST_DAY, 1, "fr", "Lab")
    assert path.read_bytes() == before


@pytest.mark.parametrize("days", [0, 4])
def test_create_session_days_range(tmp_path: Path, days: int) -> None:
    with pytest.raises(InvalidInputError, match="de 1 à 3 jours"):
        create_session(tmp_path, "atelier", "Atelier", FIRST_DAY, days, "fr", "Lab")
    assert not (tmp_path / "atelier").exists()


def test_saving_the_skeleton_unchanged_keeps_it_byte_for_byte(tmp_path: Path) -> None:
    path = create_session(tmp_path, "atelier", "Atelier", FIRST_DAY, 3, "fr", "Lab")
    before = path.read_text(encoding="utf-8")
    open_session(path).update(lambda doc: None)
    assert path.read_text(encoding="utf-8") == before
    assert "sponsor: null" in before


@pytest.mark.parametrize("slug", ["2026", "true", "null", "1e3", "atelier-mars"])
def test_a_slug_that_yaml_would_read_as_a_number_stays_text(tmp_path: Path, slug: str) -> None:
    path = create_session(tmp_path, slug, "Atelier", FIRST_DAY, 1, "fr", "Lab")
    assert open_session(path).session.slug == slug
