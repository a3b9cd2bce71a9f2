"""Every method tag of the model has one complete spec in `labkit.methods`, and the places that
used to dispatch on method types by hand ask the registry."""

from __future__ import annotations

import inspect
import typing

import pytest

from labkit.methods import SPECS, MethodSpec, spec_for
from labkit.methods.spec import ParticipantInput, TimedPart
from labkit.model import METHOD_TYPES, MethodConfig
from labkit.model import events as ev

HOOKS = ("parts", "check", "live", "report", "layout")


def _union_members() -> set[type]:
    union, _ = typing.get_args(MethodConfig)
    return set(typing.get_args(union))


def test_every_model_method_type_has_a_spec_and_nothing_else_does() -> None:
    assert sorted(SPECS) == sorted(METHOD_TYPES)


@pytest.mark.parametrize("tag", METHOD_TYPES)
def test_each_spec_is_complete(tag: str) -> None:
    spec = spec_for(tag)
    assert isinstance(spec, MethodSpec) and spec.tag == tag
    # Its config is the model's (the session file's schema) and carries the same tag.
    assert spec.config_type in _union_members()
    assert spec.config_type.model_fields["type"].default == tag
    # Validation, live state, report and layout: implemented, not inherited abstract stubs.
    for hook in HOOKS:
        method = getattr(type(spec), hook)
        assert not getattr(method, "__isabstractmethod__", False), hook
    # Events and participant contributions are stated by the spec itself, even when empty.
    assert spec.declared() >= {"tag", "config_type", "events", "contributions"}
    assert all(isinstance(e, str) and e in ev.MODELS for e in spec.events)
    assert all(isinstance(c, ParticipantInput) and c.event in spec.events
               for c in spec.contributions)  # fmt: skip


@pytest.mark.parametrize("tag", METHOD_TYPES)
def test_each_spec_times_its_parts_in_order(tag: str, session_data: dict) -> None:
    spec = spec_for(tag)
    config = spec.config_type.model_validate(_config_for(tag))
    parts = spec.parts(config)
    assert all(isinstance(p, TimedPart) and p.minutes > 0 for p in parts)
    assert [p.number for p in parts] == list(range(1, len(parts) + 1))
    assert spec.round_count(config) == len(parts)


def _config_for(tag: str) -> dict:
    examples: dict[str, dict] = {
        "crossed_interviews": {"prompt": "Une réussite"},
        "world_cafe": {"questions": ["Q1", "Q2"], "tables": 2, "rounds": 3},
        "persona_journey": {"personas": [{"id": "ana", "name": "Ana"}], "stages": ["Avant"]},
        "peer_help": {"territories": ["42", "69"]},
        "prototype_test": {"teams": ["A", "B", "C"]},
    }
    return {"type": tag, **examples.get(tag, {})}


def test_no_module_outside_the_registry_dispatches_on_method_types() -> None:
    """The review's four dispatch chains are gone: validation, report outputs, report layout,
    live timers ask the spec."""
    from labkit.model import validation
    from labkit.report import layout_modules, outputs
    from labkit.tui import controller

    for module in (validation, outputs, layout_modules, controller):
        source = inspect.getsource(module)
        for tag in METHOD_TYPES:
            if tag in ("break", "lunch"):
                continue  # pauses are a plan-level fact (a stretch without a break)
            assert f'"{tag}"' not in source, (module.__name__, tag)
        assert "isinstance(method," not in source and "isinstance(output," not in source


def test_a_spec_module_is_imported_when_its_spec_is_first_asked_for() -> None:
    """A command pays for its session's methods only (issue 16: every spec module and its
    dataclasses were imported by `labkit.methods`)."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from labkit.methods import SPECS, spec_for\n"
        "assert 'labkit.methods.world_cafe' not in sys.modules\n"
        "cafe = spec_for('world_cafe')\n"
        "assert cafe is SPECS['world_cafe'] and cafe.tag == 'world_cafe'\n"
        "assert 'labkit.methods.world_cafe' in sys.modules\n"
        "assert 'labkit.methods.prototype' not in sys.modules\n"
        "try:\n    spec_for('nope')\nexcept KeyError:\n    pass\nelse:\n    raise AssertionError\n"
        "assert all(SPECS[tag].tag == tag for tag in SPECS) and len(SPECS) == len(list(SPECS))\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
