"""What every method spec says: the contract of `labkit.methods`.

A method (world café, crossed interviews, vote…) is one `MethodSpec` subclass in its own module.
It owns everything about the method that is not drawing: its config model (declared in
`labkit.model.methods`, the session file's schema), its timed parts, its validation rules, the
journal events it writes (typed constructors), the live state it folds from them, its report
content and the document elements that show it, and what a participant can contribute. The
live app's screens, the report and the web pages ask the spec through the registry
(`labkit.methods.spec_for`); nothing dispatches on method types by hand.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Generic, Literal, TypeVar

from labkit.model.validation import Path, Problem

if TYPE_CHECKING:
    from labkit.document.elements import Element
    from labkit.document.wording import Words
    from labkit.methods.captured import Captured, Harvest
    from labkit.methods.outputs import ModuleOutput
    from labkit.model import Block, Session
    from labkit.model import views as v

C = TypeVar("C")

AlertKind = Literal["round_end", "swap", "regroup", "turn_end", "visit_end", "revision_end"]
"""What the live app announces when a timed part runs out (a café round, an interview half…)."""

Placement = Literal["table", "round", "question", "pair", "team", "territory", "persona"]
"""Where a participant's contribution is placed (the phone page asks or knows it)."""

ContributionKind = Literal[
    "idea", "ingredient", "note", "vote", "journey_step", "commitment", "survey", "closing_word",
    "feedback", "decision",
]  # fmt: skip


@dataclass(frozen=True)
class TimedPart:
    """One timed part of a block: a café round, an interview half, a peer-help turn."""

    number: int
    minutes: int
    alert: AlertKind


@dataclass(frozen=True)
class ParticipantInput:
    """Something a participant (or a table host) can contribute while the block runs."""

    kind: ContributionKind
    event: str
    """The type name of the journal event the contribution is written as (its model is built
    when one is written, not when the method is imported)."""
    placed_by: tuple[Placement, ...] = ()
    """What places it (the page knows the table and round of a café host, for instance)."""
    host_only: bool = False
    """Entered by the table host for the whole table (not by each participant)."""


@dataclass(frozen=True)
class CheckContext:
    """What a method's validation rules see: the session, the block and where it stands."""

    session: Session
    block: Block
    day: int
    """Day number (1-based) of the block."""
    path: Path
    """Path of the block's `method` field (for the problems' locations)."""
    known_blocks: frozenset[str]


class MethodSpec(ABC, Generic[C]):
    """The spec of one method type; subclasses are registered in `labkit.methods.SPECS`."""

    tag: ClassVar[str]
    """The method type, as written in `session.yaml` (`type: world_cafe`)."""
    config_type: ClassVar[type]
    """The pydantic config model of the method (in `labkit.model.methods`)."""
    events: ClassVar[tuple[str, ...]]
    """The type names of the journal events the method's capture writes (besides the agenda's
    block events): names, so that importing a method builds none of their models."""
    contributions: ClassVar[tuple[ParticipantInput, ...]]
    """What a participant can contribute during the block (empty: nothing)."""

    # --- timing --------------------------------------------------------------------------
    @abstractmethod
    def parts(self, config: C) -> tuple[TimedPart, ...]:
        """The block's timed parts, in order (empty for a method without rounds)."""

    def round_minutes(self, config: C, number: int) -> int | None:
        """Planned minutes of part `number` (None when the block has no such part)."""
        part = self._part(config, number)
        return part.minutes if part else None

    def round_count(self, config: C) -> int:
        """How many timed parts the block has."""
        return len(self.parts(config))

    def alert(self, config: C, number: int) -> AlertKind:
        """What to announce when part `number` runs out."""
        part = self._part(config, number)
        return part.alert if part else "round_end"

    def _part(self, config: C, number: int) -> TimedPart | None:
        return next((p for p in self.parts(config) if p.number == number), None)

    # --- validation ----------------------------------------------------------------------
    @abstractmethod
    def check(self, context: CheckContext, config: C) -> Iterator[Problem]:
        """The method's own errors and warnings (the plan's generic rules are checked apart)."""

    # --- live ----------------------------------------------------------------------------
    @abstractmethod
    def live(self, session: Session, block: Block, config: C, captured: Captured) -> object:
        """The live state of the block folded from the journal: what its screen shows."""

    # --- restitution ---------------------------------------------------------------------
    @abstractmethod
    def report(self, block: Block, config: C, day: int, harvest: Harvest) -> ModuleOutput | None:
        """What the restitution says of the block (None when nothing was captured)."""

    @abstractmethod
    def layout(self, output: ModuleOutput, words: Words) -> list[Element]:
        """The document elements showing `output`, after the block's heading."""

    def kept_ideas(self, output: ModuleOutput) -> tuple[str, ...]:
        """The ideas `output` says the room kept, for the restitution's synthesis (none by
        default: only a café keeps ideas of its own)."""
        return ()

    def placement(self, config: C, contribution: v.Contribution, lang: str) -> str | None:
        """Where a contribution was said, in the method's own words (e.g. a prototype test's
        facet and team), for the restitution's annex; None: the generic wording (question,
        round, table, pair, team, territory)."""
        return None

    table_word: ClassVar[str] = "report.where.table"
    """The catalog key naming a contribution's `table` in the restitution (« table 3 »)."""

    landscape: ClassVar[bool] = False
    """Whether the block's restitution is laid out on landscape pages (wide tables)."""

    @classmethod
    def declared(cls) -> set[str]:
        """The parts of the spec its class declares itself (see the registry's completeness
        test): a spec must state its events and participant contributions, even when empty."""
        own: set[str] = set()
        for klass in cls.__mro__:
            if klass is MethodSpec:
                break
            own |= {name for name in ("tag", "config_type", "events", "contributions")
                    if name in vars(klass)}  # fmt: skip
        return own
