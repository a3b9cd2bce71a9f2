"""The one owner of the vote rules: which votes count for a vote block, the candidates, the
ranking with its near-ties, and which ideas are *kept* — for the live app, the restitution's vote
section and the café harvest alike, so that a session always names the same ideas as kept.

"Kept" means one thing: the room's decision at a vote (the selection recorded on the vote
screen, near-ties settled by the room), else the items ranked within the vote's top N with at
least one dot (all the items tied at the cut). A café
whose ideas go to a later vote keeps what that vote keeps; its own harvest selection is then the
*shortlist* put to the vote.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from labkit.model import Block, IdeaVoteConfig, Session
from labkit.model.ranking import RankedItem, rank_votes

if TYPE_CHECKING:
    from labkit.model import views as v

if TYPE_CHECKING:
    from labkit.methods.captured import Captured

NEAR_TIE = 1
"""Dots within which two ideas at the top-N cut are flagged as tied (the room decides)."""


def dots_by_item(captured: Captured) -> dict[str, int]:
    """item id -> every dot it received in the session, for the items that still exist."""
    totals: dict[str, int] = defaultdict(int)
    for vote in captured.votes.values():
        if captured.item_exists(vote.item_id):
            totals[vote.item_id] += vote.dots
    return dict(totals)


def budget(config: IdeaVoteConfig, options: int) -> int:
    """Dots each voter has: the vote's fixed budget, else about one dot per three options."""
    return config.dots_per_voter or max(1, -(-options // 3))


def first_vote_block(session: Session) -> str | None:
    """The first vote block: votes recorded without a block count for it."""
    return next((b.id for _, b in session.blocks() if b.method_type == "idea_vote"), None)


def block_votes(session: Session, block: Block, captured: Captured) -> list[v.Vote]:
    """The votes of a vote block (votes without a block belong to the first vote block)."""
    first = first_vote_block(session)
    return [
        x for x in captured.votes.values()
        if (x.block_id == block.id or (x.block_id is None and first == block.id))
        and captured.item_exists(x.item_id)
    ]  # fmt: skip


def tally(votes: Iterable[v.Vote], question: int | None = None, *,
          every_question: bool = False) -> dict[str, int]:  # fmt: skip
    """item id -> dots of the votes on `question` (or on every question)."""
    totals: dict[str, int] = defaultdict(int)
    for vote in votes:
        if every_question or vote.question == question:
            totals[vote.item_id] += vote.dots
    return dict(totals)


def source_question(session: Session, config: IdeaVoteConfig, question: int) -> int | None:
    """The source block's question that vote question `question` is about (the same text,
    else the same position when both list as many questions); None: every question."""
    source = session.block(config.source_block or "")
    questions = list(getattr(source.method, "questions", []) or []) if source else []
    if not config.questions or not questions:
        return None
    wanted = " ".join(config.questions[question - 1].split())
    for number, text in enumerate(questions, 1):
        if " ".join(text.split()) == wanted:
            return number
    return question if len(questions) == len(config.questions) else None


def candidates(
    session: Session, block: Block, config: IdeaVoteConfig, captured: Captured,
    question: int | None,
) -> list[str]:  # fmt: skip
    """The items voted on at vote question `question`: the shortlist of the source block (or all
    its ideas if none was made), then the ideas added during the vote."""
    items: list[str] = []
    source = config.source_block
    ideas_of = _ideas_by_block(captured)
    if source:
        wanted = source_question(session, config, question) if question else None
        shortlist = {k.question: k.item_ids for k in captured.kept_ideas() if k.block_id == source}
        ideas = ideas_of.get(source, [])
        numbers = sorted({c.question or 0 for c in ideas} | {q or 0 for q in shortlist})
        for number in numbers if wanted is None else [wanted]:
            key = number or None
            if shortlist.get(key):
                items += list(shortlist[key])
            else:
                items += [c.contribution_id for c in ideas if c.question == key]
    items += [c.contribution_id for c in ideas_of.get(block.id, [])]
    return list(dict.fromkeys(i for i in items if captured.item_exists(i)))


def whole_ballot(
    session: Session, config: IdeaVoteConfig, captured: Captured, question: int | None,
    items: Sequence[str], totals: Mapping[str, int],
) -> list[str]:  # fmt: skip
    """Every idea of the source block's question when the room voted beyond its shortlist (dots
    on an idea of that question the shortlist left out: the whole list was on the ballot), so
    that an idea nobody gave a dot to still shows, with 0; else none."""
    source = config.source_block
    if not source:
        return []
    wanted = source_question(session, config, question) if question else None
    ideas = [c.contribution_id for c in _ideas_by_block(captured).get(source, [])
             if wanted is None or c.question == wanted]  # fmt: skip
    shortlisted = {i for k in captured.kept_ideas() if k.block_id == source for i in k.item_ids}
    if not any(totals.get(i) and i not in shortlisted for i in ideas):
        return []
    return [i for i in ideas if i not in items and captured.item_exists(i)]


def _ideas_by_block(captured: Captured) -> dict[str | None, list[v.Contribution]]:
    found: dict[str | None, list[v.Contribution]] = defaultdict(list)
    for contribution in sorted(captured.contributions.values(), key=lambda c: c.event_id):
        if contribution.kind == "idea":
            found[contribution.block_id].append(contribution)
    return found


def ranking(items: Sequence[str], totals: Mapping[str, int], top_n: int) -> list[RankedItem]:
    """Items by dots, the top N marked, ties and near-ties at the cut flagged."""
    return rank_votes(items, totals, top_n, NEAR_TIE)


def recorded_selection(captured: Captured, block_id: str, question: int | None) -> tuple[str, ...]:
    """The kept ideas recorded for a block's question (empty when none was recorded)."""
    for kept in captured.kept_ideas():
        if kept.block_id == block_id and kept.question == question:
            return kept.item_ids
    return ()


def top_items(ranked: Sequence[RankedItem], top_n: int) -> tuple[str, ...]:
    """The items ranked within the top N with at least one dot (items tied at the cut all are:
    the room settles a tie, the count never does)."""
    return tuple(r.item_id for r in ranked if r.rank <= top_n and r.dots > 0)


def kept_at_vote(
    captured: Captured, block_id: str, question: int | None, ranked: Sequence[RankedItem],
    top_n: int,
) -> tuple[str, ...]:  # fmt: skip
    """The ideas a vote question keeps: the room's recorded decision, else `top_items`."""
    chosen = recorded_selection(captured, block_id, question)
    if chosen:
        return chosen
    return top_items(ranked, top_n)


@dataclass(frozen=True)
class QuestionTally:
    """One vote question: the items ranked (candidates first, then any other item voted for),
    their dots, the ranking and what the question keeps."""

    items: tuple[str, ...]
    totals: dict[str, int]
    ranking: tuple[RankedItem, ...]
    kept: tuple[str, ...]
    recorded: tuple[str, ...]


def question_tally(
    session: Session, block: Block, captured: Captured, votes: Sequence[v.Vote],
    question: int | None,
) -> QuestionTally:  # fmt: skip
    """The tally of vote question `question` of `block` (votes from `block_votes`)."""
    config = block.method
    assert isinstance(config, IdeaVoteConfig), block.id
    items = candidates(session, block, config, captured, question)
    totals = tally(votes, question)
    items += [i for i in totals if i not in items]
    items += [i for i in whole_ballot(session, config, captured, question, items, totals)
              if i not in items]  # fmt: skip
    ranked = ranking(items, totals, config.top_n)
    recorded = recorded_selection(captured, block.id, question)
    return QuestionTally(tuple(items), totals, tuple(ranked),
                         kept_at_vote(captured, block.id, question, ranked, config.top_n),
                         recorded)  # fmt: skip


def question_numbers(config: IdeaVoteConfig, votes: Iterable[v.Vote]) -> list[int | None]:
    """The vote's questions (None when it lists none), then any other question voted on."""
    numbers: list[int | None] = list(range(1, len(config.questions) + 1)) or [None]
    extra = {x.question for x in votes} - set(numbers)
    return numbers + sorted(extra, key=lambda n: (n is None, n or 0))


def vote_outcome(
    session: Session, block: Block, captured: Captured
) -> dict[int | None, tuple[str, ...]]:
    """question number -> the ideas the vote block keeps (see `kept_at_vote`)."""
    config = block.method
    assert isinstance(config, IdeaVoteConfig), block.id
    votes = block_votes(session, block, captured)
    return {n: question_tally(session, block, captured, votes, n).kept
            for n in question_numbers(config, votes)}  # fmt: skip


def voted_after(session: Session, cafe: Block) -> Block | None:
    """The vote block whose candidates come from `cafe`, if any."""
    for _, block in session.blocks():
        if isinstance(block.method, IdeaVoteConfig) and block.method.source_block == cafe.id:
            return block
    return None


@dataclass(frozen=True)
class VoteDecision:
    """What a later vote decided about a source block's ideas (see `decision_for_source`)."""

    vote: Block
    kept: dict[int | None, tuple[str, ...]]
    """source question -> the vote's kept items placed on that question, in the vote's order."""
    ballot: frozenset[str] = frozenset()
    """Every item the vote's tables list (kept or not, 0 dots included)."""

    def on(self, question: int | None) -> tuple[str, ...]:
        """The kept items of the source's question `question`."""
        return self.kept.get(question, ())


def decision_for_source(
    session: Session, source: Block, captured: Captured
) -> VoteDecision | None:
    """The kept ideas of a source block when a later vote decides them (the vote's kept items,
    placed on the source's questions), else None (the source's own selection stands)."""
    vote = voted_after(session, source)
    if vote is None:
        return None
    config = vote.method
    assert isinstance(config, IdeaVoteConfig), vote.id
    votes = block_votes(session, vote, captured)
    numbers = question_numbers(config, votes)
    tallies = [question_tally(session, vote, captured, votes, n) for n in numbers]
    if not any(x.kept for x in tallies):
        return None
    kept: dict[int | None, list[str]] = defaultdict(list)
    for found in tallies:
        for item in found.kept:
            kept[_question_of(captured, item)].append(item)
    shown = {x.question for x in votes}  # the vote's report has a table per question voted on
    ballot = frozenset(i for n, found in zip(numbers, tallies, strict=True) if n in shown
                       for i in found.items)  # fmt: skip
    return VoteDecision(vote, {q: tuple(dict.fromkeys(x)) for q, x in kept.items()}, ballot)


def _question_of(captured: Captured, item_id: str) -> int | None:
    contribution = captured.contributions.get(item_id)
    if contribution is not None:
        return contribution.question
    cluster = captured.clusters.get(item_id)
    return cluster.question if cluster is not None else None
