"""The session plan: defaults, short forms, clock times, cleaning, slug, schema version, days."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pydantic import ValidationError

from labkit.model import (
    SCHEMA_VERSION,
    Day,
    Phase,
    PreparationTask,
    Session,
    SessionFormat,
    SessionMode,
    TaskStatus,
)


def errors(data: dict[str, Any]) -> list[dict[str, Any]]:
    with pytest.raises(ValidationError) as info:
        Session.model_validate(data)
    return info.value.errors()


def test_minimal_session_defaults(minimal_data: dict[str, Any]) -> None:
    s = Session.model_validate(minimal_data)
    assert s.schema_version == SCHEMA_VERSION
    assert s.format is SessionFormat.LAB_SESSION
    assert s.mode is SessionMode.IN_PERSON
    assert s.language == "fr"
    assert s.timezone == "Europe/Paris"
    assert s.sponsor is None and s.venue is None and s.preparation is None
    day = s.days[0]
    assert (day.start, day.end) == (dt.time(9), dt.time(17))
    block = day.agenda[0]
    assert block.phase is Phase.NONE and block.start is None
    assert block.instructions == "" and block.materials == []


def test_the_clean_session_loads(session_data: dict[str, Any]) -> None:
    s = Session.model_validate(session_data)
    assert len(s.days) == 2
    assert [b.id for _, b in s.blocks()][:3] == ["ouverture", "interviews", "pause"]


@pytest.mark.parametrize("method", ["break", "lunch", " break "])
def test_method_short_form(minimal_data: dict[str, Any], method: str) -> None:
    minimal_data["days"][0]["agenda"][0]["method"] = method
    block = Session.model_validate(minimal_data).days[0].agenda[0]
    assert block.method_type == method.strip()
    assert block.method.type == method.strip()


def test_misspelt_short_form_is_an_unknown_method(minimal_data: dict[str, Any]) -> None:
    minimal_data["days"][0]["agenda"][0]["method"] = "plenery"
    (error,) = errors(minimal_data)
    assert error["type"] == "union_tag_invalid"
    assert error["loc"] == ("days", 0, "agenda", 0, "method")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("09:30", dt.time(9, 30)),
        ("9:30", dt.time(9, 30)),
        ("9h30", dt.time(9, 30)),
        ("9H05", dt.time(9, 5)),
        ("14h", dt.time(14)),
        ("9 h 30", dt.time(9, 30)),
        (" 17h00 ", dt.time(17)),
        ("09:30:00", dt.time(9, 30)),
        (9, dt.time(9)),  # `start: 9` in YAML is an int
        ("09:30Z", dt.time(9, 30)),  # an offset is dropped: times are the session's own
        ("09:30+02:00", dt.time(9, 30)),
        (0, dt.time(0)),
    ],
)
def test_clock_times_as_facilitators_write_them(text: object, expected: dt.time) -> None:
    day = Day.model_validate({"date": "2026-03-12", "start": text, "end": "23:59"})
    assert day.start == expected
    assert day.start.tzinfo is None
    block = Day.model_validate(
        {"date": "2026-03-12", "agenda": [{"id": "a", "title": "A", "duration": 5,
                                          "start": text, "method": "break"}]}
    ).agenda[0]
    assert block.start == expected


@pytest.mark.parametrize("text", ["25h", "9h75", "24:00", "midi", "9", "930", 930, 9.5, True])
def test_impossible_clock_times_are_refused(text: object) -> None:
    with pytest.raises(ValidationError) as info:
        Day.model_validate({"date": "2026-03-12", "start": text})
    assert info.value.errors()[0]["loc"] == ("start",)


def test_control_characters_are_stripped(minimal_data: dict[str, Any]) -> None:
    minimal_data.update(
        title="Atelier\x00 mars\u200b", lab="\ufeffLab\x1b", sponsor="  ",
        venue="Salle\n12", context="Ligne 1\r\nLigne\x07 2\r",
    )
    minimal_data["days"][0]["agenda"][0]["title"] = "Ouver\x08ture\n"
    minimal_data["days"][0]["agenda"][0]["instructions"] = "Étape 1\n\tÉtape 2\x0c"
    s = Session.model_validate(minimal_data)
    assert s.title == "Atelier mars"
    assert s.lab == "Lab"
    assert s.sponsor is None
    assert s.venue == "Salle 12"
    assert s.context == "Ligne 1\nLigne 2"
    assert s.days[0].agenda[0].title == "Ouverture"
    assert s.days[0].agenda[0].instructions == "Étape 1\n\tÉtape 2"


def test_a_title_of_control_characters_only_is_empty(minimal_data: dict[str, Any]) -> None:
    minimal_data["title"] = "\x00\u200b \n"
    assert errors(minimal_data)[0]["type"] == "string_too_short"


@pytest.mark.parametrize("slug", ["atelier", "garde-enfants-2026", "2026-coop", "a"])
def test_valid_slugs(minimal_data: dict[str, Any], slug: str) -> None:
    minimal_data["slug"] = slug
    assert Session.model_validate(minimal_data).slug == slug


@pytest.mark.parametrize("slug", ["Atelier", "-atelier", "atelier_mars", "café", "a b", "",
                                  "a" * 81])
def test_invalid_slugs(minimal_data: dict[str, Any], slug: str) -> None:
    minimal_data["slug"] = slug
    assert errors(minimal_data)[0]["loc"] == ("slug",)


def test_a_newer_schema_version_asks_to_update_labkit(minimal_data: dict[str, Any]) -> None:
    minimal_data["schema_version"] = SCHEMA_VERSION + 1
    (error,) = errors(minimal_data)
    assert (error["type"], error["loc"]) == ("schema_too_new", ("schema_version",))
    assert error["ctx"] == {"version": SCHEMA_VERSION + 1, "supported": SCHEMA_VERSION}
    assert "update labkit" in error["msg"]


def test_schema_version_starts_at_one(minimal_data: dict[str, Any]) -> None:
    minimal_data["schema_version"] = 0
    assert errors(minimal_data)[0]["loc"] == ("schema_version",)


@pytest.mark.parametrize("count", [1, 2, 3])
def test_one_to_three_days(minimal_data: dict[str, Any], count: int) -> None:
    day = minimal_data["days"][0]
    minimal_data["days"] = [
        {**day, "date": f"2026-03-1{n}", "agenda": []} for n in range(2, 2 + count)
    ]
    assert len(Session.model_validate(minimal_data).days) == count


@pytest.mark.parametrize(("count", "kind"), [(0, "too_short"), (4, "too_long")])
def test_zero_or_four_days_are_refused(minimal_data: dict[str, Any], count: int,
                                       kind: str) -> None:
    minimal_data["days"] = [{"date": f"2026-03-1{n}"} for n in range(count)]
    (error,) = errors(minimal_data)
    assert (error["type"], error["loc"]) == (kind, ("days",))


@pytest.mark.parametrize("field", ["slug", "title", "lab", "days"])
def test_required_fields(minimal_data: dict[str, Any], field: str) -> None:
    del minimal_data[field]
    (error,) = errors(minimal_data)
    assert (error["type"], error["loc"]) == ("missing", (field,))


def test_unknown_top_level_field(minimal_data: dict[str, Any]) -> None:
    minimal_data["titel"] = "x"
    (error,) = errors(minimal_data)
    assert (error["type"], error["loc"]) == ("extra_forbidden", ("titel",))


def test_urls_and_remote_link_must_be_web_addresses(minimal_data: dict[str, Any]) -> None:
    minimal_data["urls"] = {"questionnaire": "https://forms.example/q", "shared_folder": "ftp://x"}
    minimal_data["remote_link"] = "visio"
    locs = {e["loc"] for e in errors(minimal_data)}
    assert locs == {("urls", "shared_folder"), ("remote_link",)}


def test_language_is_fr_or_en(minimal_data: dict[str, Any]) -> None:
    minimal_data["language"] = "en"
    assert Session.model_validate(minimal_data).language == "en"
    minimal_data["language"] = "de"
    assert errors(minimal_data)[0]["loc"] == ("language",)


def test_lookups(session_data: dict[str, Any]) -> None:
    s = Session.model_validate(session_data)
    assert [n for n, _ in s.blocks()] == [1] * 7 + [2] * 6
    assert s.block("cafe").method_type == "world_cafe"
    assert s.block("nope") is None
    assert s.day_of_block("vote") == 2 and s.day_of_block("nope") is None
    assert s.participant("p03").first_name == "Julie" and s.participant("zz") is None
    assert s.group("caf").label == "CAF" and s.group("zz") is None


def test_attendees_of_a_day(session_data: dict[str, Any]) -> None:
    session_data["participants"][2]["days"] = [2]  # Julie comes on day 2 only
    s = Session.model_validate(session_data)
    day1 = [p.id for p in s.attendees(1)]
    assert "p03" not in day1 and "f01" not in day1 and len(day1) == 9
    assert "p03" in [p.id for p in s.attendees(2)]
    assert "f01" in [p.id for p in s.attendees(1, seated_only=False)]


def test_a_day_reads_french_clock_times() -> None:
    day = Day(date=dt.date(2026, 3, 12), start="9h", end="17h30")
    assert (day.start, day.end) == (dt.time(9, 0), dt.time(17, 30))


@pytest.mark.parametrize(("offset", "label"), [(-60, "J-60"), (-1, "J-1"), (0, "J"),
                                               (14, "J+14")])
def test_preparation_task_labels_and_due_dates(offset: int, label: str) -> None:
    task = PreparationTask(id="t", title="Invitations", offset_days=offset)
    assert task.label == label
    assert task.status is TaskStatus.TODO
    assert task.due(dt.date(2026, 3, 12)) == dt.date(2026, 3, 12) + dt.timedelta(days=offset)
