"""Lay a `Report` out as the writers' elements, worded in the report's language (pure)."""

from __future__ import annotations

import datetime as dt

from labkit.document import elements as e
from labkit.document.chart_labels import figure
from labkit.document.text import shorten
from labkit.document.wording import Words
from labkit.i18n import t
from labkit.report import content as c
from labkit.report.essentials import essentials
from labkit.report.layout_modules import module_elements, wide_chapter


def layout(report: c.Report) -> e.ReportDocument:
    """The document drawn by every writer: cover, then the sections in reading order."""
    w = Words(report.lang)
    out: list[e.Element] = []
    if report.foreword:
        _foreword(report.foreword, w, out)
    out.extend(essentials(report, w))
    _context(report.context, w, out)
    _participation(report.participation, w, out)
    _agenda(report.agenda, w, out)
    if report.outputs:
        out.append(e.Heading(1, w("h.outputs"), "outputs"))
        for output in report.outputs:
            out.extend(module_elements(output, w))
        out.extend(wide_chapter(report.outputs, w))
    for section in report.commitments:
        _commitments(section, w, out)
    if report.satisfaction:
        _satisfaction(report.satisfaction, w, out)
    if report.closing:
        _closing(report.closing, w, out)
    _next_steps(report, w, out)
    if report.credits:
        _credits(report.credits, w, out)
    if report.attachments:
        _attachments(report.attachments, w, out)
    _annex(report.annex, w, out)
    cover = report.cover
    return e.ReportDocument(
        lang=report.lang,
        title=cover.title,
        cover=_cover(report, w),
        toc_title=w("toc"),
        header=shorten(cover.title, 90),
        footer=shorten(f"{cover.lab} — {w('kicker')}", 80),
        page_word=w("page"),
        elements=tuple(out),
        author=cover.lab,
        subject=w("kicker") + (f" — {cover.sponsor}" if cover.sponsor else ""),
    )


def _cover(report: c.Report, w: Words) -> e.CoverPage:
    cover = report.cover
    lines = [w.dates(cover.dates)]
    place = cover.venue or w.capitalised(t(f"mode.{cover.mode}", report.lang))
    lines.append(place)
    lines.append(w("cover.lab", lab=cover.lab))
    if cover.sponsor:
        lines.append(w("cover.sponsor", sponsor=cover.sponsor))
    subtitle = w.capitalised(t(f"format.{cover.format}", report.lang))
    mode = t(f"mode.{cover.mode}", report.lang)
    if cover.remote_link and cover.mode != "remote":  # in the room, with a video link
        mode = w("mode.and_remote", mode=mode)
    subtitle += f" · {mode}"
    qr = None
    if cover.resources_url:
        qr = e.Qr(cover.resources_url, w("cover.resources", url=cover.resources_url))
    logos = tuple(
        e.Image(logo.path, w("logo_alt", owner=logo.owner), logo.owner) for logo in cover.logos
    )
    edition = w("cover.version", version=cover.version,
                date=w.date(cover.document_date or report.generated_on, "long"))  # fmt: skip
    return e.CoverPage(
        title=cover.title,
        subtitle=subtitle,
        lines=tuple(line for line in lines if line),
        kicker=w("kicker"),
        qr=qr,
        logos=logos,
        edition=edition,
    )


def _foreword(foreword: c.Foreword, w: Words, out: list[e.Element]) -> None:
    out.append(e.Heading(1, w("h.foreword"), "foreword"))
    out.extend(e.Paragraph(text) for text in foreword.paragraphs)
    if foreword.signed_by:
        out.append(e.Paragraph(foreword.signed_by, "label"))


def _paragraphs(text: str, style: str = "body") -> list[e.Paragraph]:
    return [e.Paragraph(part.strip(), style) for part in text.split("\n\n") if part.strip()]


def _context(context: c.Context, w: Words, out: list[e.Element]) -> None:
    out.append(e.Heading(1, w("h.context"), "context"))
    out.extend(_paragraphs(context.text) or [e.Paragraph(w("none.context"), "note")])
    if context.questions:
        out.append(e.Heading(2, w("h.questions")))
        out.append(e.Bullets(context.questions))
    if context.objectives:
        out.append(e.Heading(2, w("h.objectives")))
        out.append(e.Bullets(context.objectives))


