"""The file formats a restitution is written in (listed once: the report's renderer and the
`--format` option of `labkit report` both read `ReportFormat`)."""

from __future__ import annotations

from enum import StrEnum


class ReportFormat(StrEnum):
    """A restitution's file format; the value is also the file extension."""

    DOCX = "docx"
    MD = "md"
    HTML = "html"
