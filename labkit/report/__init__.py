"""The restitution report: what it says (pure content) and how it is drawn (docx, Markdown, HTML).

    from labkit.report import build_report, layout, render_report
    report = build_report(session, journal.state(), lang="fr")   # pure: what the report says
    doc = layout(report)                                          # pure: headings, tables, charts
    render_report(folder, "docx")                                 # writes restitution-<slug>.docx

The content side never imports python-docx, matplotlib, typer or rich; the writers import their
libraries only when called.
"""

from __future__ import annotations

from labkit.report.build import build_report
from labkit.report.content import Report
from labkit.report.layout import layout
from labkit.report.render import Rendered, default_output, journal_state, render_report

__all__ = [
    "Rendered",
    "Report",
    "build_report",
    "default_output",
    "journal_state",
    "layout",
    "render_report",
]
