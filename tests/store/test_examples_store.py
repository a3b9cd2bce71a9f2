"""Bundled examples: listed with their title, copied whole into a sessions folder, never over a
session the user changed unless forced.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from labkit.errors import InvalidInputError, StorageError
from labkit.methods import check_session
from labkit.resources import data_dir
from labkit.store import examples as examples_module
from labkit.store.examples import copy_example, find_example, list_examples
from labkit.store.session_folder import open_session

EXPECTED = {"garde-enfants-parents", "cooperation-territoriale", "atelier-collaboratif"}


def test_the_three_examples_are_listed() -> None:
    found = list_examples()
    assert {e.name for e in found} >= EXPECTED
    assert [e.name for e in found] == sorted(e.name for e in found)
    for example in found:
        assert example.path == data_dir("examples") / example.name
        assert example.title and example.title != example.name
        assert 1 <= example.days <= 3
        assert example.participants > 0
    by_name = {e.name: e for e in found}
    assert by_name["garde-enfants-parents"].days == 2


def test_folders_without_a_session_are_not_examples() -> None:
    assert all((e.path / "session.yaml").is_file() for e in list_examples())
    assert "README.md" not in {e.name for e in list_examples()}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_example_loads_without_error_or_warning(name: str) -> None:
    folder = open_session(find_example(name).path, strict=True)
    assert check_session(folder.session) == []
    assert folder.session.language == "fr"


def test_find_example_names_the_others() -> None:
    with pytest.raises(InvalidInputError) as info:
        find_example("garde")
    text = str(info.value)
    assert text.startswith("aucun exemple ne s'appelle «\u00a0garde\u00a0»")
    assert all(name in text for name in EXPECTED)


def test_copy_into_a_sessions_folder(tmp_path: Path) -> None:
    root = tmp_path / "mes-sessions"
    target = copy_example("atelier-collaboratif", root)
    assert target == root / "atelier-collaboratif"
    source = data_dir("examples") / "atelier-collaboratif"
    assert (target / "session.yaml").read_bytes() == (source / "session.yaml").read_bytes()
    assert sorted(os.listdir(root)) == ["atelier-collaboratif"]  # no staging folder left
    assert open_session(target).session.slug


def test_copying_the_same_plan_again_is_a_no_op(tmp_path: Path) -> None:
    first = copy_example("atelier-collaboratif", tmp_path)
    (first / "notes.txt").write_text("gardé", encoding="utf-8")
    assert copy_example("atelier-collaboratif", tmp_path) == first
    assert (first / "notes.txt").read_text(encoding="utf-8") == "gardé"


def test_a_changed_copy_is_not_overwritten_without_force(tmp_path: Path) -> None:
    target = copy_example("atelier-collaboratif", tmp_path)
    plan = target / "session.yaml"
    plan.write_text(plan.read_text(encoding="utf-8") + "# mes changements\n", encoding="utf-8")
    before = plan.read_bytes()
    with pytest.raises(InvalidInputError) as info:
        copy_example("atelier-collaboratif", tmp_path)
    assert "existe déjà (ajoutez --force pour le remplacer" in str(info.value)
    assert plan.read_bytes() == before


def test_force_replaces_the_copy_and_keeps_the_old_one_aside(tmp_path: Path) -> None:
    target = copy_example("atelier-collaboratif", tmp_path)
    (target / "session.yaml").write_text("slug: abime\n", encoding="utf-8")
    (target / "extra.txt").write_text("x", encoding="utf-8")
    copy_example("atelier-collaboratif", tmp_path, force=True)
    source = data_dir("examples") / "atelier-collaboratif" / "session.yaml"
    assert (target / "session.yaml").read_bytes() == source.read_bytes()
    assert not (target / "extra.txt").exists()
    new, backup = sorted(os.listdir(tmp_path))
    assert new == "atelier-collaboratif"
    assert re.fullmatch(r"atelier-collaboratif\.\d{8}-\d{6}\.bak", backup)
    assert (tmp_path / backup / "extra.txt").read_text(encoding="utf-8") == "x"


def test_a_failed_copy_leaves_nothing_behind(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    def full_disk(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(shutil, "copytree", full_disk)
    with pytest.raises(StorageError, match="No space left on device"):
        copy_example("atelier-collaboratif", tmp_path)
    assert os.listdir(tmp_path) == []


def test_examples_come_from_the_package_data(monkeypatch: pytest.MonkeyPatch,
                                             tmp_path: Path) -> None:
    fake = tmp_path / "examples" / "demo"
    fake.mkdir(parents=True)
    (fake / "session.yaml").write_text(
        'slug: demo\ntitle: "Démo"\nlab: L\ndays: [{date: 2026-03-12}]\n', encoding="utf-8"
    )
    (tmp_path / "examples" / "notes").mkdir()
    monkeypatch.setattr(examples_module, "data_dir", lambda name: tmp_path / name)
    (example,) = list_examples()
    assert (example.name, example.title, example.days, example.participants) == (
        "demo", "Démo", 1, 0,
    )
