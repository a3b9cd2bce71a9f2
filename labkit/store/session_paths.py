"""Where sessions live, and which session.yaml a SESSION argument names, without reading it.

Kept apart from `session_folder` (YAML, pydantic models) so that a command needing only the
folder (the journal beside the plan) does not pay for loading the plan.
"""

from __future__ import annotations

import os
from pathlib import Path

from labkit.errors import SessionNotFoundError
from labkit.i18n import t
from labkit.model.files import SESSION_FILE


def sessions_home() -> Path:
    """Where new and copied sessions go: $LABKIT_SESSIONS, else ./sessions."""
    return Path(os.environ.get("LABKIT_SESSIONS", "sessions"))


def resolve_session_path(arg: str | Path) -> Path:
    """The session.yaml a SESSION argument names: a folder, the file itself, or a slug."""
    candidate = Path(arg)
    if candidate.is_file() and candidate.suffix.lower() in (".yaml", ".yml"):
        return candidate
    if (candidate / SESSION_FILE).is_file():
        return candidate / SESSION_FILE
    by_slug = sessions_home() / str(arg) / SESSION_FILE
    if by_slug.is_file():
        return by_slug
    raise SessionNotFoundError(t("store.session_not_found", None, arg=arg))
