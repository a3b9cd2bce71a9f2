"""The outputs of each agenda block, from the journal, in agenda order: each block's method spec
says what its restitution holds (`labkit.methods`)."""

from __future__ import annotations

from labkit.methods import spec_of
from labkit.methods.captured import Harvest
from labkit.methods.outputs import ModuleOutput
from labkit.model import Session
from labkit.store.journal import JournalState


def module_outputs(session: Session, state: JournalState, lang: str) -> tuple[ModuleOutput, ...]:
    """Every block with something captured, in agenda order."""
    harvest = Harvest(session, state, lang)
    outputs: list[ModuleOutput] = []
    for day, block in session.blocks():
        built = spec_of(block).report(block, block.method, day, harvest)
        if built is not None:
            outputs.append(built)
    return tuple(outputs)
