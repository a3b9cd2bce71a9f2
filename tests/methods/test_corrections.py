"""Corrections of earlier entries: the events `labkit.methods.corrections` builds, folded by the
real journal (nothing erased, the corrected state everywhere, an undo restores)."""

from __future__ import annotations

from pathlib import Path

import pytest

from labkit.methods import corrections
from labkit.methods.voting import dots_by_item
from labkit.model import events as ev
from labkit.store.journal import Journal


@pytest.fixture
def journal(tmp_path: Path):
    with Journal.open(tmp_path / "journal.db", device="test") as opened:
        yield opened


def uuid_of(journal: Journal):
    return lambda event_id: journal.get(event_id).uuid


def test_an_edited_contribution_keeps_its_place_and_its_history(journal: Journal) -> None:
    first = journal.add_contribution("Un guichet unqiue", kind="idea", table=2)
    journal.add_contribution("Autre", kind="idea")
    entry = corrections.find(journal.state(), "contribution", first)
    assert entry is not None and entry.text == "Un guichet unqiue"
    events = corrections.edited(journal.state(), entry, "Un guichet unique", uuid_of(journal))
    journal.record_many(events)
    state = journal.state()
    edited = state.contributions[first]
    assert (edited.text, edited.table, edited.edited_at is not None) == (
        "Un guichet unique", 2, True)
    assert [c.contribution_id for c in state.of_block(None)] == [first, "c2"]
    assert [e.type for e in journal.events()][-1] == "contribution.edited"
    assert corrections.edited(state, corrections.find(state, "contribution", first),
                              " Un  guichet unique ", uuid_of(journal)) == []


def test_a_deleted_contribution_is_gone_and_an_undo_brings_it_back(journal: Journal) -> None:
    idea = journal.add_contribution("Doublon", kind="idea")
    entry = corrections.find(journal.state(), "contribution", idea)
    [deletion] = journal.record_many(corrections.deleted(entry, uuid_of(journal)))
    assert idea not in journal.state().contributions
    assert corrections.find(journal.state(), "contribution", idea) is None
    journal.undo(deletion.id)
    assert journal.state().contributions[idea].text == "Doublon"


def test_deleting_dots_is_an_undo_of_the_vote_and_the_tally_follows(journal: Journal) -> None:
    idea = journal.add_contribution("Idée", kind="idea")
    journal.vote(idea, dots=4)
    last = journal.vote(idea, dots=3)
    assert dots_by_item(journal.state())[idea] == 7
    entry = corrections.find(journal.state(), "vote", str(last.id))
    assert entry is not None and entry.text is None
    with pytest.raises(ValueError):
        corrections.edited(journal.state(), entry, "5", uuid_of(journal))
    [undo] = journal.record_many(corrections.deleted(entry, uuid_of(journal)))
    assert isinstance(undo.event, ev.EventUndone) and undo.event.reason == "deleted"
    assert dots_by_item(journal.state())[idea] == 4
    journal.undo(undo.id)  # undoing the deletion counts the dots again
    assert dots_by_item(journal.state())[idea] == 7


def test_a_closing_word_is_corrected_in_one_transaction(journal: Journal) -> None:
    journal.record({"type": "closing.word_added", "text": "Confainace", "block_id": "fin"})
    state = journal.state()
    entry = corrections.find(state, "closing_word", "w1")
    events = corrections.edited(state, entry, "Confiance", uuid_of(journal))
    written = journal.record_many(events)
    words = journal.state().closing_words
    assert [(w.text, w.block_id) for w in words.values()] == [("Confiance", "fin")]
    for record in reversed(written):  # undoing both restores the word as it was
        journal.undo(record.id)
    assert [w.text for w in journal.state().closing_words.values()] == ["Confainace"]


def test_a_commitment_is_edited_and_deleted_by_its_own_events(journal: Journal) -> None:
    journal.record({"type": "commitment.added", "what": "Ouvrir le samedi"})
    entry = corrections.find(journal.state(), "commitment", "e1")
    journal.record_many(corrections.edited(journal.state(), entry, "Ouvrir le samedi matin",
                                           uuid_of(journal)))
    assert journal.state().commitments["e1"].what == "Ouvrir le samedi matin"
    journal.record_many(corrections.deleted(entry, uuid_of(journal)))
    assert journal.state().commitments == {}
    assert [e.type for e in journal.events()][-1] == "commitment.deleted"
