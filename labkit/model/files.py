"""The names of what labkit keeps in a session folder, in one place: the store opens these
files, and journal events refer to attachments by a path under `ATTACHMENTS_DIR`."""

from __future__ import annotations

SESSION_FILE = "session.yaml"
"""The plan, hand-editable."""
JOURNAL_FILE = "journal.db"
"""The SQLite capture journal."""
ATTACHMENTS_DIR = "attachments"
"""Copied photos of flipcharts and tablecloths."""
ROTATIONS_DIR = "rotations"
"""Saved seating plans, one JSON file per block (`labkit.store.seating`)."""
