"""The participant pages against a real server on loopback: join, contribute, vote, survey."""

from __future__ import annotations

from tests.web.conftest import Served, csrf_of, join


def test_join_by_table_link_then_post_an_idea(cafe: Served) -> None:
    with cafe.client() as phone:
        join(phone, cafe, table=2)
        page = phone.get("/me")
        assert page.status_code == 200
        assert "Q2" in page.text  # table 2's question in round 1 (per_table)
        answer = phone.post("/me/contribute", data={
            "csrf": csrf_of(page.text), "block": "cafe", "kind": "idea",
            "text": "Une crèche <b>ouverte</b> tôt"})
        assert answer.status_code == 303
        assert "ok=web.sent" in answer.headers["location"]
        again = phone.get("/me")
        assert "Une crèche &lt;b&gt;ouverte&lt;/b&gt; tôt" in again.text
    ideas = [c for c in cafe.journal.state().contributions.values() if c.block_id == "cafe"]
    assert [(c.text, c.table, c.round, c.question, c.kind, c.device) for c in ideas] == [
        ("Une crèche <b>ouverte</b> tôt", 2, 1, 2, "idea", "phone")]
    assert ideas[0].recorder.startswith("web-")
    assert ideas[0].author is None


def test_table_host_enters_the_tables_ideas_as_host(cafe: Served) -> None:
    with cafe.client() as host:
        join(host, cafe, table=1, host=True)
        page = host.get("/me")
        assert "Idée de la table" in page.text
        host.post("/me/contribute", data={"csrf": csrf_of(page.text), "block": "cafe",
                                          "kind": "idea", "text": "Idée de la table 1"})
    (idea,) = cafe.journal.state().contributions.values()
    assert (idea.device, idea.table, idea.question) == ("host", 1, 1)
