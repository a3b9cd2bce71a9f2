"""What a sponsor's report has beyond the journal (issue 12, point 3): the logos and the edition
on the cover, the sponsor's foreword, « Les suites » (next meeting, who follows up, the next
deadlines), the thanks and contact block, and the photo annex (upright, compressed)."""

from __future__ import annotations

import base64
import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.oxml.ns import qn
from PIL import Image

from labkit.document import elements as e
from labkit.report import build_report, journal_state, layout, render_report
from labkit.report.photos import MAX_PHOTO_BYTES, MAX_SIDE_PX, photo_budget, prepare_photo
from labkit.store.journal import Journal
from labkit.store.session_folder import SessionFolder, open_session
from tests.report.conftest import _capture

RESTITUTION = {
    "foreword": "Cette journée a compté.\nElle nous engage.\n\nMerci à toutes et à tous.",
    "foreword_by": "Marie Préfète, sous-préfète",
    "sponsor_logo": "logo-sponsor.png",
    "follow_up": "Le Lab et la DREETS",
    "next_meeting": {"date": "2026-09-23", "what": "Comité de suivi", "where": "Bobigny"},
    "thanks": "Merci aux hôtes de table.",
    "version": "2.1",
    "date": "2026-03-30",
}


def _logo(path: Path, size: tuple[int, int], colour: str) -> None:
    Image.new("RGB", size, colour).save(path)


@pytest.fixture
def sponsored(
    write_session: Callable[..., Path], session_data: dict[str, Any]
) -> SessionFolder:
    """`captured` with a `restitution:` section, a contact, both logos and two more
    commitments (one done, one due earlier)."""
    session_data["restitution"] = dict(RESTITUTION)
    session_data["logo"] = "logo-lab.png"
    session_data["sponsor"] = "Préfecture de la Seine-Saint-Denis"
    session_data["organisers"] = [{"name": "DREETS", "role": "co-organisatrice"}]
    session_data["contact"] = {"name": "Camille Martin", "email": "camille@lab.example"}
    folder, _ = _capture(write_session, session_data)
    _logo(folder.root / "logo-lab.png", (400, 100), "#1F3A68")
    _logo(folder.root / "logo-sponsor.png", (200, 200), "#7A3E8E")
    with Journal.open(folder.journal_path, device="test") as journal:
        for what, due, status in (("Signer la convention", "2026-04-15", "committed"),
                                  ("Réunir les financeurs", "2026-04-01", "done")):  # fmt: skip
            journal.record({"type": "commitment.added", "what": what, "territory": "93",
                            "due": due, "status": status})  # fmt: skip
    return open_session(folder.root)


def _elements(folder: SessionFolder) -> tuple[e.Element, ...]:
    report = build_report(folder.session, journal_state(folder), lang="fr")
    return layout(report).elements


def _section(elements: tuple[e.Element, ...], title: str) -> list[e.Element]:
    """The elements under the level-1 heading `title`, up to the next level-1 heading."""
    start = next(i for i, x in enumerate(elements)
                 if isinstance(x, e.Heading) and x.level == 1 and x.text == title)  # fmt: skip
    end = next((i for i, x in enumerate(elements[start + 1:], start + 1)
                if isinstance(x, e.Heading) and x.level == 1), len(elements))  # fmt: skip
    return list(elements[start + 1:end])


def _texts(elements: list[e.Element]) -> list[str]:
    found: list[str] = []
    for x in elements:
        if isinstance(x, e.Paragraph | e.Heading):
            found.append(x.text)
        elif isinstance(x, e.Bullets):
            found.extend(x.items)
    return found


def test_the_foreword_comes_first_signed_and_in_paragraphs(sponsored: SessionFolder) -> None:
    elements = _elements(sponsored)
    titles = [x.text for x in elements if isinstance(x, e.Heading) and x.level == 1]
    assert titles[:2] == ["Avant-propos", "L'essentiel"]
    assert _texts(_section(elements, "Avant-propos")) == [
        "Cette journée a compté. Elle nous engage.", "Merci à toutes et à tous.",
        "Marie Préfète, sous-préfète",
    ]  # fmt: skip