def _participation(p: c.Participation, w: Words, out: list[e.Element]) -> None:
    out.append(e.Heading(1, w("h.participation"), "participation"))
    out.append(e.Paragraph(w.count("people_took_part", p.total), "lead"))
    rows: tuple[tuple[str, ...], ...] = tuple(
        (w("day_n", n=d.day), w.date(d.date), str(d.present) if d.recorded else "—",
         str(d.expected))
        for d in p.days
    )  # fmt: skip
    out.append(e.Table(
        (w("col.day"), w("col.date"), w("col.present"), w("col.expected")), rows,
        (1, 3, 1.2, 1.2), w("caption.presence"), align=("l", "l", "r", "r"),
    ))  # fmt: skip
    if not all(d.recorded for d in p.days):
        out.append(e.Paragraph(w("note.presence_planned"), "note"))
    if p.by_group:
        out.append(e.Heading(2, w("h.by_group")))
        rows = tuple((g.label, str(g.count)) for g in p.by_group)
        rows += ((t("word.total", w.lang), str(sum(g.count for g in p.by_group))),)
        out.append(e.Table((w("col.group"), w("col.people")), rows, (4, 1),
                           align=("l", "r"), emphasis=frozenset({len(rows) - 1})))  # fmt: skip
        if len(p.by_group) > 1:
            chart = e.Chart(
                "hbar", w("chart.by_group"), tuple(g.label for g in p.by_group),
                (e.Series(w("col.people"), tuple(float(g.count) for g in p.by_group)),),
                value_min=0, category_colours=tuple(g.colour or "#5B7DB1" for g in p.by_group),
            )  # fmt: skip
            out.append(figure(chart, w, w("chart.by_group")))
    if p.by_organisation:
        out.append(e.Heading(2, w("h.by_organisation")))
        rows = tuple((o.label, str(o.count)) for o in p.by_organisation)
        out.append(e.Table((w("col.organisation"), w("col.people")), rows, (4, 1),
                           align=("l", "r"), compact=len(rows) > 25))  # fmt: skip
    out.append(e.Heading(2, w("h.named")))
    if p.named:
        rows = tuple((n.name, n.organisation or "—", n.group, n.role) for n in p.named)
        out.append(e.Table(
            (w("col.name"), w("col.organisation"), w("col.group"), w("col.role")), rows,
            (2.2, 3.4, 2.4, 1.6), compact=len(rows) > 25,
        ))  # fmt: skip
    out.append(e.Paragraph(w.count("unnamed", p.unnamed) if p.unnamed else w("all_named"), "note"))


def _agenda(days: tuple[c.AgendaDay, ...], w: Words, out: list[e.Element]) -> None:
    out.append(e.Heading(1, w("h.agenda"), "agenda"))
    out.append(e.Paragraph(w("agenda.intro")))
    for day in days:
        title = w.date(day.date)
        out.append(e.Heading(2, f"{w('day_n', n=day.day)} — {title}" if len(days) > 1 else title))
        rows = []
        for row in day.rows:
            held = w.span(row.actual_start, row.actual_end) if row.held else (
                w("not_held") if day.recorded else "—")  # fmt: skip
            phase = t(f"phase.{row.phase}", w.lang)
            method = t(f"method.{row.method}", w.lang)
            rows.append((w.span(row.planned_start, row.planned_end), held, row.title,
                         f"{phase} · {method}" if row.phase != "none" else method,
                         w.minutes(row.start_drift)))  # fmt: skip
        out.append(e.Table(
            (w("col.planned"), w("col.actual"), w("col.block"), w("col.phase"), w("col.drift")),
            tuple(rows), (1.9, 1.9, 3.6, 1.9, 1.1), compact=True,
        ))  # fmt: skip
        if not day.recorded:
            out.append(e.Paragraph(w("note.not_recorded"), "note"))
    if any(day.recorded for day in days):
        out.append(e.Paragraph(w("agenda.drift_legend"), "note"))


