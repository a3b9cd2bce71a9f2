"""Every check of a session plan: the generic rules of `labkit.model.validation` and each
block's method rules, from its spec."""

from __future__ import annotations

from collections.abc import Iterator

from labkit.methods.registry import spec_for
from labkit.methods.spec import CheckContext
from labkit.model import Session
from labkit.model.validation import (
    Level,
    Path,
    Problem,
    check_days,
    check_people,
    check_phase_order,
    duplicates,
    error,
)


def check_session(session: Session) -> list[Problem]:
    """Every error and warning of the plan, errors first, each group in file order.

    Never raises: each problem carries the path of the field at fault (the same form as
    pydantic's `loc`, so that the store can add the file's line number)."""
    found = [
        *check_people(session),
        *check_days(session),
        *_check_blocks(session),
        *check_phase_order(session),
    ]
    return sorted(found, key=lambda p: p.level != Level.ERROR)


def _check_blocks(session: Session) -> Iterator[Problem]:
    ids = [b.id for _, b in session.blocks()]
    dup_blocks = duplicates(ids)
    known = frozenset(ids)
    for d, day in enumerate(session.days):
        for b, block in enumerate(day.agenda):
            path: Path = ("days", d, "agenda", b)
            if block.id in dup_blocks:
                yield error("duplicate_block", (*path, "id"), id=block.id)
            context = CheckContext(session, block, d + 1, (*path, "method"), known)
            yield from spec_for(block.method_type).check(context, block.method)
