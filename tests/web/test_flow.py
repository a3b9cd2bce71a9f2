"""The participant pages against a real server on loopback: join, contribute, vote, survey."""

from __future__ import annotations

from tests.web.conftest import Served, csrf_of, join


def test_join_by_table_link_then_post_an_idea(cafe: Served) -> None:
    with cafe.client() as phone:
        join(phone, cafe, table=2)
        page = phone.get("/me")
        assert page.status_code == 200
        assert "Q2" in page.text  # table 2's question in round 1 (per_table)
        answer = phone.post(
            "/me/contribute",
            data={
                "csrf": csrf_of(page.text),
                "block": "cafe",
                "kind": "idea",
                "text": "Une crèche <b>ouverte</b> tôt",
            },
        )
        assert answer.status_code == 303
        assert "ok=web.sent" in answer.headers["location"]
        again = phone.get("/me")
        assert "Une crèche &lt;b&gt;ouverte&lt;/b&gt; tôt" in again.text
    ideas = [c for c in cafe.journal.state().contributions.values() if c.block_id == "cafe"]
    assert [(c.text, c.table, c.round, c.question, c.kind, c.device) for c in ideas] == [
        ("Une crèche <b>ouverte</b> tôt", 2, 1, 2, "idea", "phone")
    ]
    assert ideas[0].recorder.startswith("web-")
    assert ideas[0].author is None


def test_table_host_enters_the_tables_ideas_as_host(cafe: Served) -> None:
    with cafe.client() as host:
        join(host, cafe, table=1, host=True)
        page = host.get("/me")
        assert "Idée de la table" in page.text
        host.post(
            "/me/contribute",
            data={
                "csrf": csrf_of(page.text),
                "block": "cafe",
                "kind": "idea",
                "text": "Idée de la table 1",
            },
        )
    (idea,) = cafe.journal.state().contributions.values()
    assert (idea.device, idea.table, idea.question) == ("host", 1, 1)


def _ideas(served: Served, count: int) -> list[str]:
    """`count` café ideas recorded by the facilitator, then the café ended and the vote started."""
    ids = [served.journal.add_contribution(f"Idée {n}", kind="idea", block_id="cafe",
                                           question=1) for n in range(count)]  # fmt: skip
    served.journal.end_round("cafe")
    served.journal.end_block("cafe")
    served.journal.start_block("vote")
    return ids


def _vote(phone: object, items: list[str]) -> object:
    page = phone.get("/me")  # type: ignore[attr-defined]
    return phone.post(
        "/me/vote",
        data={
            "csrf": csrf_of(page.text),
            "block": "vote",  # type: ignore[attr-defined]
            "item": items,
        },
    )


def _my_dots(served: Served) -> dict[str, int]:
    totals: dict[str, int] = {}
    for vote in served.journal.state().votes.values():
        totals[vote.item_id] = totals.get(vote.item_id, 0) + vote.dots
    return totals


def test_vote_within_the_budget_changeable_never_doubled(cafe: Served) -> None:
    ids = _ideas(cafe, 6)  # six options: two dots each
    with cafe.client() as phone:
        join(phone, cafe)
        assert "2 gommettes" in phone.get("/me").text
        assert _vote(phone, ids[:2]).status_code == 303
        assert _my_dots(cafe) == {ids[0]: 1, ids[1]: 1}
        changed = _vote(phone, [ids[2], ids[2]])  # the same idea twice counts once
        assert changed.status_code == 303
        assert _my_dots(cafe) == {ids[2]: 1}
        over = _vote(phone, ids[:3])
        assert over.status_code == 400
        assert "Trop de choix" in over.text
        unknown = _vote(phone, ["c999"])
        assert unknown.status_code == 400
        assert "pas soumise au vote" in unknown.text
    assert _my_dots(cafe) == {ids[2]: 1}


def test_the_vote_notice_counts_its_dots_and_takes_only_a_number_from_the_address(
    cafe: Served,
) -> None:
    ids = _ideas(cafe, 6)
    with cafe.client() as phone:
        join(phone, cafe)
        saved = _vote(phone, ids[:1])
        assert saved.headers["location"].endswith("ok=web.vote.saved&n=1")
        one = phone.get("/me?ok=web.vote.saved&n=1").text
        assert "Votre vote est enregistré (1 gommette)." in one
        two = phone.get("/me?ok=web.vote.saved&n=2").text
        assert "Votre vote est enregistré (2 gommettes)." in two
        forged = phone.get("/me?ok=web.vote.saved&n=<b>9</b>")
        assert forged.status_code == 200
        assert "Votre vote est enregistré (0 gommette)." in forged.text


