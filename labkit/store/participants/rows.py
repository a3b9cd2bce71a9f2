"""Reading the rows of a participant table: which column holds which field, and each row's values.

Control characters and non-breaking spaces are already cleaned by the reader; here groups match
the session's groups by key or label (case, accents and plural tolerated), and roles, consent,
days, territory, ids and e-mails are read or refused with a reason in plain words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from labkit.errors import InvalidInputError
from labkit.i18n import t
from labkit.model.participants import ID_PATTERN
from labkit.model.session import Session
from labkit.store.participants.fields import (
    compact,
    fold,
    header_field,
    parse_consent,
    parse_days,
    parse_role,
    parse_territory,
    singular,
    split_full_name,
)
from labkit.store.participants.reading import Table

# As the `Participant.email` pattern: a bad address is a reason of its own, not a model error.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass
class Row:
    """A readable data row: its number, its values by field, who it is and the id it gives."""

    number: int
    data: dict[str, Any]
    identity: tuple[str, str, str]
    explicit_id: str | None


class GroupMatcher:
    """Finds the session's group a cell names, by key or label (case, accents, plural)."""

    def __init__(self, session: Session) -> None:
        self.exact: dict[str, set[str]] = {}
        self.loose: dict[str, set[str]] = {}
        for group in session.groups:
            for name in (group.key, group.label):
                self.exact.setdefault(compact(name), set()).add(group.key)
                self.loose.setdefault(singular(name).replace(" ", ""), set()).add(group.key)
        self.known = ", ".join(
            g.key if fold(g.key) == fold(g.label) else f"{g.key} ({g.label})"
            for g in session.groups
        )

    def match(self, text: str) -> str | None:
        """The key of the one group `text` names, or None (unknown or ambiguous)."""
        for table, key in ((self.exact, compact(text)), (self.loose, singular(text))):
            found = table.get(key.replace(" ", ""), set())
            if len(found) == 1:
                return next(iter(found))
        return None


def identity_of(
    first: str | None, last: str | None, organisation: str | None
) -> tuple[str, str, str]:
    """Who a person is, for duplicates: first name, last name and organisation, folded."""
    return (fold(first or ""), fold(last or ""), fold(organisation or ""))


def map_columns(table: Table, lang: str | None, *, group_needed: bool = True) -> dict[str, int]:
    """The column index of each field the headers name (a group column only if `group_needed`).

    Raises InvalidInputError when two columns name one field or a needed column is missing.
    """
    columns: dict[str, int] = {}
    clashes: list[str] = []
    for index, header in enumerate(table.headers):
        name = header_field(header)
        if name is None:
            continue
        if name in columns:
            clashes.append(
                t("participants.column_twice", lang, first=table.headers[columns[name]],
                  second=header, field=t(f"participants.field.{name}", lang))
            )
            continue
        columns[name] = index
    if "full_name" in columns and "first_name" in columns:
        del columns["full_name"]  # separate columns win over a combined one
    needed = ("first_name", "group") if group_needed else ("first_name",)
    missing = [n for n in needed
               if n not in columns and not (n == "first_name" and "full_name" in columns)]
    problems = clashes + [
        t("participants.column_missing", lang, field=t(f"participants.field.{n}", lang))
        for n in missing
    ]
    if problems:
        raise InvalidInputError(
            t("participants.bad_columns", lang, path=table.source, row=table.header_row),
            [*problems, t("participants.expected_columns", lang)],
        )
    return columns


def read_row(
    cell: Callable[[str], str], groups: GroupMatcher, day_count: int, lang: str | None,
    *, group_optional: bool = False,
) -> tuple[dict[str, Any], list[str]]:  # fmt: skip
    """A row's values by field, and the reasons it is bad (none for a good row); with
    `group_optional` a blank group is None (an update keeps the person's group)."""
    reasons: list[str] = []
    data: dict[str, Any] = {}
    first, last = cell("first_name"), cell("last_name") or None
    combined = cell("full_name")
    if not first and combined:
        first, last = split_full_name(combined, first_name_first=False)
    if not first:
        reasons.append(t("participants.reason.first_name_missing", lang))
    data["first_name"], data["last_name"] = first, last
    for name in ("organisation", "function", "email"):
        data[name] = cell(name) or None

    explicit_id = cell("id")
    if explicit_id:
        if re.match(ID_PATTERN, explicit_id):
            data["id"] = explicit_id
        else:
            reasons.append(t("participants.reason.bad_id", lang, value=explicit_id))

    group_text = cell("group")
    if not group_text and group_optional:
        data["group"] = None
    elif not group_text:
        reasons.append(t("participants.reason.group_missing", lang, known=groups.known))
    else:
        key = groups.match(group_text)
        if key is None:
            reasons.append(
                t("participants.reason.group_unknown", lang, value=group_text, known=groups.known)
            )
        data["group"] = key

    role = parse_role(cell("role"))
    if role is None:
        reasons.append(t("participants.reason.role_unknown", lang, value=cell("role")))
    data["role"] = role

    consent = parse_consent(cell("consent_named"))
    if consent is None:
        reasons.append(t("participants.reason.consent_unknown", lang, value=cell("consent_named")))
    data["consent_named"] = bool(consent)
    contact = parse_consent(cell("consent_contact"))
    if contact is None:
        reasons.append(t("participants.reason.consent_unknown", lang,
                         value=cell("consent_contact")))
    data["consent_contact"] = bool(contact)

    try:
        days = parse_days(cell("days"))
    except ValueError:
        reasons.append(t("participants.reason.days_unreadable", lang, value=cell("days")))
        days = None
    outside = [str(n) for n in days or [] if not 1 <= n <= day_count]
    if outside:
        reasons.append(
            t("participants.reason.day_out_of_range", lang, day=", ".join(outside),
              days=len(outside), count=day_count)
        )
    data["days"] = days
    data["territory"] = parse_territory(cell("territory"))

    email = data["email"]
    if email and not _EMAIL.match(email):
        reasons.append(t("participants.reason.bad_email", lang, value=email))
    return data, reasons