def test_no_foreword_without_its_text(captured) -> None:  # noqa: ANN001
    folder, _ = captured
    titles = [x.text for x in _elements(folder) if isinstance(x, e.Heading)]
    assert "Avant-propos" not in titles
    assert "Remerciements" in titles  # the default thanks are always there


def test_next_steps_name_the_meeting_the_follow_up_and_the_next_deadlines(
    sponsored: SessionFolder,
) -> None:
    texts = _texts(_section(_elements(sponsored), "Les suites"))
    assert texts[0] == "Prochain rendez-vous\u00a0: Comité de suivi, le 23 septembre 2026 (Bobigny)"
    assert texts[1] == "Suivi des engagements\u00a0: Le Lab et la DREETS."
    assert "Les prochaines échéances des engagements" in texts
    deadlines = [x for x in texts if re.match(r"\d+ \w+ 2026 : ", x)]
    assert deadlines[0].startswith("15 avril 2026 : Signer la convention")
    assert all("Réunir les financeurs" not in x for x in deadlines)  # done: no longer due
    assert len(deadlines) == 4  # the earlier one and the fixture's three, by date


def test_thanks_and_contact_close_the_body(sponsored: SessionFolder) -> None:
    section = _texts(_section(_elements(sponsored), "Remerciements"))
    assert section == [
        "Merci aux hôtes de table.",
        "Organisation et contact",
        f"Session conçue et animée par {sponsored.session.lab}.",
        "Session coorganisée avec DREETS (co-organisatrice).",
        "Pour toute question\u00a0: Camille Martin · camille@lab.example",
    ]


def test_the_cover_shows_both_logos_and_the_edition_in_word(
    sponsored: SessionFolder, tmp_path: Path
) -> None:
    document = Document(str(render_report(sponsored, "docx", tmp_path / "r.docx").path))
    body = document.element.body
    alts = [el.get("descr", "") for el in body.iter(qn("wp:docPr"))]
    lab = sponsored.session.lab
    assert alts[:2] == [f"Logo\u00a0: {lab}", "Logo\u00a0: Préfecture de la Seine-Saint-Denis"]
    texts = [p.text for p in document.paragraphs]
    cover = texts[: texts.index("Table des matières")] if "Table des matières" in texts else texts
    assert "Version 2.1 du 30 mars 2026" in cover
    extents = [int(x.get("cy")) for x in body.iter(qn("wp:extent"))][:2]
    assert all(cy <= 2.4 * 360000 + 1 for cy in extents)  # each logo within its 2.4 cm box


def test_the_edition_defaults_to_the_day_the_report_is_made(captured) -> None:  # noqa: ANN001
    import datetime as dt

    folder, _ = captured
    report = build_report(folder.session, journal_state(folder), lang="fr",
                          today=dt.date(2026, 7, 1))  # fmt: skip
    assert layout(report).cover.edition == "Version 1.0 du 1er juillet 2026"


def test_a_missing_logo_is_left_off_and_the_report_still_written(
    sponsored: SessionFolder, tmp_path: Path
) -> None:
    (sponsored.root / "logo-sponsor.png").unlink()
    document = Document(str(render_report(sponsored, "docx", tmp_path / "r.docx").path))
    alts = [el.get("descr", "") for el in document.element.body.iter(qn("wp:docPr"))]
    assert not any("Seine-Saint-Denis" in alt for alt in alts)
    assert any(alt.startswith("Logo") for alt in alts)


def _phone_photo(path: Path, orientation: int = 6) -> None:
    """A 4000 × 3000 photo stored sideways, as a phone held upright saves it (EXIF tag 274)."""
    image = Image.effect_noise((4000, 3000), 60).convert("RGB")
    exif = Image.Exif()
    exif[274] = orientation
    image.save(path, "JPEG", quality=95, exif=exif)


