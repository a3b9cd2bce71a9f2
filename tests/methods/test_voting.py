"""One rule for "kept": the live vote screen, the report's vote section and the café harvest name
the same ideas on every bundled example."""

from __future__ import annotations

import pytest

from labkit.methods import voting
from labkit.methods.idea_vote import IdeaVote, VoteOutput
from labkit.methods.world_cafe import CafeOutput
from labkit.report import build_report
from labkit.resources import data_dir
from labkit.store.journal import Journal
from labkit.store.journal.captured import captured_state
from labkit.store.session_folder import open_session

EXAMPLES = ("garde-enfants-parents", "cooperation-territoriale", "atelier-collaboratif")


@pytest.mark.parametrize("name", EXAMPLES)
def test_live_vote_and_report_keep_the_same_ideas(name: str) -> None:
    folder = open_session(data_dir("examples") / name)
    state = captured_state(folder.root)
    assert state is not None
    report = build_report(folder.session, state)
    votes = [o for o in report.outputs if isinstance(o, VoteOutput)]
    assert votes
    for output in votes:
        block = folder.session.block(output.block_id)
        assert block is not None
        live = IdeaVote().live(folder.session, block, block.method, state)
        for question in output.questions:
            reported = [r.item.item_id for r in question.ranking if r.kept]
            assert reported, (name, question.number)
            assert list(live[question.number].kept) == reported
            # The live screen lists the same ranking (candidates with 0 dots included).
            assert [r.item_id for r in live[question.number].ranking] == \
                [r.item.item_id for r in question.ranking]  # fmt: skip


@pytest.mark.parametrize("name", EXAMPLES)
def test_a_cafe_voted_on_later_keeps_what_the_vote_keeps(name: str) -> None:
    folder = open_session(data_dir("examples") / name)
    state = captured_state(folder.root)
    assert state is not None
    report = build_report(folder.session, state)
    for output in (o for o in report.outputs if isinstance(o, CafeOutput)):
        cafe = folder.session.block(output.block_id)
        assert cafe is not None
        vote = voting.voted_after(folder.session, cafe)
        if vote is None:
            continue
        decided = {i for items in voting.vote_outcome(folder.session, vote, state).values()
                   for i in items}  # fmt: skip
        kept_in_cafe = {i.item_id for q in output.questions for i in q.kept}
        assert kept_in_cafe == decided


def test_the_rooms_decision_overrides_the_top_n(tmp_path) -> None:  # noqa: ANN001
    """A near-tie settled by the room (ideas kept recorded on the vote screen) is what both the
    live app and the report call kept."""
    folder = open_session(data_dir("examples") / "atelier-collaboratif")
    state = captured_state(folder.root)
    assert state is not None
    vote = next(b for _, b in folder.session.blocks() if b.method_type == "idea_vote")
    live = IdeaVote().live(folder.session, vote, vote.method, state)
    number, tally = next((n, x) for n, x in live.items() if len(x.ranking) > 2)
    outsider = tally.ranking[-1].item_id
    journal = Journal.open(tmp_path / "journal.db")
    try:
        for record in journal_events(folder):
            journal.record(record)
        journal.record(IdeaVote.kept(vote, number, [outsider]))
        after = journal.state()
    finally:
        journal.close()
    assert IdeaVote().live(folder.session, vote, vote.method, after)[number].kept == (outsider,)
    report = build_report(folder.session, after)
    output = next(o for o in report.outputs if isinstance(o, VoteOutput))
    question = next(q for q in output.questions if q.number == number)
    assert [r.item.item_id for r in question.ranking if r.kept] == [outsider]


def journal_events(folder):  # noqa: ANN001, ANN201
    """The example's captured events, as the journal would record them again."""
    from labkit.store.journal.captured import captured_path, read_captured

    return [r.event for r in read_captured(captured_path(folder.root))]
