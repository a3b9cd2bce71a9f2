"""A saved state of the journal (the fold up to an event), so that opening it is O(1) in events.

A writer that closes the journal with many events folded since the last checkpoint saves the
derived state in the ``meta`` table (one row), tagged with the event id and uuid it stops at, the
schema version and the labkit version. Opening reads it back and folds only the events after
it. A checkpoint whose tags do not match (another labkit, another schema, an event id whose uuid
differs) or that cannot be read is ignored: the journal then folds every event, as without one.

The contributions (one view each, most of a large state) are pickled apart, one pickle per block,
and read only on first use (`JournalState.defer_contributions`): a writer that only appends, such
as `labkit note`, never unpickles them, so opening stays O(1) in their number, and the live app's
first screen (a café) unpickles its own block's only; if they cannot be read then, they are folded
again from the events the checkpoint stood for (`refold`).

The events' uuids (`JournalState.known`, asked about by an undo only) are pickled apart too,
and read on first need (from the events table should their pickle prove unreadable then); the
identifiers ever created are saved compact (`labkit.store.journal.keys`).

The state is pickled, and unpickled with an allow-list of classes (the state's own views,
containers and dates): a journal from a shared drive cannot make the loader call anything else.
"""

from __future__ import annotations

import base64
import builtins
import collections
import contextlib
import copy
import datetime
import io
import pickle
import sqlite3
import zlib
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

from labkit import __version__
from labkit.store.journal import schema
from labkit.store.journal.keys import IdSet, KnownEvents
from labkit.store.journal.state import JournalState

KEY = "state_checkpoint"
EVERY = 500
"""A writer saves a checkpoint on close when at least this many events were folded since."""
FORMAT = 5
"""Bumped when what is pickled changes shape (4: the views are plain dataclasses, no slots; 5: and
the identifiers are bitmaps with the uuids pickled apart)."""

_ALLOWED: dict[str, set[str] | None] = {
    "builtins": {"dict", "int", "set", "frozenset", "list", "tuple", "str", "float", "bool"},
    "collections": {"defaultdict", "OrderedDict"},
    "datetime": {"date", "datetime", "time", "timedelta", "timezone"},
    "copyreg": {"_reconstructor"},
    "labkit.model.views": None,  # every class of the views module
    "labkit.store.journal.state": {"JournalState"},
    "labkit.store.journal.keys": {"IdSet", "KnownEvents"},
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
    connection: sqlite3.Connection,
    refold: Callable[[int], dict[str, Any]],
    known: Callable[[int], dict[str, int]],
    lock: AbstractContextManager[Any] | None = None,
) -> JournalState | None:
    """The saved state if there is a valid one for this journal and this labkit, else None.

    Its contributions are read on first use, one block at a time or all at once, under `lock`
    (the journal's: not while another thread writes); `refold(last_id)` gives them from the
    events up to `last_id` should a pickle of theirs prove unreadable then. The uuids of the
    events it stands for are read on first need too (`KnownEvents`), from the journal's table
    by `known(last_id)` (uuid → id) should their pickle prove unreadable then.
    """
    try:
        row = connection.execute("SELECT value FROM meta WHERE key = ?", (KEY,)).fetchone()
        if row is None:
            return None
        tag, state_blob, index_blob, known_blob, *chunk_blobs = str(row[0]).split("\n")
        last_id = int(tag.split(":")[3])
        found = connection.execute("SELECT uuid FROM events WHERE id = ?", (last_id,)).fetchone()
        if found is None or tag != _tag(last_id, str(found[0])):
            return None
        state, ids = _decode(state_blob)
        blocks = _decode(index_blob)
    except (sqlite3.Error, *_BAD):
        return None
    if (not isinstance(state, JournalState) or state.last_event_id != last_id
            or not isinstance(ids, list) or not isinstance(blocks, list)
            or not isinstance(state.ids, IdSet)
            or len(blocks) != len(chunk_blobs)):  # fmt: skip
        return None
    reader = _Chunks(dict(zip(blocks, chunk_blobs, strict=True)), ids,
                     lambda: refold(last_id), lock or contextlib.nullcontext())
    state.defer_contributions(ids, reader.read_all, reader.read_block)
    guard = lock or contextlib.nullcontext()

    def stored() -> dict[str, int]:
        try:
            uuids, ids = _decode(known_blob)
            return dict(zip(uuids, ids, strict=True))
        except _BAD:
            with guard:
                return known(last_id)

    state.known = KnownEvents(stored)
    return state


class _Chunks:
    """A checkpoint's contributions, one pickle per block, unpickled when first asked for."""

    def __init__(
        self,
        blobs: dict[str | None, str],
        ids: list[str],
        refold: Callable[[], dict[str, Any]],
        lock: AbstractContextManager[Any],
    ) -> None:
        self._blobs = blobs
        self._ids = ids
        self._refold = refold
        self._lock = lock
        self._read: dict[str | None, dict[str, Any]] = {}
        self._whole: dict[str, Any] | None = None
        """Every contribution folded again, once a pickle proved unreadable."""

    def read_block(self, block_id: str | None) -> dict[str, Any]:
        """contribution id -> view, of `block_id`'s contributions in the checkpoint."""
        with self._lock:
            found = self._read.get(block_id)
            if found is None:
                found = self._read[block_id] = self._unpickle(block_id)
            return found

    def _unpickle(self, block_id: str | None) -> dict[str, Any]:
        if self._whole is None:
            blob = self._blobs.get(block_id)
            try:
                views = _decode(blob) if blob is not None else {}
            except _BAD:
                views = None
            if isinstance(views, dict):
                return views
            self._whole = self._refold()
        return {c: view for c, view in self._whole.items() if view.block_id == block_id}

    def read_all(self) -> dict[str, Any]:
        """Every contribution of the checkpoint, in recording order."""
        with self._lock:
            merged: dict[str, Any] = {}
            for block_id in self._blobs:
                merged.update(self.read_block(block_id))
            if self._whole is None and len(merged) == len(self._ids):
                try:
                    return {c: merged[c] for c in self._ids}
                except KeyError:
                    pass
            return self._whole if self._whole is not None else self._refold()


def save(connection: sqlite3.Connection, state: JournalState, last_uuid: str) -> None:
    """Store `state` (inside the caller's write transaction): the state without its
    contributions and their ids, the blocks, then each block's contributions, pickled apart."""
    views = state.contributions
    shell = copy.copy(state)
    shell.contributions = {}
    shell.known = KnownEvents()  # saved apart, read on first need (`load`)
    by_block: dict[str | None, dict[str, Any]] = {}
    for contribution_id, view in views.items():
        by_block.setdefault(view.block_id, {})[contribution_id] = view
    known = state.known.table()
    lines = [_tag(state.last_event_id, last_uuid), _encode((shell, list(views))),
             _encode(list(by_block)), _encode((list(known), list(known.values()))),
             *(_encode(chunk) for chunk in by_block.values())]  # fmt: skip
    connection.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                       (KEY, "\n".join(lines)))
