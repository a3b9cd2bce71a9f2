"""Crossed interviews: pairs interview each other in two timed halves, then regroup (by four,
say) to extract the ingredients of what worked."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from labkit.document.text import clean, unwrap
from labkit.methods.captured import Captured, Harvest
from labkit.methods.outputs import ItemGroup, ModuleOutput, group_elements
from labkit.methods.spec import CheckContext, MethodSpec, ParticipantInput, TimedPart
from labkit.model import Block, CrossedInterviewsConfig, Session
from labkit.model import events as ev
from labkit.model.validation import Problem, error

if TYPE_CHECKING:
    from labkit.document import elements as e
    from labkit.document.wording import Words
    from labkit.model import views as v


@dataclass(frozen=True)
class InterviewOutput(ModuleOutput):
    prompt: str = ""
    groups: tuple[ItemGroup, ...] = ()


@dataclass(frozen=True)
class InterviewsLive:
    """The ingredients noted so far, per regroup (its table number), in recording order."""

    ingredients: dict[int | None, tuple[v.Contribution, ...]]

    @property
    def count(self) -> int:
        return sum(len(x) for x in self.ingredients.values())


class CrossedInterviews(MethodSpec[CrossedInterviewsConfig]):
    tag = "crossed_interviews"
    config_type = CrossedInterviewsConfig
    events = ("contribution.added", "rotation.replanned")
    contributions = (ParticipantInput("ingredient", "contribution.added", ("table",)),)
    table_word = "report.where.regroup"  # « groupe 2 », as the live screen says, not « table 2 »

    def parts(self, config: CrossedInterviewsConfig) -> tuple[TimedPart, ...]:
        halves = (TimedPart(1, config.minutes_per_person, "swap"),
                  TimedPart(2, config.minutes_per_person, "regroup"))  # fmt: skip
        if config.regroup_minutes:
            return (*halves, TimedPart(3, config.regroup_minutes, "round_end"))
        return halves

    @staticmethod
    def ingredient(block: Block, text: str, regroup: int | None) -> ev.ContributionAdded:
        """An ingredient extracted by a regroup (its table number)."""
        return ev.ContributionAdded(block_id=block.id, text=text, kind="ingredient", table=regroup)

    @staticmethod
    def replanned(block: Block, pairs: list[list[list[str]]],
                  reason: str | None = None) -> ev.RotationReplanned:  # fmt: skip
        """Pairs (and the regroups that follow) re-made on the spot, as a one-round plan."""
        return ev.RotationReplanned(block_id=block.id, from_round=1, plan=pairs, reason=reason)

    def check(self, context: CheckContext, config: CrossedInterviewsConfig) -> Iterator[Problem]:
        block = context.block
        needed = 2 * config.minutes_per_person + config.regroup_minutes
        if needed > block.duration:
            yield error("interviews_exceed_block", context.path, title=block.title,
                        needed=needed, duration=block.duration)  # fmt: skip

    def live(self, session: Session, block: Block, config: CrossedInterviewsConfig,
             captured: Captured) -> InterviewsLive:  # fmt: skip
        found: dict[int | None, list[v.Contribution]] = defaultdict(list)
        for c in captured.of_block(block.id):
            found[c.table].append(c)
        return InterviewsLive({k: tuple(x) for k, x in found.items()})

    def report(self, block: Block, config: CrossedInterviewsConfig, day: int,
               harvest: Harvest) -> InterviewOutput | None:  # fmt: skip
        groups = harvest.grouped(block.id, None, by="table", word=self.table_word)
        if not groups:
            return None
        return InterviewOutput(block.id, clean(block.title), self.tag, day,
                               prompt=unwrap(clean(config.prompt)), groups=groups)  # fmt: skip

    def layout(self, output: ModuleOutput, words: Words) -> list[e.Element]:
        from labkit.document import elements as e

        assert isinstance(output, InterviewOutput)
        out: list[e.Element] = []
        if output.prompt:
            out.append(e.Paragraph(output.prompt, "quote"))
        count = sum(len(g.items) for g in output.groups)
        out.append(e.Paragraph(words.count("ingredients", count), "label"))
        out.extend(group_elements(output.groups, words))
        return out
