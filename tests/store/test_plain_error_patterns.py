"""Pattern and version errors are worded for what the field holds."""

from pathlib import Path

import pytest

from labkit.errors import InvalidInputError
from labkit.i18n import set_ui_language
from labkit.store.session_folder import open_session

BASE = """\
slug: {slug}
title: T
lab: L
schema_version: {version}
groups:
  - key: g
    label: G
    colour: "{colour}"
days:
  - date: 2027-03-16
"""


def _problems(tmp_path: Path, **values: object) -> str:
    fields = {"slug": "ok", "version": 1, "colour": "#112233", **values}
    (tmp_path / "session.yaml").write_text(BASE.format(**fields), encoding="utf-8")
    with pytest.raises(InvalidInputError) as caught:
        open_session(tmp_path)
    return str(caught.value)


@pytest.fixture(autouse=True)
def _french():
    set_ui_language("fr")
    yield
    set_ui_language(None)


def test_bad_colour_says_colour(tmp_path: Path) -> None:
    text = _problems(tmp_path, colour="bleu")
    assert "session.yaml:8" in text and "#RRVVBB" in text


def test_bad_slug_says_lowercase(tmp_path: Path) -> None:
    text = _problems(tmp_path, slug="Mon_Atelier")
    assert "session.yaml:1" in text and "minuscules" in text


def test_newer_schema_is_explained_in_french(tmp_path: Path) -> None:
    text = _problems(tmp_path, version=99)
    assert "session.yaml:4" in text and "mettez labkit à jour" in text


def test_a_non_yaml_file_is_not_taken_for_a_session(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# notes\n", encoding="utf-8")
    with pytest.raises(InvalidInputError):
        open_session(tmp_path / "README.md")
