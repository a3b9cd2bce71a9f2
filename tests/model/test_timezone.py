"""The session time zone: validated once with the plan (an IANA name, default Europe/Paris) and
the one `Session.zone` that the live app, the report, the calendar and the exports read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from labkit.errors import InvalidInputError
from labkit.model import Session
from labkit.store.journal import Journal

CAYENNE = "America/Cayenne"  # UTC-3 all year
STARTED = dt.datetime(2026, 3, 12, 12, 5, tzinfo=dt.UTC)  # 09:05 in Cayenne, 13:05 in Paris


def _session(minimal_data: dict[str, Any], zone: str | None = CAYENNE) -> Session:
    extra = {"timezone": zone} if zone is not None else {}
    return Session.model_validate({**minimal_data, **extra})


def test_the_default_zone_is_paris(minimal_data: dict[str, Any]) -> None:
    session = _session(minimal_data, None)
    assert session.timezone == "Europe/Paris" and session.zone.key == "Europe/Paris"


@pytest.mark.parametrize("zone", ["Mars/Olympus", "", "/etc/localtime", "Paris"])
def test_an_unknown_zone_is_an_error_on_the_field(minimal_data: dict[str, Any], zone: str) -> None:
    with pytest.raises(ValidationError) as info:
        _session(minimal_data, zone)
    [error] = info.value.errors()
    assert error["loc"] == ("timezone",) and error["type"] == "unknown_timezone"


def test_the_store_names_the_line_and_the_field_in_plain_words(write_session: Any,
                                                              minimal_data: dict[str, Any]) -> None:
    from labkit.store.session_folder import open_session

    path = write_session({**minimal_data, "timezone": "Europe/Pariss"})
    with pytest.raises(InvalidInputError) as info:
        open_session(path)
    [line] = info.value.problems
    assert ": timezone\u00a0: fuseau horaire inconnu «\u00a0Europe/Pariss\u00a0»" in line


# --- every place reads Session.zone --------------------------------------------------------


def test_the_live_app_reads_planned_times_in_the_session_zone(minimal_data: dict[str, Any]) -> None:
    from labkit.tui import live_state as ls

    session = _session(minimal_data)
    [first] = ls.planned_day(session, 1)
    assert first.start == dt.datetime(2026, 3, 12, 9, 0, tzinfo=session.zone)
    assert first.start.utcoffset() == dt.timedelta(hours=-3)


def test_the_report_shows_journal_instants_in_the_session_zone(
    minimal_data: dict[str, Any], tmp_path: Path
) -> None:
    from labkit.report.build import build_report

    session = _session(minimal_data)
    with Journal.open(tmp_path / "journal.db") as journal:
        journal.start_block("a", at=STARTED)
        state = journal.state()
    [day] = build_report(session, state).agenda
    assert day.rows[0].actual_start == dt.datetime(2026, 3, 12, 9, 5)


def test_the_calendar_uses_the_session_zone(minimal_data: dict[str, Any]) -> None:
    from labkit.prepare.calendar import build_calendar

    calendar = build_calendar(_session(minimal_data))
    event = next(c for c in calendar.walk("VEVENT"))
    assert str(event["dtstart"].dt.tzinfo) == CAYENNE and calendar["x-wr-timezone"] == CAYENNE


def test_the_csv_export_and_history_use_the_session_zone(
    minimal_data: dict[str, Any], tmp_path: Path
) -> None:
    from labkit.store.journal.tables import export_csv

    session = _session(minimal_data)
    with Journal.open(tmp_path / "journal.db") as journal:
        journal.start_block("a", at=STARTED)
        [blocks] = [p for p in export_csv(journal, tmp_path / "csv", zone=session.zone)
                    if p.name == "blocks.csv"]  # fmt: skip
    assert "2026-03-12T09:05:00-03:00" in blocks.read_text("utf-8-sig")


def test_no_other_module_parses_a_zone_name() -> None:
    root = Path(__file__).parents[2] / "labkit"
    owner = root / "model" / "session.py"
    # the journal's drift query reads a *naive* planned time as local; labkit passes aware ones
    laptop_zone_allowed = {root / "store" / "journal" / "queries.py"}
    for path in root.rglob("*.py"):
        text = path.read_text("utf-8")
        assert path == owner or "ZoneInfo(" not in text, path
        assert path in laptop_zone_allowed or ".astimezone()" not in text, path
