"""What methods that capture free notes share: the notes of a block, live and in the report."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from labkit.methods.captured import Captured
from labkit.model import Block

if TYPE_CHECKING:
    from labkit.model import views as v


@dataclass(frozen=True)
class NotesLive:
    """A block's notes as the live app lists them, in recording order."""

    notes: tuple[v.Contribution, ...]

    def where(self, **placement: object) -> tuple[v.Contribution, ...]:
        """The notes placed so (e.g. ``territory="42"``, ``table=3``)."""
        return tuple(n for n in self.notes
                     if all(getattr(n, k) == value for k, value in placement.items()))  # fmt: skip

    def counts(self, by: str) -> dict[object, int]:
        """How many notes each place holds (e.g. ``by="territory"``; notes without one left
        out)."""
        return dict(Counter(getattr(n, by) for n in self.notes if getattr(n, by)))


def block_notes(block: Block, captured: Captured, kinds: Iterable[str] | None = None) -> NotesLive:
    """The contributions recorded for `block` (of `kinds`, if given), in recording order."""
    wanted = set(kinds) if kinds is not None else None
    notes = [c for c in captured.of_block(block.id) if wanted is None or c.kind in wanted]
    return NotesLive(tuple(notes))
