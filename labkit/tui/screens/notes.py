"""A plenary (opening, presentation, debrief): notes, quotes and questions from the room."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable

from labkit.i18n import t
from labkit.methods import spec_of
from labkit.methods.notes import NotesLive
from labkit.methods.plenary import note_event
from labkit.tui.screens.base import checked
from labkit.tui.screens.capture import CaptureScreen
from labkit.tui.widgets.capture.capture_bar import CaptureBar
from labkit.tui.widgets.tables import FitTable, fill_width

NOTE_KINDS = ("note", "quote", "question", "insight")


class NotesScreen(CaptureScreen):
    """Notes of a plenary block; ctrl+t changes the kind of the next note."""

    BINDINGS = [Binding("ctrl+t", "kind", "tui.key.kind", priority=True)]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
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
        folded = spec_of(self.block).live(self.live.session, self.block, self.block.method,
                                          self.live.state)  # fmt: skip
        notes = checked(folded, NotesLive)
        for item in notes.notes:
            table.add_row(Text(t(f"tui.kind.{item.kind}"), style="dim"),
                          Text(item.text, overflow="ellipsis", no_wrap=True),
                          key=item.contribution_id)
        if table.row_count:
            table.move_cursor(row=table.row_count - 1, animate=False)
        fill_width(table, "text")
        self.query_one(CaptureBar).context = f"{t('tui.kind.' + self.kind)} ›"

    def capture(self, text: str) -> None:
        self.act(self.live.write, note_event, self.block, text, self.kind)

    def action_kind(self) -> None:
        self.kind = NOTE_KINDS[(NOTE_KINDS.index(self.kind) + 1) % len(NOTE_KINDS)]
        self.query_one(CaptureBar).context = f"{t('tui.kind.' + self.kind)} ›"
