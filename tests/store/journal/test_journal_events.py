"""Event models: cleaning and limits of text, partial edits, the discriminated union."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from labkit.model import events as ev
from labkit.model.events.fields import MAX_TEXT_LENGTH, clean_text
from labkit.store.journal.state import JournalState


def test_control_characters_are_stripped_but_newlines_and_tabs_kept() -> None:
    event = ev.ContributionAdded(text="  a\x00b\x07c\r\nd\te\x1b[31m\x7f\x85 \ud800 ")
    assert event.text == "abc\nd\te[31m"
    assert clean_text("x\ry") == "x\ny"


def test_single_line_fields_collapse_whitespace() -> None:
    event = ev.ClusterCreated(title="  Accès \n aux\tplaces ")
    assert event.title == "Accès aux places"


def test_text_length_is_limited_with_a_clear_error_type() -> None:
    ev.ContributionAdded(text="x" * MAX_TEXT_LENGTH)
    for size in (MAX_TEXT_LENGTH + 1, 5_000_000):
        with pytest.raises(ValidationError) as caught:
            ev.ContributionAdded(text="é" * size)
        error = caught.value.errors()[0]
        assert error["type"] == "text_too_long"
        assert error["ctx"] == {"length": size, "max": MAX_TEXT_LENGTH}


def test_text_made_only_of_control_characters_is_empty() -> None:
    with pytest.raises(ValidationError) as caught:
        ev.ContributionAdded(text="\x00\x01 \n")
    assert caught.value.errors()[0]["type"] == "text_empty"


def test_kinds_and_unknown_fields_are_refused() -> None:
    with pytest.raises(ValidationError):
        ev.ContributionAdded(text="x", kind="rumour")
    with pytest.raises(ValidationError):
        ev.ContributionAdded(text="x", colour="red")


def test_survey_answers_cannot_name_a_participant() -> None:
    with pytest.raises(ValidationError) as caught:
        ev.SurveyAnswered(group="advisers", scores={"satisfaction": 5}, participant_id="p1")
    assert caught.value.errors()[0]["type"] == "extra_forbidden"
    with pytest.raises(ValidationError):
        ev.SurveyAnswered(group="advisers", scores={"satisfaction": -1})


def test_edits_are_partial_and_keep_explicit_clears() -> None:
    edit = ev.ContributionEdited(contribution_id="c1", table=None, question=2)
    assert edit.changes() == {"table": None, "question": 2}
    assert edit.payload() == {"contribution_id": "c1", "table": None, "question": 2}
    again = ev.parse_payload("contribution.edited", edit.payload())
    assert again.changes() == edit.changes()  # type: ignore[attr-defined]


def test_an_edit_must_change_something_and_cannot_clear_required_fields() -> None:
    with pytest.raises(ValidationError) as caught:
        ev.ContributionEdited(contribution_id="c1")
    assert caught.value.errors()[0]["type"] == "edit_empty"
    with pytest.raises(ValidationError) as caught:
        ev.CommitmentEdited(commitment_id="e1", status=None)
    assert caught.value.errors()[0]["type"] == "field_cleared"


def test_lifecycle_times_must_be_aware_and_become_utc() -> None:
    event = ev.BlockStarted(block_id="b", at="2026-03-12T09:00:00+01:00")
    assert event.at is not None and event.at.utcoffset().total_seconds() == 0  # type: ignore[union-attr]
    assert event.at.hour == 8
    with pytest.raises(ValidationError):
        ev.BlockStarted(block_id="b", at="2026-03-12T09:00:00")


def test_other_constraints() -> None:
    with pytest.raises(ValidationError):
        ev.BlockExtended(block_id="b", minutes=0)
    with pytest.raises(ValidationError):
        ev.VoteCast(item_id="c1", participant_id="p1", team="red")
    with pytest.raises(ValidationError):
        ev.JourneyStepAdded(persona_id="p1", stage="s", emotion=3)
    with pytest.raises(ValidationError):
        ev.RotationReplanned(block_id="b", from_round=2, plan=[[["p1", "p2"], ["p1"]]])
    with pytest.raises(ValidationError):
        ev.ClosingWordAdded()
    with pytest.raises(ValidationError):
        ev.IdeasKept(item_ids=["c1", "c1"])
    with pytest.raises(ValidationError):
        ev.EventUndone(target="not-a-uuid")
    for path in ("/etc/passwd", "attachments/../../x", "photos/x.jpg"):
        with pytest.raises(ValidationError):
            ev.AttachmentAdded(path=path, original_name="x", sha256="0" * 64, size=1)


def test_union_dispatches_on_type_and_every_type_has_a_model_and_handler() -> None:
    event = ev.EVENT_ADAPTER.validate_python({"type": "vote.cast", "item_id": "c1", "dots": 2})
    assert isinstance(event, ev.VoteCast)
    assert len(ev.MODELS) == len(ev.EVENT_MODELS) == 34
    state = JournalState()
    assert state is not None  # state.py asserts at import that every type has a handler
    creators = {m.model_fields["type"].default: m.id_prefix for m in ev.EVENT_MODELS if m.id_field}
    assert len(set(creators.values())) == len(creators), "id prefixes must be distinct"
