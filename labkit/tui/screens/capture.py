"""What the method screens with a capture line share (notes, café ideas, ingredients, votes…).

The capture line has the focus when the screen opens; Escape moves to the list (its arrows), and
any letter typed there goes back into the capture line, so typing never runs a command. Each
screen writes an entry in `capture`; an entry the journal did not record comes back into the line
(`CaptureBar.settle`), and the error message says why and that the text was kept. (An entry
the journal refuses, a questionnaire line with an unknown group, is quoted in its message and not
put back: the next entry, typed at once, would start with it.)
"""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Input

from labkit.tui.screens.base import BlockScreen
from labkit.tui.widgets.agenda.block_bar import BlockBar
from labkit.tui.widgets.capture.capture_bar import CaptureBar
from labkit.tui.widgets.footer import FitFooter


class CaptureScreen(BlockScreen):
    """A block screen with a capture line at the bottom: Escape leaves it, `i` comes back."""

    BINDINGS = [
        Binding("escape", "to_list", "tui.key.list", show=False),
    ]

    def compose_bar(self) -> ComposeResult:
        yield BlockBar(id="block-bar")

    def compose_capture(self, placeholder: str) -> ComposeResult:
        yield CaptureBar(placeholder, id="capture")
        yield FitFooter()

    START_IN_LIST = False
    """Whether the list has the focus first (the vote's digits), else the capture line."""

    def on_mount(self) -> None:
        super().on_mount()
        if self.START_IN_LIST:
            self.action_to_list()
        else:
            self.action_capture()

    def on_capture_bar_captured(self, message: CaptureBar.Captured) -> None:
        message.stop()
        with self.labkit.keeping_text() as attempt:
            self.capture(message.text)
        message.bar.settle(message.text, failed=attempt.failed)

    def capture(self, text: str) -> None:
        """Write the entry typed in the capture line (a failed write puts the text back)."""
        raise NotImplementedError

    def typing_field(self) -> Input | None:
        return self.query_one(CaptureBar).input

    def action_capture(self) -> None:
        self.query_one(CaptureBar).focus_input()

    def action_to_list(self) -> None:
        lists = self.query(DataTable)
        if lists:
            lists.first().focus()

    def refresh_clock(self, now: datetime) -> None:
        self.query_one(BlockBar).info = self.bar_info(now)
