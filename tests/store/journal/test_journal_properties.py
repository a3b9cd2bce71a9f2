"""Property: whatever sequence of actions is attempted, the journal stays consistent.

Refused actions leave nothing behind; the state kept up to date after each write equals a full
replay of the history, equals the state of the journal reopened, and survives an export/import.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from labkit.errors import InvalidInputError
from labkit.store.journal import Journal, derive
from labkit.store.journal.exchange import export_json, import_json

BLOCKS = ["b1", "b2"]
PEOPLE = ["p1", "p2", "p3"]

action = st.one_of(
    st.tuples(st.just("note"), st.sampled_from(["idea", "quote", "note"]), st.integers(1, 3)),
    st.tuples(st.just("vote"), st.integers(0, 8), st.integers(1, 3)),
    st.tuples(st.just("delete"), st.integers(0, 8)),
    st.tuples(st.just("edit"), st.integers(0, 8), st.integers(1, 3)),
    st.tuples(st.just("cluster"), st.integers(0, 8), st.integers(0, 8)),
    st.tuples(st.just("undo"), st.integers(1, 40)),
    st.tuples(st.sampled_from(["start", "pause", "resume", "end"]), st.sampled_from(BLOCKS)),
    st.tuples(st.just("extend"), st.sampled_from(BLOCKS), st.integers(-10, 10)),
    st.tuples(st.sampled_from(["round+", "round-"]), st.sampled_from(BLOCKS)),
    st.tuples(st.sampled_from(["arrive", "leave", "absent"]), st.sampled_from(PEOPLE)),
)


def _attempt(journal: Journal, step: tuple[Any, ...]) -> None:
    kind = step[0]
    c = lambda n: f"c{n}"  # noqa: E731 - ids may or may not exist: refusals are part of the test
    if kind == "note":
        journal.add_contribution(f"idée {step[2]}", kind=step[1], question=step[2])
    elif kind == "vote":
        journal.vote(c(step[1]), step[2])
    elif kind == "delete":
        journal.record({"type": "contribution.deleted", "contribution_id": c(step[1])})
    elif kind == "edit":
        journal.record({"type": "contribution.edited", "contribution_id": c(step[1]),
                        "question": step[2]})  # fmt: skip
    elif kind == "cluster":
        journal.record({"type": "cluster.created", "title": "groupe",
                        "contribution_ids": sorted({c(step[1]), c(step[2])})})  # fmt: skip
    elif kind == "undo":
        journal.undo(step[1])
    elif kind in ("start", "pause", "resume", "end"):
        getattr(journal, f"{kind}_block")(step[1])
    elif kind == "extend":
        journal.extend_block(step[1], step[2])
    elif kind == "round+":
        journal.start_round(step[1])
    elif kind == "round-":
        journal.end_round(step[1])
    else:
        method = {"arrive": journal.arrive, "leave": journal.leave, "absent": journal.mark_absent}
        method[kind](step[1], 1)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(action, min_size=1, max_size=30))
def test_any_sequence_of_actions_keeps_the_journal_consistent(steps: list[tuple[Any, ...]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "a").mkdir()
        (root / "b").mkdir()
        with Journal.open(root / "a", device="test") as journal:
            for step in steps:
                before = len(journal.events())
                try:
                    _attempt(journal, step)
                except InvalidInputError:
                    assert len(journal.events()) == before  # a refusal writes nothing
            live = journal.state()
            assert vars(live) == vars(derive(journal.events()))
            exported = export_json(journal, root / "export")
        with Journal.open(root / "a", device="test") as reopened:
            assert vars(reopened.state()) == vars(live)
        with Journal.open(root / "b", device="test") as copy:
            import_json(copy, exported)
            assert vars(copy.state()) == vars(live)
