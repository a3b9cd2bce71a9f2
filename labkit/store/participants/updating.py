"""Updating people already in the session from a second file (`import --update`).

A row names a person of the session by its id (an ``Id`` column), else by e-mail, else by first
name and surname, compared without accents or case. Only the columns the file has are updated
(a file without a ``Département`` column leaves territories as they are); the name itself is
never changed. A row that names several people of the session is refused with their names.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from labkit.i18n import t
from labkit.model.participants import Participant, Role
from labkit.model.territories import territory_label
from labkit.model.text import fold
from labkit.store.participants.rows import Row

UPDATABLE: tuple[str, ...] = ("organisation", "function", "group", "role", "email", "territory",
                              "consent_named", "consent_contact", "days")  # fmt: skip
"""The fields a second file may change, in the order changes are told."""


@dataclass(frozen=True)
class Change:
    """One field of a person changed by the file: its name, the value before and after."""

    field: str
    before: Any
    after: Any

    def describe(self, lang: str | None = None) -> str:
        """ "Consentement : non → oui"."""
        return t("participants.change", lang, field=t(f"participants.field.{self.field}", lang),
                 before=_worded(self.field, self.before, lang),
                 after=_worded(self.field, self.after, lang))  # fmt: skip


def _worded(field: str, value: Any, lang: str | None) -> str:
    if value is None:
        return t("participants.value.every_day", lang) if field == "days" else "—"
    if isinstance(value, bool):
        return t("participants.value.yes" if value else "participants.value.no", lang)
    if isinstance(value, Role):
        return t(f"role.{value.value}", lang)
    if field == "days":
        return ", ".join(str(n) for n in value)
    if field == "territory":
        return territory_label(str(value), lang)
    return str(value)


def name_key(first: str | None, last: str | None) -> tuple[str, str]:
    """First name and surname, folded: who a row names when it gives no e-mail."""
    return fold(first or ""), fold(last or "")


class PersonFinder:
    """Finds the people of the session a row names: by id, else e-mail, else name."""

    def __init__(self, people: Iterable[Participant]) -> None:
        self.by_id: dict[str, Participant] = {}
        self.by_email: dict[str, list[Participant]] = defaultdict(list)
        self.by_name: dict[tuple[str, str], list[Participant]] = defaultdict(list)
        for person in people:
            self.by_id[person.id] = person
            if person.email:
                self.by_email[person.email.casefold()].append(person)
            self.by_name[name_key(person.first_name, person.last_name)].append(person)

    def find(self, row: Row) -> list[Participant]:
        """The candidates for `row` (one: a match; several: ambiguous; none: a new person)."""
        if row.explicit_id and row.explicit_id in self.by_id:
            return [self.by_id[row.explicit_id]]
        email = row.data.get("email")
        if email and email.casefold() in self.by_email:
            return self.by_email[email.casefold()]
        return self.by_name.get(name_key(row.data["first_name"], row.data.get("last_name")), [])


def updated_data(person: Participant, row: Row, columns: Iterable[str]) -> dict[str, Any]:
    """`person`'s fields with those the file has (`columns`) taken from `row`; a blank group
    keeps the person's group."""
    data = person.model_dump()
    for name in UPDATABLE:
        if name in columns and not (name == "group" and row.data.get("group") is None):
            data[name] = row.data.get(name)
    return data


def changes_between(before: Participant, after: Participant) -> list[Change]:
    """What changed from `before` to `after`, field by field."""
    return [Change(name, getattr(before, name), getattr(after, name))
            for name in UPDATABLE if getattr(before, name) != getattr(after, name)]  # fmt: skip


def describe_candidates(people: Iterable[Participant]) -> str:
    """ "Hélène Martin (Mairie), Hélène Martin (CAF)": the people a row could name."""
    return ", ".join(f"{p.full_name} ({p.organisation or p.email or p.id})" for p in people)
