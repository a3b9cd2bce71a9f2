"""Planning an import against the session: append or replace, duplicates, ids, then saving.

All or nothing
    Any bad row raises `InvalidInputError` listing every bad row with its number and reasons;
    nothing is written.

Append (default), replace or update
    *Append*: people already in the session (same first name, last name and organisation,
    compared without case or accents) are skipped with a notice. *Replace* (`replace=True`): the
    file becomes the list; people already in the session keep their id, their details are
    updated, the others are removed. A replacement that would remove someone the agenda names
    (e.g. a world-café host) is refused. *Update* (`update=True`): people of the session the file
    names (by id, e-mail, else first name and surname) get the file's values for the columns it
    has (consent, role, group, function, territory...), the others are added, nobody is removed;
    a row naming several people, or an update that breaks the plan, is refused.

Duplicates in the file
    The same person twice with identical details is a double registration: the later row is
    skipped with a notice. Twice with *different* details is a bad row.

Ids
    An ``Id`` column, when present and filled, is kept. Otherwise ids ``p001``, ``p002``... are
    generated after the highest existing ``p<number>`` id (with as many digits); ids are never
    reused, even after a replacement.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from labkit.errors import InvalidInputError
from labkit.i18n import t
from labkit.methods import check_session
from labkit.model.participants import Participant
from labkit.model.session import Session
from labkit.model.validation import Level, Problem
from labkit.store.participants.document import write_participants
from labkit.store.participants.fields import FIELDS
from labkit.store.participants.reading import Table, read_table
from labkit.store.participants.rows import GroupMatcher, Row, identity_of, map_columns, read_row
from labkit.store.participants.updating import (
    Change,
    PersonFinder,
    changes_between,
    describe_candidates,
    updated_data,
)
from labkit.store.plain_errors import explain_all

if TYPE_CHECKING:
    from ruamel.yaml.comments import CommentedMap

    from labkit.store.session_folder import SessionFolder

# Plan checks that mean "the agenda names a participant id that does not exist".
REFERENCE_CODES = frozenset({"unknown_participant"})


@dataclass(frozen=True)
class Notice:
    """Something the facilitator should know about an import that succeeded."""

    code: str
    params: dict[str, object] = field(default_factory=dict)

    def message(self, lang: str | None = None) -> str:
        """The notice in plain words, in `lang`."""
        return t(f"participants.notice.{self.code}", lang, **self.params)


@dataclass
class ImportPlan:
    """What an import will do; `apply` writes it into a session.yaml document.

    `participants` is the session's list once the plan is applied (in append mode: those already
    there, then `added`). `kept` and `updated` are only filled by a replacement; `skipped_existing`
    only by an append.
    """

    source: Path
    replace: bool
    participants: list[Participant]
    update: bool = False
    added: list[Participant] = field(default_factory=list)
    kept: list[Participant] = field(default_factory=list)
    updated: list[Participant] = field(default_factory=list)
    removed: list[Participant] = field(default_factory=list)
    skipped_existing: list[Participant] = field(default_factory=list)
    duplicates: int = 0
    notices: list[Notice] = field(default_factory=list)
    changes: dict[str, list[Change]] = field(default_factory=dict)
    """In an update: what changes for each updated person (by id)."""
    rows: dict[str, int] = field(default_factory=dict)
    """In an update: the file's row of each updated person (by id)."""

    @property
    def changed(self) -> bool:
        """Whether applying the plan changes the session."""
        return bool(self.added or self.updated or self.removed)

    def apply(self, document: CommentedMap) -> None:
        """Write the plan into a round-trip session document, keeping comments and key order."""
        write_participants(document, self.participants, self.added, replace=self.replace,
                           updated=self.updated)  # fmt: skip


