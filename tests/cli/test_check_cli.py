"""`labkit check SESSION`: the problems of a session folder, and nothing in it changed (not even
a -wal or -shm beside the journal)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from labkit.store.session_folder import open_session


def check(session: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "labkit", "--lang", "en", "check", str(session)],
                          capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1",
                                                                "COLUMNS": "200"})


def snapshot(folder: Path) -> dict[str, tuple[str, int, float]]:
    return {str(p.relative_to(folder)): (hashlib.sha256(p.read_bytes()).hexdigest(),
                                         p.stat().st_mode, p.stat().st_mtime)
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("check")
    subprocess.run([sys.executable, "-m", "labkit", "examples", "copy", "cooperation-territoriale"],
                   cwd=root, check=True, capture_output=True)
    folder = root / "sessions" / "cooperation-territoriale"
    (folder / "journal.db").chmod(0o600)
    return folder


@pytest.fixture
def session(pristine: Path, tmp_path: Path) -> Path:
    target = tmp_path / "s"
    shutil.copytree(pristine, target)
    return target


def test_a_sound_folder_passes_and_is_left_as_it_was(session: Path) -> None:
    before = snapshot(session)
    result = check(session)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no problem" in result.stdout
    assert snapshot(session) == before  # no -wal, no -shm, nothing touched


def test_a_damaged_journal_is_a_problem_and_is_not_changed(session: Path) -> None:
    path = session / "journal.db"
    data = bytearray(path.read_bytes())
    data[2 * 4096 : 4 * 4096] = os.urandom(2 * 4096)
    path.write_bytes(bytes(data))
    before = snapshot(session)
    result = check(session)
    assert result.returncode == 1
    assert "journal.db" in result.stdout
    assert snapshot(session) == before


def test_leftovers_permissions_and_plans_are_reported(session: Path) -> None:
    (session / "attachments").mkdir()
    (session / "attachments" / ".attach-x1.tmp").write_bytes(b"half")
    (session / "journal.db").chmod(0o644)
    (session / "rotations").mkdir()
    (session / "rotations" / "no-such-block.json").write_text("{}", encoding="utf-8")
    before = snapshot(session)
    result = check(session)
    out = " ".join(result.stdout.split())
    assert ".attach-x1.tmp: temporary file" in out
    assert "readable by other users (mode 0o644)" in out
    assert 'saved plan for a block "no-such-block"' in out
    assert snapshot(session) == before


def test_a_plan_seating_unknown_people_and_an_empty_journal_are_problems(session: Path) -> None:
    block = next(b.id for _, b in open_session(session).session.blocks())
    (session / "rotations").mkdir(exist_ok=True)
    (session / "rotations" / f"{block}.json").write_text(
        json.dumps({"block": block, "rounds": [[["ghost-1", "ghost-2"]]]}), encoding="utf-8")
    (session / "journal.db").write_bytes(b"")
    result = check(session)
    out = " ".join(result.stdout.split())
    assert result.returncode == 1
    assert "empty file" in out
    assert "the plan seats ghost-1, ghost-2, not among the participants" in out
