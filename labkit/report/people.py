"""Who may be named in a restitution, and how the others appear.

A participant is named only with their consent (`consent_named`) or when the facilitators ask for
names (``--named``); members of a vulnerable stakeholder group (e.g. job seekers) are never named,
whatever the options. Anyone else the report must mention appears under a stable pseudonym
("Participant·e 7"), numbered in the order of the session's participant list.

The policy decides the structured fields (authors, owners); the naming guard
(`labkit.model.naming`) then masks every remaining mention in the report's texts.
"""

from __future__ import annotations

from labkit.document.text import one_line
from labkit.model import Participant, Session
from labkit.model.naming import NamingGuard


class NamingPolicy:
    """Decides how each person is shown in a report."""

    def __init__(
        self, session: Session, *, named: bool, lang: str, guard: NamingGuard | None = None
    ) -> None:
        self.session = session
        self.named = named
        self.lang = lang
        self.guard = guard or NamingGuard.for_session(session, named=named, lang=lang)
        self._vulnerable = {g.key for g in session.groups if g.vulnerable}

    def is_vulnerable(self, person: Participant) -> bool:
        """Whether `person` belongs to a group that is never named."""
        return person.group in self._vulnerable

    def may_name(self, person: Participant) -> bool:
        """Whether the report may print `person`'s name."""
        return self.guard.may_name(person)

    def name(self, person: Participant) -> str:
        """The name to print: the full name when allowed, else the pseudonym."""
        if self.may_name(person):
            return one_line(person.full_name)
        return self.pseudonym(person)

    def pseudonym(self, person: Participant) -> str:
        """A stable pseudonym that says nothing about the person."""
        return self.guard.pseudonym(person)

    def find(self, reference: str | None) -> Participant | None:
        """The participant a free-text reference names: an id, or a name, initials or e-mail
        that designates one person only (see `NamingGuard.identify`)."""
        if not reference:
            return None
        found = self.session.participant(reference.strip())
        return found if found is not None else self.guard.identify(reference)

    def mentions_protected(self, reference: str) -> bool:
        """Whether a free text names (or partly names) someone who may not be named."""
        return self.guard.mentions_protected(reference)

    def author(self, reference: str | None) -> str | None:
        """How to show the author of a contribution or a word (None: show nobody)."""
        if not reference:
            return None
        person = self.find(reference)
        if person is not None:
            return self.name(person)
        if self.mentions_protected(reference):
            return None
        # a free-text author the journal recorded only with the person's agreement
        return one_line(reference) if self.named else None

    def owner(self, person_text: str | None, organisation: str | None) -> str | None:
        """A commitment's owner: the person when they may be named, and their organisation."""
        organisation = one_line(organisation) if organisation else None
        person_label: str | None = None
        if person_text:
            person = self.find(person_text)
            if person is not None:
                person_label = self.name(person) if self.may_name(person) else None
                organisation = organisation or (one_line(person.organisation or "") or None)
            elif not self.mentions_protected(person_text):
                person_label = one_line(person_text)
        if person_label and organisation:
            return f"{person_label} ({organisation})"
        return person_label or organisation
