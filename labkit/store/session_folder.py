"""The session folder: `sessions/<slug>/session.yaml` and what labkit keeps beside it.

`open_session` resolves a SESSION argument (a folder, its session.yaml, or a slug under
`sessions/`), loads the YAML, migrates old layouts, validates, and reports every problem with
file, line and field in plain words. The values come through ruamel's C parser when it can tell
(`yaml_fast`); the round-trip document, which knows the lines and keeps the comments, is parsed
when a problem must be located or a change saved (`SessionFolder.document`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml.comments import CommentedMap

from labkit.errors import InvalidInputError
from labkit.i18n import t
from labkit.model import Session, migrate
from labkit.model.files import ATTACHMENTS_DIR, JOURNAL_FILE, SESSION_FILE
from labkit.model.validation import Level, Problem
from labkit.store.plain_errors import explain_all, field_path

# re-exported: the commands name them from here too
from labkit.store.session_paths import resolve_session_path as resolve_session_path
from labkit.store.session_paths import sessions_home as sessions_home
from labkit.store.yaml_document import locate, parse_yaml, read_text, save_yaml
from labkit.store.yaml_fast import load_values


@dataclass
class SessionFolder:
    """A loaded session: its folder, the validated plan and (`document`) its round-trip YAML."""

    root: Path
    session: Session
    file: Path | None = None  # the plan's file when it is not called session.yaml
    text: str | None = field(default=None, repr=False)
    """The plan's text as validated, from which `document` is parsed on first need."""
    _document: CommentedMap | None = field(default=None, repr=False)

    @property
    def document(self) -> CommentedMap:
        """The round-trip YAML document (comments, key order, the line of each value), parsed
        from the validated text on first need."""
        if self._document is None:
            text = self.text if self.text is not None else read_text(self.yaml_path)
            self._document = document_of(text, self.yaml_path)
        return self._document

    @property
    def yaml_path(self) -> Path:
        """The plan's file: session.yaml, or the file the user named."""
        return self.file or self.root / SESSION_FILE

    @property
    def journal_path(self) -> Path:
        """The SQLite capture journal."""
        return self.root / JOURNAL_FILE

    @property
    def rotations_dir(self) -> Path:
        """Saved seating plans, one JSON file per block (`seating`, and the event models it
        reads, imported on first need, not with the session)."""
        from labkit.store.seating import rotations_dir

        return rotations_dir(self.root)

    @property
    def attachments_dir(self) -> Path:
        """Copied photos of flipcharts and tablecloths."""
        return self.root / ATTACHMENTS_DIR

    def problems(self) -> list[Problem]:
        """The plan's errors and warnings (see `labkit.methods.check_session`; the method
        registry is imported here, on first need, not with the session)."""
        from labkit.methods import check_session

        return check_session(self.session)

    def describe(self, problem: Problem, lang: str | None = None) -> str:
        """A problem as "file:line: field: message"."""
        return describe_at(self.yaml_path, self.document, problem.path, problem.message(lang), lang)

    def update(self, change: Callable[[CommentedMap], None]) -> None:
        """Apply `change` to the YAML document, re-validate, then save atomically.

        Nothing is written when the changed document would not load: the error names what is
        wrong, and the file on disk stays as it was.
        """
        text_before = read_text(self.yaml_path)
        document = parse_yaml(text_before, self.yaml_path)
        change(document)
        session = validate_document(document, self.yaml_path)
        save_yaml(self.yaml_path, document)
        self._document, self.text = document, None
        self.session = session


def describe_at(
    path: Path, document: Any, loc: tuple[str | int, ...], message: str, lang: str | None = None
) -> str:
    """Format one problem with its file, line and field path."""
    line = locate(document, loc) or 1
    return t(
        "store.problem_line", lang, path=path, line=line, field=field_path(loc), message=message
    )


def load_document(path: Path) -> CommentedMap:
    """Read and parse a session.yaml (syntax errors name the line)."""
    return document_of(read_text(path), path)


def document_of(text: str, path: Path) -> CommentedMap:
    """The round-trip document of a session.yaml's text (syntax errors name the line)."""
    document = parse_yaml(text, path)
    if not isinstance(document, CommentedMap):
        raise InvalidInputError(t("store.not_a_mapping", None, path=path))
    return document


def validate_document(document: CommentedMap, path: Path) -> Session:
    """Migrate and validate a parsed session.yaml; every problem named with its line."""
    try:
        data = migrate(_plain(document, [MAX_NODES], path))
    except ValueError as exc:
        raise InvalidInputError(t("store.migration_failed", None, path=path, reason=exc)) from None
    try:
        return Session.model_validate(data)
    except ValidationError as exc:
        found = sorted(explain_all(exc, Session), key=lambda e: locate(document, e[0]) or 0)
        lines = [describe_at(path, document, loc, message) for loc, message in found]
        raise InvalidInputError(
            t("store.invalid_session", None, path=path, count=len(lines)), lines
        ) from None


MAX_NODES = 1_000_000
"""Values a plan may hold once its aliases are expanded (a 350-byte alias bomb holds 10⁹)."""


def _plain(node: Any, budget: list[int], path: Path) -> Any:
    """The document as plain dicts and lists (ruamel's types carry comments and positions).

    `budget` counts down the values left: aliases expanding past MAX_NODES are refused.
    """
    budget[0] -= 1
    if budget[0] < 0:
        raise InvalidInputError(t("store.too_many_nodes", None, path=path, limit=MAX_NODES))
    if isinstance(node, dict):
        return {str(k): _plain(v, budget, path) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v, budget, path) for v in node]
    if isinstance(node, str):
        return str(node)
    return node


def open_session(arg: str | Path, strict: bool = False) -> SessionFolder:
    """Load the session a SESSION argument names.

    Raises InvalidInputError listing every structural problem (file:line: field: message). With
    `strict`, the plan's own errors (overrunning day, missing hosts...) are raised too; warnings
    never are.
    """
    path = resolve_session_path(arg)
    text = read_text(path)
    session = _valid_session(text, path)
    folder = SessionFolder(root=path.parent, session=session, file=path, text=text)
    if strict:
        errors = [p for p in folder.problems() if p.level == Level.ERROR]
        if errors:
            raise InvalidInputError(
                t("store.invalid_session", None, path=path, count=len(errors)),
                [folder.describe(p) for p in errors],
            )
    return folder


def _valid_session(text: str, path: Path) -> Session:
    """The session of a plan's text: from its values alone when they are valid, else through
    the round-trip document, which names the line of every problem."""
    values = load_values(text)
    if isinstance(values, dict):
        try:
            return Session.model_validate(migrate(_plain(values, [MAX_NODES], path)))
        except (ValidationError, ValueError, InvalidInputError):
            pass  # reported below, with the lines
    return validate_document(document_of(text, path), path)


def save_session_document(path: Path, document: CommentedMap) -> None:
    """Write a session.yaml atomically after checking that it loads."""
    validate_document(document, path)
    save_yaml(path, document)
