"""The example restitutions through LibreOffice: nothing lost, French, a TOC with page numbers.

Each example is rendered and converted once (module fixture); `pdftotext` reads the PDF back.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from labkit.report import render_report
from labkit.report.pdf import soffice
from labkit.resources import data_dir
from labkit.store.journal.captured import captured_state
from labkit.store.session_folder import open_session

EXAMPLES = ("garde-enfants-parents", "cooperation-territoriale", "atelier-collaboratif")

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(soffice() is None or shutil.which("pdftotext") is None,
                       reason="needs libreoffice-writer-nogui and poppler-utils"),
]  # fmt: skip


def _squash(text: str) -> str:
    """Text without any kind of space or hyphenation, for comparing across line breaks."""
    return re.sub(r"[\s\u00a0\u202f\u2009\u00ad]+", "", text).replace("’", "'")


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("pdf")
    paths = {}
    for name in EXAMPLES:
        folder = open_session(data_dir("examples") / name)
        paths[name] = render_report(folder, "pdf", out / f"{name}.pdf").path
    return paths


def _text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True, timeout=60).stdout  # fmt: skip


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_contribution_of_the_journal_is_in_the_pdf(name: str, pdfs: dict[str, Path]) -> None:
    state = captured_state(open_session(data_dir("examples") / name).root)
    text = _squash(_text(pdfs[name]))
    missing = [c.contribution_id for c in state.contributions.values()
               if _squash(c.text) not in text]  # fmt: skip
    assert not missing, f"{len(missing)} contributions missing from the PDF: {missing[:10]}"


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_pdf_is_french_with_a_paged_table_of_contents(name: str, pdfs: dict[str, Path]
                                                           ) -> None:  # fmt: skip
    raw = pdfs[name].read_bytes()
    assert b"/Lang(fr-FR)" in raw.replace(b" ", b"")
    text = _text(pdfs[name])
    toc = text.split("Sommaire", 1)[1][:3000]
    assert re.search(r"Contexte et objectifs\s*\.*\s*\d+", toc), toc[:400]


def test_each_journey_curve_shares_its_page_with_its_table(pdfs: dict[str, Path]) -> None:
    """No landscape page holds a curve alone, the rest of the page empty (issue 12, point 4:
    no near-empty pages): the curve follows its table on the same page."""
    path = pdfs["garde-enfants-parents"]
    pages = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                           text=True, check=True, timeout=60).stdout.split("\f")  # fmt: skip
    curves = [page for page in pages if "Courbe des émotions —" in page]
    assert len(curves) >= 5
    for page in curves:
        assert "Étape" in page and "Irritants" in page, page[:300]


NEAR_EMPTY_LINES = 12
"""A page with fewer lines of text than this, and no picture, is near-empty."""


def _run(*argv: str) -> str:
    return subprocess.run(argv, capture_output=True, text=True, check=True, timeout=60).stdout


@pytest.mark.parametrize("name", EXAMPLES)
def test_no_page_is_near_empty(name: str, pdfs: dict[str, Path]) -> None:
    """Issue 12, point 4: no near-empty pages (the thanks and contact alone on a page before a
    page break, the end of a module alone before a landscape section). Not counted: the cover
    and the last page."""
    path = str(pdfs[name])
    pages = _text(pdfs[name]).split("\f")[:-1]
    pictured = {int(line.split()[0]) for line in _run("pdfimages", "-list", path).splitlines()[2:]}
    near_empty = [
        number for number, page in enumerate(pages, 1)
        if 1 < number < len(pages) and number not in pictured
        and len([line for line in page.splitlines() if line.strip()]) < NEAR_EMPTY_LINES
    ]  # fmt: skip
    assert not near_empty, f"near-empty pages: {near_empty}"


FILLED = 0.40
"""How far down its text area a page's content must reach (cover and last page aside)."""
CHAPTER_END_FILLED = 0.10
"""A chapter's last page, the next chapter starting a page (a landscape section's break)."""
BODY_CM = (2.2, 2.2)
"""The header's and the footer's bands (cm from the page's top and bottom edges), not counted."""


