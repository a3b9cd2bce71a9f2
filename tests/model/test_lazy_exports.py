"""`labkit.model` exports its names on first use (issue 16: cold start): importing one of its
submodules does not build the session's pydantic models, and every exported name still resolves."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys

import pytest

import labkit.model as model


def _modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys, json; print(json.dumps(sorted(sys.modules)))"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return set(json.loads(out.stdout.splitlines()[-1]))


def test_a_submodule_alone_builds_no_session_model() -> None:
    modules = _modules_after("import labkit.model.files, labkit.model.events")
    assert not {"labkit.model.session", "labkit.model.methods", "labkit.model.timing"} & modules


def test_every_exported_name_resolves_to_its_definition() -> None:
    for name in model.__all__:
        defined_in = importlib.import_module(model._MODULE_OF[name])
        assert getattr(model, name) is getattr(defined_in, name), name
    importlib.import_module("labkit.model.events")
    assert model.events.MODELS  # an imported submodule is an attribute, as without laziness
    with pytest.raises(AttributeError):
        model.NoSuchName  # noqa: B018


def test_the_event_union_is_built_on_first_use() -> None:
    code = (
        "import labkit.model.events as ev\n"
        "print(ev.EVENT_ADAPTER.pydantic_complete)\n"
        "ev.EVENT_ADAPTER.validate_python({'type': 'vote.cast', 'item_id': 'c1', 'dots': 2})\n"
        "print(ev.EVENT_ADAPTER.pydantic_complete)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]
