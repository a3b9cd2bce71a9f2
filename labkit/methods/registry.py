"""The registry of method specs, keyed by method tag: the only dispatch on method types."""

from __future__ import annotations

from labkit.methods.closing import Closing
from labkit.methods.commitments import Commitments
from labkit.methods.crossed_interviews import CrossedInterviews
from labkit.methods.idea_vote import IdeaVote
from labkit.methods.pauses import Break, Lunch
from labkit.methods.persona_journey import PersonaJourney
from labkit.methods.plenary import Plenary
from labkit.methods.prototype import PrototypeTest
from labkit.methods.spec import MethodSpec
from labkit.methods.territories import PeerHelp, TerritorialDiagnostic
from labkit.methods.world_cafe import WorldCafe
from labkit.model import Block

SPECS: dict[str, MethodSpec] = {
    spec.tag: spec
    for spec in (
        Plenary(), CrossedInterviews(), WorldCafe(), PersonaJourney(), IdeaVote(),
        Commitments(), TerritorialDiagnostic(), PeerHelp(), PrototypeTest(), Closing(), Break(),
        Lunch(),
    )
}  # fmt: skip
"""Method tag -> its spec."""


def spec_for(tag: str) -> MethodSpec:
    """The spec of a method tag (KeyError for a tag the model does not know)."""
    return SPECS[tag]


def spec_of(block: Block) -> MethodSpec:
    """The spec of a block's method."""
    return SPECS[block.method_type]


def round_minutes(block: Block, number: int) -> int | None:
    """Planned minutes of timed part `number` of a block (None: the block has no such part)."""
    return spec_of(block).round_minutes(block.method, number)


def round_count(block: Block) -> int:
    """How many timed parts (rounds, halves, turns) a block has."""
    return spec_of(block).round_count(block.method)
