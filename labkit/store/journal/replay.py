"""Replay helpers: which events an undo cancelled, and a garbage-collector pause for bulk folds."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from labkit.model.views import RecordedEvent

if TYPE_CHECKING:
    from labkit.model.events import EventUndone


def cancelled_uuids(events: Sequence[RecordedEvent]) -> set[str]:
    """The uuids of the events cancelled by an effective `event.undone` (undo of undo redoes)."""
    cancelled: set[str] = set()
    for record in reversed(events):
        if record.type == "event.undone" and record.uuid not in cancelled:
            undo: EventUndone = record.event  # type: ignore[assignment]  # its type says so
            cancelled.add(undo.target)
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
