"""The migration hook: older session.yaml layouts are upgraded before validation."""

from __future__ import annotations

from typing import Any

import pytest

from labkit.model import SCHEMA_VERSION, migrate
from labkit.model import migrations as migrations_module


def rename_name_to_title(data: dict[str, Any]) -> dict[str, Any]:
    data = dict(data)
    data["title"] = data.pop("name")
    return data


def add_lab(data: dict[str, Any]) -> dict[str, Any]:
    return {**data, "lab": data.get("lab", "Lab")}


@pytest.fixture
def steps(monkeypatch: pytest.MonkeyPatch) -> dict[int, Any]:
    table: dict[int, Any] = {1: rename_name_to_title, 2: add_lab}
    monkeypatch.setattr(migrations_module, "MIGRATIONS", table)
    return table


def test_current_version_is_left_alone() -> None:
    data = {"schema_version": SCHEMA_VERSION, "title": "T"}
    assert migrate(dict(data)) == data


def test_a_missing_version_counts_as_one(steps: dict[int, Any]) -> None:
    out = migrate({"name": "Atelier"}, target=2)
    assert out == {"title": "Atelier", "schema_version": 2}


def test_migrations_chain_up_to_the_target(steps: dict[int, Any]) -> None:
    out = migrate({"schema_version": 1, "name": "Atelier"}, target=3)
    assert out == {"title": "Atelier", "lab": "Lab", "schema_version": 3}


def test_only_the_missing_steps_run(steps: dict[int, Any]) -> None:
    out = migrate({"schema_version": 2, "title": "Atelier"}, target=3)
    assert out == {"title": "Atelier", "lab": "Lab", "schema_version": 3}


def test_a_newer_version_is_left_for_validation_to_refuse(steps: dict[int, Any]) -> None:
    data = {"schema_version": 7, "name": "x"}
    assert migrate(dict(data), target=3) == data


def test_a_missing_step_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(migrations_module, "MIGRATIONS", {})
    with pytest.raises(ValueError, match="no migration from schema_version 1"):
        migrate({"title": "T"}, target=2)


def test_a_version_that_is_not_a_number_is_left_for_validation(steps: dict[int, Any]) -> None:
    data = {"schema_version": "deux", "name": "x"}
    assert migrate(dict(data), target=3) == data


def test_the_store_migrates_before_validating(monkeypatch: pytest.MonkeyPatch,
                                             write_session: Any,
                                             minimal_data: dict[str, Any]) -> None:
    """A file of an older layout loads; a failed migration is a plain error."""
    from labkit.errors import InvalidInputError
    from labkit.store import session_folder

    old = dict(minimal_data)
    old["name"] = old.pop("title")
    path = write_session(old)
    # the model knows version 1 only: run a 1 -> 2 step, then label the result as today's version
    monkeypatch.setattr(session_folder, "migrate",
                        lambda data: migrate(data, target=2) | {"schema_version": 1})
    monkeypatch.setattr(migrations_module, "MIGRATIONS", {1: rename_name_to_title})
    assert session_folder.open_session(path).session.title == "Mini"

    monkeypatch.setattr(migrations_module, "MIGRATIONS", {})
    with pytest.raises(InvalidInputError) as info:
        session_folder.open_session(path)
    assert "migration impossible" in str(info.value)
    assert str(path) in str(info.value)
