"""The elements of each module's outputs: ingredients, café harvest, journey maps, votes, notes."""

from __future__ import annotations

from labkit.document import elements as e
from labkit.document.text import shorten
from labkit.document.wording import Words, describe_chart
from labkit.i18n import t
from labkit.report import content as c

STAGES_PER_TABLE = 6
"""Journey stages per map table (a landscape page holds about six readable columns)."""
BARS_PER_CHART = 12


def module_elements(output: c.ModuleOutput, w: Words) -> list[e.Element]:
    """The heading and the elements of one block's outputs."""
    method = t(f"method.{output.method}", w.lang)
    day = f"{w('day_n', n=output.day)} · " if output.day else ""
    out: list[e.Element] = [e.Orientation(landscape=True)] if isinstance(
        output, c.JourneyOutput
    ) else []
    out += [
        e.Heading(2, output.title, f"block-{output.block_id}"),
        e.Paragraph(f"{day}{method}", "note"),
    ]
    if isinstance(output, c.InterviewOutput):
        _interviews(output, w, out)
    elif isinstance(output, c.CafeOutput):
        _cafe(output, w, out)
    elif isinstance(output, c.JourneyOutput):
        _journeys(output, w, out)
    elif isinstance(output, c.VoteOutput):
        _votes(output, w, out)
    elif isinstance(output, c.TerritoryOutput):
        if output.prompt:
            out.append(e.Paragraph(output.prompt, "quote"))
        out.extend(_groups(output.groups, w))
    elif isinstance(output, c.NotesOutput):
        out.extend(_groups(output.groups, w))
    return out


def _item_text(item: c.Item, w: Words, dots: bool = False) -> str:
    text = f"★ {item.text}" if item.kept and dots else item.text
    if dots and item.dots:
        text += f" ({w.count('dots', item.dots)})"
    return text


def _groups(groups: tuple[c.ItemGroup, ...], w: Words, dots: bool = False) -> list[e.Element]:
    """Grouped items as a two-level list (titled groups) and a plain list (the others)."""
    out: list[e.Element] = []
    titled = [g for g in groups if g.title]
    if titled:
        out.append(e.Bullets(
            tuple(f"{g.title} ({len(g.items)})" for g in titled),
            sub=tuple(tuple(_item_text(i, w, dots) for i in g.items) for g in titled),
        ))  # fmt: skip
    for group in groups:
        if not group.title:
            if titled:
                out.append(e.Paragraph(w("ungrouped"), "label"))
            out.append(e.Bullets(tuple(_item_text(i, w, dots) for i in group.items)))
    return out


def _interviews(output: c.InterviewOutput, w: Words, out: list[e.Element]) -> None:
    if output.prompt:
        out.append(e.Paragraph(output.prompt, "quote"))
    count = sum(len(g.items) for g in output.groups)
    out.append(e.Paragraph(w.count("ingredients", count), "label"))
    out.extend(_groups(output.groups, w))


def _cafe(output: c.CafeOutput, w: Words, out: list[e.Element]) -> None:
    for question in output.questions:
        label = w("question_n", n=question.number) if question.number else w("cafe.other")
        out.append(e.Heading(3, f"{label} — {question.text}" if question.number else label))
        if question.kept:
            out.append(e.Paragraph(w.count("cafe.kept", len(question.kept)), "label"))
            out.append(e.Bullets(
                tuple(_item_text(i, w, True) for i in question.kept), numbered=True,
                sub=tuple(i.members for i in question.kept),
            ))  # fmt: skip
        elif question.number is not None:
            out.append(e.Paragraph(w("cafe.none_kept"), "note"))
        if question.groups:
            out.append(e.Paragraph(w.count("cafe.all", question.idea_count), "label"))
            out.extend(_groups(question.groups, w, dots=True))


EMOTION_MIN, EMOTION_MAX = -2, 2


