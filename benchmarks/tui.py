"""Speed of the live app (`labkit run`) on a large session.

The session: 3 days, 150 participants, a world café, a vote and every other method each day, and a
journal of 3,000 captured events. Prints:

- launch → first complete frame: wall time from starting a fresh Python process to Textual's
  `Ready` event (sent once the first frame is drawn), headless, median and max of N runs
  (target < 1.5 s);
- keypress → journal: time from the Enter key event entering the app to the contribution being
  committed to the journal on disk, p50 / p95 / max over 200 ideas typed in the café
  (target p95 < 50 ms); and the time until the new idea shows on screen.

Run:  python benchmarks/tui.py [--runs 5] [--ideas 200]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from ruamel.yaml import YAML

PARIS = ZoneInfo("Europe/Paris")
START = datetime(2027, 3, 16, 9, 0, tzinfo=PARIS)
GROUPS = ["demandeurs", "conseillers", "caf", "creches", "collectivites"]
TERRITORIES = ["02", "59", "60", "62", "80"]


def day_agenda(n: int) -> list[dict]:
    """A full day: opening, interviews, café (10 tables x 4 rounds), vote, journeys, etc."""
    return [
        {"id": f"ouverture-{n}", "title": "Ouverture", "phase": "scan", "duration": 20,
         "method": {"type": "plenary", "kind": "opening"}},
        {"id": f"interviews-{n}", "title": "Interviews croisés", "phase": "scan",
         "duration": 40, "method": {"type": "crossed_interviews", "prompt": "Une réussite"}},
        {"id": f"cafe-{n}", "title": "World café", "phase": "focus", "duration": 95,
         "method": {"type": "world_cafe", "tables": 10, "rounds": 4,
                    "questions": [f"Question {q}" for q in range(1, 6)],
                    "hosts": [f"p{i:03d}" for i in range(1, 11)]}},
        {"id": f"pause-{n}", "title": "Pause", "duration": 15, "method": "break"},
        {"id": f"vote-{n}", "title": "Vote", "phase": "focus", "duration": 30,
         "method": {"type": "idea_vote", "source_block": f"cafe-{n}", "top_n": 5}},
        {"id": f"dejeuner-{n}", "title": "Déjeuner", "duration": 60, "method": "lunch"},
        {"id": f"parcours-{n}", "title": "Parcours", "phase": "scan", "duration": 60,
         "method": {"type": "persona_journey", "teams": 6,
                    "personas": [{"id": f"persona-{n}", "name": "Inès"}],
                    "stages": ["Besoin", "Information", "Démarrage"]}},
        {"id": f"entraide-{n}", "title": "Entraide", "phase": "act", "duration": 60,
         "method": {"type": "peer_help", "territories": TERRITORIES}},
        {"id": f"engagements-{n}", "title": "Engagements", "phase": "act", "duration": 45,
         "method": {"type": "commitments", "grouped_by": "territory"}},
        {"id": f"cloture-{n}", "title": "Clôture", "phase": "act", "duration": 20,
         "method": {"type": "closing", "survey": [
             {"id": "satisfaction", "text": "Satisfaction"},
             {"id": "utilite", "text": "Utilité"}]}},
    ]


def write_session(folder: Path) -> None:
    """A 3-day, 150-participant session.yaml."""
    people = []
    for i in range(1, 151):
        person = {"id": f"p{i:03d}", "first_name": f"Prénom{i}", "last_name": f"Nom{i}",
                  "organisation": f"Structure {i % 23}", "group": GROUPS[i % len(GROUPS)],
                  "territory": TERRITORIES[i % len(TERRITORIES)]}
        if i <= 10:
            person["role"] = "table_host"
        people.append(person)
    session = {
        "schema_version": 1, "slug": "grande-session", "title": "Une grande session",
        "lab": "Lab", "language": "fr", "timezone": "Europe/Paris",
        "groups": [{"key": g, "label": g.capitalize()} for g in GROUPS],
        "participants": people,
        "days": [{"date": (START + timedelta(days=d)).date().isoformat(), "start": "09:00",
                  "end": "17:30", "agenda": day_agenda(d + 1)} for d in range(3)],
    }
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "session.yaml").open("w", encoding="utf-8") as handle:
        YAML().dump(session, handle)


def fill_journal(folder: Path, total: int = 3000) -> int:
    """Days 1 and 2 fully run, day 3 in its café: 3,000 events; their number."""
    from labkit.store.journal import Journal

    events: list[dict] = []
    at = START
    for day in (1, 2, 3):
        at = START + timedelta(days=day - 1)
        for i in range(1, 151):
            events.append({"type": "attendance.arrived", "participant_id": f"p{i:03d}",
                           "day": day, "at": at})
        blocks = [b["id"] for b in day_agenda(day)]
        for block in blocks[: 3 if day == 3 else len(blocks)]:
            events.append({"type": "block.started", "block_id": block, "at": at})
            if block.startswith("cafe"):
                for number in range(1, 5 if day < 3 else 3):
                    events.append({"type": "round.started", "block_id": block,
                                   "round": number, "at": at})
                    at += timedelta(minutes=20)
                    if day < 3 or number < 2:
                        events.append({"type": "round.ended", "block_id": block,
                                       "round": number, "at": at})
            at += timedelta(minutes=30)
            if day < 3 or not block.startswith("cafe"):
                events.append({"type": "block.ended", "block_id": block, "at": at})
    number = 0
    while len(events) < total:
        number += 1
        day = 1 + number % 3
        events.append({"type": "contribution.added", "kind": "idea",
                       "text": f"Idée numéro {number} : un texte d'une longueur réaliste, "
                               "comme ce qu'un hôte de table rapporte.",
                       "block_id": f"cafe-{day}", "round": 1 + number % 4,
                       "table": 1 + number % 10, "question": 1 + number % 5})
    with Journal.open(folder / "journal.db", device="bench") as journal:
        for start in range(0, len(events), 500):
            journal.record_many(events[start:start + 500])
        return len(journal.events())


CHILD = """
import sys, time
from labkit.i18n import set_ui_language
set_ui_language("fr")
from labkit.tui.app import LabkitApp
from labkit.tui.controller import LiveSession