def plan_import(
    table: Table, session: Session, *, replace: bool = False, update: bool = False,
    lang: str | None = None,
) -> ImportPlan:  # fmt: skip
    """Check every row of `table` against `session` and decide what the import does.

    Raises InvalidInputError listing every bad row (nothing is planned then), or when the file
    lacks a needed column, holds no participant, or the session declares no stakeholder group.
    """
    if replace and update:
        raise InvalidInputError(t("participants.update_or_replace", lang))
    columns = map_columns(table, lang, group_needed=not update)
    if not session.groups:
        raise InvalidInputError(t("participants.no_groups", lang, path=table.source))
    notices: list[Notice] = []
    ignored = [h for i, h in enumerate(table.headers) if h and i not in columns.values()]
    if ignored:
        notices.append(Notice("ignored_columns", {"columns": ", ".join(ignored)}))

    groups = GroupMatcher(session)
    bad: dict[int, list[str]] = {}
    rows: list[Row] = []
    nameless: list[int] = []
    for number, cells in table.rows:
        def cell(name: str, cells: list[str] = cells) -> str:
            index = columns.get(name)
            return cells[index] if index is not None and index < len(cells) else ""

        named = ("first_name", "full_name", "last_name", "organisation", "email", "id")
        if not any(cell(n) for n in named):
            nameless.append(number)
            continue
        data, reasons = read_row(cell, groups, len(session.days), lang,
                                 group_optional=update)  # fmt: skip
        if table.delimiter and any(cells[len(table.headers):]):
            reasons.insert(0, t("participants.reason.too_many_cells", lang, count=len(cells),
                                expected=len(table.headers), separator=table.delimiter))
        if reasons:
            bad[number] = reasons
            continue
        person = identity_of(data["first_name"], data.get("last_name"), data.get("organisation"))
        rows.append(Row(number, data, person, data.get("id")))
    if nameless:
        notices.append(Notice("nameless_rows", {"rows": compress_rows(nameless)}))
    if not rows and not bad:
        raise InvalidInputError(t("participants.no_rows", lang, path=table.source))

    unique = _drop_duplicates(rows, bad, notices, lang)
    if update:
        plan = _decide_update(table.source, unique, session, set(columns), bad, notices, lang)
    else:
        plan = _decide(table.source, unique, session, replace, bad, notices, lang)
    if bad:
        separator = t("participants.reason_separator", lang)
        problems = [
            t("participants.bad_row", lang, row=n, reasons=separator.join(bad[n]))
            for n in sorted(bad)
        ]
        raise InvalidInputError(
            t("participants.import_failed", lang, path=table.source, count=len(problems)),
            problems,
        )
    return plan


def _differences(a: dict[str, Any], b: dict[str, Any], lang: str | None) -> list[str]:
    return [
        t(f"participants.field.{name}", lang)
        for name in FIELDS
        if name not in ("first_name", "last_name", "organisation") and a.get(name) != b.get(name)
    ]


def _drop_duplicates(
    rows: list[Row], bad: dict[int, list[str]], notices: list[Notice], lang: str | None
) -> list[Row]:
    first_seen: dict[tuple[str, str, str], Row] = {}
    id_owner: dict[str, Row] = {}
    unique: list[Row] = []
    for row in rows:
        earlier = first_seen.get(row.identity)
        if earlier is not None:
            diffs = _differences(earlier.data, row.data, lang)
            if diffs:
                bad.setdefault(row.number, []).append(
                    t("participants.reason.conflicting_duplicate", lang, row=earlier.number,
                      name=_who(row.data), fields=", ".join(diffs))
                )
            else:
                notices.append(
                    Notice("duplicate", {"row": row.number, "first": earlier.number,
                                         "name": _who(row.data)})
                )
            continue
        if row.explicit_id:
            owner = id_owner.get(row.explicit_id)
            if owner is not None:
                bad.setdefault(row.number, []).append(
                    t("participants.reason.id_twice", lang, id=row.explicit_id, row=owner.number)
                )
                continue
            id_owner[row.explicit_id] = row
        first_seen[row.identity] = row
        unique.append(row)
    return unique


def _who(data: dict[str, Any]) -> str:
    name = " ".join(filter(None, [data.get("first_name"), data.get("last_name")]))
    return f"{name}, {data['organisation']}" if data.get("organisation") else name


