"""One live writer per session: an advisory lock on ``<session>/.labkit.lock``.

`labkit run` (the live app) and `labkit serve` (the phone pages) hold it while they run, so that
a second one on the same session stops at once with a message naming the holder (command, process,
machine, start time) instead of ending the block the other is running. Short commands (`labkit
note`, `history`, `export`...) never take it: the command line keeps writing to a session the app
has open.

The lock is ``flock`` on the open file: the system releases it when the holder exits, even
killed, so a stale lock cannot exist (the file stays; its content only says who held it last).
The server the live app starts (F10) inherits the app's lock (`child_options`): it shares it
rather than fight over it, and keeps it while it still writes should the app die first.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from labkit.errors import StorageError
from labkit.i18n import t
from labkit.model.events.fields import utc_now
from labkit.store.safe_paths import PRIVATE_FILE, file_in

LOCK_NAME = ".labkit.lock"
INHERITED_FD = "LABKIT_LIVE_LOCK_FD"
"""The environment variable naming the lock's descriptor a child process inherited."""


class SessionLockedError(StorageError):
    """Another live app or server holds the session."""


@dataclass
class SessionLock:
    """A held lock: its file and descriptor (`inherited`: shared with the parent process)."""

    path: Path
    fd: int
    inherited: bool = False

    def child_options(self) -> dict[str, Any]:
        """`subprocess.Popen` options giving a child (`labkit serve`) this lock."""
        return {"pass_fds": (self.fd,), "env": {**os.environ, INHERITED_FD: str(self.fd)}}

    def release(self) -> None:
        """Let go of the lock (a child holding it too keeps it)."""
        _HELD.pop(self.path.parent.resolve(), None)
        if self.fd >= 0:
            with contextlib.suppress(OSError):
                os.close(self.fd)
            self.fd = -1


_HELD: dict[Path, SessionLock] = {}


def lock_path(root: Path) -> Path:
    """The lock file of the session folder `root`."""
    return Path(root) / LOCK_NAME


def held(root: Path) -> SessionLock | None:
    """The lock this process holds on the session `root`, if any."""
    return _HELD.get(Path(root).resolve())


def acquire(root: Path, command: str) -> SessionLock:
    """Take the session's lock for `command` (``run``, ``serve``); SessionLockedError naming
    the holder when another process has it."""
    path = file_in(root, lock_path(root))
    inherited = _inherited(path)
    if inherited is not None:
        return inherited
    try:
        flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC
        fd = os.open(path, flags, PRIVATE_FILE)
    except OSError as exc:
        raise StorageError(t("files.lock_failed", path=path, detail=exc.strerror or exc)) from exc
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        holder = _holder(fd)
        os.close(fd)
        raise _locked(root, holder) from None
    holder = {"command": command, "pid": os.getpid(), "host": socket.gethostname(),
              "started": utc_now().isoformat(timespec="seconds")}  # fmt: skip
    with contextlib.suppress(OSError):
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(holder).encode(), 0)
    lock = _HELD[Path(root).resolve()] = SessionLock(path, fd)
    return lock


@contextlib.contextmanager
def live_lock(root: Path, command: str) -> Iterator[SessionLock]:
    """Hold the session's lock while the block runs."""
    lock = acquire(root, command)
    try:
        yield lock
    finally:
        lock.release()


def _inherited(path: Path) -> SessionLock | None:
    """The lock a parent passed down (`child_options`), when it is this session's."""
    value = os.environ.get(INHERITED_FD, "")
    if not value.isdigit():
        return None
    fd = int(value)
    try:
        mine, theirs = os.fstat(fd), os.stat(path)
    except OSError:
        return None
    if (mine.st_dev, mine.st_ino) != (theirs.st_dev, theirs.st_ino):
        return None
    try:  # the same open file: granted at once when the parent holds it
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return None
    lock = _HELD[path.parent.resolve()] = SessionLock(path, fd, inherited=True)
    return lock


def _holder(fd: int) -> dict[str, Any]:
    try:
        data = json.loads(os.pread(fd, 4096, 0) or b"{}")
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _locked(root: Path, holder: dict[str, Any]) -> SessionLockedError:
    if not {"command", "pid", "host", "started"} <= holder.keys():
        return SessionLockedError(t("files.locked_unknown", root=root))
    try:
        started = datetime.fromisoformat(str(holder["started"])).strftime("%Y-%m-%d %H:%M UTC")
    except ValueError:
        started = str(holder["started"])
    return SessionLockedError(
        t("files.locked", root=root, command=holder["command"], pid=holder["pid"],
          host=holder["host"], started=started)
    )  # fmt: skip
