"""The registry of method specs, keyed by method tag: the only dispatch on method types."""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from functools import cache

from labkit.methods.spec import MethodSpec
from labkit.model import Block

_HOMES: dict[str, tuple[str, str]] = {
    "plenary": ("plenary", "Plenary"),
    "crossed_interviews": ("crossed_interviews", "CrossedInterviews"),
    "world_cafe": ("world_cafe", "WorldCafe"),
    "persona_journey": ("persona_journey", "PersonaJourney"),
    "idea_vote": ("idea_vote", "IdeaVote"),
    "commitments": ("commitments", "Commitments"),
    "territorial_diagnostic": ("territories", "TerritorialDiagnostic"),
    "peer_help": ("territories", "PeerHelp"),
    "prototype_test": ("prototype", "PrototypeTest"),
    "closing": ("closing", "Closing"),
    "break": ("pauses", "Break"),
    "lunch": ("pauses", "Lunch"),
}
"""Method tag -> the module of `labkit.methods` and the class of its spec: a spec's module is
imported when the spec is first asked for, so that a command pays for its session's methods
only (a report of a session without a café never imports the café's module)."""


@cache
def spec_for(tag: str) -> MethodSpec:
    """The spec of a method tag (KeyError for a tag the model does not know)."""
    module, name = _HOMES[tag]
    spec: MethodSpec = getattr(importlib.import_module(f"labkit.methods.{module}"), name)()
    return spec


class _Specs(Mapping[str, MethodSpec]):
    """Every spec by its tag, each imported on first use (`spec_for`)."""

    def __getitem__(self, tag: str) -> MethodSpec:
        return spec_for(tag)

    def __iter__(self) -> Iterator[str]:
        return iter(_HOMES)

    def __len__(self) -> int:
        return len(_HOMES)


SPECS: Mapping[str, MethodSpec] = _Specs()
"""Method tag -> its spec."""


def spec_of(block: Block) -> MethodSpec:
    """The spec of a block's method."""
    return spec_for(block.method_type)


def round_minutes(block: Block, number: int) -> int | None:
    """Planned minutes of timed part `number` of a block (None: the block has no such part)."""
    return spec_of(block).round_minutes(block.method, number)


def round_count(block: Block) -> int:
    """How many timed parts (rounds, halves, turns) a block has."""
    return spec_of(block).round_count(block.method)