class Timed(LabkitApp):
    def on_ready(self):
        sys.stdout.write("READY\\n"); sys.stdout.flush()
        self.exit()

live = LiveSession.open(sys.argv[1], device="bench")
Timed(live, tick_seconds=None, poll_seconds=None).run(headless=True, size=(160, 50))
"""


def launch_times(folder: Path, runs: int) -> list[float]:
    """Seconds from spawning `python` to the first complete frame, `runs` times."""
    times = []
    for _ in range(runs + 1):  # the first run warms the disk cache and is dropped
        start = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-c", CHILD, str(folder)],
                                   stdout=subprocess.PIPE, text=True)
        assert process.stdout is not None
        line = process.stdout.readline()
        elapsed = time.perf_counter() - start
        process.wait(timeout=30)
        if line.strip() != "READY":
            raise SystemExit("the app did not reach its first frame")
        times.append(elapsed)
    return times[1:]


async def keypress_latencies(
    folder: Path, ideas: int, idle_first: bool = True
) -> tuple[list[float], list[float]]:
    """(keypress → committed, keypress → shown) in seconds for each idea typed in the café.

    `idle_first`: Enter is pressed once the app is idle, as when a person types the idea's
    text first (otherwise Enter follows the previous idea at once and waits for its redraw).
    """
    from textual import events

    from labkit.i18n import set_ui_language
    from labkit.tui.app import LabkitApp
    from labkit.tui.clock import ManualClock
    from labkit.tui.controller import LiveSession

    set_ui_language("fr")
    clock = ManualClock(START + timedelta(days=2, hours=2))
    live = LiveSession.open(folder, clock=clock, device="bench-keys")
    app = LabkitApp(live, tick_seconds=None, poll_seconds=None)
    committed: list[float] = []
    shown: list[float] = []
    written = asyncio.Event()
    original = live.journal.record_many

    def timed_record_many(batch):  # type: ignore[no-untyped-def]
        result = original(batch)
        committed.append(time.perf_counter())
        written.set()
        return result

    live.journal.record_many = timed_record_many  # type: ignore[method-assign]
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        await pilot.press("i")
        capture = app.focused
        assert capture is not None, "the café's capture line has no focus"
        ideas_table = app.screen.query_one("#ideas")
        starts: list[float] = []
        for number in range(ideas):
            capture.value = f"Idée tapée pendant le benchmark, numéro {number}"  # type: ignore[attr-defined]
            if idle_first:
                await pilot.pause()
            before = ideas_table.row_count  # type: ignore[attr-defined]
            written.clear()
            starts.append(time.perf_counter())
            app.post_message(events.Key("enter", "\r"))
            await written.wait()
            while ideas_table.row_count == before:  # type: ignore[attr-defined]
                await asyncio.sleep(0)
            shown.append(time.perf_counter() - starts[-1])
    to_disk = [c - s for c, s in zip(committed[-ideas:], starts, strict=True)]
    return to_disk, shown


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--ideas", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "grande-session"
        write_session(folder)
        count = fill_journal(folder)
        print(f"session: 3 days, 150 participants, {count} events in the journal")
        launches = launch_times(folder, args.runs)
        median = statistics.median(launches)
        print(f"launch → first frame : median {median * 1000:6.0f} ms, max "
              f"{max(launches) * 1000:6.0f} ms over {args.runs} runs (target < 1500 ms) "
              f"{'OK' if max(launches) < 1.5 else 'ABOVE TARGET'}")
        for idle, label in ((True, "typed then Enter"), (False, "Enter back to back")):
            to_disk, shown = asyncio.run(keypress_latencies(folder, args.ideas, idle))
            p95 = percentile(to_disk, 0.95)
            verdict = "OK" if p95 < 0.05 else "ABOVE TARGET"
            print(f"keypress → journal ({label}): p50 {percentile(to_disk, 0.5) * 1000:5.1f} ms"
                  f", p95 {p95 * 1000:5.1f} ms, max {max(to_disk) * 1000:5.1f} ms over "
                  f"{len(to_disk)} ideas (target p95 < 50 ms) {verdict}")
            print(f"keypress → on screen ({label}): p50 {percentile(shown, 0.5) * 1000:5.1f} ms"
                  f", p95 {percentile(shown, 0.95) * 1000:5.1f} ms")


if __name__ == "__main__":
    main()
