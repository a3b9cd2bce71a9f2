"""What the method screens with a capture line share (notes, café ideas, ingredients, votes…)."""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer

from labkit.tui.screens.base import BlockScreen
from labkit.tui.widgets.agenda.block_bar import BlockBar
from labkit.tui.widgets.capture.capture_bar import CaptureBar


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
