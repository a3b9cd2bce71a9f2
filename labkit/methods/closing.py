"""Closing round ("déclusion"): a word or an image each, and the satisfaction questionnaire.

The restitution's satisfaction and closing chapters gather every closing block (built by
`labkit.report`); the block itself restitutes what was noted during it."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from labkit.methods.captured import Captured, Harvest
from labkit.methods.outputs import ModuleOutput, NotesOutput, notes_elements
from labkit.methods.plenary import notes_report
from labkit.methods.spec import CheckContext, MethodSpec, ParticipantInput, TimedPart
from labkit.model import Block, ClosingConfig, Session
from labkit.model import events as ev
from labkit.model.validation import Problem, duplicates, error

if TYPE_CHECKING:
    from labkit.document import elements as e
    from labkit.document.wording import Words
    from labkit.model import views as v


@dataclass(frozen=True)
class ClosingLive:
    """The closing words of the block and the questionnaire's means per group."""

    words: tuple[v.ClosingWord, ...]
    means: dict[str, dict[str, tuple[float, int]]]
    """group -> question id -> (mean score, number of answers)."""
    responses: int
    counts: dict[str, int] = field(default_factory=dict)
    """group -> questionnaires entered."""
    overall: dict[str, tuple[float, int]] = field(default_factory=dict)
    """question id -> (mean score over every group, number of answers)."""
    answers: tuple[v.SurveyResponse, ...] = ()
    """Every questionnaire entered, in recording order."""


def survey_means(
    responses: Iterable[v.SurveyResponse],
) -> dict[str, dict[str, tuple[float, int]]]:
    """group -> question id -> (mean score, number of answers)."""
    sums: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for response in responses:
        for question, score in response.scores.items():
            sums[response.group][question].append(score)
    return {group: {q: (sum(s) / len(s), len(s)) for q, s in questions.items()}
            for group, questions in sums.items()}  # fmt: skip


class Closing(MethodSpec[ClosingConfig]):
    tag = "closing"
    config_type = ClosingConfig
    events = ("closing.word_added", "survey.answered")
    contributions = (
        ParticipantInput("closing_word", "closing.word_added"),
        ParticipantInput("survey", "survey.answered"),
    )

    def parts(self, config: ClosingConfig) -> tuple[TimedPart, ...]:
        return ()

    @staticmethod
    def word(block: Block, text: str | None = None, image: str | None = None,
             participant_id: str | None = None) -> ev.ClosingWordAdded:  # fmt: skip
        """A closing word (or image) of the round."""
        return ev.ClosingWordAdded(block_id=block.id, text=text, image=image,
                                   participant_id=participant_id)  # fmt: skip

    @staticmethod
    def answer(group: str, scores: dict[str, float],
               comment: str | None = None) -> ev.SurveyAnswered:  # fmt: skip
        """One filled satisfaction questionnaire (stakeholder group, scores, comment)."""
        return ev.SurveyAnswered(group=group, scores=scores, comment=comment)

    def check(self, context: CheckContext, config: ClosingConfig) -> Iterator[Problem]:
        path = context.path
        for q in sorted(duplicates([q.id for q in config.survey])):
            yield error("duplicate_survey_question", (*path, "survey"), id=q)
        for i, question in enumerate(config.survey):
            if question.scale_min >= question.scale_max:
                yield error("survey_scale", (*path, "survey", i), id=question.id,
                            low=question.scale_min, high=question.scale_max)  # fmt: skip

    def live(self, session: Session, block: Block, config: ClosingConfig,
             captured: Captured) -> ClosingLive:  # fmt: skip
        words = tuple(sorted(
            (w for w in captured.closing_words.values() if w.block_id in (block.id, None)),
            key=lambda w: w.event_id,
        ))  # fmt: skip
        responses = tuple(sorted(captured.survey.values(), key=lambda r: r.event_id))
        scores: dict[str, list[float]] = defaultdict(list)
        for response in responses:
            for question, score in response.scores.items():
                scores[question].append(score)
        everyone = {q: (sum(x) / len(x), len(x)) for q, x in scores.items()}
        return ClosingLive(words, survey_means(responses), len(responses),
                           dict(Counter(r.group for r in responses)), everyone,
                           responses)  # fmt: skip

    def report(self, block: Block, config: ClosingConfig, day: int,
               harvest: Harvest) -> NotesOutput | None:  # fmt: skip
        return notes_report(self, block, day, harvest)

    def layout(self, output: ModuleOutput, words: Words) -> list[e.Element]:
        return notes_elements(output, words)
