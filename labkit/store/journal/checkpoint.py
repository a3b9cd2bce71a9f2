"""A saved state of the journal (the fold up to an event), so that opening it is O(1) in events.

A writer that closes the journal with many events folded since the last checkpoint saves the
derived state in the ``meta`` table (one row), tagged with the event id and uuid it stops at, the
schema version and the labkit version. Opening reads it back and folds only the events after
it. A checkpoint whose tags do not match (another labkit, another schema, an event id whose uuid
differs) or that cannot be read is ignored: the journal then folds every event, as without one.

The contributions (one view each, most of a large state) are pickled apart and read only on first
use (`JournalState.defer_contributions`): a writer that only appends, such as `labkit note`, never
unpickles them, so opening stays O(1) in their number; if they cannot be read then, they are folded
again from the events the checkpoint stood for (`refold`).

The state is pickled, and unpickled with an allow-list of classes (the state's own views,
containers and dates): a journal from a shared drive cannot make the loader call anything else.
"""

from __future__ import annotations

import base64
import builtins
import collections
import copy
import datetime
import io
import pickle
import sqlite3
import zlib
from collections.abc import Callable
from typing import Any

from labkit import __version__
from labkit.store.journal import schema
from labkit.store.journal.state import JournalState

KEY = "state_checkpoint"
EVERY = 500
"""A writer saves a checkpoint on close when at least this many events were folded since."""
FORMAT = 2

_ALLOWED: dict[str, set[str] | None] = {
    "builtins": {"dict", "int", "set", "frozenset", "list", "tuple", "str", "float", "bool"},
    "collections": {"defaultdict", "OrderedDict"},
    "datetime": {"date", "datetime", "time", "timedelta", "timezone"},
    "copyreg": {"_reconstructor"},
    "labkit.model.views": None,  # every class of the views module
    "labkit.store.journal.state": {"JournalState"},
}
_MODULES = {"builtins": builtins, "collections": collections, "datetime": datetime}


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        allowed = _ALLOWED.get(module, set())
        if module in _ALLOWED and (allowed is None or name in allowed):
            found = super().find_class(module, name)
            if isinstance(found, type) or module == "copyreg":
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a checkpoint")


def _tag(last_id: int, last_uuid: str) -> str:
    return f"{FORMAT}:{schema.SCHEMA_VERSION}:{__version__}:{last_id}:{last_uuid}"


_BAD = (ValueError, IndexError, zlib.error, pickle.UnpicklingError, EOFError, TypeError,
        AttributeError)  # fmt: skip
"""What reading a damaged or forged pickle raises."""


def _encode(value: object) -> str:
    return base64.b64encode(zlib.compress(pickle.dumps(value, protocol=5), 1)).decode("ascii")


def _decode(blob: str) -> Any:
    return _Unpickler(io.BytesIO(zlib.decompress(base64.b64decode(blob)))).load()


def load(
    connection: sqlite3.Connection, refold: Callable[[int], dict[str, Any]]
) -> JournalState | None:
    """The saved state if there is a valid one for this journal and this labkit, else None.

    Its contributions are read on first use; `refold(last_id)` gives them from the events up
    to `last_id` should their pickle prove unreadable then.
    """
    try:
        row = connection.execute("SELECT value FROM meta WHERE key = ?", (KEY,)).fetchone()
        if row is None:
            return None
        tag, state_blob, views_blob = str(row[0]).split("\n")
        last_id = int(tag.split(":")[3])
        found = connection.execute("SELECT uuid FROM events WHERE id = ?", (last_id,)).fetchone()
        if found is None or tag != _tag(last_id, str(found[0])):
            return None
        state, ids = _decode(state_blob)
    except (sqlite3.Error, *_BAD):
        return None
    if (not isinstance(state, JournalState) or state.last_event_id != last_id
            or not isinstance(ids, list)):  # fmt: skip
        return None

    def read_views() -> dict[str, Any]:
        try:
            views = _decode(views_blob)
        except _BAD:
            views = None
        if not isinstance(views, dict) or list(views) != ids:
            return refold(last_id)
        return views

    state.defer_contributions(ids, read_views)
    return state


def save(connection: sqlite3.Connection, state: JournalState, last_uuid: str) -> None:
    """Store `state` (inside the caller's write transaction): the state without its
    contributions and their ids, then the contributions, each pickled apart."""
    views = state.contributions
    shell = copy.copy(state)
    shell.contributions = {}
    value = f"{_tag(state.last_event_id, last_uuid)}\n{_encode((shell, list(views)))}\n" + _encode(
        views
    )
    connection.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (KEY, value))
