"""Opening a journal is O(1) in its size for writers (issue 16): a checkpoint of the state saves
re-reading every event, no full scan of the file on opening; readers still see every event."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from labkit.model import events as ev
from labkit.store.journal import Journal, checkpoint, derive


def _fill(folder: Path, count: int) -> None:
    with Journal.open(folder, device="test") as journal:
        for start in range(0, count, 250):
            journal.record_many([{"type": "contribution.added", "text": f"idée {n}", "kind": "idea"}
                                 for n in range(start, min(count, start + 250))])


def _count_parses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A counter (one item) of the event payloads parsed from now on."""
    parsed = [0]
    real = ev.parse_payload

    def counting(*args: object, **kwargs: object) -> object:
        parsed[0] += 1
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ev, "parse_payload", counting)
    return parsed


def _open_and_note(folder: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int, str]:
    """(payloads parsed, event rows fetched) while opening the journal and adding a note."""
    parsed = _count_parses(monkeypatch)
    statements: list[str] = []
    real_connect = sqlite3.connect

    def connect(*args: object, **kwargs: object) -> sqlite3.Connection:
        connection = real_connect(*args, **kwargs)  # type: ignore[call-overload]
        connection.set_trace_callback(statements.append)
        return connection

    monkeypatch.setattr(sqlite3, "connect", connect)
    with Journal.open(folder, device="cli") as journal:
        new_id = journal.add_contribution("encore une")
    monkeypatch.undo()
    scans = sum("PRAGMA quick_check" in s or "integrity_check" in s for s in statements)
    return parsed[0], scans, new_id


