"""Group commit (`Journal.record_each`): several writes in one transaction, each all or nothing."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from labkit.errors import InvalidInputError
from labkit.model import events as ev
from labkit.store.journal import Journal, JournalState, Prepared, RecordedEvent


def idea(text: str) -> ev.ContributionAdded:
    return ev.ContributionAdded(text=text, kind="idea")


def texts(journal: Journal) -> list[str]:
    return [c.text for c in journal.state().contributions.values()]


def test_a_refused_job_writes_nothing_and_the_others_land(journal: Journal) -> None:
    def refuses(state: JournalState) -> Prepared:
        raise ValueError("not now")

    outcomes = journal.record_each([
        lambda state: Prepared([idea("a")], recorder="web-1", device="phone"),
        refuses,
        # two events, the second refused by the rules: the first is rolled back with it
        lambda state: Prepared([idea("b"), ev.VoteCast(item_id="c999", dots=1)]),
        lambda state: Prepared([idea("d")], recorder="web-4", device="host"),
    ])  # fmt: skip
    assert isinstance(outcomes[1], ValueError)
    assert isinstance(outcomes[2], InvalidInputError)
    first, last = outcomes[0], outcomes[3]
    assert isinstance(first, list) and isinstance(last, list)
    assert [(r.device, r.recorder) for r in first + last] == [("phone", "web-1"), ("host", "web-4")]
    assert texts(journal) == ["a", "d"]
    with Journal.open(journal.path, device="check") as fresh:  # what the disk holds
        assert texts(fresh) == ["a", "d"]
        assert sorted(fresh.state().contributions) == sorted(journal.state().contributions)


def test_jobs_are_built_again_when_another_writer_committed_meanwhile(
    journal: Journal, session_dir: Path
) -> None:
    calls: list[int] = []
    with Journal.open(session_dir, device="live-app") as other:

        def counts(state: JournalState) -> Prepared:
            calls.append(len(state.contributions))
            if len(calls) == 1:  # between this check and the write, another process writes
                other.add_contribution("from the live app", kind="idea")
            return Prepared([idea(f"after {len(state.contributions)}")])

        journal.record_each([counts])
    assert calls == [0, 1]
    assert texts(journal) == ["from the live app", "after 1"]


def test_jobs_are_built_again_when_a_later_job_read_another_writers_event(
    journal: Journal, session_dir: Path
) -> None:
    with Journal.open(session_dir, device="live-app") as other:
        seen: list[int] = []

        def first(state: JournalState) -> Prepared:
            seen.append(len(state.contributions))
            if len(seen) == 1:
                other.add_contribution("from the live app", kind="idea")
            return Prepared([idea(f"after {len(state.contributions)}")])

        def second(state: JournalState) -> Prepared:
            journal.refresh()  # a check that reads the journal catches the other's event up
            return Prepared([idea("second")])

        journal.record_each([first, second])
    assert seen == [0, 1]
    assert texts(journal) == ["from the live app", "after 1", "second"]


def test_a_job_is_built_once_when_no_one_else_wrote(journal: Journal) -> None:
    calls: list[int] = []

    def job(state: JournalState) -> Prepared:
        calls.append(state.last_event_id)
        return Prepared([idea("seul")])

    journal.record_each([job, job])
    assert calls == [0, 0]
    assert texts(journal) == ["seul", "seul"]


def test_a_write_failing_mid_group_writes_none_of_it(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal.add_contribution("before", kind="idea")
    stage = journal._stage_job
    inserted: list[int] = []

    def fails_second(job: Prepared, first_id: int) -> list[RecordedEvent] | Exception:
        if inserted:
            raise KeyboardInterrupt  # not a refusal: the whole transaction is abandoned
        inserted.append(first_id)
        return stage(job, first_id)

    monkeypatch.setattr(journal, "_stage_job", fails_second)
    with pytest.raises(KeyboardInterrupt):
        journal.record_each([lambda state: Prepared([idea("a")]),
                             lambda state: Prepared([idea("b")])])  # fmt: skip
    assert inserted == [2]
    assert texts(journal) == ["before"]
    with Journal.open(journal.path, device="check") as fresh:
        assert texts(fresh) == ["before"]


def test_reading_if_free_does_not_wait_for_a_writer(journal: Journal) -> None:
    journal.add_contribution("a", kind="idea")
    with journal.reading_if_free() as state:
        assert state is not None and len(state.contributions) == 1
    held, release = threading.Event(), threading.Event()

    def writer() -> None:  # another thread holding the journal, as a group commit does
        with journal.reading():
            held.set()
            release.wait(10)

    thread = threading.Thread(target=writer)
    thread.start()
    held.wait(10)
    try:
        with journal.reading_if_free() as busy:
            assert busy is None
    finally:
        release.set()
        thread.join(10)
    with journal.reading_if_free() as state:
        assert state is not None
