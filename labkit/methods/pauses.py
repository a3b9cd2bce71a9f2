"""Breaks and lunch: timed on the agenda, nothing to capture (a note taken anyway is kept)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from labkit.methods.captured import Captured, Harvest
from labkit.methods.outputs import ModuleOutput, notes_elements
from labkit.methods.plenary import notes_report
from labkit.methods.spec import CheckContext, MethodSpec, TimedPart
from labkit.model import Block, BreakConfig, LunchConfig, Session
from labkit.model.validation import Problem

if TYPE_CHECKING:
    from labkit.document import elements as e
    from labkit.document.wording import Words


class _Pause(MethodSpec[BreakConfig | LunchConfig]):
    events = ()
    contributions = ()

    def parts(self, config: BreakConfig | LunchConfig) -> tuple[TimedPart, ...]:
        return ()

    def check(self, context: CheckContext, config: BreakConfig | LunchConfig) -> Iterator[Problem]:
        return iter(())

    def live(self, session: Session, block: Block, config: BreakConfig | LunchConfig,
             captured: Captured) -> None:  # fmt: skip
        return None

    def report(self, block: Block, config: BreakConfig | LunchConfig, day: int,
               harvest: Harvest) -> ModuleOutput | None:  # fmt: skip
        return notes_report(self, block, day, harvest)  # a note taken during a break is kept

    def layout(self, output: ModuleOutput, words: Words) -> list[e.Element]:
        return notes_elements(output, words)


class Break(_Pause):
    tag = "break"
    config_type = BreakConfig
    events = ()
    contributions = ()


class Lunch(_Pause):
    tag = "lunch"
    config_type = LunchConfig
    events = ()
    contributions = ()
