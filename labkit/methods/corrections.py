"""Correcting an earlier entry: the journal events that edit or delete it.

Nothing is ever erased from the journal. An entry whose event type has its own correction
(a contribution, a commitment, a journey step) is edited by its ``*.edited`` event and deleted by
its ``*.deleted`` event; the others (dots, closing words, questionnaires) are deleted by an
``event.undone`` of the event that recorded them, and a closing word is edited by that undo
plus the corrected word, in one transaction. Every fold (`JournalState`) reads them, so the live
screens, the report and the exports all show the corrected state, and an undo of a correction
restores the entry as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from labkit.methods.captured import Captured
from labkit.model import events as ev

EntryKind = Literal["contribution", "vote", "commitment", "closing_word", "survey"]


@dataclass(frozen=True)
class Entry:
    """One entry of a live list: what it is, its id and the event that recorded it."""

    kind: EntryKind
    entry_id: str
    """The entry's identifier (``c12``, ``e3``…; a vote's is its event number)."""
    text: str | None
    """Its editable text (None: the entry cannot be edited, only deleted)."""
    event_id: int


def find(captured: Captured, kind: EntryKind, entry_id: str) -> Entry | None:
    """The entry `entry_id` of `kind` as it stands now (None when it is gone)."""
    if kind == "contribution":
        found = captured.contributions.get(entry_id)
        return Entry(kind, entry_id, found.text, found.event_id) if found else None
    if kind == "commitment":
        commitment = captured.commitments.get(entry_id)
        return Entry(kind, entry_id, commitment.what, commitment.event_id) if commitment else None
    if kind == "closing_word":
        word = captured.closing_words.get(entry_id)
        return Entry(kind, entry_id, word.text or word.image, word.event_id) if word else None
    if kind == "survey":
        response = captured.survey.get(entry_id)
        return Entry(kind, entry_id, None, response.event_id) if response else None
    vote = captured.votes.get(int(entry_id)) if entry_id.isdigit() else None
    return Entry(kind, entry_id, None, vote.event_id) if vote else None


def edited(captured: Captured, entry: Entry, text: str,
           uuid_of: Callable[[int], str]) -> list[ev.EventModel]:  # fmt: skip
    """The events that give `entry` the text `text` (empty when nothing changes).

    `uuid_of` gives the uuid of a journal event from its number (an undo targets a uuid).
    Raises ValueError for an entry that has no text to edit (dots, a questionnaire).
    """
    if entry.text is None:
        raise ValueError(f"{entry.kind} {entry.entry_id} has no text to edit")
    if " ".join(text.split()) == " ".join(entry.text.split()):
        return []
    if entry.kind == "contribution":
        return [ev.ContributionEdited(contribution_id=entry.entry_id, text=text)]
    if entry.kind == "commitment":
        return [ev.CommitmentEdited(commitment_id=entry.entry_id, what=text)]
    word = captured.closing_words[entry.entry_id]
    picture = word.text is None
    return [
        ev.EventUndone(target=uuid_of(entry.event_id), reason="edited"),
        ev.ClosingWordAdded(text=None if picture else text, image=text if picture else None,
                            participant_id=word.participant_id, block_id=word.block_id),
    ]  # fmt: skip


def deleted(entry: Entry, uuid_of: Callable[[int], str]) -> list[ev.EventModel]:
    """The event that deletes `entry` (the journal keeps both)."""
    if entry.kind == "contribution":
        return [ev.ContributionDeleted(contribution_id=entry.entry_id)]
    if entry.kind == "commitment":
        return [ev.CommitmentDeleted(commitment_id=entry.entry_id)]
    return [ev.EventUndone(target=uuid_of(entry.event_id), reason="deleted")]