def test_questionnaire_once_and_closing_word(served: Served) -> None:
    served.journal.start_block("cloture")
    with served.client() as phone:
        join(phone, served, group="cons")
        page = phone.get("/me")
        assert "Satisfaction" in page.text
        data = {
            "csrf": csrf_of(page.text, 1),
            "block": "cloture",
            "group": "cons",
            "q_satisfaction": "5",
            "q_utilite": "4",
            "comment": "Merci",
        }
        assert phone.post("/me/survey", data=data).status_code == 303
        again = phone.get("/me")
        assert "déjà répondu" in again.text
        word = phone.post(
            "/me/word", data={"csrf": csrf_of(again.text), "block": "cloture", "word": "Confiance"}
        )
        assert word.status_code == 303
    state = served.journal.state()
    (response,) = state.survey.values()
    assert (response.group, dict(response.scores), response.comment) == (
        "cons",
        {"satisfaction": 5.0, "utilite": 4.0},
        "Merci",
    )
    assert [w.text for w in state.closing_words.values()] == ["Confiance"]


def test_incomplete_questionnaire_writes_nothing(served: Served) -> None:
    served.journal.start_block("cloture")
    with served.client() as phone:
        join(phone, served)
        page = phone.get("/me")
        data = {
            "csrf": csrf_of(page.text, 1),
            "block": "cloture",
            "group": "cons",
            "q_satisfaction": "5",
        }
        answer = phone.post("/me/survey", data=data)
        assert answer.status_code == 400
    assert not served.journal.state().survey


def test_a_name_is_never_offered_to_a_vulnerable_group(cafe: Served) -> None:
    with cafe.client() as phone:
        join(phone, cafe, table=1, group="ds")
        assert "/me/name" not in phone.get("/me").text
        assert phone.get("/me/name").status_code == 303
    with cafe.client() as phone:
        join(phone, cafe, table=1, group="cons")
        page = phone.get("/me/name")
        answer = phone.post(
            "/me/name", data={"csrf": csrf_of(page.text), "name": "Hélène", "consent": "1"}
        )
        assert answer.status_code == 303
        page = phone.get("/me")
        assert "Vous\u00a0: Hélène" in page.text
        phone.post(
            "/me/contribute",
            data={"csrf": csrf_of(page.text), "block": "cafe", "kind": "idea", "text": "Signée"},
        )
    (idea,) = cafe.journal.state().contributions.values()
    assert idea.author == "Hélène"


def test_projector_shows_the_tables_questions_and_new_ideas(cafe: Served) -> None:
    with cafe.client() as screen:
        assert screen.get("/projector").status_code == 404  # no key: no screen
        page = screen.get(cafe.projector_url())
        assert page.status_code == 200
        assert "Table 1</strong> — Q1" in page.text and "Table 2</strong> — Q2" in page.text
        assert "<svg" in page.text and cafe.control().session_token in page.text
        # « Temps restant : 12:30 », not « 1 min restantes » (a count the clock changes live)
        assert 'Temps restant\u00a0: <span class="clock">' in page.text
        cafe.journal.add_contribution("Note du facilitateur", kind="idea", block_id="cafe")
        assert "Note du facilitateur" in screen.get(cafe.projector_url()).text


def test_vote_results_hidden_until_revealed(cafe: Served) -> None:
    ids = _ideas(cafe, 3)
    cafe.journal.vote(ids[1], block_id="vote")
    with cafe.client() as screen:
        hidden = screen.get(cafe.projector_url()).text
        assert "1 gommette posée" in hidden and "Idée 1" not in hidden
        from labkit.web import control

        control.switch(cafe.root, 2, revealed=True)
        shown = screen.get(cafe.projector_url()).text
        assert "Idée 1" in shown


def test_every_method_page_renders_and_a_commitment_is_proposed(served: Served) -> None:
    """Each block with phone contributions shows its form; a commitment lands as proposed."""
    from labkit.store.session_folder import open_session

    session = open_session(served.root).session
    with served.client() as phone:
        join(phone, served, table=1)
        for _, block in session.blocks():
            if block.method_type in ("break", "lunch"):
                continue
            served.journal.start_block(block.id)
            page = phone.get("/me")
            assert page.status_code == 200, block.id
            if block.id == "engagements":
                answer = phone.post(
                    "/me/contribute",
                    data={
                        "csrf": csrf_of(page.text),
                        "block": "engagements",
                        "kind": "commitment",
                        "text": "Ouvrir 20 places",
                        "team": "93",
                    },
                )
                assert answer.status_code == 303
            served.journal.end_block(block.id)
    (commitment,) = served.journal.state().commitments.values()
    assert (commitment.what, commitment.territory, commitment.status) == (
        "Ouvrir 20 places",
        "93",
        "proposed",
    )