def _fills(path: Path, folder: Path) -> list[float]:
    """How far down each page's text area (between the header and footer bands) the lowest ink
    reaches, 0 to 1, from a 30 dpi greyscale rendering."""
    from PIL import Image

    subprocess.run(["pdftoppm", "-png", "-gray", "-r", "30", str(path), str(folder / "p")],
                   check=True, timeout=120)  # fmt: skip
    fills = []
    for png in sorted(folder.glob("p-*.png"), key=lambda p: int(p.stem.split("-")[1])):
        with Image.open(png) as image:
            width, height = image.size
            per_cm = height / (21.0 if width > height else 29.7)
            top, bottom = round(BODY_CM[0] * per_cm), height - round(BODY_CM[1] * per_cm)
            band = image.crop((0, top, width, bottom)).point(lambda v: 255 if v < 200 else 0)
            box = band.getbbox()
            fills.append(box[3] / (bottom - top) if box else 0.0)
    return fills


def _toc(text: str) -> list[tuple[int, str]]:
    """The contents' entries, (level, title): a dotted leader and a page number; a chapter's
    title is not indented."""
    entries = []
    for line in text.splitlines():
        match = re.match(r"^(\s*)(\S.*?)\s*\.{3,}\s*\d+$", line)
        if match:
            entries.append((1 if not match.group(1) else 2, match.group(2)))
    return entries


def _body(page: str) -> list[str]:
    """A page's lines of text, squashed, without the running header and footer."""
    lines = [_squash(line) for line in page.splitlines() if line.strip()]
    return lines[1:-1]


@pytest.mark.parametrize("name", EXAMPLES)
def test_no_page_ends_early_before_a_section_break(name: str, pdfs: dict[str, Path],
                                                   tmp_path: Path) -> None:  # fmt: skip
    """Issue 12, point 4: no near-empty pages. A section break (a landscape section) starts a
    new page, so whatever portrait text came before it left the rest of its page blank
    (garde-enfants-parents p. 8: the end of a module, 29 % of the page, then a landscape page).

    Measured on LibreOffice's PDF rendered as an image: every page's content reaches at least
    FILLED of the way down its text area (pictures and charts count), except the cover, the last
    page, and a chapter's last page when the next page opens on a chapter title (the contents'
    unindented entries): that page may end early, as a chapter's end, but not near-empty
    (CHAPTER_END_FILLED). A page whose content stops early mid-chapter is what a section break,
    a page break or a block kept together too large for the page's rest leaves."""
    text = _text(pdfs[name])
    pages = text.split("\f")[:-1]
    chapters = {_squash(title) for level, title in _toc(text) if level == 1}
    fills = _fills(pdfs[name], tmp_path)
    assert len(fills) == len(pages)
    short = []
    for number, fill in enumerate(fills[1:-1], 2):
        first = (_body(pages[number]) or [""])[0]  # the next page's first line
        opens_chapter = any(first == c or (len(first) > 12 and c.startswith(first))
                            for c in chapters)  # fmt: skip
        if fill < (CHAPTER_END_FILLED if opens_chapter else FILLED):
            short.append(f"p. {number}: {fill:.0%}")
    assert not short, f"pages ending early: {short}"


@pytest.mark.parametrize("name", EXAMPLES)
def test_no_heading_is_stranded_at_a_page_bottom(name: str, pdfs: dict[str, Path]) -> None:
    """Issue 12, point 4: no heading at a page's bottom, its content on the next page. Every
    chapter or section title of the contents, where it stands in the text, has at least two
    lines under it on its page (its « Jour 1 · method » line alone does not do)."""
    text = _text(pdfs[name])
    titles = {_squash(title) for _, title in _toc(text)}
    stranded = []
    for number, page in enumerate(text.split("\f")[:-1], 1):
        if re.search(r"\.{5,}\s*\d+\s*$", page, re.M):
            continue  # the contents
        lines = _body(page)
        for index, line in enumerate(lines):
            for title in titles:
                if not line or not title.startswith(line) or len(line) < min(len(title), 12):
                    continue
                end, seen = index + 1, line
                while seen != title and end < len(lines) and title.startswith(seen + lines[end]):
                    seen += lines[end]
                    end += 1
                if seen == title and len(lines) - end < 2:
                    stranded.append(f"p. {number}: {title[:40]}")
    assert not stranded, f"headings alone at a page bottom: {stranded}"