def _decide(
    source: Path,
    rows: list[Row],
    session: Session,
    replace: bool,
    bad: dict[int, list[str]],
    notices: list[Notice],
    lang: str | None,
) -> ImportPlan:
    existing_by_identity = {
        identity_of(p.first_name, p.last_name, p.organisation): p for p in session.participants
    }
    existing_by_id = {p.id: p for p in session.participants}
    claimed = {row.explicit_id for row in rows if row.explicit_id}
    next_id = _id_counter({*existing_by_id, *claimed})

    plan = ImportPlan(source=source, replace=replace, participants=[])
    skipped_rows: list[int] = []
    for row in rows:
        match = existing_by_identity.get(row.identity)
        if not replace:
            if match is not None:
                plan.skipped_existing.append(match)
                skipped_rows.append(row.number)
                continue
            owner = existing_by_id.get(row.explicit_id or "")
            if owner is not None:
                bad.setdefault(row.number, []).append(
                    t("participants.reason.id_taken", lang, id=row.explicit_id,
                      name=owner.display_name)
                )
                continue
        if row.explicit_id:
            person_id = row.explicit_id
        elif match is not None and match.id not in claimed:
            person_id = match.id
        else:
            person_id = next_id()
        person = _build(row, person_id, bad, lang)
        if person is None:
            continue
        previous = existing_by_id.get(person_id) if replace else None
        if previous is None:
            plan.added.append(person)
        elif previous == person:
            plan.kept.append(person)
        else:
            plan.updated.append(person)
        plan.participants.append(person)

    if skipped_rows:
        notices.append(
            Notice("skipped_existing", {"count": len(skipped_rows),
                                        "rows": compress_rows(skipped_rows)})
        )
    if replace:
        final_ids = {p.id for p in plan.participants}
        plan.removed = [p for p in session.participants if p.id not in final_ids]
        if not bad:
            _check_references(session, plan, lang)
    else:
        plan.participants = [*session.participants, *plan.added]
    plan.duplicates = sum(1 for n in notices if n.code == "duplicate")
    plan.notices = notices
    return plan


def _decide_update(
    source: Path,
    rows: list[Row],
    session: Session,
    columns: set[str],
    bad: dict[int, list[str]],
    notices: list[Notice],
    lang: str | None,
) -> ImportPlan:
    finder = PersonFinder(session.participants)
    claimed = {row.explicit_id for row in rows if row.explicit_id}
    next_id = _id_counter({*finder.by_id, *claimed})
    plan = ImportPlan(source=source, replace=False, update=True, participants=[])
    replaced: dict[str, Participant] = {}
    matched_by: dict[str, int] = {}
    for row in rows:
        candidates = finder.find(row)
        if len(candidates) > 1:
            bad.setdefault(row.number, []).append(
                t("participants.reason.ambiguous", lang, name=_who(row.data),
                  candidates=describe_candidates(candidates))
            )  # fmt: skip
            continue
        if not candidates:
            if row.data.get("group") is None:
                bad.setdefault(row.number, []).append(
                    t("participants.reason.group_missing", lang, known=GroupMatcher(session).known)
                )
                continue
            person = _build(row, row.explicit_id or next_id(), bad, lang)
            if person is not None:
                plan.added.append(person)
            continue
        (existing,) = candidates
        if existing.id in matched_by:
            bad.setdefault(row.number, []).append(
                t("participants.reason.same_person", lang, name=existing.full_name,
                  row=matched_by[existing.id])
            )  # fmt: skip
            continue
        matched_by[existing.id] = row.number
        person = _validated(updated_data(existing, row, columns), row.number, bad, lang)
        if person is None:
            continue
        changes = changes_between(existing, person)
        if changes:
            replaced[person.id] = person
            plan.updated.append(person)
            plan.changes[person.id] = changes
            plan.rows[person.id] = row.number
        else:
            plan.kept.append(person)
    plan.participants = [replaced.get(p.id, p) for p in session.participants] + plan.added
    if plan.kept:
        notices.append(Notice("unchanged", {"count": len(plan.kept)}))
    if not bad:
        _check_update(session, plan, lang)
    plan.notices = notices
    return plan


