"""The room's screens show contributions through the naming guard (issue 15): no last name,
e-mail or "Mme Lastname" of a job seeker on the wall, in the vote results or the word cloud."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from labkit.web import control
from tests.web.conftest import Served, serve


@pytest.fixture
def named_room(write_session: Callable[..., Path], session_data: dict[str, Any]
               ) -> Iterator[Served]:  # fmt: skip
    people = session_data["participants"]
    people[2].update(last_name="Lefort", email="julie.lefort@example.org")  # Julie, job seeker
    people[0].update(last_name="Dupont", consent_named=True)  # Hélène, consents
    yield from serve(write_session(session_data).parent)


def _page(served: Served) -> str:
    with served.client() as screen:
        return html.unescape(screen.get(served.projector_url()).text)


def test_projector_masks_a_vulnerable_members_last_name_and_email(named_room: Served) -> None:
    named_room.journal.start_block("cafe")
    named_room.journal.start_round("cafe")
    named_room.journal.add_contribution(
        "Voir avec Mme Lefort (julie.lefort@example.org) et Hélène Dupont", kind="idea",
        block_id="cafe")  # fmt: skip
    page = _page(named_room)
    assert "Lefort" not in page and "julie.lefort" not in page
    assert "Voir avec Participant·e 3" in page and "Hélène Dupont" in page


def test_vote_results_and_word_cloud_mask_names(named_room: Served) -> None:
    journal = named_room.journal
    journal.start_block("cafe")
    idea = journal.add_contribution("L'idée de LEFORT", kind="idea", block_id="cafe", question=1)
    journal.end_block("cafe")
    journal.start_block("vote")
    journal.vote(idea, block_id="vote")
    control.switch(named_room.root, 2, revealed=True)
    results = _page(named_room)
    assert "L'idée de Participant·e 3" in results and "LEFORT" not in results
    journal.end_block("vote")
    journal.start_block("cloture")
    journal.record({"type": "closing.word_added", "text": "Lefort", "block_id": "cloture"})
    journal.record({"type": "closing.word_added", "text": "Confiance", "block_id": "cloture"})
    cloud = _page(named_room).lower()
    assert "lefort" not in cloud and "confiance" in cloud
