"""Attendance: type a few letters of a name, Enter marks the person arrived; departures too.

Arrivals, departures and absences go to the journal at once; the world café and the interviews
compare them with their seating plan and offer to re-plan.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Input, Static

from labkit.i18n import t
from labkit.tui import live_state as ls
from labkit.tui.screens.base import LiveScreen
from labkit.tui.widgets.capture.capture_input import CaptureInput
from labkit.tui.widgets.tables import FitTable

STATUS_TEXT = {
    "present": ("✓", "bold"),
    "expected": ("·", "dim"),
    "absent": ("✗", "strike dim"),
    "left": ("↗", "italic"),
}


class AttendanceScreen(LiveScreen):
    """The day's check-in list."""

    _shown_query = ""

    BINDINGS = [
        Binding("up", "cursor(-1)", show=False),
        Binding("down", "cursor(1)", show=False),
        Binding("space", "arrive", "tui.key.arrive"),
        Binding("l", "leave", "tui.key.leave"),
        Binding("x", "absent", "tui.key.absent"),
        Binding("slash", "search", "tui.key.search"),
        Binding("escape", "leave_search", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Static(id="attendance-title", classes="screen-title")
        yield CaptureInput(placeholder=t("tui.attendance.placeholder"), id="who")
        yield Static(t("tui.attendance.hint"), classes="hint")
        yield FitTable(fill="organisation", id="people", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#people", DataTable)
        table.add_column(t("tui.attendance.name"), key="name", width=22)
        table.add_column(t("tui.attendance.status"), key="status", width=12)
        table.add_column(t("tui.attendance.group"), key="group", width=18)
        table.add_column(t("tui.attendance.organisation"), key="organisation")
        super().on_mount()
        self.query_one("#who", Input).focus()

    def refresh_view(self) -> None:
        everyone = ls.presence(self.live.session, self.live.day, self.live.state)
        counts = {s: sum(1 for p in everyone if p.status == s) for s in STATUS_TEXT}
        self.query_one("#attendance-title", Static).update(
            t("tui.attendance.title", day=self.live.day, present=counts["present"],
              expected=len(everyone), absent=counts["absent"], left=counts["left"])
        )
        query = self.query_one("#who", Input).value
        self._shown_query = query
        self._fill([p for p in everyone if ls.matches(p.participant, query)])

    def _fill(self, people: list[ls.PersonPresence]) -> None:
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
        self.refresh_view()
        self.query_one("#people", DataTable).move_cursor(row=0, animate=False)

    def _selected(self) -> str | None:
        """The highlighted person, once the list shows what the search line holds (keys typed
        fast may reach this action before the list was filtered)."""
        if self.query_one("#who", Input).value != self._shown_query:
            self.refresh_view()
            self.query_one("#people", DataTable).move_cursor(row=0, animate=False)
        return self.query_one("#people", FitTable).highlighted_key()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter: the highlighted person if they match what was typed, else the first match."""
        event.stop()
        everyone = ls.presence(self.live.session, self.live.day, self.live.state)
        found = [p.participant.id for p in everyone if ls.matches(p.participant, event.value)]
        if not found:
            self.app.bell()
            self.refresh_view()
            return
        highlighted = self._selected()
        person = highlighted if highlighted in found else found[0]
        self.act(self.live.arrive, person)
        self._announce("tui.attendance.arrived", person)
        self.refresh_view()

    def _done(self) -> None:
        who = self.query_one("#who", Input)
        if who.value:
            who.value = ""
        who.focus()

    def action_arrive(self) -> None:
        person = self._selected()
        if person is None:
            return
        self.act(self.live.arrive, person)
        self._announce("tui.attendance.arrived", person)
        self._done()

    def action_leave(self) -> None:
        person = self._selected()
        if person is not None:
            self.act(self.live.leave, person)
            self._announce("tui.attendance.left", person)

    def action_absent(self) -> None:
        person = self._selected()
        if person is not None:
            self.act(self.live.mark_absent, person)
            self._announce("tui.attendance.absent", person)

    def _announce(self, key: str, person_id: str) -> None:
        record = self.live.state.attendance_on(self.live.day).get(person_id)
        wanted = {"tui.attendance.arrived": "present", "tui.attendance.left": "left",
                  "tui.attendance.absent": "absent"}[key]
        person = self.live.session.participant(person_id)
        if record is not None and record.status == wanted and person is not None:
            self.notify(t(key, name=person.full_name), timeout=3)

    def action_cursor(self, step: int) -> None:
        table = self.query_one("#people", DataTable)
        if table.row_count:
            table.move_cursor(row=max(0, min(table.row_count - 1, table.cursor_row + step)))

    def action_search(self) -> None:
        self.query_one("#who", Input).focus()

    def action_leave_search(self) -> None:
        self.query_one("#people", DataTable).focus()
