"""Render a session's restitution to a file: read the journal, build, lay out, write atomically."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from labkit.document import elements as e
from labkit.document.formats import ReportFormat
from labkit.document.typography import typeset
from labkit.errors import InvalidInputError
from labkit.i18n import Lang, plain_writing, t
from labkit.model.naming import MaskedMention, NamingGuard
from labkit.report.build import build_report
from labkit.report.content import Report
from labkit.report.layout import layout
from labkit.store.atomic import write_bytes_atomic, write_text_atomic
from labkit.store.journal import JournalState
from labkit.store.safe_paths import file_in, folder_in, replaceable
from labkit.store.session_folder import SessionFolder

Progress = Callable[[int, int], None]
DECK_TEMPLATE = "deck-template.pptx"
"""The Lab's PowerPoint template, in the session folder, for `--format pptx`."""


@dataclass(frozen=True)
class Rendered:
    """What a render wrote."""

    path: Path
    report: Report
    extra_files: tuple[Path, ...] = ()
    masked: tuple[MaskedMention, ...] = ()
    """What the naming guard replaced: for the facilitator, never in the document."""


def default_output(folder: SessionFolder, fmt: ReportFormat | str) -> Path:
    """``<session folder>/restitution-<slug>.<ext>``."""
    return folder.root / f"restitution-{folder.session.slug}.{fmt}"


def journal_state(folder: SessionFolder) -> JournalState:
    """The state of the session's journal, read without writing anything beside it (see
    `labkit.store.journal.reading`); without a journal, the captures shipped as text
    (``captured.jsonl``, see `labkit.store.journal.captured`); else an empty state."""
    from labkit.store.journal.captured import captured_state
    from labkit.store.journal.reading import read_journal

    if not folder.journal_path.exists() and not folder.journal_path.is_symlink():
        shipped = captured_state(folder.root)
        return shipped if shipped is not None else JournalState()
    return read_journal(folder.journal_path, lambda journal: journal.state(), device="report")


def render_report(
    folder: SessionFolder,
    fmt: ReportFormat | str = ReportFormat.DOCX,
    out: Path | None = None,
    *,
    lang: str | None = None,
    named: bool = False,
    state: JournalState | None = None,
    progress: Progress | None = None,
) -> Rendered:
    """Write the restitution of the session in `folder` as `fmt` (docx, pdf, md or html).

    A PDF is the .docx converted by LibreOffice (`labkit.report.pdf`); a pptx is the short deck
    (`labkit.report.pptx_writer`), in the session folder's ``deck-template.pptx`` if there is one.

    The file is written atomically at `out` (default: `default_output`). A Markdown report gets
    its charts as PNG files in a ``<name>-charts/`` folder beside it.
    """
    try:
        fmt = ReportFormat(fmt)
    except ValueError:
        raise InvalidInputError(t("report.cli.bad_format", None, value=fmt,
                                  formats=", ".join(ReportFormat))) from None  # fmt: skip
    try:
        lang = Lang(lang) if lang is not None else None
    except ValueError:
        raise InvalidInputError(t("report.cli.bad_lang", None, value=lang,
                                  langs=", ".join(Lang))) from None  # fmt: skip
    state = state if state is not None else journal_state(folder)
    with plain_writing(not folder.session.inclusive_writing):
        guard = NamingGuard.for_session(folder.session, named=named, lang=lang)
        report = build_report(folder.session, state, lang=lang, named=named, guard=guard)
        doc = typeset(layout(report))
    path = replaceable(Path(out)) if out is not None else file_in(
        folder.root, default_output(folder, fmt)
    )
    extra: list[Path] = []
    if fmt is ReportFormat.DOCX:
        from labkit.report.docx_writer import render_docx

        write_bytes_atomic(path, render_docx(doc, root=folder.root, progress=progress))
    elif fmt is ReportFormat.PDF:
        from labkit.report.docx_writer import render_docx
        from labkit.report.pdf import docx_to_pdf

        docx = render_docx(doc, root=folder.root, progress=progress)
        write_bytes_atomic(path, docx_to_pdf(docx))
    elif fmt is ReportFormat.PPTX:
        from labkit.report.pptx_writer import render_pptx

        template = folder.root / DECK_TEMPLATE
        chosen = template if template.is_file() else None
        write_bytes_atomic(path, render_pptx(report, doc, chosen, folder.root))
    elif fmt is ReportFormat.HTML:
        from labkit.report.text_writers import render_html

        charts = _chart_renderer(doc.lang, progress, doc)
        write_text_atomic(path, render_html(doc, charts, folder.root))
    else:
        extra = _write_markdown(doc, path, progress)
    return Rendered(path, report, tuple(extra), tuple(guard.masked))


def _chart_renderer(
    lang: str, progress: Progress | None, doc: e.ReportDocument
) -> Callable[[e.Chart], bytes]:
    from labkit.i18n import format_number
    from labkit.report.charts import render_chart

    total = max(len(doc.figures), 1)
    done = [0]

    def draw(chart: e.Chart) -> bytes:
        png = render_chart(chart, lambda x: format_number(x, lang))
        done[0] += 1
        if progress is not None:
            progress(done[0], total)
        return png

    return draw


def _write_markdown(doc: e.ReportDocument, path: Path, progress: Progress | None) -> list[Path]:
    from labkit.report.text_writers import render_markdown

    folder = path.with_name(f"{path.stem}-charts")
    if doc.figures:  # beside the report, never through a link to elsewhere
        folder_in(path.parent, folder)
    draw = _chart_renderer(doc.lang, progress, doc)
    links: dict[int, str] = {}
    written: list[Path] = []
    for index, figure in enumerate(doc.figures, 1):
        target = folder / f"figure-{index:02d}.png"
        write_bytes_atomic(file_in(folder, target), draw(figure.chart))
        links[index - 1] = f"{folder.name}/{target.name}"
        written.append(target)
    write_text_atomic(path, render_markdown(doc, links))
    return written
