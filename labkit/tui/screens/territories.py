"""Territorial diagnostic and peer help: notes per territory; in peer help, one timed turn per
territory (it presents a difficulty, the others share practices)."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Static

from labkit.i18n import t
from labkit.methods import round_minutes, spec_of
from labkit.methods.notes import NotesLive
from labkit.methods.territories import territory_note
from labkit.model import Block
from labkit.model.territories import territory_label
from labkit.tui import live_state as ls
from labkit.tui.screens.base import checked
from labkit.tui.screens.capture import CaptureScreen
from labkit.tui.screens.commitments import known_territories
from labkit.tui.widgets.agenda.block_bar import BlockBar
from labkit.tui.widgets.capture.capture_bar import CaptureBar
from labkit.tui.widgets.capture.capture_input import CaptureInput
from labkit.tui.widgets.capture.kind_strip import KindStrip
from labkit.tui.widgets.plain import Plain
from labkit.tui.widgets.tables import FitTable, fill_width

KINDS = {
    "territorial_diagnostic": ("note", "pain_point", "insight"),
    "peer_help": ("insight", "question", "note"),
}


class TerritoriesScreen(CaptureScreen):
    """Territories on the left (with their note counts), the selected one's notes on the right."""

    ENTRY_LISTS = {"territory-notes": "contribution"}

    BINDINGS = [
        Binding("up", "territory(-1)", "tui.key.prev_territory", show=False),
        Binding("down", "territory(1)", "tui.key.next_territory",
                show=False),
        Binding("ctrl+t", "kind", "tui.key.kind"),
        Binding("ctrl+n", "next_turn", "tui.key.next_turn", priority=True),
    ]

    def __init__(self, block: Block) -> None:
        super().__init__(block)
        self.peer_help = block.method_type == "peer_help"
        self.kinds = KINDS[block.method_type]
        self.selected = 0
        self.territories: list[str] = []

    def compose(self) -> ComposeResult:
        yield from self.compose_bar()
        prompt = getattr(self.block.method, "prompt", None)
        if prompt:
            yield Plain(" ".join(prompt.split()), classes="summary prompt")
        with Horizontal(classes="method-body"):
            with Vertical(classes="method-side"):
                yield Plain(t("tui.territory.list"), classes="panel-title")
                yield Plain(id="territories")
            with Vertical(classes="method-main"):
                yield Plain(id="notes-title", classes="panel-title")
                yield FitTable(fill="text", wrap=True, id="territory-notes",
                               cursor_type="row", show_header=False)
        yield KindStrip(self.kinds, id="kinds", classes="summary")
        yield from self.compose_capture(t("tui.territory.placeholder"))

    def on_mount(self) -> None:
        table = self.query_one("#territory-notes", DataTable)
        table.add_column("", key="kind", width=12)
        table.add_column("", key="text")
        self.add_source_column(table)
        self.territories = list(getattr(self.block.method, "territories", []) or []) or [
            territory for territory in known_territories(self.live.session)
        ]
        running = self.live.running_round(self.block.id) if self.peer_help else None
        if running is not None and running <= len(self.territories):
            self.selected = running - 1
        self.query_one(CaptureInput).kind_strip = self.query_one(KindStrip)
        super().on_mount()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Turns only exist in peer help (the key is hidden elsewhere)."""
        return self.peer_help or action != "next_turn"

    @property
    def territory(self) -> str | None:
        return self.territories[self.selected] if self.territories else None

    @property
    def territory_name(self) -> str:
        """The selected territory as read: "Ardèche (07)"."""
        return territory_label(self.territory) if self.territory else "—"

    def refresh_view(self) -> None:
        folded = spec_of(self.block).live(self.live.session, self.block, self.block.method,
                                          self.live.state)  # fmt: skip
        notes = checked(folded, NotesLive)
        counts = notes.counts("territory")
        turn = self.live.running_round(self.block.id) if self.peer_help else None
        text = Text()
        for index, territory in enumerate(self.territories):
            marker = "▶ " if index == self.selected else "  "
            speaking = f" ◀ {t('tui.territory.speaking')}" if turn == index + 1 else ""
            text.append(f"{marker}{territory_label(territory)} ({counts.get(territory, 0)})"
                        f"{speaking}\n",
                        style="bold" if index == self.selected else "")
        text.rstrip()
        self.query_one("#territories", Static).update(text)
        mine = notes.where(territory=self.territory)
        self.query_one("#notes-title", Static).update(
            t("tui.territory.notes", territory=self.territory_name, count=len(mine))
        )
        table = self.query_one("#territory-notes", DataTable)
        table.clear()
        fill_width(table, "text")  # before the rows: each is as tall as its wrapped note
        for note in mine:  # whole, wrapped: at 80 columns the column is about 26 wide
            table.add_row(Text(t(f"tui.kind.{note.kind}"), style="dim"), Text(note.text),
                          self.source_of(note), height=None, key=note.contribution_id)
        if mine:
            table.move_cursor(row=len(mine) - 1, animate=False)
        self._update_context()

    def _update_context(self) -> None:
        self.query_one(KindStrip).current = self.kind
        self.query_one(CaptureBar).context = (
            f"{self.territory_name} · {t('tui.kind.' + self.kind)} ›"
        )

    def refresh_clock(self, now: datetime) -> None:
        label, left = "", None
        if self.peer_help:
            running = self.live.running_round(self.block.id)
            count = len(self.territories)
            if running is not None:
                minutes = round_minutes(self.block, running) or 0
                left = ls.round_clock(self.live.state, self.block.id, running, minutes,
                                      now).remaining
                name = (territory_label(self.territories[running - 1]) if running <= count
                        else "?")
                label = t("tui.territory.turn", territory=name, number=running, count=count)
            else:
                label = t("tui.territory.next_turn")
        self.query_one(BlockBar).info = self.bar_info(now, label, left)

    def action_territory(self, step: int) -> None:
        if self.territories:
            self.selected = (self.selected + step) % len(self.territories)
            self.refresh_view()

    def action_kind(self) -> None:
        """Ctrl+T while the list has the focus (the capture line reads it itself)."""
        self.query_one(KindStrip).toggle()
        self.action_capture()

    @property
    def kind(self) -> str:
        """The kind of the next note: the strip's (set as soon as its digit is read)."""
        return self.query_one(KindStrip).current or self.kinds[0]

    def on_kind_strip_picked(self, message: KindStrip.Picked) -> None:
        self._update_context()

    def action_next_turn(self) -> None:
        if not self.peer_help:
            return
        done = self.live.last_round(self.block.id)
        if done >= len(self.territories) and self.live.running_round(self.block.id) is None:
            self.notify(t("tui.territory.all_done"), timeout=3)
            return
        number = self.act(self.live.start_round, self.block.id)
        if number is not None and number <= len(self.territories):
            self.selected = number - 1
            self.refresh_view()

    def capture(self, text: str) -> None:
        self.act(self.live.write, territory_note, self.block, text, self.territory,
                 self.captured_kind or self.kind)
