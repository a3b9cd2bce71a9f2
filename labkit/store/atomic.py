"""Atomic file writes: a temporary file in the same folder, fsync, then rename.

A killed process or a full disk leaves either the old file or the new one, never half of one; a
temporary file a killed process left behind (``.NAME.XXXX.tmp``) is removed by the next writer
that opens the session (`remove_stale_temps`). A special file (a device, a named pipe) is never
replaced (`labkit.store.safe_paths.replaceable`).
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
import time
from pathlib import Path

from labkit.errors import StorageError
from labkit.store.safe_paths import replaceable


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` atomically; raise StorageError when the disk refuses or when
    `path` is a special file."""
    path = replaceable(Path(path))
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise StorageError(f"{folder}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(OSError):
            # mkstemp makes the file private (0600): keep the old file's mode, or give a new
            # file the mode any other program would (0666 less the umask)
            mode = path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask()
            os.chmod(tmp_name, mode)
        os.replace(tmp_name, path)
        fsync_folder(folder)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise StorageError(f"{path}: {exc.strerror or exc}") from exc


def write_text_atomic(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Replace `path` with `text` atomically."""
    write_bytes_atomic(path, text.encode(encoding))


def _umask() -> int:
    """The process umask, read without changing it where the system allows (Linux)."""
    with (
        contextlib.suppress(OSError, ValueError),
        open("/proc/self/status", encoding="ascii") as status,
    ):
        for line in status:
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o077)  # elsewhere: set it for an instant, to the most private value
    os.umask(mask)
    return mask


_TEMP_NAME = re.compile(r"\..+\.tmp(-wal|-shm)?")
STALE_AFTER_S = 15 * 60
"""A temporary file untouched for this long belongs to no running write (a write in progress
keeps modifying its file; the rename that ends it follows the last write at once)."""


def remove_stale_temps(folder: Path, now: float | None = None) -> list[Path]:
    """Remove the temporary files (``.*.tmp``, and a temporary journal's ``-wal``/``-shm``) left
    in `folder` by interrupted writes, those untouched for `STALE_AFTER_S`; the paths removed.
    Links and folders are left alone."""
    now = time.time() if now is None else now
    removed = []
    with contextlib.suppress(OSError):
        for entry in Path(folder).glob(".*.tmp*"):
            if not _TEMP_NAME.fullmatch(entry.name):
                continue
            with contextlib.suppress(OSError):
                found = entry.lstat()
                if stat.S_ISREG(found.st_mode) and now - found.st_mtime >= STALE_AFTER_S:
                    entry.unlink()
                    removed.append(entry)
    return removed


def fsync_folder(folder: Path) -> None:
    """Make a rename or a new file in `folder` durable (best effort where unsupported)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
