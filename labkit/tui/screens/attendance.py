"""Attendance: type the start of a first name or surname, Enter checks the one person in.

Arrivals, departures and absences go to the journal at once; the world café and the interviews
compare them with their seating plan and offer to re-plan.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Input, Static

from labkit.i18n import t
from labkit.model import Participant
from labkit.tui import live_state as ls
from labkit.tui.screens.base import LiveScreen
from labkit.tui.widgets.capture.capture_input import CaptureInput
from labkit.tui.widgets.footer import FitFooter
from labkit.tui.widgets.plain import Plain
from labkit.tui.widgets.tables import FitTable

STATUS_TEXT = {
    "present": ("✓", "bold"),
    "expected": ("·", "dim"),
    "absent": ("✗", "strike dim"),
    "left": ("↗", "italic"),
}


class AttendanceScreen(LiveScreen):
    """The day's check-in list.

    Letters go into the search line wherever the focus is; Enter checks in the one person the
    search designates (several matches are listed and nobody is checked in until one is
    chosen with ↓ and Enter). Ctrl+D (departure) and Ctrl+X (absent) act on the same row, and
    Enter on a row marks an absent or departed person back as present.
    """

    _shown_query = ""
    ARRIVALS_SHOWN = 4
    """How many of the latest arrivals the line under the search names (newest first)."""

    _picked = False
    """↑/↓ moved the highlight in the search line's turn since the last Enter: the next Enter
    (nothing typed since) checks in the highlighted row."""

    HELP_TITLE = "tui.key.attendance"
    """The catalog key of this screen's name, heading its help (F1)."""

    BINDINGS = [
        Binding("up", "cursor(-1)", show=False),
        Binding("down", "cursor(1)", show=False),
        Binding("ctrl+d", "leave", "tui.key.leave", priority=True),
        Binding("ctrl+x", "absent", "tui.key.absent", priority=True),
        Binding("escape", "leave_search", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Plain(id="attendance-title", classes="screen-title")
        who = CaptureInput(placeholder=t("tui.attendance.placeholder"), id="who")
        who.on_enter = self.entered  # in Enter's own turn: « hugo ⏎ kar ⏎ » typed at once
        yield who  # checks Hugo in before « kar » is read, as when typed slowly
        yield Plain(t("tui.attendance.hint"), classes="hint")
        # arrivals are said on this line, not by a toast each: a check-in burst stacked a
        # dozen toasts over the list
        yield Plain(id="arrivals", classes="hint")
        yield FitTable(fill="organisation", id="people", cursor_type="row")
        yield FitFooter()

    def on_mount(self) -> None:
        table = self.query_one("#people", DataTable)
        table.add_column(t("tui.attendance.name"), key="name", width=22)
        table.add_column(t("tui.attendance.status"), key="status", width=12)
        table.add_column(t("tui.attendance.group"), key="group", width=18)
        table.add_column(t("tui.attendance.organisation"), key="organisation")
        self._arrivals: list[str] = []
        self.query_one("#arrivals").display = False
        super().on_mount()
        who = self.query_one("#who", CaptureInput)
        who.router = self
        who.focus()

    def route_key(self, key: str, *, typing: bool) -> bool:
        """↑/↓ typed in the search line move the highlight there, in order with the text and
        Enter (« ma ⏎ ↓ ⏎ hugo ⏎ » in one burst: the focus used to go to the list, whose
        Enter was read after « hugo »; the line read « mahugo » and both arrivals were lost)."""
        if not typing or key not in ("up", "down"):
            return False
        if self._move_highlight(-1 if key == "up" else 1):
            self._picked = True
        return True

    def _move_highlight(self, step: int) -> bool:
        """Move the list's highlight by `step` rows (kept on the list); whether it has rows."""
        table = self.query_one("#people", DataTable)
        if table.row_count:
            table.move_cursor(row=max(0, min(table.row_count - 1, table.cursor_row + step)),
                              animate=False)
        return bool(table.row_count)

    def typing_field(self) -> Input | None:
        return self.query_one("#who", Input)

    def refresh_view(self) -> None:
        everyone = ls.presence(self.live.session, self.live.day, self.live.state)
        counts = {s: sum(1 for p in everyone if p.status == s) for s in STATUS_TEXT}
        self.query_one("#attendance-title", Static).update(
            t("tui.attendance.title", day=self.live.day, present=counts["present"],
              expected=len(everyone), absent=counts["absent"], left=counts["left"])
        )
        self._fill(self._query())

    def _query(self) -> str:
        """What the list filters on: the search line, or the text just submitted (the
        line empties itself on Enter; an ambiguous search keeps showing its candidates)."""
        return self.query_one("#who", Input).value or self._shown_query

    def _fill(self, query: str) -> None:
        everyone = ls.presence(self.live.session, self.live.day, self.live.state)
        people = [p for p in everyone if ls.matches(p.participant, query)]
        table = self.query_one("#people", DataTable)
        cursor = table.cursor_row
        table.clear()
        for person in people:
            mark, style = STATUS_TEXT[person.status]
            group = self.live.session.group(person.participant.group)
            table.add_row(
                Text(person.participant.full_name, overflow="ellipsis", no_wrap=True,
                     style="bold" if person.status == "present" else ""),
                Text(f"{mark} {t('tui.presence.' + person.status)}", style=style),
                Text(group.label if group else person.participant.group, overflow="ellipsis",
                     no_wrap=True),
                Text(person.participant.organisation or "", overflow="ellipsis", no_wrap=True),
                key=person.participant.id,
            )
        if people:
            table.move_cursor(row=min(max(cursor, 0), len(people) - 1), animate=False)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.value and event.value != self._shown_query:  # not the candidates' search
            self._shown_query = ""
            self.refresh_view()
            self.query_one("#people", DataTable).move_cursor(row=0, animate=False)

    def _people(self) -> list[Participant]:
        return [p.participant for p in
                ls.presence(self.live.session, self.live.day, self.live.state)]

    def entered(self, event: Input.Submitted) -> None:
        """Enter in the search line, read in its turn (the line has just emptied itself, the
        keys typed after it are not read yet): the one person it designates arrives; several
        are listed and wait for a choice (nobody is checked in)."""
        query = event.value.strip()
        picked, self._picked = self._picked, False
        if picked and query in ("", self._shown_query):
            people = self.query_one("#people", FitTable)
            key = people.highlighted_key()
            chosen = self.live.session.participant(key) if key else None
            if chosen is not None:
                self._shown_query = ""
                self._set(self.live.arrive, "tui.attendance.arrived", chosen, keep_line=True)
                return
        if not query:
            self._shown_query = ""
            self.refresh_view()
            return
        person, candidates = ls.check_in_choice(self._people(), query)
        if person is not None:
            self._shown_query = ""
            if not self._set(self.live.arrive, "tui.attendance.arrived", person,
                             keep_line=True):  # fmt: skip
                who = self.query_one("#who", Input)  # not written: the search comes back
                who.value = query + who.value
                who.cursor_position = len(who.value)
            return
        self.app.bell()
        if not candidates:
            self._shown_query = ""
            self.notify(t("tui.attendance.nobody", query=query), severity="warning", timeout=4)
            self.refresh_view()
            return
        self._shown_query = query  # keep the candidates on screen until one is chosen
        who = self.query_one("#who", Input)
        who.value = query + who.value  # what was typed stays, to refine it (keys typed
        who.cursor_position = len(who.value)  # after Enter follow it)
        self.refresh_view()
        table = self.query_one("#people", DataTable)
        table.move_cursor(row=0, animate=False)  # ↓ in the search line chooses
        names = ", ".join(p.full_name for p in candidates[:6])
        self.notify(t("tui.attendance.ambiguous", count=len(candidates), names=names),
                    severity="warning", timeout=8)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a row: that person arrives (or is back, after an absence or departure)."""
        event.stop()
        person = self.live.session.participant(str(event.row_key.value))
        if person is not None:
            self._set(self.live.arrive, "tui.attendance.arrived", person)

    def _row_person(self) -> Participant | None:
        """The person Ctrl+D / Ctrl+X act on: the highlighted row once the list has the focus,
        else the one person the search line designates (several: say so, act on nobody)."""
        table = self.query_one("#people", FitTable)
        if self.focused is table or self._picked:
            key = table.highlighted_key()
            return self.live.session.participant(key) if key else None
        query = self._query()
        if not query.strip():
            self.app.bell()
            self.notify(t("tui.attendance.type_first"), severity="warning", timeout=6)
            return None
        person, candidates = ls.check_in_choice(self._people(), query)
        if person is None:
            self.app.bell()
            names = ", ".join(p.full_name for p in candidates[:6])
            self.notify(t("tui.attendance.ambiguous", count=len(candidates), names=names)
                        if query and candidates else t("tui.attendance.nobody", query=query),
                        severity="warning", timeout=6)
        return person

    def _set(self, write: Callable[[str], None], key: str, person: Participant,
             keep_line: bool = False) -> bool:
        """Record an arrival, departure or absence, say it with the name (departures and
        absences change the seating: the undo key is shown), then back to the search line
        emptied (`keep_line`: after Enter, which emptied it, what is there was typed after it
        and stays), unless the journal could not write: False."""
        before = self.live.revision
        with self.labkit.keeping_text() as attempt:
            self.act(write, person.id)
        if self.live.revision != before:
            if key == "tui.attendance.arrived":
                self._said_arrived(person.full_name)
            else:
                self.notify(t("tui.undo_hint", what=t(key, name=person.full_name)), timeout=5)
        who = self.query_one("#who", Input)
        if not attempt.failed:  # a failed write keeps the search line as it was typed
            self._shown_query = ""
            if not keep_line:
                who.value = ""
            who.cursor_position = len(who.value)
        who.focus()
        self.refresh_view()
        return not attempt.failed

    def _said_arrived(self, name: str) -> None:
        """Name the newest arrivals on the line under the search (newest first)."""
        self._arrivals = [name, *(n for n in self._arrivals if n != name)][:self.ARRIVALS_SHOWN]
        line = self.query_one("#arrivals", Plain)
        line.update(Text(t("tui.attendance.arrivals", names=" · ".join(self._arrivals)),
                         no_wrap=True, overflow="ellipsis"))
        line.display = True

    def action_leave(self) -> None:
        person = self._row_person()
        if person is None:
            return
        # said plainly, not as the journal's refusal of the event
        record = self.live.state.attendance_on(self.live.day).get(person.id)
        if record is None or record.status != "present":
            self.app.bell()
            self.notify(t("tui.attendance.not_here", name=person.full_name),
                        severity="warning", timeout=6)
            return
        self._set(self.live.leave, "tui.attendance.left", person)

    def action_absent(self) -> None:
        person = self._row_person()
        if person is not None:
            self._set(self.live.mark_absent, "tui.attendance.absent", person)

    def action_cursor(self, step: int) -> None:
        self._move_highlight(step)
        self.query_one("#people", DataTable).focus()

    def action_leave_search(self) -> None:
        self.query_one("#people", DataTable).focus()