def _commitments(section: c.Commitments, w: Words, out: list[e.Element]) -> None:
    out.append(e.Heading(1, section.title or w("h.commitments"), "commitments"))
    out.append(e.Paragraph(w.count("commitments_count", section.count), "lead",
                           keep_with_next=True))  # fmt: skip
    for group in section.groups:
        if group.label:
            out.append(e.Heading(2, group.label))
        rows = tuple(
            (r.what + (f" ({w('status.' + r.status)})" if r.status in ("dropped", "done") else ""),
             r.owner or "—", w.date(r.due, "long") if r.due else "—", r.indicator or "—")
            for r in group.rows
        )  # fmt: skip
        out.append(e.Table(
            (w("col.what"), w("col.owner"), w("col.due"), w("col.indicator")), rows,
            (4.2, 2.4, 1.5, 3), compact=True,
        ))  # fmt: skip


def _satisfaction(s: c.Satisfaction, w: Words, out: list[e.Element]) -> None:
    out.append(e.Heading(1, w("h.satisfaction"), "satisfaction"))
    out.append(e.Paragraph(w.count("respondents", s.overall.respondents), "lead"))
    codes = [f"Q{n}" for n in range(1, len(s.questions) + 1)]
    scales = [w("scale", low=w.number(q.scale_min, 0), high=w.number(q.scale_max, 0))
              for q in s.questions]  # fmt: skip
    out.append(e.Bullets(tuple(
        f"{code} — {q.text} ({scale})"
        for code, q, scale in zip(codes, s.questions, scales, strict=True)
    )))  # fmt: skip
    everyone = c.SatisfactionRow(w("everyone"), s.overall.respondents, s.overall.means)
    rows = tuple(
        (r.group, str(r.respondents),
         *(w.score(r.means.get(q.question_id), q.scale_max) for q in s.questions))
        for r in (*s.rows, everyone)
    )  # fmt: skip
    out.append(e.Table(
        (w("col.group"), w("col.respondents"), *codes), rows,
        (3.5, 1.4, *([1.3] * len(codes))), w("caption.satisfaction"),
        align=("l", "r", *("r" * len(codes))), emphasis=frozenset({len(rows) - 1}),
    ))  # fmt: skip
    top = max((q.scale_max for q in s.questions), default=5)
    chart = e.Chart(
        "hbar", w("chart.satisfaction"), tuple(r.group for r in (*s.rows, everyone)),
        tuple(
            e.Series(f"{code} — {q.text}",
                     tuple(r.means.get(q.question_id) for r in (*s.rows, everyone)))
            for code, q in zip(codes, s.questions, strict=True)
        ),
        value_min=0, value_max=top, value_axis=w("chart.mean_axis", top=w.number(top, 0)),
    )  # fmt: skip
    out.append(figure(chart, w, w("chart.satisfaction")))
    if s.comments:
        out.append(e.Heading(2, w("h.comments")))
        out.append(e.Bullets(s.comments))


def _closing(closing: c.ClosingWords, w: Words, out: list[e.Element]) -> None:
    out.append(e.Heading(1, w("h.closing"), "closing"))
    if closing.prompt:
        out.append(e.Paragraph(f"« {closing.prompt} »" if w.lang == "fr" else
                               f"“{closing.prompt}”", "quote"))  # fmt: skip
    if closing.images:
        out.append(e.Table((w("col.image"), w("col.chosen_by")),
                           tuple((i.label, str(i.count)) for i in closing.images), (4, 1.2),
                           align=("l", "r")))  # fmt: skip
    texts = [x.text for x in closing.words if x.text]
    if texts and all(len(text.split()) <= 3 for text in texts) and not closing.images:
        out.append(e.Paragraph(" · ".join(texts)))
    elif texts:
        quote = "« {} »" if w.lang == "fr" else "“{}”"
        out.append(e.Bullets(tuple(
            quote.format(x.text) + (f" — {x.image}" if x.image else "")
            for x in closing.words if x.text
        )))  # fmt: skip


