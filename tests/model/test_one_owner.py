"""Small facts with one owner each: HH:MM (`i18n.format_time`) and accent folding
(`model.text.fold`); the other places call them instead of their own copies."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from zoneinfo import ZoneInfo

from labkit.i18n import format_time
from labkit.model.text import fold

LABKIT = Path(__file__).parents[2] / "labkit"


def _sources() -> list[tuple[Path, str]]:
    return [(path, path.read_text("utf-8")) for path in LABKIT.rglob("*.py")]


def test_format_time_reads_an_instant_in_the_given_zone() -> None:
    instant = dt.datetime(2026, 3, 12, 8, 5, tzinfo=dt.UTC)
    assert format_time(instant, zone=ZoneInfo("Europe/Paris")) == "09:05"
    assert format_time(instant) == "08:05" and format_time(dt.time(9, 30)) == "09:30"
    assert format_time(None) == "--:--"


def test_hh_mm_is_written_only_by_format_time() -> None:
    pattern = re.compile(r"hour:02d?\}:\{[^}]*minute")
    found = [path for path, text in _sources() if pattern.search(text)]
    assert found == [LABKIT / "i18n" / "__init__.py"]


def test_fold_is_the_strong_one_for_every_caller() -> None:
    from labkit.prepare.badges import badges
    from labkit.store import participants
    from labkit.tui import live_state

    assert participants.fold is fold and live_state.fold is fold
    assert fold("  Hélène-Marie  D'ARC ") == "helene marie d arc"
    assert fold("Œillet") == "oeillet" and fold("VÉR") == "ver"
    assert "fold" in badges.__globals__


def test_accents_are_folded_in_one_place() -> None:
    found = [path for path, text in _sources() if "unicodedata.combining" in text]
    assert found == [LABKIT / "model" / "text.py"]


def test_keys_where_punctuation_matters_keep_it() -> None:
    from labkit.model import PreparationTask
    from labkit.prepare.retroplanning import find_task

    before = PreparationTask(id="brief", offset_days=-14, title="Brief")
    after = PreparationTask(id="bilan", offset_days=14, title="Bilan")
    assert (before.label, after.label) == ("J-14", "J+14")
    assert find_task([before, after], "j+14") is after
    assert fold(" Œuvre J-14 ", keep_punctuation=True) == "oeuvre j-14"


def test_session_folder_names_are_spelled_once() -> None:
    names = re.compile(r"""["'](journal\.db|attachments|rotations|session\.yaml)["']""")
    found = sorted(str(path.relative_to(LABKIT)) for path, text in _sources()
                   if names.search(text) and "catalog" not in path.parts)  # fmt: skip
    assert found == ["model/files.py", "report/layout.py", "store/journal/tables.py"]
    # layout.py: a heading's anchor; tables.py: the name of the attachments CSV table
