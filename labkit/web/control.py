"""What the facilitator controls of a running server, kept in the session folder.

``serve.json`` holds the signing secret, the join tokens (one for the session, one per table),
whether submissions are locked and whether vote results are revealed. The live app and
`labkit serve --lock/--reveal/--revoke` change it; the server rereads it when it changes, so a
revoked token or a lock applies to the very next request. Revoking draws new tokens and a new
generation: cookies of the previous generation stop working.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import tempfile
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from labkit.model import Session

CONTROL_NAME = "serve.json"


@dataclass(frozen=True)
class Control:
    """The facilitator's switches and the server's secrets."""

    secret: str
    generation: int
    session_token: str
    table_tokens: dict[str, str] = field(default_factory=dict)
    locked: bool = False
    revealed: bool = False

    def table_of_token(self, token: str) -> int | None:
        """The table a table token opens (None for the session token or an unknown one)."""
        for table, known in self.table_tokens.items():
            if secrets.compare_digest(known, token):
                return int(table)
        return None

    def projector_key(self) -> str:
        """The key in the projector's address (the screen shows results; phones do not)."""
        return hmac.new(self.secret.encode(), b"projector", hashlib.sha256).hexdigest()[:20]

    def accepts(self, token: str) -> bool:
        """Whether `token` is the session token or one of the table tokens."""
        return secrets.compare_digest(self.session_token, token) or (
            self.table_of_token(token) is not None
        )


def table_count(session: Session) -> int:
    """How many tables the table cards number: the cafés' tables, or the interview regroups'."""
    found = [getattr(b.method, "tables", 0) for _, b in session.blocks()
             if b.method_type == "world_cafe"]  # fmt: skip
    people = len(session.participants)
    for _, block in session.blocks():
        size = getattr(block.method, "regroup_size", None)
        if size and people:
            found.append(-(-people // size))
    return max(found, default=8)


def _token() -> str:
    return secrets.token_urlsafe(12)


def fresh(tables: int, generation: int = 1) -> Control:
    """A new control with new secret and tokens."""
    return Control(
        secret=secrets.token_hex(32),
        generation=generation,
        session_token=_token(),
        table_tokens={str(n): _token() for n in range(1, tables + 1)},
    )


def control_path(root: Path) -> Path:
    """Where a session folder keeps its server control file."""
    return Path(root) / CONTROL_NAME


def read(root: Path) -> Control | None:
    """The control file of a session folder, if any."""
    try:
        data = json.loads(control_path(root).read_text(encoding="utf-8"))
        return Control(**data)
    except (OSError, ValueError, TypeError):
        return None


def write(root: Path, control: Control) -> None:
    """Write the control file atomically, readable by its owner only."""
    path = control_path(root)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".serve-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(asdict(control), out, indent=1)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def ensure(root: Path, tables: int) -> Control:
    """The session's control, created on first use (tokens for `tables` tables at least)."""
    current = read(root)
    if current is None:
        current = fresh(tables)
        write(root, current)
    elif len(current.table_tokens) < tables:
        extra = {str(n): _token() for n in range(len(current.table_tokens) + 1, tables + 1)}
        current = replace(current, table_tokens={**current.table_tokens, **extra})
        write(root, current)
    return current


def revoke(root: Path, tables: int) -> Control:
    """New tokens and a new generation: every link and cookie given so far stops working."""
    old = read(root)
    new = fresh(tables, (old.generation + 1) if old else 1)
    if old is not None:
        new = replace(new, locked=old.locked, revealed=old.revealed)
    write(root, new)
    return new


def switch(root: Path, tables: int, **changes: bool) -> Control:
    """Set `locked` and/or `revealed`."""
    current = ensure(root, tables)
    new = replace(current, locked=changes.get("locked", current.locked),
                  revealed=changes.get("revealed", current.revealed))
    write(root, new)
    return new


class ControlWatcher:
    """The control of a session folder, reread when its file changes."""

    def __init__(self, root: Path, tables: int) -> None:
        self.root = Path(root)
        self._path = str(control_path(self.root))
        self._control = ensure(self.root, tables)
        self._stamp = self._mtime()

    def _mtime(self) -> int:
        try:
            return os.stat(self._path).st_mtime_ns
        except OSError:
            return 0

    @property
    def current(self) -> Control:
        """The control as the file says now."""
        stamp = self._mtime()
        if stamp != self._stamp:
            found = read(self.root)
            if found is not None:
                self._control, self._stamp = found, stamp
        return self._control