def _next_steps(report: c.Report, w: Words, out: list[e.Element]) -> None:
    """« Les suites »: the next meeting and who follows up, the commitments' next deadlines,
    the retro-planning's steps after the session."""
    out.append(e.Heading(1, w("h.next_steps"), "next-steps"))
    follow = report.follow_up
    lead = []
    if follow.next_meeting:
        meeting = follow.next_meeting
        key = "next.meeting_where" if meeting.where else "next.meeting"
        lead.append(w(key, what=meeting.what, date=w.date(meeting.date, "long"),
                      where=meeting.where or ""))  # fmt: skip
    if follow.follow_up:
        lead.append(w("next.follow_up", who=follow.follow_up))
    out.extend(e.Paragraph(text, "lead") for text in lead)
    deadlines = sorted(
        (row for section in report.commitments for group in section.groups for row in group.rows
         if row.due and row.status not in ("dropped", "done")),
        key=lambda row: (row.due or report.generated_on, row.commitment_id),
    )  # fmt: skip
    if deadlines:
        out.append(e.Heading(2, w("next.deadlines")))
        out.append(e.Bullets(tuple(
            _dated(w, row.due, row.what + (f" — {row.owner}" if row.owner else ""))
            for row in deadlines[:NEXT_DEADLINES]
        )))  # fmt: skip
        if report.commitments:
            out.append(e.Paragraph(w("next.commitments"), "note"))
    items = [
        _dated(w, step.due, step.text + (f" — {step.owner}" if step.owner else ""))
        for step in report.next_steps
    ]
    if items:
        if deadlines or lead:
            out.append(e.Heading(2, w("next.tasks")))
        out.append(e.Bullets(tuple(items)))
    elif not deadlines and not lead:
        out.append(e.Paragraph(w("none.next_steps"), "note"))
    if report.cover.resources_url:
        out.append(e.Qr(report.cover.resources_url,
                        w("cover.resources", url=report.cover.resources_url)))  # fmt: skip


NEXT_DEADLINES = 8
"""How many of the commitments' next deadlines « Les suites » lists (all are in their table)."""


def _dated(w: Words, due: dt.date | None, text: str) -> str:
    """« 15 septembre 2027 : text » (a French space before the colon)."""
    if due is None:
        return text
    when = w.date(due, "long")
    return f"{when} : {text}" if w.lang == "fr" else f"{when}: {text}"


def _credits(credits: c.Credits, w: Words, out: list[e.Element]) -> None:
    out.append(e.Heading(1, w("h.thanks"), "thanks"))
    thanks = _paragraphs(credits.thanks) if credits.thanks else []
    out.extend(thanks or [e.Paragraph(w("thanks.default"))])
    out.append(e.Heading(2, w("h.contact")))
    lines = [w("credits.lab", lab=credits.lab)]
    if credits.organisers:
        lines.append(w("credits.organisers", names=", ".join(credits.organisers)))
    if credits.contact:
        lines.append(w("credits.contact", contact=" · ".join(credits.contact)))
    out.extend(e.Paragraph(line) for line in lines)


def _attachments(items: tuple[c.Attachment, ...], w: Words, out: list[e.Element]) -> None:
    out.append(e.Heading(1, w("h.attachments"), "attachments"))
    for item in items:
        caption = item.caption or item.name
        out.append(e.Image(item.path, w("photo_alt", caption=caption), caption))


def _annex(blocks: tuple[c.AnnexBlock, ...], w: Words, out: list[e.Element]) -> None:
    # no page break before: the short thanks and contact block would end a page on its own
    out.append(e.Heading(1, w("h.annex"), "annex"))
    total = sum(len(b.entries) for b in blocks)
    out.append(e.Paragraph(w.count("annex.intro", total)))
    for block in blocks:
        head = f"{w('day_n', n=block.day)} — {block.title}" if block.day else block.title
        out.append(e.Heading(2, f"{head} ({len(block.entries)})"))
        authors = any(x.author for x in block.entries)
        header: tuple[str, ...] = (w("col.number"), w("col.kind"), w("col.where"), w("col.text"))
        widths: tuple[float, ...] = (0.9, 1.4, 2.2, 6.5)
        if authors:
            header, widths = (*header, w("col.author")), (0.9, 1.3, 2, 5.5, 1.6)
        rows = tuple(
            (_reference(x.contribution_id), x.kind, x.where or "—", x.text,
             *((x.author or "—",) if authors else ()))
            for x in block.entries
        )  # fmt: skip
        out.append(e.Table(header, rows, widths, compact=True))


def _reference(contribution_id: str) -> str:
    """The annex's reference number of a contribution: "35" for the journal's "c35"."""
    number = contribution_id.removeprefix("c")
    return number if number.isdigit() else contribution_id
