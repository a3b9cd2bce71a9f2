"""Speed of the live app (`labkit run`) on a large session, at 3,000 and 20,000 journal events.

The session: 3 days, 150 participants, a world café, a vote and every other method each day; days
1 and 2 run, day 3 in its café. Prints the load average, then for each journal size:

- first complete frame, whole process: `labkit run SESSION` (the real CLI path) and a minimal
  Textual app (a line of text and a footer), each started in its own pseudo-terminal (160x50),
  paired A B A B; wall time from exec to the first frame holding the footer, and the CPU time of
  the process at that point (user + system from `wait4`, the process killed once the frame is
  out). Target: labkit's median ≤ 2x the minimal app's;
- keypresses back to back, typed as fast as possible: each idea's characters and its Enter are
  posted at once in the café's capture line (Textual's headless driver, in process), the next
  idea as soon as the previous one is on disk, without waiting for the screen. keypress →
  journal: from the Enter posted to the entry committed (target p95 ≤ 50 ms); keypress → on
  screen: to the first frame composed with the new row (target p95 ≤ 100 ms);
- at 20,000 events: the CPU time of folding the journal's events into its state (target < 0.5 s),
  and, for information, of a cold open + state (the open path belongs to `labkit.store.journal`).

Every figure: median (min–max) and the target line, `ABOVE TARGET` on a miss.

Run:  python benchmarks/tui.py [--runs 5] [--ideas 100] [--sizes 3000 20000]
"""

from __future__ import annotations

import argparse
import asyncio
import fcntl
import os
import pty
import select
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from ruamel.yaml import YAML

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import labkit_argv, load_line, percentile, verdict  # noqa: E402

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


MINIMAL_APP = """
from textual.app import App
from textual.binding import Binding
from textual.widgets import Footer, Static

class Minimal(App):
    BINDINGS = [Binding("f1", "help", "Aide")]

    def compose(self):
        yield Static("Une grande session")
        yield Footer()

Minimal().run()
"""
FOOTER_MARK = b"Aide"
"""The footer's first key label (French: the session's language): the first frame is complete
once it is drawn (Textual draws a frame top to bottom in one write)."""
COLUMNS, LINES = 160, 50


