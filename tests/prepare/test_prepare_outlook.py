"""The .ics as Outlook, Thunderbird and Google read it: RRULE time-zone rules, UTC fallback,
invitations; checked with icalendar and with a second, independent parser (vobject)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import vobject
from icalendar import Calendar

from labkit.errors import InvalidInputError
from labkit.model import Participant
from labkit.prepare.calendar import build_calendar, write_calendar
from labkit.store.session_folder import SessionFolder

PARIS = ZoneInfo("Europe/Paris")


def test_vtimezone_has_yearly_rules_not_rdate_lists(folder: SessionFolder, tmp_path: Path) -> None:
    text = write_calendar(folder.session, tmp_path / "s.ics").read_bytes().decode()
    assert "RDATE" not in text and "This timezone only works" not in text
    assert text.index("BEGIN:VTIMEZONE") < text.index("BEGIN:VEVENT")  # Outlook wants it first
    zone = next(iter(Calendar.from_ical(text).walk("VTIMEZONE")))
    parts = {p.name: p for p in zone.subcomponents}
    assert set(parts) == {"STANDARD", "DAYLIGHT"}
    daylight, standard = parts["DAYLIGHT"], parts["STANDARD"]
    assert daylight["RRULE"]["BYMONTH"] == [3] and daylight["RRULE"]["BYDAY"] == ["-1SU"]
    assert standard["RRULE"]["BYMONTH"] == [10] and standard["RRULE"]["BYDAY"] == ["-1SU"]
    assert daylight.decoded("TZOFFSETTO") == dt.timedelta(hours=2)
    assert standard.decoded("TZOFFSETTO") == dt.timedelta(hours=1)
    assert daylight.decoded("DTSTART") == dt.datetime(1970, 3, 29, 2, 0)
    assert standard.decoded("DTSTART") == dt.datetime(1970, 10, 25, 3, 0)


@pytest.mark.parametrize(
    ("first", "zone_name"),
    [(dt.date(2026, 3, 12), "Europe/Paris"),  # winter time
     (dt.date(2027, 6, 10), "Europe/Paris"),  # summer time
     (dt.date(2026, 10, 29), "America/New_York"),  # the week US and EU clocks differ
     (dt.date(2027, 1, 14), "Australia/Sydney")],
)
def test_a_second_parser_reads_the_same_instants(
    folder: SessionFolder, tmp_path: Path, first: dt.date, zone_name: str
) -> None:
    days = [day.model_copy(update={"date": first + dt.timedelta(days=n)})
            for n, day in enumerate(folder.session.days)]
    session = folder.session.model_copy(update={"days": days})
    path = write_calendar(session, tmp_path / "s.ics", timezone=zone_name, milestones=True)
    parsed = vobject.readOne(path.read_text(encoding="utf-8"))
    zone = ZoneInfo(zone_name)
    events = [e for e in parsed.vevent_list if "-day-" in e.uid.value]
    assert len(events) == 2
    for event, day in zip(events, session.days, strict=True):
        start = event.dtstart.value  # tz built by vobject from our VTIMEZONE rules, not zoneinfo
        expected = dt.datetime.combine(day.date, day.start, tzinfo=zone)
        assert start.astimezone(dt.UTC) == expected.astimezone(dt.UTC)
    milestones = [e for e in parsed.vevent_list if "-task-" in e.uid.value]
    assert milestones and all(isinstance(e.dtstart.value, dt.date) for e in milestones)
    assert all(e.dtstart.value.weekday() < 5 for e in milestones)


def test_utc_times_without_time_zone_block(folder: SessionFolder) -> None:
    calendar = build_calendar(folder.session, utc=True)
    assert not list(calendar.walk("VTIMEZONE"))
    text = calendar.to_ical().decode()
    assert "DTSTART:20260312T080000Z" in text  # 09:00 in Paris in March
    start = vobject.readOne(text).vevent.dtstart.value
    assert start == dt.datetime(2026, 3, 12, 9, 0, tzinfo=PARIS)


def test_a_zone_without_yearly_rules_falls_back_to_utc(folder: SessionFolder) -> None:
    calendar = build_calendar(folder.session, timezone="Africa/Casablanca")  # Ramadan changes
    assert not list(calendar.walk("VTIMEZONE"))
    assert next(iter(calendar.walk("VEVENT"))).decoded("DTSTART").tzinfo == dt.UTC


def test_milestones_on_weekends_move_and_say_so(folder: SessionFolder) -> None:
    events = list(build_calendar(folder.session, milestones=True).walk("VEVENT"))
    scoping = next(e for e in events if "-task-scoping-" in str(e["UID"]))
    assert scoping.decoded("DTSTART") == dt.date(2026, 1, 9)  # J-60 is Sunday 11 January
    assert "dimanche 11 janvier 2026 n'est pas travaillé (week-end)" in str(
        scoping["DESCRIPTION"])


def _with_contact(folder: SessionFolder) -> object:
    from labkit.model.logistics import Contact

    people = list(folder.session.participants)
    people[0] = people[0].model_copy(update={"email": "lea@example.org", "consent_contact": True})
    people[1] = people[1].model_copy(update={"email": "non@example.org", "consent_contact": False})
    contact = Contact(name="Camille Durand", email="camille.durand@example.gouv.fr")
    return folder.session.model_copy(update={"participants": people, "contact": contact})


def test_an_invitation_has_method_organiser_and_consenting_attendees(
    folder: SessionFolder, tmp_path: Path
) -> None:
    session = _with_contact(folder)
    path = write_calendar(session, tmp_path / "i.ics", invite=True, days=[1])
    calendar = Calendar.from_ical(path.read_bytes())
    assert str(calendar["METHOD"]) == "REQUEST"
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1  # iTIP: one UID per invitation
    event = events[0]
    assert str(event["ORGANIZER"]) == "mailto:camille.durand@example.gouv.fr"
    assert event["ORGANIZER"].params["CN"] == "Camille Durand"
    attendees = event.get("ATTENDEE")
    attendees = attendees if isinstance(attendees, list) else [attendees]
    assert [str(a) for a in attendees] == ["mailto:lea@example.org"]
    assert attendees[0].params["RSVP"] == "TRUE"
    assert isinstance(event.decoded("SEQUENCE"), int)
    other = vobject.readOne(path.read_text(encoding="utf-8"))
    assert other.method.value == "REQUEST"
    assert other.vevent.organizer.value == "mailto:camille.durand@example.gouv.fr"


def test_an_invitation_without_contact_is_refused(folder: SessionFolder) -> None:
    with pytest.raises(InvalidInputError, match="contact"):
        build_calendar(folder.session, invite=True)


def test_participant_model_keeps_consent_separate() -> None:
    person = Participant(id="p1", first_name="Léa", group="g", email="l@example.org")
    assert person.consent_contact is False
