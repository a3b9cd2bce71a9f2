"""Where labkit may write: inside a root folder, never through a link leaving it, never over a
special file.

A session folder may come from a zip or a shared drive, with ``attachments/`` or ``journal.db``
turned into symbolic links to elsewhere. Every writer checks its target here first: the path,
links followed, must stay inside its root (the session folder, or the folder the user named with
``--out``); a link to a missing target is refused rather than created through; a device, a named
pipe, a socket or a folder is never replaced by a file. Each refusal is a `StorageError` naming
the path (exit 1) raised before anything is written.

Session folders, and the folders labkit makes inside them, are created owner-only (`PRIVATE_DIR`).
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from labkit.errors import StorageError
from labkit.i18n import t

PRIVATE_DIR = 0o700
"""Mode of the folders labkit creates in a session (people's names and photos live there)."""
PRIVATE_FILE = 0o600
"""Mode of the journal and the attachments."""


class UnsafePathError(StorageError):
    """A write target that leaves its root, is a dangling link, or is a special file."""


def inside(root: Path, path: Path) -> Path:
    """`path`, checked to lead inside `root` once links are followed (UnsafePathError if not)."""
    root, path = Path(root), Path(path)
    real_root, real = root.resolve(), path.resolve()
    if real != real_root and real_root not in real.parents:
        raise UnsafePathError(t("files.outside", path=path, root=root, target=real))
    if path.is_symlink() and not path.exists():
        raise UnsafePathError(t("files.dangling", path=path, target=os.readlink(path)))
    return path


def replaceable(path: Path) -> Path:
    """`path`, checked to be missing, a regular file or a link (which a rename replaces, not
    what it points to); a folder, device, pipe or socket is refused."""
    path = Path(path)
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return path
    except OSError as exc:
        raise StorageError(f"{path}: {exc.strerror or exc}") from exc
    if stat.S_ISREG(mode) or stat.S_ISLNK(mode):
        return path
    raise UnsafePathError(t("files.special", path=path, kind=_kind(mode)))


def file_in(root: Path, path: Path) -> Path:
    """A file about to be written: inside `root` and `replaceable`."""
    return replaceable(inside(root, path))


def folder_in(root: Path, path: Path) -> Path:
    """The folder `path` inside `root`, created owner-only if missing (its parents must lie
    inside `root` too); refused when it leads outside, dangles or is not a folder."""
    root, path = Path(root), Path(path)
    inside(root, path)
    if not path.exists():
        if path.parent != path and path.parent != root:
            folder_in(root, path.parent)
        try:
            path.mkdir(mode=PRIVATE_DIR, exist_ok=True)
        except OSError as exc:
            raise StorageError(f"{path}: {exc.strerror or exc}") from exc
        inside(root, path)  # a link made meanwhile
    if not path.is_dir():
        raise UnsafePathError(t("files.not_folder", path=path))
    return path


def private_folder(path: Path) -> Path:
    """Create the session folder `path` (and missing parents) owner-only; an existing one is
    left as it is. Refuses a dangling link or a file in its place."""
    path = Path(path)
    if path.is_symlink() and not path.exists():
        raise UnsafePathError(t("files.dangling", path=path, target=os.readlink(path)))
    try:
        path.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    except FileExistsError:
        raise UnsafePathError(t("files.not_folder", path=path)) from None
    except OSError as exc:
        raise StorageError(f"{path}: {exc.strerror or exc}") from exc
    return path


def make_private(path: Path, mode: int = PRIVATE_FILE) -> None:
    """Give `path` owner-only permissions (best effort: a file of someone else is left)."""
    with contextlib.suppress(OSError):
        os.chmod(path, mode)


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return t("files.kind.folder")
    if stat.S_ISFIFO(mode):
        return t("files.kind.fifo")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return t("files.kind.device")
    if stat.S_ISSOCK(mode):
        return t("files.kind.socket")
    return t("files.kind.other")