def test_a_phone_photo_is_turned_upright_and_compressed(tmp_path: Path) -> None:
    source = tmp_path / "paperboard.jpg"
    _phone_photo(source)
    photo = prepare_photo(source, photo_budget(1))
    assert (photo.width, photo.height) == (MAX_SIDE_PX * 3 // 4, MAX_SIDE_PX)  # upright
    assert len(photo.data) <= MAX_PHOTO_BYTES < source.stat().st_size
    with Image.open(io.BytesIO(photo.data)) as reopened:
        assert reopened.getexif().get(274) in (None, 1)  # no tag left to turn it again


def test_many_photos_share_the_budget_of_one_document(tmp_path: Path) -> None:
    source = tmp_path / "nappe.jpg"
    _phone_photo(source, orientation=1)
    budget = photo_budget(40)
    assert budget * 40 <= 12 * 1024 * 1024
    assert len(prepare_photo(source, budget).data) <= budget


def test_the_photo_annex_shows_photos_upright_in_word_and_html(
    captured, tmp_path: Path  # noqa: ANN001
) -> None:
    folder, _ = captured
    source = tmp_path / "paperboard.jpg"
    _phone_photo(source)
    with Journal.open(folder.journal_path, device="test") as journal:
        journal.attach(source, caption="Le paperboard de la table 1", block_id="cafe")
    path = render_report(folder, "docx", tmp_path / "photos.docx").path
    document = Document(str(path))
    inline = next(
        x for x in document.element.body.iter(qn("wp:inline"))
        if x.find(qn("wp:docPr")).get("descr", "").endswith("Le paperboard de la table 1")
    )  # fmt: skip
    extent = inline.find(qn("wp:extent"))
    assert int(extent.get("cy")) > int(extent.get("cx"))  # portrait, as the flipchart stood
    assert path.stat().st_size < 3 * 1024 * 1024  # not the 5 MB of the original
    html = render_report(folder, "html", tmp_path / "photos.html").path.read_text("utf-8")
    found = re.search(r'<img class="photo" src="data:image/jpeg;base64,([^"]+)" alt="([^"]+)"',
                      html)  # fmt: skip
    assert found and "Le paperboard de la table 1" in found[2]
    with Image.open(io.BytesIO(base64.b64decode(found[1]))) as shown:
        assert shown.height > shown.width


def test_the_html_cover_embeds_the_logos_with_their_alt_text(
    sponsored: SessionFolder, tmp_path: Path
) -> None:
    html = render_report(sponsored, "html", tmp_path / "r.html").path.read_text("utf-8")
    logos = re.findall(r'<img class="logo" src="data:image/png;base64,[^"]+" alt="([^"]+)"', html)
    assert logos == [f"Logo\u00a0: {sponsored.session.lab}",
                     "Logo\u00a0: Préfecture de la Seine-Saint-Denis"]  # fmt: skip
    assert "Version 2.1 du 30\u00a0mars 2026" in html or "Version 2.1 du 30 mars 2026" in html


def test_a_misspelt_restitution_field_is_an_error_naming_it(
    write_session: Callable[..., Path], session_data: dict[str, Any]
) -> None:
    from labkit.errors import InvalidInputError

    session_data["restitution"] = {"forword": "Un mot"}
    path = write_session(session_data)
    with pytest.raises(InvalidInputError, match=r"restitution\.forword|forword"):
        open_session(path.parent)


def test_the_deck_title_slide_carries_both_logos(sponsored: SessionFolder, tmp_path: Path) -> None:
    from pptx import Presentation

    deck = Presentation(str(render_report(sponsored, "pptx", tmp_path / "r.pptx").path))
    pictures = [s for s in deck.slides[0].shapes if s.shape_type == 13]  # MSO_SHAPE_TYPE.PICTURE
    alts = [p._element.nvPicPr.cNvPr.get("descr") for p in pictures]
    assert alts == [f"Logo\u00a0: {sponsored.session.lab}",
                    "Logo\u00a0: Préfecture de la Seine-Saint-Denis"]  # fmt: skip
    assert pictures[0].left < pictures[1].left  # the Lab's left, the sponsor's right
