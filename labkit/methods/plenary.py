"""Plenary: the sponsor's opening, a presentation, a debrief; the facilitator notes what is said."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from labkit.document.text import clean
from labkit.methods.captured import Captured, Harvest
from labkit.methods.notes import NotesLive, block_notes
from labkit.methods.outputs import ModuleOutput, NotesOutput, notes_elements
from labkit.methods.spec import CheckContext, MethodSpec, TimedPart
from labkit.model import Block, PlenaryConfig, Session
from labkit.model import events as ev
from labkit.model.validation import Problem

if TYPE_CHECKING:
    from labkit.document import elements as e
    from labkit.document.wording import Words


def note_event(
    block: Block, text: str, kind: str = "note", **placement: object
) -> ev.ContributionAdded:
    """A note, a question or a quote recorded during a block."""
    return ev.ContributionAdded.model_validate(
        {"block_id": block.id, "text": text, "kind": kind,
         **{k: x for k, x in placement.items() if x is not None}}
    )  # fmt: skip


def notes_report(spec: MethodSpec, block: Block, day: int, harvest: Harvest) -> NotesOutput | None:
    """The notes of a block as its restitution (None when nothing was noted)."""
    groups = harvest.notes(block)
    return NotesOutput(block.id, clean(block.title), spec.tag, day, groups=groups) \
        if groups else None  # fmt: skip


class Plenary(MethodSpec[PlenaryConfig]):
    tag = "plenary"
    config_type = PlenaryConfig
    events = ("contribution.added",)
    contributions = ()
    """A plenary listens: the facilitator notes; participants ask through the closing or a
    later block."""

    def parts(self, config: PlenaryConfig) -> tuple[TimedPart, ...]:
        return ()

    def check(self, context: CheckContext, config: PlenaryConfig) -> Iterator[Problem]:
        return iter(())

    def live(self, session: Session, block: Block, config: PlenaryConfig,
             captured: Captured) -> NotesLive:  # fmt: skip
        return block_notes(block, captured)

    def report(self, block: Block, config: PlenaryConfig, day: int,
               harvest: Harvest) -> NotesOutput | None:  # fmt: skip
        return notes_report(self, block, day, harvest)

    def layout(self, output: ModuleOutput, words: Words) -> list[e.Element]:
        return notes_elements(output, words)
