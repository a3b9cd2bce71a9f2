"""Typed errors shared by the domain and the user interfaces, and the CLI exit codes."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes of the `labkit` command."""

    OK = 0
    INVALID_INPUT = 1
    USAGE = 2


class LabkitError(Exception):
    """Base class of every error labkit reports to a user (never a traceback)."""

    exit_code: ExitCode = ExitCode.INVALID_INPUT


class InvalidInputError(LabkitError):
    """A file, a value or a command argument the user gave is wrong.

    `problems` holds one plain-language line per problem (file, line, field, reason), so that a
    user sees all of them at once instead of fixing one error per run.
    """

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.problems: list[str] = list(problems or [])

    def __str__(self) -> str:
        if not self.problems:
            return self.message
        return "\n".join([self.message, *(f"  - {p}" for p in self.problems)])


class RefusedEventError(InvalidInputError):
    """The journal's rules refuse an event in the current state (`problems`: the reasons, in
    plain words; `event_type`: the event's internal name, for logs and the command line)."""

    def __init__(self, message: str, problems: list[str], event_type: str) -> None:
        super().__init__(message, problems)
        self.event_type = event_type


class SessionNotFoundError(InvalidInputError):
    """A SESSION argument names no session folder or session.yaml."""


class StorageError(LabkitError):
    """The disk refused a write (read-only folder, full disk) or holds something unreadable."""
