"""World café: the round's tables (hosts, members, next moves), the round timer, ideas per
table, re-planning the rounds to come when people arrive or leave, and the harvest."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Static
from textual.widgets.data_table import ColumnKey

from labkit.errors import LabkitError
from labkit.i18n import t
from labkit.methods import round_minutes
from labkit.methods.world_cafe import WorldCafe
from labkit.model import Block, WorldCafeConfig
from labkit.model import events as ev
from labkit.model.views import Contribution, RecordedEvent
from labkit.store.seating import as_lists
from labkit.tui import live_state as ls
from labkit.tui import rotation
from labkit.tui.screens.base import checked
from labkit.tui.screens.capture import CaptureScreen, KeyRoutes
from labkit.tui.widgets.agenda.block_bar import BlockBar
from labkit.tui.widgets.cafe.table_card import Seat, TableCard, TableView
from labkit.tui.widgets.capture.capture_bar import CaptureBar
from labkit.tui.widgets.capture.digit_prefix import DigitPrefix
from labkit.tui.widgets.plain import Plain
from labkit.tui.widgets.tables import FitTable, fill_width, show

logger = logging.getLogger(__name__)

WIDE_COLUMNS = 120
"""From this width on, the cards are a grid of full cards (the app's `-wide` breakpoint)."""
COMPACT_IDEA_WIDTH = 25
"""The idea column of the 28-column ideas panel under 120 columns (its border and padding
left), before the panel is laid out."""


class WorldCafeScreen(CaptureScreen):
    """The café, round by round."""

    ENTRY_LISTS = {"ideas": "contribution"}

    BINDINGS = [
        # not priority bindings: the capture line reads them in order with the text (`route_key`)
        Binding("ctrl+n", "next_round", "tui.key.next_round"),
        Binding("ctrl+f", "end_round", "tui.key.end_round", show=False),
        Binding("ctrl+r", "replan", "tui.key.replan", show=False, priority=True),
        Binding("ctrl+g", "harvest", "tui.key.harvest", show=False, priority=True),
        Binding("ctrl+t", "choose_table", "tui.key.pick_table"),
        Binding("up", "table(-1)", "tui.key.prev_table", show=False),
        Binding("down", "table(1)", "tui.key.next_table", show=False),
    ]

    class Replanned(Message):
        """The planner answered (from a worker thread)."""

        def __init__(self, plan: rotation.Plan | None, from_round: int, error: str = "",
                     moves: str = "", first: bool = False) -> None:
            super().__init__()
            self.first = first
            """No plan existed: the rounds were planned, not re-planned."""
            self.plan = plan
            self.from_round = from_round
            self.error = error
            self.moves = moves
            """Who changes table (names, from → to), said after the re-plan is recorded."""

    def __init__(self, block: Block) -> None:
        super().__init__(block)
        self.config = checked(block.method, WorldCafeConfig)
        self.selected = 1
        self.plan: rotation.Plan | None = None
        self._plan_key = -1
        self._idea_keys: list[tuple[str, str]] = []
        """(id, text) of each idea listed (an edited one is redrawn)."""
        self._views: dict[int, TableView] = {}
        """table -> what its card shows (an idea noted there changes only its count)."""
        self._shown_up_to = 0
        """The last journal event the cards and the list show."""
        self._shared_first_names: set[str] | None = None
        self.replanning = False
        self._plan_problem = ""
        self.moves = ""
        """The last re-plan's moves, shown in the notice until something else is to say."""
        self.prefix = DigitPrefix()
        """Ctrl+T, then the table's digit (Alt+digit, where the terminal passes it)."""
        self.routes = KeyRoutes(self.prefix, step=self.action_table,
                                next_part=self.action_next_round,
                                end_part=self.action_end_round, pick=self.action_pick_table,
                                relabel=self._refresh_context)  # fmt: skip

    def compose(self) -> ComposeResult:
        yield from self.compose_bar()
        yield Plain(id="cafe-notice")
        with Horizontal(classes="method-body"):
            with VerticalScroll(id="cafe-tables"):
                for number in range(1, self.config.tables + 1):
                    yield TableCard(id=f"table-{number}")
            with Vertical(id="cafe-ideas"):
                yield Plain(id="ideas-title", classes="panel-title")
                yield Plain(id="ideas-question")
                yield FitTable(fill="text", id="ideas", cursor_type="row", show_header=False)
        yield from self.compose_capture(t("tui.cafe.placeholder"))

    def on_mount(self) -> None:
        self._idea_columns()
        self.selected = min(self.labkit.places.get(self.block.id, 1), self.config.tables)
        super().on_mount()

    _ideas_compact: bool | None = None
    """Whether the ideas list has its compact columns (see `_idea_columns`)."""

    def _idea_columns(self) -> None:
        """The ideas list's columns: round, text, who recorded it; compact (under 120 columns,
        a 28-column panel), the text alone, its round in front, wrapped: the three columns
        left it about ten characters (« Un dossier… »)."""
        table = self.query_one("#ideas", DataTable)
        table.clear(columns=True)
        self._idea_keys = []
        self._ideas_compact = self.compact
        if self.compact:
            table.add_column("", key="text", width=COMPACT_IDEA_WIDTH)
            return
        table.add_column("", key="round", width=4)
        table.add_column("", key="text")
        self.add_source_column(table)

    # --- what is shown ------------------------------------------------------------------------

    @property
    def shown_round(self) -> int:
        """The running round, else the last played, else 1 (the first, to come)."""
        return max(self.live.last_round(self.block.id), 1)

    def refresh_view(self) -> None:
        state = self.live.state
        self._shown_up_to = state.last_event_id
        replanned = state.rotation(self.block.id)
        plan_key = replanned.event_id if replanned else 0
        if plan_key != self._plan_key or self.plan is None:
            self.plan = rotation.current_plan(self.live.root, self.block.id,
                                              self.live.rotations(self.block.id),
                                              warn=self._plan_unreadable)
            self._plan_key = plan_key
        number = self.shown_round
        room = set(self.live.room())
        cafe = WorldCafe().live(self.live.session, self.block, self.config, state)
        by_table = cafe.per_table()
        self.query_one("#cafe-tables").set_class(self.compact, "-compact")
        for table in range(1, self.config.tables + 1):
            self._show_table(self._table_view(table, number, room, by_table.get(table, 0)))
        self._refresh_ideas(cafe.at_table(self.selected))
        self._refresh_notice(room)
        self._refresh_context()

    def _show_table(self, view: TableView) -> None:
        self._views[view.number] = view
        self.query_one(f"#table-{view.number}", TableCard).view = view

    def apply_changes(self, added: list[RecordedEvent]) -> bool:
        """Ideas noted (here or on phones): rows more in the list for the selected table's, and
        each card they change redrawn once for the whole batch (a pick-up may bring dozens of
        phones' ideas); nothing else is re-read. Any other event: re-read all."""
        if not all(isinstance(r.event, ev.ContributionAdded) for r in added):
            return False
        state = self.live.state
        counts: dict[int, int] = {}
        mine: list[Contribution] = []
        for record in added:
            event = record.event
            assert isinstance(event, ev.ContributionAdded)
            if record.id <= self._shown_up_to:
                continue  # already shown
            self._shown_up_to = record.id
            idea = state.contribution(event.contribution_id or "")
            if idea is None or idea.block_id != self.block.id or idea.kind != "idea":
                continue  # another block's, or undone since
            counts[idea.table or 0] = counts.get(idea.table or 0, 0) + 1
            if idea.table == self.selected:
                mine.append(idea)
        for table, more in counts.items():
            shown = self._views.get(table)
            if shown is not None:
                self._show_table(replace(shown, ideas=shown.ideas + more))
        if mine:
            self._append_ideas(tuple(mine))
        return True

    def _person_name(self, person_id: str) -> str:
        """The first name, with the last name's initial only when two people share it (a
        single word never breaks across lines in a narrow card)."""
        person = self.live.session.participant(person_id)
        if person is None:
            return person_id
        if self._shared_first_names is None:
            seen: dict[str, int] = {}
            for other in self.live.session.participants:
                seen[other.first_name] = seen.get(other.first_name, 0) + 1
            self._shared_first_names = {n for n, count in seen.items() if count > 1}
        if person.first_name in self._shared_first_names:
            return person.display_name.replace(" ", "-")  # Rich wraps at any space
        return person.first_name

    def _table_view(self, table: int, number: int, room: set[str], ideas: int) -> TableView:
        host = self.config.hosts[table - 1] if table <= len(self.config.hosts) else None
        members = []
        if self.plan and number <= len(self.plan) and table <= len(self.plan[number - 1]):
            members = list(self.plan[number - 1][table - 1])
        seats = []
        if host and host not in members:
            members.insert(0, host)
        attendance = self.live.state.attendance_on(self.live.day)
        for person in members:
            is_host = person == host
            following = None
            if not is_host and number < self.config.rounds:
                following = rotation.table_of(self.plan, number + 1, person)
            record = attendance.get(person)
            seats.append(Seat(self._person_name(person), is_host, following, person not in room,
                              left=record is not None and record.status == "left"))
        seats.sort(key=lambda s: not s.host)
        question = self.config.question_at(table, number)
        team = rotation.team_at_table(self.config.teams, table, number, self.config.tables)
        return TableView(table, question, self.config.questions[question - 1], tuple(seats),
                         ideas, table == self.selected, self.compact, team)

    @property
    def compact(self) -> bool:
        """Narrow terminal (under 120 columns): one column of compact cards, so that up to five
        tables fit in 80×24 without scrolling."""
        return self.app.size.width < WIDE_COLUMNS

    def on_resize(self) -> None:
        if self.is_mounted and self._views and (
            next(iter(self._views.values())).compact != self.compact
        ):
            self.refresh_view()

    def _refresh_ideas(self, mine: tuple[Contribution, ...]) -> None:
        """The ideas of the selected table (every round)."""
        table = self.query_one("#ideas", DataTable)
        question = self.config.question_at(self.selected, self.shown_round)
        show(self.query_one("#ideas-question", Static),
             f"Q{question}. {self.config.questions[question - 1]}", layout=True)
        if self._ideas_compact != self.compact:
            self._idea_columns()
        keys = [(i.contribution_id, i.text) for i in mine]
        known = self._idea_keys
        width = self._text_width(table)
        fill_width(table, "text")
        if self.compact and known and self._text_width(table) != width:
            known = []  # the wrapped rows' heights follow the width: drawn again
        if keys[: len(known)] == known and table.row_count == len(known):
            fresh = mine[len(known):]  # only append what is new: no full re-layout
        else:
            table.clear()
            self._idea_keys = []
            fresh = mine
        self._append_ideas(fresh)

    @staticmethod
    def _text_width(table: DataTable) -> int | None:
        column = table.columns.get(ColumnKey("text"))
        return column.width if column is not None else None

    def _append_ideas(self, fresh: tuple[Contribution, ...]) -> None:
        """Add rows for `fresh` ideas of the selected table, below the others."""
        table = self.query_one("#ideas", DataTable)
        for idea in fresh:
            round_tag = t("tui.cafe.round_short", number=idea.round or "-")
            if self._ideas_compact:
                table.add_row(Text.assemble((round_tag + " ", "dim"), idea.text), height=None,
                              key=idea.contribution_id)
            else:
                table.add_row(Text(round_tag, style="dim"),
                              Text(idea.text, overflow="ellipsis", no_wrap=True),
                              self.source_of(idea), key=idea.contribution_id)
            self._idea_keys.append((idea.contribution_id, idea.text))
        show(self.query_one("#ideas-title", Static),
             t("tui.cafe.ideas_title", table=self.selected, count=len(self._idea_keys)))
        if fresh:
            table.move_cursor(row=table.row_count - 1, animate=False)

    def _refresh_notice(self, room: set[str]) -> None:
        notice = self.query_one("#cafe-notice", Static)
        upcoming = self.live.last_round(self.block.id) + 1
        missing, extra = rotation.changes_since_plan(self.plan, upcoming, sorted(room))
        if self.plan is None:
            text = t("tui.cafe.no_plan")
        elif upcoming > self.config.rounds:
            text = ""
        elif missing or extra:
            text = t("tui.cafe.changes", missing=len(missing), extra=len(extra),
                     round=upcoming)
        else:
            text = self.moves
        if self.replanning:
            text = t("tui.cafe.replanning")
        show(notice, text)
        notice.set_class(bool(text), "-on")

    def _refresh_context(self) -> None:
        if self.prefix.armed:
            self.query_one(CaptureBar).context = t("tui.cafe.choose_table",
                                                   last=self.config.tables)
            return
        question = self.config.question_at(self.selected, self.shown_round)
        self.query_one(CaptureBar).context = f"T{self.selected} · Q{question} ›"

    def refresh_clock(self, now: datetime) -> None:
        running = self.live.running_round(self.block.id)
        label = ""
        left = None
        if running is not None:
            minutes = round_minutes(self.block, running) or 0
            clock = ls.round_clock(self.live.state, self.block.id, running, minutes, now)
            label = t("tui.round.world_cafe", number=running, count=self.config.rounds)
            left = clock.remaining
        else:
            done = self.live.last_round(self.block.id)
            if done >= self.config.rounds:
                label = t("tui.cafe.rounds_done")
            else:
                label = t("tui.cafe.round_next", number=done + 1, count=self.config.rounds)
        self.query_one(BlockBar).info = self.bar_info(now, label, left)

    # --- keys -----------------------------------------------------------------------------------

    def action_table(self, step: int) -> None:
        self.action_pick_table((self.selected - 1 + step) % self.config.tables + 1)

    def action_pick_table(self, number: int) -> None:
        if 1 <= number <= self.config.tables:
            self.selected = self.labkit.places[self.block.id] = number
            self.refresh_view()
            self.query_one(f"#table-{number}", TableCard).scroll_visible(animate=False)
        else:
            self.app.bell()
            self.notify(t("tui.cafe.no_table", number=number, last=self.config.tables),
                        severity="warning", timeout=3)

    def action_choose_table(self) -> None:
        """Ctrl+T where no text field nor list read it first (`route_key` does)."""
        self.route_key("ctrl+t", typing=False)

    def entry_stamp(self) -> tuple[int, int]:
        """The table and round an idea whose Enter is read now goes to."""
        return (self.selected, self.shown_round)

    def action_next_round(self) -> None:
        if self.live.last_round(self.block.id) >= self.config.rounds:  # no round after the last
            if self.live.running_round(self.block.id) is not None:
                self.act(self.live.end_round, self.block.id)
            self.notify(t("tui.cafe.rounds_done"), timeout=3)
            return
        number = self.act(self.live.start_round, self.block.id)
        if number is not None:
            self.notify(t("tui.cafe.round_started", number=number), timeout=3)

    def action_end_round(self) -> None:
        self.act(self.live.end_round, self.block.id)

    def action_harvest(self) -> None:
        from labkit.tui.screens.harvest import HarvestScreen

        self.app.push_screen(HarvestScreen(self.block))

    def capture(self, text: str) -> None:
        """The idea at the table and in the round shown when its Enter was read (it is
        written in Enter's own turn, before a ↓ typed after it: `entry_stamp`)."""
        table, number = self.entry_stamp()
        self.act(self.live.write, WorldCafe.idea, self.block, text, round_number=number,
                 table=table, question=self.config.question_at(table, number))

    # --- re-planning (the planner works in a thread, then posts a message) ------------------

    def _plan_unreadable(self, problem: str) -> None:
        """Say once that the saved plan is unreadable (file, field, reason): the café runs
        without it and can be re-planned."""
        if problem != self._plan_problem:
            self._plan_problem = problem
            self.notify(problem, severity="error", timeout=10)

    def action_replan(self) -> None:
        if self.replanning:
            return
        # rounds played keep their seating; a round started without any plan is planned too
        frozen = min(self.live.last_round(self.block.id), rotation.seated_rounds(self.plan))
        if frozen >= self.config.rounds:
            self.notify(t("tui.cafe.nothing_to_replan"), timeout=3)
            return
        self.replanning = True
        self._refresh_notice(set(self.live.room()))
        self._replan(self.plan, frozen, self.live.room())

    @work(thread=True, exclusive=True, group="replan")
    def _replan(self, plan: rotation.Plan | None, frozen: int, room: list[str]) -> None:
        try:
            full = rotation.replan_cafe(self.live.session, self.block, plan, frozen, room)
        except LabkitError as error:
            logger.warning("re-planning block %s refused: %s", self.block.id, error)
            self.post_message(self.Replanned(None, frozen + 1, str(error)))
            return
        except Exception as error:  # noqa: BLE001 - a planner bug must not kill the session
            logger.exception("re-planning block %s from round %s failed", self.block.id, frozen + 1)
            self.post_message(self.Replanned(None, frozen + 1, repr(error)))
            return
        if plan is None:  # the first plan: nobody had a table to change
            moves = ""
        else:
            moves = rotation.cafe_moves_text(self.live.session,
                                             rotation.cafe_changes(plan, full, frozen))
        moves = " ".join(x for x in (moves, rotation.team_arrivals_text(
            self.live.session, self.block, plan, full, frozen)) if x)
        self.post_message(self.Replanned(full[frozen:], frozen + 1, moves=moves,
                                         first=plan is None))

    @on(Replanned)
    def _replanned(self, message: Replanned) -> None:
        self.replanning = False
        if message.plan is None:
            self.app.bell()
            self.notify(message.error, severity="error", timeout=10)
            self.refresh_view()
            return
        self.act(self.live.record, WorldCafe.replanned(
            self.block, message.from_round, as_lists(message.plan), t("tui.cafe.replan_reason")))
        if message.first:
            rounds = len(message.plan)
            tables = max((len(seating) for seating in message.plan), default=0)
            self.moves = t("tui.cafe.planned", rounds=rounds, tables=tables,
                           first=message.from_round)
            self.notify(self.moves, timeout=15)
        else:
            self.moves = message.moves
            self.notify(t("tui.cafe.replanned", round=message.from_round) + " " + message.moves,
                        timeout=15)
        self._refresh_notice(set(self.live.room()))
