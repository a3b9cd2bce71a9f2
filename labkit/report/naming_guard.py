"""The naming guard at the report's boundary: every text of the content, whatever the format.

docx, pdf, md, html and pptx are all laid out from one `Report`; masking it once, after it is
built, covers every format. The cover and the credits are left as the session file wrote them:
they name the organisers and the contact on purpose.
"""

from __future__ import annotations

from labkit.model.naming import NamingGuard
from labkit.report.content import Report

KEPT_AS_WRITTEN = frozenset({"cover", "credits"})
"""Report fields the guard leaves alone (the organisers' own identity and contact)."""


def guard_report(report: Report, guard: NamingGuard) -> Report:
    """`report` with every mention of a person who may not be named replaced (see
    `labkit.model.naming`); what was masked is in ``guard.masked``, never in the report."""
    guarded = guard.mask_tree(report, KEPT_AS_WRITTEN)
    assert isinstance(guarded, Report)  # mask_tree rebuilds a dataclass as its own type
    return guarded
