"""The journal's SQL schema, its version, and the migrations that bring an older journal up to date.

The schema version lives in ``PRAGMA user_version`` and the file is marked as a labkit journal by
``PRAGMA application_id``. `MIGRATIONS[v]` holds the statements that take a journal from version
``v - 1`` to ``v``; version 1 creates everything. A journal whose version is above
`SCHEMA_VERSION` was written by a newer labkit and is refused (never modified).
"""

from __future__ import annotations

SCHEMA_VERSION = 1
"""The schema version this labkit writes."""

APPLICATION_ID = 0x4C424A4E
"""``PRAGMA application_id`` of a labkit journal ("LBJN")."""

MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        """
        CREATE TABLE events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            uuid TEXT NOT NULL UNIQUE,
            ts TEXT NOT NULL,
            device TEXT NOT NULL,
            recorder TEXT,
            type TEXT NOT NULL,
            payload TEXT NOT NULL CHECK (json_valid(payload))
        )
        """,
        """
        CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'journal events are append-only'); END
        """,
        """
        CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'journal events are append-only'); END
        """,
        """
        CREATE TABLE meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )
        """,
    ),
}
"""version -> statements taking a journal from version - 1 to version."""

INSERT_EVENT = (
    "INSERT INTO events (uuid, ts, device, recorder, type, payload) VALUES (?, ?, ?, ?, ?, ?)"
)
INSERT_EVENT_WITH_ID = (
    "INSERT INTO events (id, uuid, ts, device, recorder, type, payload) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)"
)
"""A group's insert (`Journal.record_each`): the ids given, the next ones under the write lock."""
SELECT_EVENTS = (
    "SELECT id, uuid, ts, device, recorder, type, payload FROM events WHERE id > ? ORDER BY id"
)
SELECT_UUIDS_UPTO = "SELECT uuid, id FROM events WHERE id <= ?"
SELECT_EVENTS_UPTO = (
    "SELECT id, uuid, ts, device, recorder, type, payload FROM events WHERE id <= ? ORDER BY id"
)
SELECT_EVENTS_BETWEEN_OF_TYPES = (
    "SELECT id, uuid, ts, device, recorder, type, payload FROM events "
    "WHERE id > ? AND id <= ? AND type IN ({types}) ORDER BY id"
)
"""Some types' events in an id range (`{types}`: one ``?`` per type)."""
