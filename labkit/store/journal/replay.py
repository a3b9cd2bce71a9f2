"""Replay helpers: which events an undo cancelled, and a garbage-collector pause for bulk folds."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator, Sequence

from labkit.model.events import EventUndone
from labkit.model.views import RecordedEvent


def cancelled_uuids(events: Sequence[RecordedEvent]) -> set[str]:
    """The uuids of the events cancelled by an effective `event.undone` (undo of undo redoes)."""
    cancelled: set[str] = set()
    for record in reversed(events):
        if isinstance(record.event, EventUndone) and record.uuid not in cancelled:
            cancelled.add(record.event.target)
    return cancelled


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector: building thousands of small objects (none of them in
    a cycle) otherwise triggers full collections that cost more than the work itself."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
