"""Prototype / scenario test: who visits whom in this round, the visit (or revision) timer, the
visitors' feedback noted by facet for the team visited, then each team's decision.

Everything about the method (the rotation, the timed parts, the events, the live fold) is asked
of its spec, `labkit.methods.prototype`; the screen only draws it and sends what is typed.
"""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Static

from labkit.i18n import t
from labkit.methods import prototype as proto
from labkit.methods import round_minutes, spec_of
from labkit.model import Block
from labkit.model.views import Contribution
from labkit.tui import live_state as ls
from labkit.tui.screens.base import checked
from labkit.tui.screens.capture import CaptureScreen, KeyRoutes
from labkit.tui.widgets.agenda.block_bar import BlockBar
from labkit.tui.widgets.capture.capture_bar import CaptureBar
from labkit.tui.widgets.capture.digit_prefix import DigitPrefix
from labkit.tui.widgets.plain import Plain
from labkit.tui.widgets.tables import FitTable, fill_width, show

DECISION = 0
"""The capture mode of a team's decision (facets are numbered from 1)."""


class PrototypeScreen(CaptureScreen):
    """Teams on the left (whom each visits and hosts this round), the selected team's feedback
    and decision on the right; Ctrl+T then 1, 2, 3… chooses the facet of the next entry."""

    ENTRY_LISTS = {"proto-feedback": "contribution"}

    DEFAULT_CSS = """
    PrototypeScreen #proto-teams {
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    BINDINGS = [
        # not priority bindings: the capture line reads them in order with the text (`route_key`)
        Binding("ctrl+n", "next_part", "tui.key.next_visit"),
        Binding("ctrl+f", "end_round", "tui.key.end_round", show=False),
        Binding("ctrl+t", "choose_facet", "tui.key.facet"),
        Binding("up", "team(-1)", "tui.key.prev_team", show=False),
        Binding("down", "team(1)", "tui.key.next_team", show=False),
    ]

    def __init__(self, block: Block) -> None:
        super().__init__(block)
        self.spec = checked(spec_of(block), proto.PrototypeTest)
        self.config = checked(block.method, proto.PrototypeTestConfig)
        self.teams = proto.teams(self.config)
        self.visits = proto.visit_rounds(self.config)
        self.parts = len(self.spec.parts(self.config))
        self.selected = 0
        self.facet = 1
        self._mode_round: int | None = None
        self.prefix = DigitPrefix()
        """Ctrl+T, then the facet's digit (Alt+digit, where the terminal passes it)."""
        self.routes = KeyRoutes(self.prefix, step=self.action_team, next_part=self.action_next_part,
                                end_part=self.action_end_round, pick=self.action_pick_facet,
                                relabel=self._refresh_context)  # fmt: skip

    def compose(self) -> ComposeResult:
        yield from self.compose_bar()
        yield Plain(id="proto-rotation", classes="summary prompt")
        with Horizontal(classes="method-body"):
            with Vertical(classes="method-side"):
                yield Plain(t("tui.prototype.teams"), classes="panel-title")
                yield Plain(id="proto-teams")
            with Vertical(classes="method-main"):
                yield Plain(id="proto-title", classes="panel-title")
                yield Plain(id="proto-facets", classes="summary")
                yield FitTable(fill="text", id="proto-feedback", cursor_type="row",
                               show_header=False)
        yield from self.compose_capture(t("tui.prototype.placeholder"))

    def on_mount(self) -> None:
        table = self.query_one("#proto-feedback", DataTable)
        table.add_column("", key="facet", width=16)
        table.add_column("", key="round", width=3)
        table.add_column("", key="text")
        self.add_source_column(table)
        super().on_mount()

    # --- what is shown ------------------------------------------------------------------------

    @property
    def team(self) -> proto.Team | None:
        return self.teams[self.selected] if self.teams else None

    @property
    def visit(self) -> int | None:
        """The visit round feedback is noted for: the running one, else the last played."""
        running = self.live.running_round(self.block.id)
        if running is not None and running <= self.visits:
            return running
        played = min(self.live.last_round(self.block.id), self.visits)
        return played or None

    def _label(self, facet: int) -> str:
        if facet == DECISION:
            return t("tui.prototype.decision")
        return self.config.prompts[facet - 1]

    def refresh_view(self) -> None:
        running = self.live.running_round(self.block.id)
        if running != self._mode_round:  # the revision opens on decisions, a visit on facet 1
            self._mode_round = running
            if running is not None and running > self.visits:
                self.facet = DECISION
            elif running is not None and self.facet == DECISION:
                self.facet = 1
        state = self.spec.live(self.live.session, self.block, self.config, self.live.state)
        self._refresh_rotation(running)
        self._refresh_teams(state)
        self._refresh_feedback(state)
        self._refresh_context()

    def _refresh_rotation(self, running: int | None) -> None:
        if running is not None and running > self.visits:
            text = t("tui.prototype.revising")
        else:
            number = self.visit or 1
            moves = " · ".join(
                f"{team.number} → {proto.visited_by(self.config, team.number, number)}"
                for team in self.teams
            )
            text = t("tui.prototype.rotation", number=number, moves=moves)
        show(self.query_one("#proto-rotation", Static), text, layout=True)

    def _refresh_teams(self, state: proto.PrototypeLive) -> None:
        running = self.live.running_round(self.block.id)
        revising = running is not None and running > self.visits
        number = self.visit or 1
        text = Text()
        for index, team in enumerate(self.teams):
            chosen = index == self.selected
            marker = "▶ " if chosen else "  "
            text.append(f"{marker}{team.number}. {team.label}\n", style="bold" if chosen else "")
            details = [] if revising else [
                t("tui.prototype.visited_by", visitor=proto.visitor_of(self.config, team.number,
                                                                       number))]  # fmt: skip
            details.append(t("tui.prototype.count", count=state.count(team.key)))
            if state.decisions.get(team.key):
                details.append(f"✓ {t('tui.prototype.decided')}")
            text.append(f"     {' · '.join(details)}\n", style="dim")
        text.rstrip()
        self.query_one("#proto-teams", Static).update(text)

    def _refresh_feedback(self, state: proto.PrototypeLive) -> None:
        team = self.team
        key = team.key if team else None
        title = f"{team.label} — {team.prototype}" if team and team.prototype else (
            team.label if team else "—")  # fmt: skip
        show(self.query_one("#proto-title", Static),
             t("tui.prototype.feedback_title", team=title, count=state.count(key)))
        choices = [*range(1, len(self.config.prompts) + 1), DECISION]
        facets = Text(t("tui.prototype.facet_key") + " ", style="dim")
        for position, facet in enumerate(choices, 1):
            if position > 1:
                facets.append(" ")
            chosen = facet == self.facet
            facets.append(f" {position} {self._label(facet)} ",
                          style="reverse bold" if chosen else "")
        show(self.query_one("#proto-facets", Static), facets)
        table = self.query_one("#proto-feedback", DataTable)
        table.clear()
        rows: list[tuple[int | None, Contribution]] = [
            (facet, x) for facet in range(1, len(self.config.prompts) + 1)
            for x in state.at(key, facet)
        ]  # fmt: skip
        rows += [(None, x) for (k, facet), found in state.feedback.items()
                 if k == key and not 1 <= (facet or 0) <= len(self.config.prompts)
                 for x in found]  # fmt: skip
        for facet, x in rows:
            table.add_row(Text(self._label(facet) if facet else "—", style="dim"),
                          Text(f"V{x.round}" if x.round else "", style="dim"),
                          Text(x.text, overflow="ellipsis", no_wrap=True),
                          self.source_of(x), key=x.contribution_id)  # fmt: skip
        for x in state.decisions.get(key, ()):
            table.add_row(Text(self._label(DECISION), style="bold"), Text(""),
                          Text(x.text, overflow="ellipsis", no_wrap=True),
                          self.source_of(x), key=x.contribution_id)  # fmt: skip
        fill_width(table, "text")

    def _refresh_context(self) -> None:
        if self.prefix.armed:
            self.query_one(CaptureBar).context = t("tui.prototype.choose_facet",
                                                   last=len(self._choices()))
            return
        team = self.team
        where = f"{team.number}" if team else "—"
        if self.facet != DECISION and self.visit:
            where += f" · V{self.visit}"
        self.query_one(CaptureBar).context = f"{where} · {self._label(self.facet)} ›"

    def refresh_clock(self, now: datetime) -> None:
        running = self.live.running_round(self.block.id)
        label, left = "", None
        if running is not None:
            minutes = round_minutes(self.block, running) or 0
            left = ls.round_clock(self.live.state, self.block.id, running, minutes, now).remaining
            label = (t("tui.prototype.round", number=running, count=self.visits)
                     if running <= self.visits else t("tui.prototype.revision"))  # fmt: skip
        else:
            done = self.live.last_round(self.block.id)
            if done < self.visits:
                label = t("tui.prototype.round_next", number=done + 1, count=self.visits)
            elif done < self.parts:
                label = t("tui.prototype.revision_next")
            else:
                label = t("tui.prototype.done")
        self.query_one(BlockBar).info = self.bar_info(now, label, left)

    # --- keys -----------------------------------------------------------------------------------

    def action_team(self, step: int) -> None:
        if self.teams:
            self.selected = (self.selected + step) % len(self.teams)
            self.refresh_view()

    def _choices(self) -> list[int]:
        """The facets, numbered from 1 as shown, then the decision."""
        return [*range(1, len(self.config.prompts) + 1), DECISION]

    def action_pick_facet(self, position: int) -> None:
        choices = self._choices()
        if 1 <= position <= len(choices):
            self.facet = choices[position - 1]
            self.refresh_view()
        else:
            self.app.bell()
            self.notify(t("tui.prototype.no_facet", number=position, last=len(choices)),
                        severity="warning", timeout=3)

    def action_choose_facet(self) -> None:
        """Ctrl+T where no text field nor list read it first (`route_key` does)."""
        self.route_key("ctrl+t", typing=False)

    def entry_stamp(self) -> tuple[int, int, int | None]:
        """The team, facet and visit a feedback whose Enter is read now goes to."""
        return (self.selected, self.facet, self.visit)

    def action_next_part(self) -> None:
        if self.live.last_round(self.block.id) >= self.parts:  # no part after the last one
            if self.live.running_round(self.block.id) is not None:
                self.act(self.live.end_round, self.block.id)
            self.notify(t("tui.prototype.all_done"), timeout=3)
            return
        number = self.act(self.live.start_round, self.block.id)
        if number is not None:
            label = (t("tui.prototype.round", number=number, count=self.visits)
                     if number <= self.visits else t("tui.prototype.revision"))  # fmt: skip
            self.notify(t("tui.prototype.started", label=label), timeout=3)
            self.refresh_view()

    def action_end_round(self) -> None:
        self.act(self.live.end_round, self.block.id)

    def capture(self, text: str) -> None:
        """For the team, facet and visit shown when its Enter was read (`entry_stamp`)."""
        selected, facet, visit = self.entry_stamp()
        team = self.teams[selected] if self.teams else None
        if team is None:
            return
        if facet == DECISION:
            event = self.spec.decision(self.block, text, team=team.key)
        else:
            event = self.spec.feedback(self.block, text, team=team.key,
                                       facet=facet, round_number=visit)  # fmt: skip
        self.act(self.live.record, event)
