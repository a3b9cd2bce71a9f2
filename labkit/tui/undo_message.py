"""What Ctrl+Z says it cancelled: Ctrl+Z acts on the last entry of any screen, so the message
names it (« Annulé : arrivée de Martine. », « Annulé : « Fiche de liaison ». »)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from labkit.i18n import t

if TYPE_CHECKING:
    from labkit.model import Session
    from labkit.model.views import RecordedEvent

SHORT = 40
"""An entry's text is quoted up to this many characters."""


def undone_message(session: Session, targets: list[RecordedEvent]) -> str:
    """The notice for an undo that cancelled `targets` (the first names it): a person's
    arrival, departure or absence; a questionnaire by its group, never a person; else the
    entry's text or image."""
    event = targets[0].event if targets else None
    person_id = getattr(event, "participant_id", None)
    person = session.participant(person_id) if person_id else None
    kind = getattr(event, "type", "")
    if person is not None and kind.startswith("attendance."):
        what = t("tui.undone." + kind.removeprefix("attendance."), name=person.full_name)
        return t("tui.undone_what", what=what)
    if kind == "survey.answered":
        key = str(getattr(event, "group", ""))
        group = session.group(key)
        what = t("tui.undone.survey", group=group.label if group else key)
        return t("tui.undone_what", what=what)
    for field, key in (("text", "tui.undone.text"), ("image", "tui.undone.image")):
        text = getattr(event, field, None)
        if isinstance(text, str) and text.strip():
            short = " ".join(text.split())
            short = short if len(short) <= SHORT else short[: SHORT - 1] + "…"
            return t("tui.undone_what", what=t(key, text=short))
    return t("tui.undone")