@pytest.mark.parametrize("count", [600, 3000])
def test_a_writer_parses_a_bounded_number_of_events(tmp_path: Path, count: int,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    _fill(tmp_path, count)  # the writer's close saves a checkpoint
    parsed, scans, new_id = _open_and_note(tmp_path, monkeypatch)
    assert new_id == f"c{count + 1}"
    assert parsed <= 1  # the new note only: none of the stored events is re-validated
    assert scans == 0
    parsed, _, new_id = _open_and_note(tmp_path, monkeypatch)
    assert parsed <= 1 and new_id == f"c{count + 2}"  # the note written after the checkpoint


def test_readers_see_every_event_and_the_same_state(tmp_path: Path) -> None:
    _fill(tmp_path, 700)
    with Journal.open(tmp_path) as journal:
        journal.add_contribution("après le point", kind="idea")
        journal.undo(journal.events()[10].id)  # an undo refolds everything
        state = journal.state()
        events = journal.events()
        assert len(events) == 702 and journal.get(1).id == 1
    assert derive(events).contributions == state.contributions
    assert "c11" not in state.contributions and len(state.contributions) == 700


def test_a_checkpoint_of_another_labkit_or_a_forged_one_is_ignored(tmp_path: Path) -> None:
    _fill(tmp_path, 600)
    path = tmp_path / "journal.db"
    with sqlite3.connect(path) as raw:
        tag, _, blob = raw.execute("SELECT value FROM meta WHERE key = ?",
                                   (checkpoint.KEY,)).fetchone()[0].partition("\n")
        import base64
        import pickle
        import zlib
        evil = base64.b64encode(zlib.compress(pickle.dumps(print))).decode()
        raw.execute("UPDATE meta SET value = ? WHERE key = ?", (f"{tag}\n{evil}", checkpoint.KEY))
    with Journal.open(path) as journal:
        assert len(journal.state().contributions) == 600
    with sqlite3.connect(path) as raw:
        raw.execute("UPDATE meta SET value = ? WHERE key = ?",
                    (tag.replace(tag.split(":")[2], "0.0.old") + "\n" + blob, checkpoint.KEY))
    with Journal.open(path) as journal:
        assert len(journal.state().contributions) == 600


def _unpickled_contributions(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A counter of the contribution views unpickled from now on."""
    from labkit.model import views

    count = [0]

    def counting(self: object, state: dict[str, object]) -> None:
        count[0] += 1
        self.__dict__.update(state)  # what unpickling does for a dataclass without __setstate__

    monkeypatch.setattr(views.Contribution, "__setstate__", counting, raising=False)
    return count


def test_a_writer_that_appends_unpickles_none_of_the_checkpoint_contributions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(tmp_path, 600)
    unpickled = _unpickled_contributions(monkeypatch)
    with Journal.open(tmp_path, device="cli") as journal:
        with journal.reading() as state:
            assert state.current_block() is None and state.event_count == 600
        assert journal.add_contribution("encore une") == "c601"
        assert unpickled[0] == 0
        contributions = journal.state().contributions  # a reader: read on first use
        assert unpickled[0] == 600
        assert list(contributions)[-2:] == ["c600", "c601"] and len(contributions) == 601


def _fill_blocks(folder: Path, blocks: int, each: int) -> None:
    """`blocks` blocks (a, b, c…) of `each` ideas, interleaved; the writer's close saves a
    checkpoint."""
    with Journal.open(folder, device="test") as journal:
        journal.record_many([{"type": "contribution.added", "text": f"idée {n}", "kind": "idea",
                              "block_id": "abcdefgh"[n % blocks]}
                             for n in range(blocks * each)])  # fmt: skip


def test_unreadable_checkpoint_contributions_are_folded_again(tmp_path: Path) -> None:
    _fill_blocks(tmp_path, 3, 200)
    path = tmp_path / "journal.db"
    with sqlite3.connect(path) as raw:
        value = raw.execute("SELECT value FROM meta WHERE key = ?",
                            (checkpoint.KEY,)).fetchone()[0]
        lines = value.split("\n")
        assert len(lines) == 4 + 3  # tag, shell, the blocks' index, uuids, one pickle per block
        lines[5] = "bm90IGEgcGlja2xl"  # block b's
        raw.execute("UPDATE meta SET value = ? WHERE key = ?", ("\n".join(lines), checkpoint.KEY))
    with Journal.open(path) as journal:
        assert [c.text for c in journal.live_state().of_block("b")][:2] == ["idée 1", "idée 4"]
        journal.add_contribution("après le point", kind="idea")
        state = journal.state()
        assert len(state.contributions) == 601
        assert list(state.contributions)[:3] == ["c1", "c2", "c3"]


def test_a_writer_that_appends_reads_neither_the_uuids_nor_the_ids_as_strings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The uuids of the events a checkpoint stands for (asked about by an undo only) are read on
    first need, and the identifiers ever created come back as bitmaps, not 600 strings: opening
    a checkpoint stays flat in the journal's size (issue 16: `labkit note` at 20,000 events)."""
    _fill(tmp_path, 600)
    decoded: list[object] = []
    real = checkpoint._decode
    monkeypatch.setattr(checkpoint, "_decode",
                        lambda blob: decoded.append(real(blob)) or decoded[-1])  # fmt: skip
    with Journal.open(tmp_path, device="cli") as journal:
        assert journal.add_contribution("encore une") == "c601"
        state = journal.live_state()
        assert state.known._stored is not None  # not read
        assert len(decoded) == 2  # the shell and the blocks' index
        shell, _ = decoded[0]  # type: ignore[misc]
        assert not any(isinstance(x, str) for x in vars(shell.ids)["_other"])
        assert "c601" in state.ids and "c600" in state.ids and "c602" not in state.ids
        first = journal.events()[0]
        journal.undo(first.id)  # the undo's check reads them
        assert len(decoded) == 3 and state.known._stored is None
        assert vars(journal.state()) == vars(derive(journal.events()))


def test_unreadable_checkpoint_uuids_are_read_from_the_events(tmp_path: Path) -> None:
    _fill(tmp_path, 600)
    path = tmp_path / "journal.db"
    with sqlite3.connect(path) as raw:
        value = raw.execute("SELECT value FROM meta WHERE key = ?",
                            (checkpoint.KEY,)).fetchone()[0]
        lines = value.split("\n")
        lines[3] = "bm90IGEgcGlja2xl"  # the uuids'
        raw.execute("UPDATE meta SET value = ? WHERE key = ?", ("\n".join(lines), checkpoint.KEY))
    with Journal.open(path) as journal:
        target = journal.events()[10]
        journal.undo(target.id)
        assert vars(journal.state()) == vars(derive(journal.events()))
        assert journal.state().known.get(target.uuid) == target.id


def test_one_block_unpickles_its_own_contributions_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill_blocks(tmp_path, 4, 150)
    unpickled = _unpickled_contributions(monkeypatch)
    with Journal.open(tmp_path, device="tui") as journal:
        state = journal.live_state()  # what the live app holds: nothing read yet
        assert unpickled[0] == 0
        ideas = state.of_block("c")
        assert unpickled[0] == 150 and len(ideas) == 150
        assert [i.text for i in ideas[:2]] == ["idée 2", "idée 6"]
        assert state.contributions_where(block_id="c", kind="idea") == ideas
        new_id = journal.add_contribution("une de plus", kind="idea", block_id="c")
        assert state.contribution(new_id) is not None and state.contribution("c3") == ideas[0]
        assert state.contribution("c2") is not None and state.contribution("c9999") is None
        assert unpickled[0] == 300  # block b's read for c2; c's read once
        assert [i.text for i in state.of_block("c")][-1] == "une de plus"
        assert len(state.contributions) == 601  # all of them: read on first use
        assert unpickled[0] == 600
        assert list(state.contributions)[:2] == ["c1", "c2"]
    assert derive(journal_events(tmp_path)).contributions == state.contributions


def journal_events(folder: Path) -> list:  # type: ignore[type-arg]
    with Journal.open(folder, readonly=True) as journal:
        return journal.events()
