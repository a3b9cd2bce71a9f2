"""The files of a session folder through the real CLI (issue 15, points 5, 6, 7 and 8): nothing
written outside the session through a link, no special file replaced, `examples copy --force`
keeps the old session, one live app per session, reading commands create nothing, temporary
files cleaned, owner-only permissions, an empty or folder journal refused, hand-copied captures
kept."""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import socket
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from labkit.cli.app import app
from labkit.store.examples import copy_example
from labkit.store.journal import Journal


def run(*args: str | Path) -> Any:
    return CliRunner().invoke(app, ["--lang", "en", *map(str, args)], env={"NO_COLOR": "1"})


def labkit(*args: str | Path, drop_privileges: bool = False) -> subprocess.CompletedProcess[str]:
    """`python -m labkit` in a real process (without root's right to write anywhere if asked)."""
    return subprocess.run([sys.executable, "-m", "labkit", "--lang", "en", *map(str, args)],
                          capture_output=True, text=True, timeout=120,
                          preexec_fn=_without_override if drop_privileges else None,
                          env={**os.environ, "NO_COLOR": "1", "COLUMNS": "200"})  # fmt: skip


def _without_override() -> None:
    """In the child: drop CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH and CAP_FOWNER from the bounding
    set, so that root too is refused writes into a read-only folder after exec."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2, 3):
        libc.prctl(24, capability, 0, 0, 0)  # PR_CAPBSET_DROP


def listing(folder: Path) -> dict[str, tuple[int, int]]:
    """Every entry under `folder`: (size, mtime) — what a command created or changed."""
    return {str(p.relative_to(folder)): (p.lstat().st_size, p.lstat().st_mtime_ns)
            for p in sorted(folder.rglob("*"))}  # fmt: skip


@pytest.fixture
def session(write_session: Callable[..., Path], session_data: dict[str, Any]) -> Path:
    """A clean session folder without a journal."""
    return write_session(session_data, folder="garde-enfants").parent


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """The atelier-collaboratif example, copied with its captured outputs in its journal."""
    return copy_example("atelier-collaboratif", tmp_path / "sessions")


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    folder = tmp_path / "outside"
    folder.mkdir()
    return folder


# --- point 5: writes outside the session, special files ---------------------------------------


def test_note_refuses_a_journal_linked_outside_the_session(session: Path, outside: Path) -> None:
    assert run("note", session, "first").exit_code == 0
    (session / "journal.db").rename(outside / "journal.db")
    (session / "journal.db").symlink_to(outside / "journal.db")
    before = listing(outside)
    result = run("note", session, "through the link")
    assert result.exit_code == 1
    assert "leads outside" in result.output and "symbolic link" in result.output
    assert listing(outside) == before


@pytest.mark.parametrize("dangling", [False, True])
def test_import_refuses_attachments_linked_outside_or_to_nowhere(
    example: Path, tmp_path: Path, outside: Path, dangling: bool
) -> None:
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8 a flipchart")
    with Journal.open(example, device="test") as journal:
        journal.attach(photo, caption="Table 1")
    assert run("export", example, "--out", tmp_path / "export").exit_code == 0
    target = copy_example("atelier-collaboratif", tmp_path / "other", blank=True)
    link_to = tmp_path / "nowhere" if dangling else outside
    (target / "attachments").symlink_to(link_to, target_is_directory=True)
    before = listing(target)
    result = run("import", target, tmp_path / "export" / "journal.json")
    assert result.exit_code == 1
    assert "leads outside" in result.output
    assert listing(outside) == {} and not (tmp_path / "nowhere").exists()
    assert listing(target) == before  # not even a journal.db


def test_rotate_save_refuses_rotations_linked_outside(session: Path, outside: Path) -> None:
    (session / "rotations").symlink_to(outside, target_is_directory=True)
    result = run("rotate", session, "--block", "cafe", "--save")
    assert result.exit_code == 1
    assert "leads outside" in result.output
    assert listing(outside) == {}


def test_report_refuses_a_chart_folder_linked_elsewhere(
    example: Path, tmp_path: Path, outside: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "report-charts").symlink_to(outside, target_is_directory=True)
    result = run("report", example, "--format", "md", "--out", out / "report.md")
    assert result.exit_code == 1
    assert "leads outside" in result.output
    assert listing(outside) == {}
    assert not (out / "report.md").exists()


@pytest.mark.parametrize("command", ["report", "agenda", "export"])
def test_an_out_onto_a_named_pipe_is_refused_and_left(
    example: Path, tmp_path: Path, command: str
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    fifo = out / "journal.json"  # the file `export --out DIR` writes
    os.mkfifo(fifo)
    args = {"report": ["report", example, "--format", "md", "--out", fifo],
            "agenda": ["agenda", example, "--docx", fifo],
            "export": ["export", example, "--format", "json", "--out", out]}[command]
    result = run(*args)
    assert result.exit_code == 1, result.output
    assert "not a regular file" in result.output and "named pipe" in result.output
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert [p.name for p in out.iterdir()] == ["journal.json"]


def test_export_refuses_attachments_linked_outside_the_out_folder(
    example: Path, tmp_path: Path, outside: Path
) -> None:
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8 a flipchart")
    with Journal.open(example, device="test") as journal:
        journal.attach(photo)
    out = tmp_path / "export"
    out.mkdir()
    (out / "attachments").symlink_to(outside, target_is_directory=True)
    result = run("export", example, "--out", out)
    assert result.exit_code == 1
    assert "leads outside" in result.output
    assert listing(outside) == {}


def test_new_refuses_a_session_folder_linked_elsewhere(tmp_path: Path, outside: Path) -> None:
    sessions = tmp_path / "sessions"
    sessions.mkdir()
    (sessions / "atelier").symlink_to(outside, target_is_directory=True)
    result = run("new", "atelier", "--title", "Atelier", "--date", "2027-03-12",
                 "--to", sessions)  # fmt: skip
    assert result.exit_code == 1
    assert "leads outside" in result.output
    assert listing(outside) == {}


# --- point 6: --force keeps the old session ----------------------------------------------------


def test_examples_copy_force_moves_the_old_session_aside(sessions_dir: Path) -> None:
    assert run("examples", "copy", "atelier-collaboratif", "--blank").exit_code == 0
    assert run("note", sessions_dir / "atelier-collaboratif", "captured live").exit_code == 0
    result = run("examples", "copy", "atelier-collaboratif", "--force")
    assert result.exit_code == 0, result.output
    backups = sorted(sessions_dir.glob("atelier-collaboratif.*.bak"))
    assert len(backups) == 1 and f"moved aside to {backups[0]}" in result.output
    with Journal.open(backups[0], device="test", readonly=True) as journal:
        texts = [c.text for c in journal.state().contributions.values()]
    assert texts == ["captured live"]


# --- point 8: one live app per session ---------------------------------------------------------


@pytest.fixture
def live_app(session: Path) -> Iterator[subprocess.Popen[bytes]]:
    """`labkit run SESSION` in a real process, on a pseudo-terminal, until the test ends."""
    import pty

    master, terminal = pty.openpty()
    os.set_blocking(master, False)
    app_process = subprocess.Popen(
        [sys.executable, "-m", "labkit", "run", str(session)], stdin=terminal, stdout=terminal,
        stderr=terminal, env={**os.environ, "TERM": "xterm-256color"}, start_new_session=True,
    )  # fmt: skip
    os.close(terminal)
    deadline = time.monotonic() + 60
    while not (session / "journal.db").exists():  # the app has the session open
        assert app_process.poll() is None and time.monotonic() < deadline
        with contextlib.suppress(BlockingIOError, OSError):
            os.read(master, 1 << 16)
        time.sleep(0.05)
    yield app_process
    app_process.terminate()
    app_process.wait(timeout=20)
    os.close(master)


def test_a_second_live_app_is_refused_naming_the_first(
    session: Path, live_app: subprocess.Popen[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    from labkit.tui import app as tui_app

    started: list[bool] = []
    monkeypatch.setattr(tui_app.LabkitApp, "run", lambda self: started.append(True))
    result = run("run", session)
    assert result.exit_code == 1
    assert "already open live by 'labkit run'" in result.output
    assert f"process {live_app.pid}" in result.output
    assert started == []
    assert run("note", session, "from the command line").exit_code == 0  # notes still allowed
    live_app.terminate()
    live_app.wait(timeout=20)
    result = run("run", session)  # released when its holder exits, even killed
    assert result.exit_code == 0, result.output
    assert started == [True]


def test_the_server_the_live_app_starts_shares_its_lock(session: Path) -> None:
    import urllib.request

    from labkit.store.session_lock import live_lock
    from labkit.tui.serve import ServerProcess

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    with live_lock(session, "run"):  # as `labkit run` holds it
        server = ServerProcess(session, tables=2, port=port, lan=False)
        server.start()
        try:
            deadline = time.monotonic() + 60
            while True:
                assert server.running, "the server stopped: it did not get the lock"
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1):
                        break
                except OSError:
                    assert time.monotonic() < deadline
                    time.sleep(0.2)
            other = labkit("serve", session, "--port", str(port + 1))
            assert other.returncode == 1
            assert "already open live by 'labkit run'" in other.stderr
        finally:
            server.stop()


# --- point 8: reading commands on a read-only folder create nothing ----------------------------


@pytest.mark.parametrize(
    "command",
    [["history", "{s}"], ["report", "{s}", "--out", "{out}/r.docx"],
     ["export", "{s}", "--format", "csv", "--out", "{out}/csv"], ["check", "{s}"],
     ["validate", "{s}"]],
)  # fmt: skip
def test_reading_commands_work_on_a_read_only_folder_and_create_nothing(
    example: Path, tmp_path: Path, command: list[str]
) -> None:
    assert run("note", example, "one more").exit_code == 0
    (example / "journal.db").chmod(0o400)
    before = listing(example)
    example.chmod(0o500)
    try:
        args = [part.format(s=example, out=tmp_path) for part in command]
        result = labkit(*args, drop_privileges=True)
    finally:
        example.chmod(0o700)
    assert result.returncode == 0, result.stdout + result.stderr
    assert listing(example) == before


def test_report_leaves_no_wal_beside_the_journal(example: Path, tmp_path: Path) -> None:
    before = listing(example)
    result = run("report", example, "--out", tmp_path / "r.md", "--format", "md")
    assert result.exit_code == 0, result.output
    assert listing(example) == before


def test_a_refused_import_creates_no_journal(session: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "labkit-journal", "events": [', encoding="utf-8")
    before = listing(session)
    result = run("import", session, broken)
    assert result.exit_code == 1
    assert listing(session) == before


# --- point 8: temporary files, permissions -----------------------------------------------------


def test_stale_temporary_files_are_removed_by_the_next_writer(example: Path) -> None:
    attachments = example / "attachments"
    attachments.mkdir()
    old = time.time() - 3600
    stale = [attachments / f".attach-{n}.tmp" for n in range(30)]
    stale.append(example / ".session.yaml.x1y2.tmp")
    for path in stale:
        path.write_bytes(b"half a photo")
        os.utime(path, (old, old))
    fresh = attachments / ".attach-now.tmp"  # a copy in progress elsewhere: left alone
    fresh.write_bytes(b"copying")
    assert run("note", example, "x").exit_code == 0
    assert [p for p in stale if p.exists()] == []
    assert fresh.exists()


def test_session_folders_and_journals_are_owner_only(sessions_dir: Path) -> None:
    assert run("new", "atelier", "--title", "Atelier", "--date", "2027-03-12").exit_code == 0
    assert run("note", sessions_dir / "atelier", "x").exit_code == 0
    assert run("examples", "copy", "atelier-collaboratif").exit_code == 0
    for folder in (sessions_dir / "atelier", sessions_dir / "atelier-collaboratif"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
        assert stat.S_IMODE((folder / "journal.db").stat().st_mode) == 0o600, folder


# --- points 6/7 of the findings: empty or folder journal, hand-copied captures -----------------


@pytest.mark.parametrize("kind", ["empty", "folder"])
def test_an_empty_file_or_a_folder_as_journal_is_an_error(session: Path, kind: str) -> None:
    journal = session / "journal.db"
    if kind == "empty":
        journal.write_bytes(b"")
    else:
        journal.mkdir()
    before = listing(session)
    for command in (["note", session, "x"], ["history", session]):
        result = run(*command)
        assert result.exit_code == 1, result.output
        assert ("empty (0 bytes)" if kind == "empty" else "is a folder") in result.output
    assert listing(session) == before


def test_a_hand_copied_example_keeps_its_captures_once_a_command_opens_the_journal(
    tmp_path: Path,
) -> None:
    from labkit.resources import data_dir

    folder = tmp_path / "copied"
    folder.mkdir()
    for name in ("session.yaml", "captured.jsonl"):
        (folder / name).write_bytes((data_dir("examples") / "atelier-collaboratif" / name)
                                    .read_bytes())  # fmt: skip
    shipped = sum(1 for line in (folder / "captured.jsonl").read_text("utf-8").splitlines()
                  if line.strip())  # fmt: skip
    assert run("note", folder, "added by hand").exit_code == 0
    result = run("export", folder, "--out", tmp_path / "export")
    assert result.exit_code == 0, result.output
    document = json.loads((tmp_path / "export" / "journal.json").read_text("utf-8"))
    assert len(document["events"]) == shipped + 1
