"""`labkit.store.safe_paths` and the temporary files of `labkit.store.atomic`."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import pytest

from labkit.store.atomic import STALE_AFTER_S, remove_stale_temps, write_bytes_atomic
from labkit.store.safe_paths import (
    UnsafePathError,
    file_in,
    folder_in,
    inside,
    private_folder,
    replaceable,
)

pytestmark = pytest.mark.usefixtures("en_ui")


@pytest.fixture
def root(tmp_path: Path) -> Path:
    folder = tmp_path / "session"
    folder.mkdir()
    return folder


def test_a_path_inside_passes_and_a_link_inside_too(root: Path) -> None:
    (root / "attachments").mkdir()
    (root / "photos").symlink_to(root / "attachments", target_is_directory=True)
    assert inside(root, root / "attachments" / "a.jpg") == root / "attachments" / "a.jpg"
    assert inside(root, root / "photos" / "a.jpg") == root / "photos" / "a.jpg"
    assert inside(root, root) == root


def test_a_root_reached_through_a_link_is_still_the_root(root: Path, tmp_path: Path) -> None:
    alias = tmp_path / "alias"
    alias.symlink_to(root, target_is_directory=True)
    assert folder_in(alias, alias / "rotations").is_dir()
    assert (root / "rotations").is_dir()


def test_links_leaving_the_root_or_dangling_are_refused(root: Path, tmp_path: Path) -> None:
    (root / "out").symlink_to(tmp_path, target_is_directory=True)
    (root / "up").symlink_to("..")
    (root / "gone").symlink_to(root / "missing")
    with pytest.raises(UnsafePathError, match="leads outside"):
        inside(root, root / "out" / "x")
    with pytest.raises(UnsafePathError, match="leads outside"):
        inside(root, root / "up")
    with pytest.raises(UnsafePathError, match="leads outside"):
        inside(root, root / ".." / "x")
    with pytest.raises(UnsafePathError, match="does not exist"):
        folder_in(root, root / "gone")
    assert not (root / "missing").exists()


def test_special_files_are_never_replaced(root: Path) -> None:
    pipe = root / "pipe"
    os.mkfifo(pipe)
    (root / "folder").mkdir()
    for path, kind in ((pipe, "named pipe"), (root / "folder", "a folder"),
                       (Path("/dev/null"), "a device")):  # fmt: skip
        with pytest.raises(UnsafePathError, match=kind):
            replaceable(path)
    with pytest.raises(UnsafePathError, match="named pipe"):
        write_bytes_atomic(pipe, b"x")
    assert stat.S_ISFIFO(pipe.lstat().st_mode)
    assert [p.name for p in root.iterdir() if p.name.endswith(".tmp")] == []


def test_a_link_is_replaced_not_what_it_points_to(root: Path) -> None:
    pipe = root / "pipe"
    os.mkfifo(pipe)
    (root / "report.docx").symlink_to(pipe)
    write_bytes_atomic(file_in(root, root / "report.docx"), b"report")
    assert (root / "report.docx").read_bytes() == b"report"
    assert stat.S_ISFIFO(pipe.lstat().st_mode)


def test_folders_are_created_owner_only_and_a_file_in_the_way_refused(root: Path) -> None:
    made = folder_in(root, root / "rotations" / "old")
    assert stat.S_IMODE(made.stat().st_mode) == 0o700
    assert stat.S_IMODE((root / "rotations").stat().st_mode) == 0o700
    (root / "attachments").write_text("not a folder", encoding="utf-8")
    with pytest.raises(UnsafePathError, match="not a folder"):
        folder_in(root, root / "attachments")
    fresh = private_folder(root.parent / "sessions" / "new")
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o700


def test_only_stale_temporary_files_are_removed(root: Path) -> None:
    old = time.time() - STALE_AFTER_S - 1
    names = [".attach-abc.tmp", ".session.yaml.k2j3.tmp", ".journal.db.ab.tmp-wal",
             ".journal.db.ab.tmp-shm", "photo.tmp", ".hidden", ".x.tmp.keep"]  # fmt: skip
    for name in names:
        (root / name).write_bytes(b"x")
        os.utime(root / name, (old, old))
    (root / ".fresh.tmp").write_bytes(b"being written")
    (root / ".link.tmp").symlink_to(root / "photo.tmp")
    removed = sorted(p.name for p in remove_stale_temps(root))
    assert removed == sorted(names[:4])
    assert sorted(p.name for p in root.iterdir()) == sorted([*names[4:], ".fresh.tmp", ".link.tmp"])
