"""The .ics export, read back with icalendar: events, dates, time zone, stable UIDs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from labkit.errors import InvalidInputError
from labkit.prepare.calendar import (
    build_calendar,
    day_uid,
    set_uid_in_document,
    uid_part,
    write_calendar,
)
from labkit.store.session_folder import SessionFolder, open_session


def _read(path: Path) -> Calendar:
    return Calendar.from_ical(path.read_bytes())


def _events(calendar: Calendar) -> list:
    return list(calendar.walk("VEVENT"))


def test_one_event_per_day_in_paris_time(folder: SessionFolder, tmp_path: Path) -> None:
    calendar = _read(write_calendar(folder.session, tmp_path / "s.ics"))
    assert calendar["VERSION"] == "2.0" and "labkit" in str(calendar["PRODID"])
    events = _events(calendar)
    assert len(events) == 2
    paris = ZoneInfo("Europe/Paris")
    first, second = (event.decoded("DTSTART") for event in events)
    assert first == dt.datetime(2026, 3, 12, 9, 0, tzinfo=paris)
    assert first.tzinfo.key == "Europe/Paris"
    assert second == dt.datetime(2026, 3, 13, 9, 0, tzinfo=paris)
    assert events[1].decoded("DTEND") == dt.datetime(2026, 3, 13, 16, 30, tzinfo=paris)
    assert "Jour 1/2" in str(events[0]["SUMMARY"])
    assert str(events[0]["LOCATION"]).startswith("Maison des associations")
    description = str(events[0]["DESCRIPTION"])
    assert "09:00–09:30  Ouverture par la directrice régionale (Scan)" in description
    assert "10:45–12:20  World café (Focus)" in description
    assert "Inscription : https://example.org/inscription" in description
    zones = list(calendar.walk("VTIMEZONE"))
    assert [str(z["TZID"]) for z in zones] == ["Europe/Paris"]


def test_uids_are_stable_across_two_exports(folder: SessionFolder, tmp_path: Path) -> None:
    one = write_calendar(folder.session, tmp_path / "a.ics", milestones=True,
                         stamp=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    two = write_calendar(folder.session, tmp_path / "b.ics", milestones=True)
    uids_one = [str(e["UID"]) for e in _events(_read(one))]
    uids_two = [str(e["UID"]) for e in _events(_read(two))]
    assert uids_one == uids_two
    assert len(set(uids_one)) == len(uids_one) == 11
    part = uid_part(folder.session)  # derived from the Lab until calendar.uid is saved
    assert uids_one[:2] == [f"garde-enfants-day-1-{part}@labkit",
                            f"garde-enfants-day-2-{part}@labkit"]
    assert f"garde-enfants-task-invitations-{part}@labkit" in uids_one


def test_uids_differ_between_labs_and_follow_the_saved_part(folder: SessionFolder) -> None:
    other = folder.session.model_copy(update={"lab": "Lab d'une autre région"})
    assert day_uid(other, 1) != day_uid(folder.session, 1)
    folder.update(lambda document: set_uid_in_document(document, "a1b2c3d4e5"))
    assert folder.session.calendar.uid == "a1b2c3d4e5"
    assert "calendar:" in folder.yaml_path.read_text(encoding="utf-8")
    assert day_uid(folder.session, 1) == "garde-enfants-day-1-a1b2c3d4e5@labkit"


def test_milestones_are_all_day_events(folder: SessionFolder) -> None:
    events = _events(build_calendar(folder.session, milestones=True))
    milestones = {str(e["UID"]).split("-task-")[1].rsplit("-", 1)[0]: e for e in events[2:]}
    invitations = milestones["invitations"]
    assert invitations.decoded("DTSTART") == dt.date(2026, 1, 26)
    assert invitations.decoded("DTEND") == dt.date(2026, 1, 27)
    assert str(invitations["SUMMARY"]).startswith("J-45 · Invitations envoyées")
    assert str(invitations["TRANSP"]) == "TRANSPARENT"
    assert milestones["restitution"].decoded("DTSTART") == dt.date(2026, 3, 26)
    assert "Statut : à faire" in str(invitations["DESCRIPTION"])


def test_time_zone_can_be_overridden(folder: SessionFolder) -> None:
    calendar = build_calendar(folder.session, timezone="America/Montreal")
    start = _events(calendar)[0].decoded("DTSTART")
    assert start == dt.datetime(2026, 3, 12, 9, 0, tzinfo=ZoneInfo("America/Montreal"))
    assert [str(z["TZID"]) for z in calendar.walk("VTIMEZONE")] == ["America/Montreal"]
    with pytest.raises(InvalidInputError, match="Mars/Olympus"):
        build_calendar(folder.session, timezone="Mars/Olympus")


def test_remote_session_gives_the_link_as_place(session_dir: Path) -> None:
    path = session_dir / "session.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "venue: Maison des associations, 12 rue de la Paix, Lille",
        "remote_link: https://visio.example.org/lab",
    ).replace("mode: in_person", "mode: remote").replace("language: fr", "language: en")
    path.write_text(text, encoding="utf-8")
    event = _events(build_calendar(open_session(session_dir).session))[0]
    assert str(event["LOCATION"]) == "https://visio.example.org/lab"
    assert str(event["URL"]) == "https://visio.example.org/lab"
    assert "Remote link: https://visio.example.org/lab" in str(event["DESCRIPTION"])
    assert "Day 1/2" in str(event["SUMMARY"])
