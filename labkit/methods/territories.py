"""Territorial methods: a diagnostic by territory, and peer help where each territory presents a
difficulty and the others share practices. Notes are placed by territory."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from labkit.document.text import clean, unwrap
from labkit.methods.captured import Captured, Harvest
from labkit.methods.notes import NotesLive, block_notes
from labkit.methods.outputs import ModuleOutput, TerritoryOutput, notes_elements
from labkit.methods.spec import AlertKind, CheckContext, MethodSpec, ParticipantInput, TimedPart
from labkit.model import Block, PeerHelpConfig, Session, TerritorialDiagnosticConfig
from labkit.model import events as ev
from labkit.model.validation import Problem, error

if TYPE_CHECKING:
    from labkit.document import elements as e
    from labkit.document.wording import Words


def territory_note(block: Block, text: str, territory: str | None,
                   kind: ev.ContributionKind = "note") -> ev.ContributionAdded:  # fmt: skip
    """A note about a territory (a situation, a difficulty, a practice shared)."""
    return ev.ContributionAdded(block_id=block.id, text=text, kind=kind, territory=territory)


def _report(tag: str, block: Block, territories: list[str], prompt: str | None, day: int,
            harvest: Harvest) -> TerritoryOutput | None:  # fmt: skip
    groups = harvest.by_territory(block.id, territories)
    if not groups:
        return None
    text = unwrap(clean(prompt)) if prompt else None
    return TerritoryOutput(block.id, clean(block.title), tag, day, prompt=text, groups=groups)


class TerritorialDiagnostic(MethodSpec[TerritorialDiagnosticConfig]):
    tag = "territorial_diagnostic"
    config_type = TerritorialDiagnosticConfig
    events = ("contribution.added",)
    contributions = (ParticipantInput("note", "contribution.added", ("territory",)),)

    def parts(self, config: TerritorialDiagnosticConfig) -> tuple[TimedPart, ...]:
        return ()

    def check(self, context: CheckContext,
              config: TerritorialDiagnosticConfig) -> Iterator[Problem]:  # fmt: skip
        return iter(())

    def live(self, session: Session, block: Block, config: TerritorialDiagnosticConfig,
             captured: Captured) -> NotesLive:  # fmt: skip
        return block_notes(block, captured)

    def report(self, block: Block, config: TerritorialDiagnosticConfig, day: int,
               harvest: Harvest) -> TerritoryOutput | None:  # fmt: skip
        return _report(self.tag, block, config.territories, config.prompt, day, harvest)

    def layout(self, output: ModuleOutput, words: Words) -> list[e.Element]:
        return notes_elements(output, words)


class PeerHelp(MethodSpec[PeerHelpConfig]):
    tag = "peer_help"
    config_type = PeerHelpConfig
    events = ("contribution.added",)
    contributions = (ParticipantInput("note", "contribution.added", ("territory",)),)

    def parts(self, config: PeerHelpConfig) -> tuple[TimedPart, ...]:
        return tuple(TimedPart(n, config.minutes_per_territory, "turn_end")
                     for n in range(1, len(config.territories) + 1))  # fmt: skip

    def round_minutes(self, config: PeerHelpConfig, number: int) -> int | None:
        # Without territories listed, turns are still timed (the room names them on the day).
        if not config.territories:
            return config.minutes_per_territory if number == 1 else None
        return super().round_minutes(config, number)

    def alert(self, config: PeerHelpConfig, number: int) -> AlertKind:
        return "turn_end"

    def check(self, context: CheckContext, config: PeerHelpConfig) -> Iterator[Problem]:
        block = context.block
        needed = config.minutes_per_territory * len(config.territories)
        if needed > block.duration:
            yield error("peer_help_exceeds_block", context.path, title=block.title,
                        needed=needed, duration=block.duration)  # fmt: skip

    def live(self, session: Session, block: Block, config: PeerHelpConfig,
             captured: Captured) -> NotesLive:  # fmt: skip
        return block_notes(block, captured)

    def report(self, block: Block, config: PeerHelpConfig, day: int,
               harvest: Harvest) -> TerritoryOutput | None:  # fmt: skip
        return _report(self.tag, block, config.territories, None, day, harvest)

    def layout(self, output: ModuleOutput, words: Words) -> list[e.Element]:
        return notes_elements(output, words)
