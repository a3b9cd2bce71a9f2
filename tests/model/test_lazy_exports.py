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


def test_the_event_table_names_each_model_where_it_is_defined() -> None:
    """`MODELS` reads a static table (type name, model, module): it must say what the modules
    define, every event model once."""
    import inspect

    import labkit.model.events as ev

    defined = set()
    for module in {module for _, _, module in ev._TABLE}:
        source = importlib.import_module(f"labkit.model.events.{module}")
        defined |= {
            cls for name, cls in vars(source).items()
            if inspect.isclass(cls) and issubclass(cls, ev.EventModel) and not name.startswith("_")
            and cls.__module__ == source.__name__ and "type" in cls.model_fields
            and isinstance(cls.model_fields["type"].default, str)
        }  # fmt: skip
    assert defined == set(ev.EVENT_MODELS) and len(ev.EVENT_MODELS) == len(ev._TABLE)
    for type_name, name, module in ev._TABLE:
        model = getattr(importlib.import_module(f"labkit.model.events.{module}"), name)
        assert model.model_fields["type"].default == type_name
        assert ev.MODELS[type_name] is model is getattr(ev, name)


def test_an_event_model_is_defined_with_its_family_only() -> None:
    """Importing the events defines no event model; looking one up by its type name imports its
    family's module only (a contribution's: 3 models, not 34; issue 16: `labkit note`)."""
    code = (
        "import labkit.model.events as ev\n"
        "def defined():\n"
        "    todo, seen = [ev.EventModel], set()\n"
        "    while todo:\n"
        "        for sub in todo.pop().__subclasses__():\n"
        "            todo.append(sub)\n"
        "            if isinstance(sub.model_fields['type'].default, str):\n"
        "                seen.add(sub.__name__)\n"
        "    return sorted(seen)\n"
        "print(defined())\n"
        "ev.MODELS['contribution.added']\n"
        "print(defined())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    before, after = out.stdout.splitlines()
    assert before == "[]"
    assert after == "['ContributionAdded', 'ContributionDeleted', 'ContributionEdited']"
