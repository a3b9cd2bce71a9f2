"""A plenary (opening, presentation, debrief): notes, quotes and questions from the room."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer

from labkit.i18n import t
from labkit.tui.screens.base import BlockScreen
from labkit.tui.widgets.agenda.block_bar import BlockBar
from labkit.tui.widgets.capture.capture_bar import CaptureBar
from labkit.tui.widgets.tables import FitTable, fill_width

NOTE_KINDS = ("note", "quote", "question", "insight")


class CaptureScreen(BlockScreen):
    """A block screen with a capture line at the bottom: Escape leaves it, `i` comes back."""

    BINDINGS = [
        Binding("i", "capture", "tui.key.capture"),
        Binding("escape", "to_list", "tui.key.list", show=False),
    ]

    def compose_bar(self) -> ComposeResult:
        yield BlockBar(id="block-bar")

    def compose_capture(self, placeholder: str) -> ComposeResult:
        yield CaptureBar(placeholder, id="capture")
        yield Footer()

    def on_mount(self) -> None:
        super().on_mount()
        self.action_to_list()

    def action_capture(self) -> None:
        self.query_one(CaptureBar).focus_input()

    def action_to_list(self) -> None:
        lists = self.query(DataTable)
        if lists:
            lists.first().focus()

    def refresh_clock(self, now: datetime) -> None:
        self.query_one(BlockBar).info = self.bar_info(now)


class NotesScreen(CaptureScreen):
    """Notes of a plenary block; ctrl+t changes the kind of the next note."""

    BINDINGS = [Binding("ctrl+t", "kind", "tui.key.kind", priority=True)]

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.kind = "note"

    def compose(self) -> ComposeResult:
        yield from self.compose_bar()
        yield FitTable(fill="text", id="notes", cursor_type="row", classes="items")
        yield from self.compose_capture(t("tui.notes.placeholder"))

    def on_mount(self) -> None:
        table = self.query_one("#notes", DataTable)
        table.add_column(t("tui.notes.kind"), key="kind", width=12)
        table.add_column(t("tui.notes.text"), key="text")
        super().on_mount()

    def refresh_view(self) -> None:
        table = self.query_one("#notes", DataTable)
        table.clear()
        for item in self.live.state.contributions_where(block_id=self.block.id):
            table.add_row(Text(t(f"tui.kind.{item.kind}"), style="dim"),
                          Text(item.text, overflow="ellipsis", no_wrap=True),
                          key=item.contribution_id)
        if table.row_count:
            table.move_cursor(row=table.row_count - 1, animate=False)
        fill_width(table, "text")
        self.query_one(CaptureBar).context = f"{t('tui.kind.' + self.kind)} ›"

    def on_capture_bar_captured(self, message: CaptureBar.Captured) -> None:
        self.act(self.live.add_contribution, message.text, kind=self.kind,
                 block_id=self.block.id)

    def action_kind(self) -> None:
        self.kind = NOTE_KINDS[(NOTE_KINDS.index(self.kind) + 1) % len(NOTE_KINDS)]
        self.query_one(CaptureBar).context = f"{t('tui.kind.' + self.kind)} ›"
