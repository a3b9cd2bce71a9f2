"""« L'essentiel »: the one-page synthesis at the front of the restitution (pure layout).

The question, who came, the kept ideas (the café's kept ideas, as the one vote ranking decided
them), the commitments and the satisfaction, in a few lines each.
"""

from __future__ import annotations

from labkit.document import elements as e
from labkit.document.wording import Words
from labkit.methods import spec_for
from labkit.report import content as c

KEPT_SHOWN = 8


def essentials(report: c.Report, w: Words) -> list[e.Element]:
    """The synthesis's elements; empty parts are left out."""
    out: list[e.Element] = [e.Heading(1, w("h.essentials"), "essentials")]
    if report.context.questions:
        out.append(e.Paragraph(w("h.questions"), "label"))
        out.append(e.Bullets(report.context.questions))
    groups = [f"{g.label} ({g.count})" for g in report.participation.by_group if g.count]
    who = w.count("people_took_part", report.participation.total)
    out.append(e.Paragraph(w("h.participation"), "label"))
    out.append(e.Paragraph(who + (f" — {', '.join(groups)}" if groups else "")))
    kept = [text for o in report.outputs for text in spec_for(o.method).kept_ideas(o)]
    if kept:
        out.append(e.Paragraph(w("essentials.kept"), "label"))
        shown = kept[:KEPT_SHOWN]
        out.append(e.Bullets(tuple(shown)))
        if len(kept) > len(shown):
            out.append(e.Paragraph(w.count("essentials.more", len(kept) - len(shown)), "note"))
    count = sum(section.count for section in report.commitments)
    if count:
        owners = {r.owner for x in report.commitments for g in x.groups for r in g.rows if r.owner}
        out.append(e.Paragraph(w("h.commitments"), "label"))
        sentence = w.count("commitments_count", count)
        if owners:  # "Un seul porteur." would be false of commitments nobody owns
            sentence += " " + w.count("essentials.owners", len(owners))
        out.append(e.Paragraph(sentence))
    s = report.satisfaction
    if s is not None and s.questions:
        out.append(e.Paragraph(w("h.satisfaction"), "label"))
        out.append(e.Paragraph(w.count("essentials.respondents", s.overall.respondents)))
        out.append(e.Bullets(tuple(
            f"{q.text} — {w.score(s.overall.means.get(q.question_id), q.scale_max)}"
            for q in s.questions
        )))  # fmt: skip
    out.append(e.PageBreak())
    return out
