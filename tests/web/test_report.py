"""Phone contributions in the restitution: counted and quoted like any other, with their source,
and never a name without consent."""

from __future__ import annotations

from labkit.report.build import build_report
from labkit.store.session_folder import open_session
from tests.web.conftest import Served, csrf_of, join


def _post(phone: object, text: str) -> None:
    page = phone.get("/me")  # type: ignore[attr-defined]
    answer = phone.post("/me/contribute", data={  # type: ignore[attr-defined]
        "csrf": csrf_of(page.text), "block": "cafe", "kind": "idea", "text": text})
    assert answer.status_code == 303


def test_the_annex_quotes_phone_and_host_entries_with_their_source(cafe: Served) -> None:
    with cafe.client() as phone, cafe.client() as host, cafe.client() as named:
        join(phone, cafe, table=2, group="ds")
        join(host, cafe, table=1, host=True)
        join(named, cafe, table=2, group="cons")
        page = named.get("/me/name")
        named.post("/me/name", data={"csrf": csrf_of(page.text), "name": "Camille",
                                     "consent": "1"})
        _post(phone, "Idée d'un téléphone")
        _post(host, "Idée de la table 1")
        _post(named, "Idée signée")
    cafe.journal.add_contribution("Idée du facilitateur", kind="idea", block_id="cafe")
    session = open_session(cafe.root).session
    report = build_report(session, cafe.journal.state())
    (block,) = [b for b in report.annex if b.block_id == "cafe"]
    entries = {e.text: e for e in block.entries}
    assert len(entries) == 4
    assert "saisi sur téléphone" in entries["Idée d'un téléphone"].where
    assert "table 2" in entries["Idée d'un téléphone"].where
    assert "saisi par l'hôte de table" in entries["Idée de la table 1"].where
    assert "saisi" not in entries["Idée du facilitateur"].where
    assert entries["Idée d'un téléphone"].author is None
    assert entries["Idée signée"].author is None  # named only with --named
    assert build_report(session, cafe.journal.state(), named=True).annex[0].entries
    named_entries = {e.text: e for b in build_report(session, cafe.journal.state(),
                                                     named=True).annex for e in b.entries}
    assert named_entries["Idée signée"].author == "Camille"
    assert named_entries["Idée d'un téléphone"].author is None
