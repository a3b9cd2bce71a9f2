"""Everything captured, as flat tables (one per kind), and their CSV and XLSX exports.

CSV files are UTF-8 with a byte-order mark, so that Excel shows accents; the dialects (French
Excel, English Excel, RFC 4180) and the formula neutralisation live in `spreadsheet`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

from labkit.model import Session
from labkit.model.events.fields import utc_now
from labkit.model.naming import NamingGuard, is_identifier
from labkit.model.views import RecordedEvent
from labkit.store.journal.journal import Journal
from labkit.store.journal.spreadsheet import (
    XLSX_NAME,
    Dialect,
    csv_table_text,
    style_for,
    write_csv_tables,
    write_xlsx,
)
from labkit.store.journal.state import JournalState

Table = tuple[list[str], list[list[Any]]]


def _minutes(value: Any) -> float:
    return round(value.total_seconds() / 60, 1)


def _blocks(s: JournalState, now: datetime) -> Table:
    header = ["block_id", "status", "started_at", "ended_at", "elapsed_minutes",
              "paused_minutes", "extension_minutes"]  # fmt: skip
    rows = [
        [b.block_id, b.status, b.started_at, b.ended_at, _minutes(b.elapsed(now)),
         _minutes(b.paused_time(now)), b.extension_minutes]
        for b in s.blocks.values()
    ]  # fmt: skip
    return header, rows


def _rounds(s: JournalState, now: datetime) -> Table:
    header = ["block_id", "round", "started_at", "ended_at", "elapsed_minutes"]
    rows = [
        [r.block_id, r.round, r.started_at, r.ended_at,
         _minutes(r.elapsed(s.blocks.get(r.block_id), now))]
        for r in sorted(s.rounds.values(), key=lambda r: (r.block_id, r.round))
    ]  # fmt: skip
    return header, rows


def _rotations(s: JournalState, now: datetime) -> Table:
    header = ["block_id", "round", "table", "participants", "reason"]
    rows = [
        [rot.block_id, rot.from_round + index, table_no, " ".join(people), rot.reason]
        for rot in s.rotations.values()
        for index, tables in enumerate(rot.plan)
        for table_no, people in enumerate(tables, start=1)
    ]
    return header, rows


def _attendance(s: JournalState, now: datetime) -> Table:
    header = ["day", "participant_id", "status", "arrived_at", "left_at", "absence_reason"]
    rows = [
        [a.day, a.participant_id, a.status, a.arrived_at, a.left_at, a.absence_reason]
        for day in sorted(s.attendance)
        for a in s.attendance[day].values()
    ]
    return header, rows


def _contributions(s: JournalState, now: datetime) -> Table:
    totals = s.vote_totals()
    kept = {item for k in s.kept_ideas() for item in k.item_ids}
    header = ["contribution_id", "kind", "text", "block_id", "question", "round", "table", "pair",
              "team", "territory", "author", "cluster_id", "cluster_title", "dots", "kept",
              "recorded_at", "edited_at", "device", "recorder"]  # fmt: skip
    rows = []
    for c in s.contributions.values():
        cluster = s.clusters.get(s.cluster_of.get(c.contribution_id, ""))
        rows.append([
            c.contribution_id, c.kind, c.text, c.block_id, c.question, c.round, c.table, c.pair,
            c.team, c.territory, c.author, cluster.cluster_id if cluster else None,
            cluster.title if cluster else None, totals.get(c.contribution_id, 0),
            c.contribution_id in kept, c.recorded_at, c.edited_at, c.device, c.recorder,
        ])  # fmt: skip
    return header, rows


def _clusters(s: JournalState, now: datetime) -> Table:
    totals = s.vote_totals()
    header = ["cluster_id", "title", "block_id", "question", "contribution_ids", "size", "dots"]
    rows = [
        [g.cluster_id, g.title, g.block_id, g.question, " ".join(g.contribution_ids),
         len(g.contribution_ids), totals.get(g.cluster_id, 0)]
        for g in s.clusters.values()
    ]  # fmt: skip
    return header, rows


def _label(s: JournalState, item_id: str) -> str | None:
    if item_id in s.contributions:
        return s.contributions[item_id].text
    return s.clusters[item_id].title if item_id in s.clusters else None


def _kept(s: JournalState, now: datetime) -> Table:
    header = ["block_id", "question", "rank", "item_id", "text"]
    rows = [
        [k.block_id, k.question, rank, item, _label(s, item)]
        for k in s.kept_ideas()
        for rank, item in enumerate(k.item_ids, start=1)
    ]
    return header, rows


def _votes(s: JournalState, now: datetime) -> Table:
    header = ["event_id", "item_id", "dots", "participant_id", "team", "block_id", "question"]
    rows = [
        [x.event_id, x.item_id, x.dots, x.participant_id, x.team, x.block_id, x.question]
        for x in s.votes.values()
    ]
    return header, rows


def _personas(s: JournalState, now: datetime) -> Table:
    header = ["persona_id", "name", "description", "block_id", "table", "team"]
    rows = [
        [p.persona_id, p.name, p.description, p.block_id, p.table, p.team]
        for p in s.personas.values()
    ]
    return header, rows


def _steps(s: JournalState, now: datetime) -> Table:
    header = ["persona_id", "persona_name", "step_id", "position", "stage", "actions",
              "touchpoints", "emotion", "pain_points", "opportunities"]  # fmt: skip
    rows = [
        [p.persona_id, p.name, st.step_id, st.position, st.stage, " | ".join(st.actions),
         " | ".join(st.touchpoints), st.emotion, " | ".join(st.pain_points),
         " | ".join(st.opportunities)]
        for p in s.personas.values()
        for st in s.journey(p.persona_id)
    ]  # fmt: skip
    return header, rows


def _commitments(s: JournalState, now: datetime) -> Table:
    header = ["commitment_id", "what", "owner_organisation", "owner_person", "due", "indicator",
              "territory", "team", "status", "block_id", "updated_at"]  # fmt: skip
    rows = [
        [c.commitment_id, c.what, c.owner_organisation, c.owner_person, c.due, c.indicator,
         c.territory, c.team, c.status, c.block_id, c.updated_at]
        for c in s.commitments.values()
    ]  # fmt: skip
    return header, rows


def _survey(s: JournalState, now: datetime) -> Table:
    questions = sorted({q for r in s.survey.values() for q in r.scores})
    header = ["response_id", "group", *questions, "comment"]
    rows = [
        [r.response_id, r.group, *(r.scores.get(q) for q in questions), r.comment]
        for r in s.survey.values()
    ]
    return header, rows


def _closing(s: JournalState, now: datetime) -> Table:
    header = ["word_id", "text", "image", "participant_id", "block_id"]
    rows = [
        [w.word_id, w.text, w.image, w.participant_id, w.block_id] for w in s.closing_words.values()
    ]
    return header, rows


def _attachments(s: JournalState, now: datetime) -> Table:
    header = ["attachment_id", "path", "original_name", "sha256", "size", "media_type", "caption",
              "block_id", "question", "table", "team", "territory", "recorded_at"]  # fmt: skip
    rows = [
        [a.attachment_id, a.path, a.original_name, a.sha256, a.size, a.media_type, a.caption,
         a.block_id, a.question, a.table, a.team, a.territory, a.recorded_at]
        for a in s.attachments.values()
    ]  # fmt: skip
    return header, rows


TABLES: dict[str, Callable[[JournalState, datetime], Table]] = {
    "contributions": _contributions,
    "clusters": _clusters,
    "kept_ideas": _kept,
    "votes": _votes,
    "blocks": _blocks,
    "rounds": _rounds,
    "rotations": _rotations,
    "attendance": _attendance,
    "personas": _personas,
    "journey_steps": _steps,
    "commitments": _commitments,
    "survey": _survey,
    "closing_words": _closing,
    "attachments": _attachments,
}
"""File stem -> builder of (header, rows) from a state."""


def history_table(
    events: list[RecordedEvent], cancelled: set[str], guard: NamingGuard | None = None
) -> Table:
    """Every event, undone ones marked, payload as JSON (its texts through `guard`, if any)."""
    header = ["id", "uuid", "ts", "device", "recorder", "type", "undone", "payload"]

    def payload(record: RecordedEvent) -> str:
        data = record.event.payload()
        return json.dumps(guard.mask_tree(data) if guard else data, ensure_ascii=False)

    rows = [
        [e.id, e.uuid, e.ts, e.device, guard.mask(e.recorder) if guard and e.recorder
         else e.recorder, e.type, e.uuid in cancelled, payload(e)]
        for e in events
    ]  # fmt: skip
    return header, rows


def guarded_table(table: Table, guard: NamingGuard) -> Table:
    """`table` with the texts of every column but the identifiers through the naming guard."""
    header, rows = table
    texts = [i for i, name in enumerate(header) if not is_identifier(name)]
    out = []
    for row in rows:
        row = list(row)
        for i in texts:
            if isinstance(row[i], str):
                row[i] = guard.mask(row[i])
        out.append(row)
    return header, out


def csv_text(table: Table, dialect: Dialect = Dialect.RFC4180,
             session: Session | None = None, zone: tzinfo | None = None) -> str:
    """A table as CSV text in `dialect` (RFC 4180 by default: comma, ISO times, keys).

    RFC 4180 instants are in `zone` (or the session's) with their offset, else UTC as recorded.
    """
    header, rows = table
    return csv_table_text(header, rows, dialect, style_for(session, dialect, zone))


def export_tables(
    journal: Journal, now: datetime | None = None, guard: NamingGuard | None = None
) -> dict[str, Table]:
    """Every table of the journal by file stem, the full history (``events``) last; with a
    `guard`, no one who may not be named appears in a text (`labkit.model.naming`)."""
    now = now or utc_now()
    state = journal.state()
    tables = {stem: build(state, now) for stem, build in TABLES.items()}
    if guard is not None:
        tables = {stem: guarded_table(table, guard) for stem, table in tables.items()}
    tables["events"] = history_table(journal.events(), state.cancelled, guard)
    return tables


def export_csv(
    journal: Journal,
    out_dir: Path,
    now: datetime | None = None,
    *,
    dialect: Dialect = Dialect.RFC4180,
    session: Session | None = None,
    zone: tzinfo | None = None,
    guard: NamingGuard | None = None,
) -> list[Path]:
    """Write one CSV per kind (plus ``events.csv``, the full history) into `out_dir`.

    `session` gives the Excel dialects their time zone, labels and consenting names; RFC 4180
    instants are in `zone` (else the session's, `Session.zone`) with their offset, else UTC.
    `guard` masks the people who may not be named.
    """
    return write_csv_tables(export_tables(journal, now, guard), Path(out_dir), dialect,
                            style_for(session, dialect, zone))


def export_xlsx(
    journal: Journal,
    out_dir: Path,
    session: Session,
    now: datetime | None = None,
    guard: NamingGuard | None = None,
) -> Path:
    """Write ``<slug>.xlsx`` into `out_dir`: a sheet per kind, in the session's language
    (`guard` masks the people who may not be named)."""
    dialect = Dialect.EXCEL_FR if session.language == "fr" else Dialect.EXCEL_EN
    path = Path(out_dir) / XLSX_NAME.format(slug=session.slug)
    return write_xlsx(export_tables(journal, now, guard), path, style_for(session, dialect))
