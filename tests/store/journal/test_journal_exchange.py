"""Export (JSON, CSV), import and its round trip; attachments."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from journal_helpers import PNG, attachment_problems, fill_scenario

from labkit.errors import InvalidInputError, StorageError
from labkit.store.journal import Journal
from labkit.store.journal import attachments as attachments_module
from labkit.store.journal.exchange import export_json, import_json
from labkit.store.journal.tables import TABLES, export_csv


def _session(root: Path, name: str) -> Path:
    folder = root / name
    folder.mkdir()
    return folder


def test_round_trip_json_export_import_gives_the_same_state(tmp_path: Path) -> None:
    source = _session(tmp_path, "source")
    with Journal.open(source, device="tui") as journal:
        fill_scenario(journal, tmp_path)
        exported = export_json(journal, tmp_path / "export")
        original = journal.state()
        history = journal.events()
    target = _session(tmp_path, "target")
    with Journal.open(target, device="cli") as journal:
        assert import_json(journal, exported) == len(history)
        restored = journal.state()
        assert vars(restored) == vars(original)
        assert [(e.uuid, e.ts, e.device, e.type) for e in journal.events()] == [
            (e.uuid, e.ts, e.device, e.type) for e in history
        ]
        # the photo came along, intact
        assert attachment_problems(journal) == []
        # importing the same file again adds nothing
        assert import_json(journal, exported) == 0
        # and the restored journal goes on
        assert journal.add_contribution("suite") == "c8"


def test_import_appends_to_the_beginning_of_the_same_history(tmp_path: Path) -> None:
    source = _session(tmp_path, "source")
    with Journal.open(source) as journal:
        journal.add_contribution("un")
        early = export_json(journal, tmp_path / "early")
        journal.add_contribution("deux")
        late = export_json(journal, tmp_path / "late")
    target = _session(tmp_path, "target")
    with Journal.open(target) as journal:
        assert import_json(journal, early) == 1
        assert import_json(journal, late) == 1
        assert [c.text for c in journal.state().contributions.values()] == ["un", "deux"]


def test_import_into_a_different_history_is_refused(tmp_path: Path) -> None:
    source = _session(tmp_path, "source")
    with Journal.open(source) as journal:
        journal.add_contribution("un")
        exported = export_json(journal, tmp_path / "export")
    target = _session(tmp_path, "target")
    with Journal.open(target) as journal:
        journal.add_contribution("autre chose")
        with pytest.raises(InvalidInputError, match="Import into an empty session"):
            import_json(journal, exported)
        assert len(journal.events()) == 1


def test_an_invalid_export_lists_its_problems_and_imports_nothing(
    journal: Journal, tmp_path: Path
) -> None:
    good = {"id": 1, "uuid": "6f1c1a8e-2f0e-4a59-9a51-0d5f1e0b7a11",
            "ts": "2026-03-12T08:00:00+00:00", "device": "tui", "type": "contribution.added",
            "payload": {"contribution_id": "c1", "text": "ok"}}  # fmt: skip
    bad_text = {**good, "id": 2, "uuid": "6f1c1a8e-2f0e-4a59-9a51-0d5f1e0b7a12",
                "payload": {"contribution_id": "c2", "text": "x" * 30000}}  # fmt: skip
    no_id = {**good, "id": 3, "uuid": "6f1c1a8e-2f0e-4a59-9a51-0d5f1e0b7a13",
             "payload": {"text": "sans identifiant"}}  # fmt: skip
    unknown = {**good, "id": 4, "uuid": "6f1c1a8e-2f0e-4a59-9a51-0d5f1e0b7a14", "type": "x.y"}
    twice = {**good, "id": 5}
    document = {"format": "labkit-journal", "format_version": 1, "schema_version": 1,
                "events": [good, bad_text, no_id, unknown, twice]}  # fmt: skip
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(InvalidInputError) as caught:
        import_json(journal, path)
    problems = caught.value.problems
    assert (
        problems[0]
        == "event #2 (contribution.added): text: text of 30000 characters, at most 20000"
    )
    assert problems[1] == "event #3 (contribution.added): contribution_id: required field"
    assert problems[2].startswith("event #4 (x.y): Unknown event type")
    assert problems[3] == "event #5 (contribution.added): uuid already present earlier in the file"
    assert journal.events() == []


def test_a_file_that_is_not_an_export(journal: Journal, tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    path.write_text('{"format": "labkit-journal",\n "events": [1, 2', encoding="utf-8")
    with pytest.raises(InvalidInputError) as caught:
        import_json(journal, path)
    assert caught.value.problems[0].startswith("line 2, column")
    path.write_text('{"format": "something else", "events": []}', encoding="utf-8")
    with pytest.raises(InvalidInputError):
        import_json(journal, path)
    newer = {"format": "labkit-journal", "format_version": 1, "schema_version": 99, "events": []}
    path.write_text(json.dumps(newer), encoding="utf-8")
    with pytest.raises(InvalidInputError, match="newer labkit"):
        import_json(journal, path)


def test_csv_export_one_file_per_kind_with_a_bom(journal: Journal, tmp_path: Path) -> None:
    ids = fill_scenario(journal, tmp_path)
    journal.add_contribution('=HYPERLINK("http://example.com")', kind="idea")
    written = export_csv(journal, tmp_path / "csv")
    assert sorted(p.stem for p in written) == sorted([*TABLES, "events"])
    for path in written:
        assert path.read_bytes().startswith(b"\xef\xbb\xbf"), path.name
    with (tmp_path / "csv" / "contributions.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = {row["contribution_id"]: row for row in csv.DictReader(f)}
    assert (
        rows[ids["idea2"]]["text"]
        == "Places réservées en crèche AVIP\npour les parents en formation"
    )
    assert rows[ids["idea1"]]["cluster_title"] == "Accès aux places de crèche"
    assert rows["c8"]["text"].startswith("'=HYPERLINK")  # never a live formula in Excel
    assert ids["gone"] not in rows
    with (tmp_path / "csv" / "survey.csv").open(encoding="utf-8-sig", newline="") as f:
        survey = list(csv.DictReader(f))
    assert [r["group"] for r in survey] == ["demandeurs", "demandeurs", "conseillers"]
    assert survey[0]["satisfaction"] == "5.0" and "participant_id" not in survey[0]
    with (tmp_path / "csv" / "events.csv").open(encoding="utf-8-sig", newline="") as f:
        history = list(csv.DictReader(f))
    assert len(history) == len(journal.events())
    assert [r["undone"] for r in history if r["type"] == "vote.cast"] == ["no", "no", "yes"]
    with (tmp_path / "csv" / "journey_steps.csv").open(encoding="utf-8-sig", newline="") as f:
        steps = list(csv.DictReader(f))
    assert [s["emotion"] for s in steps] == ["0", "-2", "2"]


def test_attachments_are_copied_hashed_and_checked(journal: Journal, tmp_path: Path) -> None:
    photo = tmp_path / "Nappé table 2.JPG"
    photo.write_bytes(PNG)
    first = journal.attach(photo, caption="Nappe", table=2)
    second = journal.attach(photo)  # the same photo twice: one file
    state = journal.state()
    stored = state.attachments[first]
    assert stored.path.startswith("attachments/") and stored.path.endswith("-Nappe-table-2.JPG")
    assert stored.size == len(PNG) and stored.original_name == "Nappé table 2.JPG"
    assert state.attachments[second].path == stored.path
    assert len(list(journal.attachments_dir.iterdir())) == 1
    assert photo.exists()  # copied, not moved
    assert attachment_problems(journal) == []
    (journal.folder / stored.path).write_bytes(b"changed")
    assert "was changed" in attachment_problems(journal)[0]


def test_attachment_errors_leave_nothing_behind(
    journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(InvalidInputError, match="not a readable file"):
        journal.attach(tmp_path / "absent.jpg")
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(PNG)
    with pytest.raises(InvalidInputError):
        journal.attach(photo, table=0)  # refused before copying
    assert not journal.attachments_dir.exists() or not any(journal.attachments_dir.iterdir())

    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(attachments_module.os, "fsync", full)
    with pytest.raises(StorageError, match="Disk full: photo.jpg was not attached"):
        journal.attach(photo)
    assert list(journal.attachments_dir.iterdir()) == []  # no temporary file left
    assert journal.events() == []
    monkeypatch.undo()
    journal.attach(photo)
    assert len(journal.events()) == 1
