"""The live capture journal: one append-only SQLite event log per session (``journal.db``).

Nothing said in a session is lost: every action (a block started, an idea noted, a vote, a
commitment, an undo) is a typed, validated event written durably; the current state is derived
from the events. Entry point: `Journal` (see `labkit.store.journal.journal`).
"""

from __future__ import annotations

from labkit.model.events import MODELS, EventModel
from labkit.model.views import RecordedEvent
from labkit.store.journal.journal import Job, Journal, Prepared
from labkit.store.journal.schema import SCHEMA_VERSION
from labkit.store.journal.state import JournalState, derive

__all__ = [
    "MODELS",
    "SCHEMA_VERSION",
    "EventModel",
    "Job",
    "Journal",
    "JournalState",
    "Prepared",
    "RecordedEvent",
    "derive",
]