def _cafe_running(session_data: dict, write_session):  # type: ignore[no-untyped-def,type-arg]
    """A server of the session written from `session_data`, its café running, round 1."""
    from tests.web.conftest import serve

    for served in serve(write_session(session_data).parent):
        served.journal.start_block("cafe")
        served.journal.start_round("cafe")
        yield served


def test_projector_shows_a_per_round_question_once(session_data: dict, write_session) -> None:  # type: ignore[no-untyped-def,type-arg]
    cafe_block = session_data["days"][0]["agenda"][6]
    cafe_block["method"]["question_mode"] = "per_round"
    cafe_block["method"]["questions"] = ["Q1", "Q2", "Q3"]
    for served in _cafe_running(session_data, write_session):
        with served.client() as screen:
            page = screen.get(served.projector_url()).text
        assert '<p class="question">Q1</p>' in page and "Table 1</strong>" not in page


def test_projector_and_phones_name_the_team_at_each_table(  # type: ignore[no-untyped-def]
    session_data: dict, write_session,  # type: ignore[type-arg]
) -> None:
    from tests.web.conftest import join

    session_data["days"][0]["agenda"][6]["method"]["teams"] = ["Verte", "Jaune"]
    for served in _cafe_running(session_data, write_session):
        with served.client() as screen:
            page = screen.get(served.projector_url()).text
        assert "Table 1</strong> · Équipe Verte" in page
        assert "Table 2</strong> · Équipe Jaune" in page
        served.journal.end_round("cafe")
        served.journal.start_round("cafe")  # round 2: the teams moved on
        with served.client() as phone:
            join(phone, served, table=1)
            assert "Tour 2 · Table 1 · Équipe Jaune" in phone.get("/me").text


def test_projector_says_who_moves_where_never_naming_a_vulnerable_member(cafe: Served) -> None:
    import html

    from labkit.store import seating

    rounds = [[["p01", "p03", "p04"], ["p02", "p05", "p06"]],
              [["p01", "p06", "p05"], ["p02", "p04", "p03"]],
              [["p01", "p04", "p05"], ["p02", "p03", "p06"]]]  # fmt: skip
    seating.write_plan(seating.rotations_dir(cafe.root), "cafe", rounds)
    with cafe.client() as screen:
        page = html.unescape(screen.get(cafe.projector_url()).text)
    for line in ("Paul → table 1", "p05 → table 1", "Marc → table 2", "p03 → table 2"):
        assert line in page
    assert "Julie" not in page and "Nadia" not in page  # job seekers: a vulnerable group


def test_projector_and_phone_say_whether_the_session_is_to_come_or_over(served: Served) -> None:
    blocks = [b for _, b in served.web.room.session.blocks()]
    with served.client() as phone, served.client() as screen:
        join(phone, served)
        assert "La session va commencer." in screen.get(served.projector_url()).text
        assert "pas encore commencé" in phone.get("/me").text
        served.journal.start_block(blocks[0].id)
        served.journal.end_block(blocks[0].id)
        if len(blocks) > 1 and served.web.room.session.day_of_block(blocks[1].id) == 1:
            assert "La prochaine activité va commencer." in screen.get(served.projector_url()).text
        for block in blocks[1:]:
            served.journal.start_block(block.id)
            served.journal.end_block(block.id)
        shown = screen.get(served.projector_url()).text
        assert "La session est terminée." in shown and "va commencer" not in shown
        assert "La session est terminée" in phone.get("/me").text


def test_the_closing_image_chosen_is_sent_from_a_phone(served: Served) -> None:
    """The closing round is « a word or an image » (issue 11): a phone can send either; the
    image is recorded as the live app records it (the card's number or title)."""
    served.journal.start_block("cloture")
    with served.client() as phone:
        join(phone, served, group="cons")
        page = phone.get("/me")
        assert 'value="image"' in page.text
        sent = phone.post("/me/word", data={"csrf": csrf_of(page.text), "block": "cloture",
                                            "word": "Carte 12 — le pont", "kind": "image"})
        assert sent.status_code == 303
    (said,) = served.journal.state().closing_words.values()
    assert (said.text, said.image) == (None, "Carte 12 — le pont")
