"""Commitments or roadmaps: what, who, by when, with which indicator; per team or per territory.

The restitution gathers every commitment of the session in its own chapter (built by
`labkit.report`); the block itself restitutes what was noted during it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from labkit.methods.captured import Captured, Harvest
from labkit.methods.outputs import ModuleOutput, NotesOutput, notes_elements
from labkit.methods.plenary import notes_report
from labkit.methods.spec import CheckContext, MethodSpec, ParticipantInput, TimedPart
from labkit.model import Block, CommitmentsConfig, Session
from labkit.model import events as ev
from labkit.model.validation import Problem

if TYPE_CHECKING:
    from labkit.document import elements as e
    from labkit.document.wording import Words
    from labkit.model import views as v


@dataclass(frozen=True)
class CommitmentsLive:
    """The block's commitments (and those recorded without a block), in recording order."""

    commitments: tuple[v.Commitment, ...]

    def teams(self) -> list[str]:
        """The teams named by the commitments, sorted."""
        return sorted({c.team for c in self.commitments if c.team})


class Commitments(MethodSpec[CommitmentsConfig]):
    tag = "commitments"
    config_type = CommitmentsConfig
    events = ("commitment.added", "commitment.edited", "commitment.deleted",
              "contribution.added")  # fmt: skip
    contributions = (
        ParticipantInput("commitment", "commitment.added", ("team", "territory")),
    )

    def parts(self, config: CommitmentsConfig) -> tuple[TimedPart, ...]:
        return ()

    @staticmethod
    def commitment(block: Block, what: str, **details: object) -> ev.CommitmentAdded:
        """A commitment (owner, due date, indicator, team or territory in `details`)."""
        return ev.CommitmentAdded.model_validate(
            {"block_id": block.id, "what": what,
             **{k: x for k, x in details.items() if x is not None}}
        )  # fmt: skip

    @staticmethod
    def edited(commitment_id: str, **changes: object) -> ev.CommitmentEdited:
        """Fields of a commitment changed (only those given; None clears a field)."""
        return ev.CommitmentEdited.model_validate({"commitment_id": commitment_id, **changes})

    @staticmethod
    def status(commitment_id: str, status: str) -> ev.CommitmentEdited:
        """A commitment moves on (proposed, committed, in progress, done, dropped)."""
        return ev.CommitmentEdited.model_validate({"commitment_id": commitment_id,
                                                   "status": status})  # fmt: skip

    @staticmethod
    def deleted(commitment_id: str) -> ev.CommitmentDeleted:
        """A commitment withdrawn."""
        return ev.CommitmentDeleted(commitment_id=commitment_id)

    def check(self, context: CheckContext, config: CommitmentsConfig) -> Iterator[Problem]:
        return iter(())

    def live(self, session: Session, block: Block, config: CommitmentsConfig,
             captured: Captured) -> CommitmentsLive:  # fmt: skip
        return CommitmentsLive(tuple(sorted(
            (x for x in captured.commitments.values() if x.block_id in (block.id, None)),
            key=lambda x: x.event_id,
        )))  # fmt: skip

    def report(self, block: Block, config: CommitmentsConfig, day: int,
               harvest: Harvest) -> NotesOutput | None:  # fmt: skip
        return notes_report(self, block, day, harvest)

    def layout(self, output: ModuleOutput, words: Words) -> list[e.Element]:
        return notes_elements(output, words)
