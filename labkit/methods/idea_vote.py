"""Idea vote: dot voting on the ideas of a source block (a café, say); the top N per question are
kept, near-ties flagged for the room to decide. The rules are `labkit.methods.voting`'s."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from labkit.document.text import clean
from labkit.methods import voting
from labkit.methods.captured import Captured, Harvest
from labkit.methods.outputs import Item, ModuleOutput
from labkit.methods.spec import CheckContext, MethodSpec, ParticipantInput, TimedPart
from labkit.methods.vote_teams import team_key
from labkit.model import Block, IdeaVoteConfig, Session
from labkit.model import events as ev
from labkit.model.validation import Problem, error

if TYPE_CHECKING:
    from labkit.document import elements as e
    from labkit.document.wording import Words

BARS_PER_CHART = 12


@dataclass(frozen=True)
class RankedItem:
    rank: int
    item: Item
    dots: int
    kept: bool
    tied: bool
    """Shares its number of dots with another item (near-ties are decided in the room)."""


@dataclass(frozen=True)
class VoteQuestion:
    number: int | None
    text: str | None
    ranking: tuple[RankedItem, ...]
    total_dots: int
    voters: int
    teams: bool = False
    """The voters are teams (a team vote): counted as "4 équipes", not "4 votants"."""


@dataclass(frozen=True)
class VoteOutput(ModuleOutput):
    questions: tuple[VoteQuestion, ...] = ()
    top_n: int = 3


class IdeaVote(MethodSpec[IdeaVoteConfig]):
    tag = "idea_vote"
    config_type = IdeaVoteConfig
    events = ("vote.cast", "ideas.kept", "contribution.added")
    contributions = (ParticipantInput("vote", "vote.cast", ("question",)),)

    def parts(self, config: IdeaVoteConfig) -> tuple[TimedPart, ...]:
        return ()

    @staticmethod
    def vote(
        block: Block, item_id: str, dots: int, *, question: int | None,
        team: str | None = None, participant_id: str | None = None,
    ) -> ev.VoteCast:  # fmt: skip
        """Dots given to an idea (by a team, a participant or the room)."""
        return ev.VoteCast(block_id=block.id, item_id=item_id, dots=dots, question=question,
                           team=team, participant_id=participant_id)  # fmt: skip

    @staticmethod
    def idea(block: Block, text: str) -> ev.ContributionAdded:
        """An idea proposed during the vote (it becomes a candidate)."""
        return ev.ContributionAdded(block_id=block.id, text=text, kind="idea")

    @staticmethod
    def kept(block: Block, question: int | None, item_ids: list[str]) -> ev.IdeasKept:
        """The room's decision: the ideas a vote question keeps."""
        return ev.IdeasKept(block_id=block.id, question=question, item_ids=item_ids)

    def check(self, context: CheckContext, config: IdeaVoteConfig) -> Iterator[Problem]:
        if config.source_block and config.source_block not in context.known_blocks:
            yield error("unknown_block", (*context.path, "source_block"), id=config.source_block)

    def live(self, session: Session, block: Block, config: IdeaVoteConfig,
             captured: Captured) -> dict[int | None, voting.QuestionTally]:  # fmt: skip
        """question number -> its live tally (one entry, None, when the vote lists none)."""
        votes = voting.block_votes(session, block, captured)
        return {n: voting.question_tally(session, block, captured, votes, n)
                for n in voting.question_numbers(config, votes)}  # fmt: skip

    def report(self, block: Block, config: IdeaVoteConfig, day: int,
               harvest: Harvest) -> VoteOutput | None:  # fmt: skip
        session, captured = harvest.session, harvest.captured
        votes = voting.block_votes(session, block, captured)
        if not votes:
            return None
        questions = []
        for number in sorted({x.question for x in votes}, key=lambda n: (n is None, n or 0)):
            chosen = [x for x in votes if x.question == number]
            found = voting.question_tally(session, block, captured, votes, number)
            voters = {x.participant_id or f"team:{team_key(x.team or '')}" for x in chosen
                      if x.participant_id or x.team}  # fmt: skip
            text = None
            if number is not None and number <= len(config.questions):
                text = clean(config.questions[number - 1])
            elif number is None and len(config.questions) == 1:
                text = clean(config.questions[0])
            ranking = []
            for entry in found.ranking:
                item = harvest.item(entry.item_id)
                if item is not None:
                    ranking.append(RankedItem(entry.rank, item, entry.dots,
                                              entry.item_id in found.kept, entry.tied))  # fmt: skip
            teams = bool(voters) and all(v.startswith("team:") for v in voters)
            questions.append(VoteQuestion(number, text, tuple(ranking), sum(found.totals.values()),
                                          len(voters), teams))  # fmt: skip
        return VoteOutput(block.id, clean(block.title), self.tag, day,
                          questions=tuple(questions), top_n=config.top_n)  # fmt: skip

    def layout(self, output: ModuleOutput, words: Words) -> list[e.Element]:
        from labkit.document import elements as e
        from labkit.document.chart_labels import figure

        assert isinstance(output, VoteOutput)
        out: list[e.Element] = [e.Paragraph(words.count("vote.intro", output.top_n),
                                            keep_with_next=True)]  # fmt: skip
        for question in output.questions:
            if question.text and len(output.questions) > 1:
                out.append(e.Heading(3, question.text))
            elif question.text:
                out.append(e.Paragraph(question.text, "quote"))
            out.append(e.Paragraph(
                f"{words.count('dots', question.total_dots)} · "
                f"{words.count('teams' if question.teams else 'voters', question.voters)}",
                "note",
            ))  # fmt: skip
            rows, bold = [], set()
            for index, ranked in enumerate(question.ranking):
                rank = f"{ranked.rank}{'=' if ranked.tied else ''}"
                text = ranked.item.text
                if ranked.item.members:
                    text += "\n" + "\n".join(f"• {m}" for m in ranked.item.members)
                rows.append((rank, text, str(ranked.dots), words("yes") if ranked.kept else ""))
                if ranked.kept:
                    bold.add(index)
            out.append(e.Table(
                (words("col.rank"), words("col.idea"), words("col.dots"), words("col.kept")),
                tuple(rows), (0.8, 6, 1.2, 1.2), align=("r", "l", "r", "c"),
                emphasis=frozenset(bold), compact=len(rows) > 20,
            ))  # fmt: skip
            shown = question.ranking[:BARS_PER_CHART]
            if len(shown) > 1:
                chart = e.Chart(
                    "hbar", words("chart.votes"), tuple(r.item.text for r in shown),
                    (e.Series(words("col.dots"), tuple(float(r.dots) for r in shown)),),
                    value_min=0,
                    category_colours=tuple("#2E6F9E" if r.kept else "#A9BCD0" for r in shown),
                    value_axis=words("col.dots"),
                )  # fmt: skip
                out.append(figure(chart, words, words("chart.votes")))
        return out