def _check_update(session: Session, plan: ImportPlan, lang: str | None) -> None:
    """Refuse an update after which the plan has errors it did not have (e.g. a host no more)."""

    def errors(people: Session) -> list[Problem]:
        return [p for p in check_session(people) if p.level is Level.ERROR]

    before = {(p.code, p.path) for p in errors(session)}
    after = errors(session.model_copy(update={"participants": plan.participants}))
    new = [p for p in after if (p.code, p.path) not in before]
    if new:
        raise InvalidInputError(
            t("participants.update_refused", lang, path=plan.source),
            [p.message(lang) for p in new],
        )


def _validated(data: dict[str, Any], number: int, bad: dict[int, list[str]], lang: str | None
               ) -> Participant | None:  # fmt: skip
    try:
        return Participant.model_validate(data)
    except ValidationError as exc:
        bad.setdefault(number, []).extend(
            t("participants.reason.field", lang,
              field=t(f"participants.field.{loc[0]}", lang) if loc else "?", message=message)
            for loc, message in explain_all(exc, Participant, lang)
        )
        return None


def _build(row: Row, person_id: str, bad: dict[int, list[str]], lang: str | None
           ) -> Participant | None:
    data = {k: v for k, v in row.data.items() if v is not None} | {"id": person_id}
    return _validated(data, row.number, bad, lang)


def _check_references(session: Session, plan: ImportPlan, lang: str | None) -> None:
    """Refuse a replacement that removes someone the agenda names (e.g. a world-café host)."""

    def dangling(people: Session) -> list[Problem]:
        return [p for p in check_session(people) if p.code in REFERENCE_CODES]

    before = {(p.code, p.path) for p in dangling(session)}
    after = dangling(session.model_copy(update={"participants": plan.participants}))
    lost = [p for p in after if (p.code, p.path) not in before]
    if lost:
        raise InvalidInputError(
            t("participants.replace_refused", lang, path=plan.source),
            [p.message(lang) for p in lost],
        )


def _id_counter(taken: set[str]) -> Callable[[], str]:
    """Generate p001, p002... after the highest `p<number>` id, with as many digits as it has."""
    found = [m[1] for i in taken if (m := re.fullmatch(r"p(\d+)", i))]
    highest = max(found, key=lambda digits: (int(digits), len(digits)), default="000")
    width = len(highest)
    state = {"next": int(highest) + 1}

    def next_id() -> str:
        while True:
            candidate = f"p{state['next']:0{width}d}"
            state["next"] += 1
            if candidate not in taken:
                taken.add(candidate)
                return candidate

    return next_id


def compress_rows(numbers: Iterable[int]) -> str:
    """Row numbers as a short list: [2, 3, 4, 7] -> "2–4, 7"."""
    ordered = sorted(set(numbers))
    parts: list[str] = []
    start = previous = None
    for n in [*ordered, None]:
        if start is not None and previous is not None and n == previous + 1:
            previous = n
            continue
        if start is not None:
            parts.append(str(start) if start == previous else f"{start}–{previous}")
        start = previous = n
    return ", ".join(parts)


# -- one call ------------------------------------------------------------------------------------
def read_participants(
    path: Path, session: Session, *, replace: bool = False, update: bool = False,
    lang: str | None = None,
) -> ImportPlan:  # fmt: skip
    """Read a participants file and plan its import into `session` (nothing is written)."""
    return plan_import(read_table(path, lang), session, replace=replace, update=update,
                       lang=lang)  # fmt: skip


def import_participants(
    folder: SessionFolder,
    path: Path,
    *,
    replace: bool = False,
    update: bool = False,
    dry_run: bool = False,
    lang: str | None = None,
) -> ImportPlan:
    """Import a participants file into a session folder, all or nothing.

    The session.yaml is saved atomically through `SessionFolder.update` (comments and key order
    kept), unless `dry_run` or the plan changes nothing. Raises InvalidInputError listing every
    bad row; the file on disk is then untouched.
    """
    plan = read_participants(path, folder.session, replace=replace, update=update, lang=lang)
    if plan.changed and not dry_run:
        folder.update(plan.apply)
    return plan