def first_frame(argv: list[str], timeout: float = 120.0) -> tuple[float, float]:
    """(wall, CPU) seconds from exec to the first frame holding `FOOTER_MARK`, in a pty."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child: a terminal of COLUMNS x LINES
        os.environ.update(TERM="xterm-256color", COLUMNS=str(COLUMNS), LINES=str(LINES))
        os.execvp(argv[0], argv)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
    seen = b""
    wall = None
    try:
        while wall is None:
            if time.perf_counter() - start > timeout:
                raise RuntimeError(f"no frame from {' '.join(argv)}: {seen[-500:]!r}")
            ready, _, _ = select.select([fd], [], [], 0.5)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                raise RuntimeError(f"{' '.join(argv)} ended: {seen[-2000:]!r}") from None
            seen = seen[-64:] + chunk
            if FOOTER_MARK in seen:
                wall = time.perf_counter() - start
    finally:
        os.kill(pid, signal.SIGKILL)
        _, _, usage = os.wait4(pid, 0)
        os.close(fd)
    return wall, usage.ru_utime + usage.ru_stime


def frames(folder: Path, runs: int) -> tuple[list[tuple[float, float]], list[tuple[float, float]]]:
    """`labkit run` and the minimal app, alternately (one untimed warm-up of each)."""
    labkit = [*labkit_argv(), "run", str(folder)]
    minimal = [sys.executable, "-c", MINIMAL_APP]
    first_frame(labkit)
    first_frame(minimal)
    a, b = [], []
    for _ in range(runs):
        a.append(first_frame(labkit))
        b.append(first_frame(minimal))
    return a, b


def spread(values: list[float], scale: float = 1000.0, unit: str = "ms") -> str:
    return (f"{statistics.median(values) * scale:7.1f} {unit} "
            f"({min(values) * scale:.1f}–{max(values) * scale:.1f})")


async def keypresses(folder: Path, ideas: int) -> tuple[list[float], list[float]]:
    """(Enter → committed, Enter → on screen) seconds for `ideas` ideas typed back to back."""
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
    written = asyncio.Event()
    original = live.journal.record_many

    def timed_record_many(batch, **kwargs):  # type: ignore[no-untyped-def]
        result = original(batch, **kwargs)
        committed.append(time.perf_counter())
        written.set()
        return result

    live.journal.record_many = timed_record_many  # type: ignore[method-assign]
    displays: list[tuple[float, int]] = []
    async with app.run_test(size=(COLUMNS, LINES)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert type(screen).__name__ == "WorldCafeScreen", type(screen).__name__
        table = screen.query_one("#ideas")
        composed = app._display

        def timed_display(target, renderable):  # type: ignore[no-untyped-def]
            composed(target, renderable)
            if renderable is not None:
                displays.append((time.perf_counter(), table.row_count))  # type: ignore[attr-defined]

        app._display = timed_display  # type: ignore[method-assign]
        first = table.row_count  # type: ignore[attr-defined]
        starts: list[float] = []
        committed.clear()
        for number in range(ideas):
            text = f"Idée tapée d'affilée pendant le benchmark, numéro {number}"
            written.clear()
            for character in text:
                app.post_message(events.Key(character, character))
            starts.append(time.perf_counter())
            app.post_message(events.Key("enter", "\r"))
            await written.wait()  # the next idea follows at once: no wait for the screen
        while not displays or displays[-1][1] < first + ideas:
            await asyncio.sleep(0.001)
    to_disk = [c - s for c, s in zip(committed, starts, strict=True)]
    shown = []
    for number, begun in enumerate(starts):
        at = next(t for t, rows in displays if rows >= first + number + 1)
        shown.append(at - begun)
    return to_disk, shown


def fold_cpu(folder: Path, runs: int = 5) -> tuple[list[float], list[float]]:
    """(fold alone, cold open + state) CPU seconds of the session's journal."""
    from labkit.store.journal import Journal, derive

    folds, colds = [], []
    for _ in range(runs):
        begun = time.process_time()
        with Journal.open(folder / "journal.db", device="bench", readonly=True) as journal:
            journal.state()
            colds.append(time.process_time() - begun)
            records = journal.events()
        begun = time.process_time()
        derive(records)
        folds.append(time.process_time() - begun)
    return folds, colds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--ideas", type=int, default=100)
    parser.add_argument("--sizes", type=int, nargs="+", default=[3000, 20000])
    parser.add_argument("--quick", action="store_true", help="3k only, 3 runs, 30 ideas")
    args = parser.parse_args()
    if args.quick:
        args.sizes, args.runs, args.ideas = [3000], min(args.runs, 3), min(args.ideas, 30)
    print(load_line())
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "grande-session"
            write_session(folder)
            count = fill_journal(folder, size)
            print(f"\n== {count} events in the journal (3 days, 150 participants) ==")
            a, b = frames(folder, args.runs)
            ratios = [x[0] / y[0] for x, y in zip(a, b, strict=True)]
            print(f"first frame, labkit run   : wall {spread([w for w, _ in a])}, "
                  f"CPU {spread([c for _, c in a])}")
            print(f"first frame, minimal app  : wall {spread([w for w, _ in b])}, "
                  f"CPU {spread([c for _, c in b])}")
            print(f"run by run wall ratio     : {min(ratios):.2f}–{max(ratios):.2f}x, "
                  f"n={args.runs}")
            walls = statistics.median([w for w, _ in a]) / statistics.median([w for w, _ in b])
            verdict(f"{count} events: first frame labkit run / minimal Textual app (wall)",
                    walls, 2.0)
            to_disk, shown = asyncio.run(keypresses(folder, args.ideas))
            for label, values in (("journal", to_disk), ("on screen", shown)):
                print(f"keypress → {label:<9} (back to back): p50 "
                      f"{percentile(values, 50) * 1000:6.1f} ms, p95 "
                      f"{percentile(values, 95) * 1000:6.1f} ms, median {spread(values)}, "
                      f"n={len(values)}")
            verdict(f"{count} events: keypress → journal p95, back to back",
                    percentile(to_disk, 95) * 1000, 50.0, " ms")
            verdict(f"{count} events: keypress → on screen p95, back to back",
                    percentile(shown, 95) * 1000, 100.0, " ms")
            if count >= 20000:
                folds, colds = fold_cpu(folder)
                print(f"journal state: fold CPU {spread(folds)}; cold open + state CPU "
                      f"{spread(colds)} (information), n={len(folds)}")
                verdict(f"{count} events: journal fold CPU", statistics.median(folds), 0.5,
                        " s")


if __name__ == "__main__":
    main()
