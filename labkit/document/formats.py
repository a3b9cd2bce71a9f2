"""The file formats a restitution is written in (listed once: the report's renderer and the
`--format` option of `labkit report` both read `ReportFormat`)."""

from __future__ import annotations

from enum import StrEnum


class ReportFormat(StrEnum):
    """A restitution's file format; the value is also the file extension."""

    DOCX = "docx"
    PDF = "pdf"
    """The docx converted by LibreOffice (`labkit.report.pdf`)."""
    PPTX = "pptx"
    """A short deck (`labkit.report.pptx_writer`)."""
    MD = "md"
    HTML = "html"
