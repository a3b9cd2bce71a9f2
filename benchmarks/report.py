"""Speed of `labkit report --format docx` against pandoc, whole process against whole process.

For each size (1k, 3k, 10k, 30k contributions by default) a 3-day session with 150 participants
is generated once, untimed, in a temporary folder (the contributions in the proportions of the
3,000 case, plus attendance, block times, clusters, kept ideas, votes, persona journeys, 60
commitments, 150 questionnaire answers, closing words), with labkit's own `--format md` output of
it (untimed). Then, paired run by run (A B A B, `benchmarks/harness.py`):
- A: `labkit report SESSION --format docx --out x.docx` (read the journal, build, draw the charts,
  write the docx);
- B: `pandoc report.md -o x.docx` on that Markdown (its chart PNGs already drawn).
Printed: the load average, every line of both, and the targets of issue 16 — labkit CPU ≤ 0.5×
pandoc's at every size, growth exponent of labkit's CPU from 3k to 30k ≤ 1.1 (log-log slope),
peak memory below pandoc's — and issue 12's figure: `labkit report` (docx) on the bundled example
as a whole process, target < 3 s. `ABOVE TARGET` on every miss.

Run:  python benchmarks/report.py [--runs 3] [--sizes 1000 3000 10000 30000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import Command, Figures, labkit_argv, load_line, paired, run_once, verdict  # noqa: E402

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


def journal_events(plan: dict, contributions: int = 3000) -> list[dict]:
    """The events of a busy 3-day session (`contributions` contributions, in the proportions of
    the 3,000 case: 400 interview ingredients, 6 × 300 café ideas, 300 + 300 territorial notes;
    60 commitments, 150 answers)."""
    scale = contributions / 3000
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

    ingredients, per_question, notes = (max(40, int(x * scale)) for x in (400, 300, 300))
    for n in range(ingredients):
        say("interviews", "ingredient", table=n % 30 + 1)
    for start in range(0, ingredients - 39, 40):
        members = [f"c{i}" for i in range(start + 1, start + 41)]
        events.append({"type": "cluster.created", "title": f"Ingrédient {start // 40 + 1}",
                       "block_id": "interviews", "contribution_ids": members})  # fmt: skip
    cafe = {q: [say("cafe", question=q, table=n % 12 + 1, round=n % 4 + 1)
                for n in range(per_question)]
            for q in range(1, 7)}  # fmt: skip
    for q, ids in cafe.items():
        events.append({"type": "ideas.kept", "block_id": "cafe", "question": q,
                       "item_ids": ids[:3]})  # fmt: skip
        for n, voter in enumerate(people):
            events.append({"type": "vote.cast", "item_id": ids[(n * 7) % 40], "dots": 1,
                           "participant_id": voter, "block_id": "vote", "question": q})  # fmt: skip
    for n in range(notes):
        say("diagnostic", "insight", territory=TERRITORIES[n % 5])
    for n in range(notes):
        say("entraide", "note", territory=TERRITORIES[n % 5])
    while counter < contributions:
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


def build(folder: Path, contributions: int = 3000) -> Path:
    """Write the session plan and its journal into `folder`."""
    from labkit.store.journal import Journal

    plan = session_plan()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "session.yaml").write_text(json.dumps(plan, ensure_ascii=False, indent=1),
                                         encoding="utf-8")  # fmt: skip
    with Journal.open(folder / "journal.db", device="bench") as journal:
        journal.record_many(journal_events(plan, contributions))
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 3000, 10000, 30000])
    parser.add_argument("--keep", type=Path, help="build and keep the sessions in this folder")
    parser.add_argument("--quick", action="store_true", help="1k and 3k only, 2 runs each")
    args = parser.parse_args()
    if args.quick:
        args.sizes, args.runs = [s for s in args.sizes if s <= 3000] or [1000], min(args.runs, 2)
    root = args.keep or Path(tempfile.mkdtemp(prefix="labkit-report-bench-"))
    try:
        run(root, args.sizes, args.runs)
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)


def run(root: Path, sizes: list[int], runs: int) -> None:
    print(load_line())
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        print("pandoc: not installed, comparison skipped (apt-get install pandoc to compare)")
    else:
        version = subprocess.run([pandoc, "--version"], capture_output=True, text=True).stdout
        print(version.splitlines()[0])
    labkit = labkit_argv()
    cpu: dict[int, float] = {}
    for size in sizes:
        folder = build(root / f"session-{size}", size)
        subprocess.run([*labkit, "report", str(folder), "--format", "md", "--out",
                        str(folder / "report.md")], check=True, capture_output=True)  # fmt: skip
        docx = Command(
            f"labkit report docx {size // 1000}k",
            [*labkit, "report", str(folder), "--format", "docx", "--out", str(folder / "x.docx")],
        )
        if pandoc is None:
            figures = Figures(docx.label, [run_once(docx) for _ in range(runs)])
            print(figures.describe())
            cpu[size] = figures.cpu[0]
            continue
        baseline = Command(f"pandoc md -> docx {size // 1000}k",
                           [pandoc, "report.md", "-o", "pandoc.docx"], cwd=folder)  # fmt: skip
        pair = paired(docx, baseline, runs, warmup=False)
        print(pair.describe())
        cpu[size] = pair.labkit.cpu[0]
        verdict(f"labkit docx CPU / pandoc CPU at {size} contributions", pair.cpu_ratio(), 0.5)
        verdict(f"labkit peak memory / pandoc's at {size} contributions",
                pair.labkit.peak_kib[0] / pair.baseline.peak_kib[0], 1.0)  # fmt: skip
        if size == 3000:  # issue 12: 3 days, 150 people, 3,000 contributions
            verdict("labkit report docx at 3000 contributions, wall seconds (median)",
                    pair.labkit.wall[0], 3.0, unit=" s")  # fmt: skip
            _pdf(folder, labkit, runs)
        shutil.rmtree(folder, ignore_errors=True)
    low, high = min((s for s in cpu if s >= 3000), default=None), max(cpu)
    if low is not None and high > low:
        slope = math.log(cpu[high] / cpu[low]) / math.log(high / low)
        verdict(f"growth exponent of labkit docx CPU, {low} to {high} contributions", slope, 1.1,
                unit="")  # fmt: skip
    _example(root, labkit)


def _pdf(folder: Path, labkit: list[str], runs: int) -> None:
    """Issue 12's PDF time at 3,000 contributions: `labkit report --format pdf` (docx, then
    LibreOffice updating the table of contents and exporting) against LibreOffice converting
    pandoc's docx of the same Markdown, paired; printed, no target."""
    soffice = shutil.which("soffice")
    if soffice is None:
        print("PDF: LibreOffice not installed, skipped (apt-get install libreoffice-writer-nogui)")
        return
    out = str(folder / "x.pdf")
    pdf = Command("labkit report pdf 3k",
                  [*labkit, "report", str(folder), "--format", "pdf", "--out", out])  # fmt: skip
    profile = folder / "lo-profile"  # new for every run, as labkit's own is
    convert = Command("soffice pandoc.docx -> pdf 3k",
                      [soffice, "--headless", "--norestore",
                       f"-env:UserInstallation={profile.as_uri()}", "--convert-to", "pdf",
                       "--outdir", str(folder / "pandoc-pdf"), "pandoc.docx"], cwd=folder,
                      before=lambda: shutil.rmtree(profile, ignore_errors=True))  # fmt: skip
    pair = paired(pdf, convert, 2, warmup=False)
    print(pair.describe())
    print(f"PDF at 3000 contributions: labkit {pair.labkit.wall[0]:.1f} s wall "
          f"({pair.labkit.wall[1]:.1f}–{pair.labkit.wall[2]:.1f}), LibreOffice on pandoc's docx "
          f"{pair.baseline.wall[0]:.1f} s (no target)")


def _example(root: Path, labkit: list[str]) -> None:
    """Issue 12's figure: the docx of the bundled example, as a whole process (< 3 s)."""
    subprocess.run([*labkit, "examples", "copy", "cooperation-territoriale"], cwd=root,
                   check=True, capture_output=True)  # fmt: skip
    folder = next((root / "sessions").iterdir())
    report = Command(
        "labkit report docx, example",
        [*labkit, "report", str(folder), "--format", "docx", "--out", str(root / "example.docx")],
    )
    figures = Figures(report.label, [run_once(report) for _ in range(3)])
    print(figures.describe())
    verdict("labkit report docx on the bundled example, wall seconds", figures.wall[0], 3.0,
            unit=" s")  # fmt: skip


if __name__ == "__main__":
    main()