def _journeys(output: c.JourneyOutput, w: Words, out: list[e.Element]) -> None:
    for index, journey in enumerate(output.maps):
        if index:
            out.append(e.PageBreak())
        title = journey.name + (f" — {w('team', name=journey.team)}" if journey.team else "")
        out.append(e.Heading(3, title))
        if journey.description:
            out.append(e.Paragraph(journey.description, "quote"))
        if not journey.stages:
            out.append(e.Paragraph(w("journey.no_steps"), "note"))
            continue
        for start in range(0, len(journey.stages), STAGES_PER_TABLE):
            stages = journey.stages[start : start + STAGES_PER_TABLE]
            out.append(_journey_table(stages, w))
        emotions = tuple(
            float(s.emotion) if s.emotion is not None else None for s in journey.stages
        )
        if any(x is not None for x in emotions):
            levels = range(EMOTION_MIN, EMOTION_MAX + 1)
            labels = tuple((float(v), w(f"emotion.{v}")) for v in levels)
            chart = e.Chart(
                "line", w("chart.emotion", name=journey.name),
                tuple(s.stage for s in journey.stages), (e.Series(journey.name, emotions),),
                value_min=EMOTION_MIN, value_max=EMOTION_MAX, value_labels=labels,
            )  # fmt: skip
            out.append(e.Figure(chart, describe_chart(chart, w), chart.title))
    out.append(e.Orientation(landscape=False))


def _journey_table(stages: tuple[c.JourneyStage, ...], w: Words) -> e.Table:
    def cell(values: tuple[str, ...]) -> str:
        return "\n".join(f"• {v}" for v in values) if len(values) > 1 else "".join(values)

    rows = (
        (w("journey.actions"), *(cell(s.actions) for s in stages)),
        (w("journey.touchpoints"), *(cell(s.touchpoints) for s in stages)),
        (w("journey.emotion"), *(w(f"emotion.{s.emotion}") if s.emotion is not None else "—"
                                 for s in stages)),
        (w("journey.pain_points"), *(cell(s.pain_points) for s in stages)),
        (w("journey.opportunities"), *(cell(s.opportunities) for s in stages)),
    )  # fmt: skip
    return e.Table(
        (w("journey.stage"), *(s.stage for s in stages)), rows,
        (1.6, *([3.0] * len(stages))), compact=True, first_column_header=True,
    )  # fmt: skip


def _votes(output: c.VoteOutput, w: Words, out: list[e.Element]) -> None:
    out.append(e.Paragraph(w("vote.intro", n=output.top_n)))
    for question in output.questions:
        if question.text and len(output.questions) > 1:
            out.append(e.Heading(3, question.text))
        elif question.text:
            out.append(e.Paragraph(question.text, "quote"))
        out.append(e.Paragraph(
            f"{w.count('dots', question.total_dots)} · {w.count('voters', question.voters)}",
            "note",
        ))  # fmt: skip
        rows, bold = [], set()
        for index, ranked in enumerate(question.ranking):
            rank = f"{ranked.rank}{'=' if ranked.tied else ''}"
            text = ranked.item.text
            if ranked.item.members:
                text += "\n" + "\n".join(f"• {m}" for m in ranked.item.members)
            rows.append((rank, text, str(ranked.dots), w("yes") if ranked.kept else ""))
            if ranked.kept:
                bold.add(index)
        out.append(e.Table(
            (w("col.rank"), w("col.idea"), w("col.dots"), w("col.kept")), tuple(rows),
            (0.8, 6, 1.2, 1.2), align=("r", "l", "r", "c"), emphasis=frozenset(bold),
            compact=len(rows) > 20,
        ))  # fmt: skip
        shown = question.ranking[:BARS_PER_CHART]
        if len(shown) > 1:
            chart = e.Chart(
                "hbar", w("chart.votes"), tuple(shorten(r.item.text, 90) for r in shown),
                (e.Series(w("col.dots"), tuple(float(r.dots) for r in shown)),), value_min=0,
                category_colours=tuple("#2E6F9E" if r.kept else "#A9BCD0" for r in shown),
                value_axis=w("col.dots"),
            )  # fmt: skip
            out.append(e.Figure(chart, describe_chart(chart, w), w("chart.votes")))
