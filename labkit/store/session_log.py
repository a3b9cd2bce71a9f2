"""The session's log file, ``<session>/labkit.log``: the tracebacks of what went wrong in the field.

Domain and UI modules only call ``logging.getLogger(__name__)``; nothing is configured when they
are imported. The live app and the CLI commands that work on a session attach the file for as
long as they run (`session_log`). The file is small and rotating (`MAX_BYTES`, `BACKUPS` old
copies), readable by its owner only (it may quote participants' names), and created only when
something is logged: a session where nothing went wrong has no log.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
from collections.abc import Iterator
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_FILE = "labkit.log"
MAX_BYTES = 256 * 1024
BACKUPS = 2
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"
OWNER_ONLY = 0o600


class OwnerOnlyFileHandler(RotatingFileHandler):
    """A rotating file handler whose files are created with owner-only permissions."""

    def _open(self) -> io.TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, OWNER_ONLY)
        with contextlib.suppress(OSError):  # an existing file made by an older labkit
            os.chmod(self.baseFilename, OWNER_ONLY)
        return open(fd, "a", encoding=self.encoding, errors=self.errors)  # noqa: SIM115


def log_path(folder: Path) -> Path:
    """Where the log of the session in `folder` goes."""
    return Path(folder) / LOG_FILE


@contextlib.contextmanager
def session_log(folder: Path, level: int = logging.INFO) -> Iterator[Path]:
    """Send labkit's log records (`level` and above) to the session's log while the block runs
    (not in a folder this process may not write: reading commands work on read-only folders)."""
    if not os.access(folder, os.W_OK):
        yield log_path(folder)
        return
    handler = OwnerOnlyFileHandler(
        log_path(folder), maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
    )
    handler.setLevel(level)
    handler.setFormatter(logging.Formatter(FORMAT))
    logger = logging.getLogger("labkit")
    previous = logger.level
    if logger.getEffectiveLevel() > level:
        logger.setLevel(level)
    logger.addHandler(handler)
    try:
        yield Path(handler.baseFilename)
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)
        handler.close()
