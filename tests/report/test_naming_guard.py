"""The naming guard at the report's boundary (issue 15, privacy): owners typed as a last name,
an e-mail or "M. Lastname", authors under ``--named``, free-text comments; every format."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from typer.testing import CliRunner

from labkit.cli.app import app
from labkit.model.naming import NamingGuard, name_words, significant
from labkit.model.text import folded_words
from labkit.report import render_report
from labkit.report.build import build_report
from labkit.report.content import Report
from labkit.store.examples import copy_example
from labkit.store.journal import Journal
from labkit.store.session_folder import SessionFolder, open_session

JULIE = "julie.lefort@example.org"  # p03, job seeker: never named
MARC = "marc.ferrand@example.org"  # p04, did not consent


@pytest.fixture
def folder(write_session: Callable[..., Path], session_data: dict[str, Any]) -> SessionFolder:
    people = session_data["participants"]
    people[0].update(last_name="Dupont", consent_named=True)  # Hélène
    people[2].update(last_name="Lefort", email=JULIE, consent_named=True)  # Julie, vulnerable
    people[3].update(last_name="Ferrand", email=MARC)  # Marc
    path = write_session(session_data, folder="guarded")
    with Journal.open(path.parent / "journal.db", device="test") as journal:
        for what, owner in (("Ouvrir dix places", "Lefort"), ("Un guichet", MARC),
                            ("Des horaires", "M. Ferrand"), ("Un référent", "Hélène Dupont")):
            journal.record({"type": "commitment.added", "what": what, "owner_person": owner,
                            "owner_organisation": "Org", "territory": "93",
                            "status": "committed"})  # fmt: skip
        journal.add_contribution("L'idée de Mme Lefort, reprise par Hélène Dupont",
                                 block_id="cafe", question=1, author="Lefort")  # fmt: skip
        journal.record({"type": "survey.answered", "group": "cons", "scores": {"satisfaction": 4},
                        "comment": f"Merci à Mme Ferrand ({MARC}) et à x.y@ailleurs.fr"})
    return open_session(path.parent)


def _owners(report: Report) -> dict[str, str | None]:
    return {r.what: r.owner for s in report.commitments for g in s.groups for r in g.rows}


def test_an_owner_typed_as_a_vulnerable_members_last_name_is_not_printed(
    folder: SessionFolder,
) -> None:
    owners = _owners(build_report(folder.session, _state(folder)))
    assert owners["Ouvrir dix places"] == "Org"
    assert owners["Un référent"] == "Hélène Dupont (Org)"  # she consented


def test_an_owner_given_as_an_email_or_a_civility_and_last_name_is_not_printed(
    folder: SessionFolder,
) -> None:
    owners = _owners(build_report(folder.session, _state(folder)))
    assert owners["Un guichet"] == "Org" and owners["Des horaires"] == "Org"


def test_named_never_prints_a_vulnerable_members_last_name_in_the_annex(
    folder: SessionFolder,
) -> None:
    report = build_report(folder.session, _state(folder), named=True)
    (entry,) = [e for block in report.annex for e in block.entries]
    assert entry.author == "Participant·e 3"
    assert entry.text == "L'idée de Participant·e 3, reprise par Hélène Dupont"
    assert _owners(report)["Des horaires"] == "Marc Ferrand (Org)"  # --named: Marc may be named


def test_a_survey_comment_loses_names_and_every_email(folder: SessionFolder) -> None:
    report = build_report(folder.session, _state(folder))
    assert report.satisfaction is not None
    assert report.satisfaction.comments == (
        "Merci à Participant·e 4 (Participant·e 4) et à [adresse e-mail masquée]",)


def test_the_cover_and_credits_keep_the_organisers_contact(
    write_session: Callable[..., Path], session_data: dict[str, Any]
) -> None:
    """The organisers publish their contact on purpose: the guard leaves it, even when the
    contact is also a participant who did not consent."""
    session_data["participants"][3].update(last_name="Ferrand", email=MARC)  # Marc
    session_data["contact"] = {"name": "Marc Ferrand", "email": MARC}
    folder = open_session(write_session(session_data, folder="contact").parent)
    report = build_report(folder.session, _state(folder))
    assert report.credits is not None and report.credits.contact == ("Marc Ferrand", MARC)


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "pptx"])
def test_no_format_prints_a_protected_name(folder: SessionFolder, tmp_path: Path,
                                           fmt: str) -> None:  # fmt: skip
    rendered = render_report(folder, fmt, tmp_path / f"out.{fmt}")
    text = _text(rendered.path)
    for leak in ("Lefort", "Ferrand", JULIE, MARC, "x.y@ailleurs.fr"):
        assert leak not in text, (fmt, leak)
    assert "Hélène Dupont" in text
    kinds = {(m.kind, m.original) for m in rendered.masked}
    assert ("name", "Mme Lefort") in kinds and ("email", MARC) in kinds


def test_report_command_counts_what_it_masked_outside_the_document(
    folder: SessionFolder, tmp_path: Path
) -> None:
    out = tmp_path / "r.md"
    result = CliRunner().invoke(app, ["report", str(folder.root), "-f", "md", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Masqués par le garde-nom\u00a0: 2 noms, 2 adresses e-mail (--show-masked" in (
        result.output)
    listed = CliRunner().invoke(app, ["report", str(folder.root), "-f", "md", "-o", str(out),
                                      "--show-masked"])  # fmt: skip
    assert "«\u00a0Mme Lefort\u00a0» → Participant 3" in listed.output  # plain writing: no « ·e »
    assert "garde-nom" not in out.read_text(encoding="utf-8")


def test_a_bundled_example_report_leaks_no_protected_name(sessions_dir: Path,
                                                          tmp_path: Path) -> None:  # fmt: skip
    """`labkit report` on an example, with notes that name its job seekers, grepped for leaks."""
    root = copy_example("garde-enfants-parents", sessions_dir)
    session = open_session(root).session
    guard = NamingGuard.for_session(session, named=True)
    personas = {name_words(x.name)[0] for _, block in session.blocks()
                for x in getattr(block.method, "personas", None) or ()}  # fmt: skip
    assert "ines" in personas  # « Inès, 27 ans »: a first name read as the persona's
    protected = [p for p in session.participants if not guard.may_name(p)
                 and not personas & set(name_words(p.first_name))]  # fmt: skip
    assert sum(p.group == "parents" for p in protected) >= 3
    with Journal.open(root / "journal.db", device="test") as journal:
        for p in protected[:6]:
            journal.add_contribution(f"{p.first_name} propose\u00a0: écrire à"
                                     f" {p.first_name.lower()}"
                                     f"@mail.example", kind="note")  # fmt: skip
    out = tmp_path / "example.md"
    result = CliRunner().invoke(app, ["report", "garde-enfants-parents", "--named", "-f", "md",
                                      "-o", str(out)])  # fmt: skip
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    capitalised = {w.folded for w in folded_words(text) if text[w.start].isupper()}
    for p in protected:
        left = set(significant(name_words(p.first_name) + name_words(p.last_name))) & capitalised
        # a protected first name may remain only inside a consenting person's compound name
        assert not left or all(_inside_named_name(word, session, guard) for word in left), p
    assert "@mail.example" not in text


def _inside_named_name(word: str, session: Any, guard: NamingGuard) -> bool:
    return any(word in name_words(p.full_name) and len(name_words(p.first_name)) > 1
               for p in session.participants if guard.may_name(p))  # fmt: skip


def _state(folder: SessionFolder) -> Any:
    from labkit.report.render import journal_state

    return journal_state(folder)


def _text(path: Path) -> str:
    if path.suffix == ".docx":
        document = Document(str(path))
        cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
        return "\n".join([p.text for p in document.paragraphs] + cells)
    if path.suffix == ".pptx":
        from pptx import Presentation

        return "\n".join(shape.text_frame.text for slide in Presentation(str(path)).slides
                         for shape in slide.shapes if shape.has_text_frame)  # fmt: skip
    return path.read_text(encoding="utf-8")
