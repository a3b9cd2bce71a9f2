"""Speed of the restitution report on a large session.

Builds, in a temporary folder, a 3-day session with 150 participants and a journal holding 3,000
contributions, 60 commitments and 150 questionnaire answers (plus attendance, block times,
clusters, kept ideas, votes, persona journeys, closing words), then prints, measured in the same
run:
- the docx render time of `labkit report` (read the journal, build the content, draw the charts,
  write the .docx; target: under 3 s), the first render (imports included) and the median of the
  following ones;
- the PDF render time (`--format pdf`: the docx converted by LibreOffice, once);
- pandoc converting the same content, from labkit's own Markdown output, to .docx, and the ratio
  of the two (pandoc from the Debian packages; the column is skipped with a message without it).

Run:  python benchmarks/report.py [--rounds 3] [--keep DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

GROUPS = [
    {"key": "ds", "label": "Demandeurs d'emploi", "colour": "#E07A5F", "vulnerable": True},
    {"key": "cons", "label": "Conseillers France Travail", "colour": "#3D5A80"},
    {"key": "ml", "label": "Missions locales", "colour": "#81B29A"},
    {"key": "dep", "label": "Départements", "colour": "#F2CC8F"},
    {"key": "etat", "label": "Services de l'État", "colour": "#6D597A"},
    {"key": "emp", "label": "Employeurs", "colour": "#B56576"},
]
TERRITORIES = ["59", "62", "80", "02", "60"]
STAGES = ["Le besoin apparaît", "S'informer", "Demander", "Attendre", "Commencer", "Après"]
WORDS = (
    "un guichet unique", "des horaires élargis", "un référent", "une fiche de liaison",
    "un comité mensuel", "des places réservées", "une immersion", "un tableau partagé",
)  # fmt: skip


def _block(block_id: str, title: str, phase: str, minutes: int, method: dict) -> dict:
    return {"id": block_id, "title": title, "phase": phase, "duration": minutes, "method": method}


def session_plan() -> dict:
    """A 3-day plan using every method, 150 participants in 6 groups."""
    people = []
    for n in range(1, 151):
        group = GROUPS[n % len(GROUPS)]["key"]
        people.append({
            "id": f"p{n:03d}", "first_name": f"Prénom{n}", "last_name": f"Nom{n}",
            "organisation": f"Structure {n % 23 + 1}", "group": group,
            "territory": TERRITORIES[n % len(TERRITORIES)], "consent_named": n % 4 == 0,
            "role": "table_host" if n <= 12 else "participant",
        })  # fmt: skip
    questions = [f"Question {q} : comment faire mieux ensemble sur le thème {q} ?"
                 for q in range(1, 7)]  # fmt: skip
    closing = {"type": "closing", "survey": [
        {"id": "satisfaction", "text": "Satisfaction globale"},
        {"id": "utilite", "text": "Utilité des solutions"},
        {"id": "reseau", "text": "Connaissance du réseau"}]}  # fmt: skip
    day1 = [
        _block("ouverture", "Ouverture", "scan", 30, {"type": "plenary", "kind": "opening"}),
        _block("interviews", "Interviews croisés", "scan", 60,
               {"type": "crossed_interviews", "prompt": "Une coopération réussie"}),
        _block("pause1", "Pause", "none", 15, {"type": "break"}),
        _block("parcours", "Parcours usagers", "scan", 90, {
            "type": "persona_journey", "stages": STAGES, "teams": 4,
            "personas": [{"id": f"per{i}", "name": f"Persona {i}"} for i in range(1, 5)]}),
        _block("dejeuner1", "Déjeuner", "none", 60, {"type": "lunch"}),
        _block("cafe", "World café", "focus", 150, {
            "type": "world_cafe", "questions": questions, "tables": 12, "rounds": 4,
            "hosts": [f"p{n:03d}" for n in range(1, 13)]}),
    ]  # fmt: skip
    day2 = [
        _block("vote", "Vote", "focus", 45, {"type": "idea_vote", "source_block": "cafe",
                                             "questions": questions, "top_n": 3}),
        _block("diagnostic", "Diagnostic territorial", "scan", 90,
               {"type": "territorial_diagnostic", "territories": TERRITORIES}),
        _block("dejeuner2", "Déjeuner", "none", 60, {"type": "lunch"}),
        _block("entraide", "Entraide", "focus", 120,
               {"type": "peer_help", "territories": TERRITORIES}),
    ]  # fmt: skip
    day3 = [
        _block("plenieres", "Retours en plénière", "act", 60, {"type": "plenary"}),
        _block("engagements", "Feuilles de route", "act", 120,
               {"type": "commitments", "grouped_by": "territory"}),
        _block("dejeuner3", "Déjeuner", "none", 60, {"type": "lunch"}),
        _block("cloture", "Déclusion", "act", 45, closing),
    ]  # fmt: skip
    days = [{"date": f"2027-05-{11 + i}", "start": "09:00", "end": "17:30", "agenda": agenda}
            for i, agenda in enumerate((day1, day2, day3))]  # fmt: skip
    return {"slug": "grande-session", "title": "Grande session de benchmark", "lab": "Lab",
            "sponsor": "Direction régionale", "context": "Une très grande session.",
            "questions": questions[:1], "groups": GROUPS, "participants": people, "days": days,
            "urls": {"resources": "https://ressources.example.org/bench"}}  # fmt: skip


def journal_events(plan: dict) -> list[dict]:
    """The events of a busy 3-day session (3,000 contributions, 60 commitments, 150 answers)."""
    events: list[dict] = []
    people = [p["id"] for p in plan["participants"]]

    def at(day: int, minutes: int) -> str:
        moment = dt.datetime(2027, 5, 10 + day, 7, 0, tzinfo=dt.UTC)
        return (moment + dt.timedelta(minutes=minutes)).isoformat()

    for day in (1, 2, 3):
        events += [
            {"type": "attendance.arrived", "participant_id": p, "day": day, "at": at(day, n % 40)}
            for n, p in enumerate(people) if n % 17 != day
        ]  # fmt: skip
        clock = 0
        for block in plan["days"][day - 1]["agenda"]:
            events.append({"type": "block.started", "block_id": block["id"], "at": at(day, clock)})
            clock += block["duration"] + (day * 3) % 7
            events.append({"type": "block.ended", "block_id": block["id"], "at": at(day, clock)})
    counter = 0

    def say(block: str, kind: str = "idea", **placement: object) -> str:
        nonlocal counter
        counter += 1
        text = (f"Contribution {counter} : proposer {WORDS[counter % 8]} et "
                f"{WORDS[(counter * 3) % 8]} pour les personnes accompagnées")  # fmt: skip
        cid = f"c{counter}"
        events.append({"type": "contribution.added", "contribution_id": cid, "text": text,
                       "kind": kind, "block_id": block, **placement})  # fmt: skip
        return cid

    for n in range(400):
        say("interviews", "ingredient", table=n % 30 + 1)
    for start in range(0, 400, 40):
        members = [f"c{i}" for i in range(start + 1, start + 41)]
        events.append({"type": "cluster.created", "title": f"Ingrédient {start // 40 + 1}",
                       "block_id": "interviews", "contribution_ids": members})  # fmt: skip
    cafe = {q: [say("cafe", question=q, table=n % 12 + 1, round=n % 4 + 1) for n in range(300)]
            for q in range(1, 7)}  # fmt: skip
    for q, ids in cafe.items():
        events.append({"type": "ideas.kept", "block_id": "cafe", "question": q,
                       "item_ids": ids[:3]})  # fmt: skip
        for n, voter in enumerate(people):
            events.append({"type": "vote.cast", "item_id": ids[(n * 7) % 40], "dots": 1,
                           "participant_id": voter, "block_id": "vote", "question": q})  # fmt: skip
    for n in range(300):
        say("diagnostic", "insight", territory=TERRITORIES[n % 5])
    for n in range(300):
        say("entraide", "note", territory=TERRITORIES[n % 5])
    while counter < 3000:
        say("plenieres", "note")
    for p in range(1, 5):
        events.append({"type": "persona.created", "persona_id": f"per{p}",
                       "name": f"Persona {p}", "block_id": "parcours", "team": str(p)})  # fmt: skip
        for s, stage in enumerate(STAGES, 1):
            events.append({"type": "journey_step.added", "persona_id": f"per{p}", "stage": stage,
                           "position": s, "actions": ["Agir", "Appeler"], "touchpoints": ["Agence"],
                           "emotion": (s + p) % 5 - 2, "pain_points": ["Attendre"],
                           "opportunities": ["Un référent"]})  # fmt: skip
    for n in range(60):
        events.append({"type": "commitment.added", "what": f"Engagement {n + 1} : {WORDS[n % 8]}",
                       "owner_person": f"Prénom{n + 1}", "owner_organisation": "Structure",
                       "due": f"2027-{n % 12 + 1:02d}-15", "indicator": "Indicateur suivi",
                       "territory": TERRITORIES[n % 5], "block_id": "engagements",
                       "status": "committed"})  # fmt: skip
    for n in range(150):
        events.append({"type": "survey.answered", "group": GROUPS[n % 6]["key"],
                       "scores": {"satisfaction": 3 + n % 3, "utilite": 2 + n % 4,
                                  "reseau": 4 + n % 2}})  # fmt: skip
    for n, p in enumerate(people[:120]):
        events.append({"type": "closing.word_added", "text": f"Mot {n % 20}", "participant_id": p})
    return events


def build(folder: Path) -> Path:
    """Write the session plan and its journal into `folder`."""
    from labkit.store.journal import Journal

    plan = session_plan()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "session.yaml").write_text(json.dumps(plan, ensure_ascii=False, indent=1),
                                         encoding="utf-8")  # fmt: skip
    with Journal.open(folder / "journal.db", device="bench") as journal:
        journal.record_many(journal_events(plan))
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="build and keep the session in this folder")
    args = parser.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="labkit-report-bench-"))
    try:
        run(root, args.rounds)
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)


def run(root: Path, rounds: int) -> None:
    start = time.perf_counter()
    folder_path = build(root / "grande-session")
    print(f"session built in {time.perf_counter() - start:.1f} s: {folder_path}")
    from labkit.report import journal_state, render_report
    from labkit.store.session_folder import open_session

    folder = open_session(folder_path)
    state = journal_state(folder)
    print(f"journal: {state.event_count} events, {len(state.contributions)} contributions, "
          f"{len(state.commitments)} commitments, {len(state.survey)} answers, "
          f"{len(folder.session.participants)} participants, "
          f"{len(folder.session.days)} days")  # fmt: skip
    times, cpu = [], []
    for n in range(rounds + 1):
        start, start_cpu = time.perf_counter(), time.process_time()
        rendered = render_report(folder, "docx", root / "labkit.docx")
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        if n == 0:
            size = rendered.path.stat().st_size
    first, steady = times[0], statistics.median(times[1:]) if rounds else times[0]
    print(f"labkit docx render: first {first:.2f} s (imports included), median of {rounds} "
          f"next {steady:.2f} s (CPU {statistics.median(cpu[1:] or cpu):.2f} s), "
          f"{size / 1e6:.1f} MB  [target < 3 s: {'ok' if max(first, steady) < 3 else 'MISSED'}]")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    if load is not None:
        print(f"machine load average: {load:.2f} on {os.cpu_count()} CPUs")
    start = time.perf_counter()
    markdown = render_report(folder, "md", root / "labkit.md")
    print(f"labkit markdown render: {time.perf_counter() - start:.2f} s "
          f"({len(markdown.extra_files)} chart files)")  # fmt: skip
    _pdf_time(folder, root)
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        print("pandoc: not installed, comparison skipped (apt-get install pandoc to compare)")
        return
    version = subprocess.run([pandoc, "--version"], capture_output=True, text=True).stdout
    pandoc_times = []
    for _ in range(max(rounds, 1)):
        start = time.perf_counter()
        subprocess.run([pandoc, str(markdown.path), "-f", "markdown", "-t", "docx",
                        "--resource-path", str(root), "-o", str(root / "pandoc.docx")],
                       check=True, capture_output=True)  # fmt: skip
        pandoc_times.append(time.perf_counter() - start)
    converted = statistics.median(pandoc_times)
    print(f"{version.splitlines()[0]} markdown -> docx of the same content: median "
          f"{converted:.2f} s, {(root / 'pandoc.docx').stat().st_size / 1e6:.1f} MB")  # fmt: skip
    print(f"ratio labkit docx / pandoc: {steady / converted:.2f}x "
          f"(labkit also reads the journal, builds the content and draws the charts)")  # fmt: skip


def _pdf_time(folder: object, root: Path) -> None:
    """One `--format pdf` render: the docx, then LibreOffice (indexes updated, tagged PDF)."""
    from labkit.report import render_report
    from labkit.report.pdf import PdfUnavailableError

    start = time.perf_counter()
    try:
        rendered = render_report(folder, "pdf", root / "labkit.pdf")  # type: ignore[arg-type]
    except PdfUnavailableError as error:
        print(f"labkit pdf render: skipped ({error})")
        return
    print(f"labkit pdf render (docx + LibreOffice): {time.perf_counter() - start:.2f} s, "
          f"{rendered.path.stat().st_size / 1e6:.1f} MB")  # fmt: skip


if __name__ == "__main__":
    main()
