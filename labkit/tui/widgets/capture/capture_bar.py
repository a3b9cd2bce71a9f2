"""The capture line: where a facilitator types what a host or a group reports, then Enter."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Input, Static

from labkit.tui.widgets.capture.capture_input import CaptureInput


class CaptureBar(Horizontal):
    """A context label ("Table 2 · Q2 ›") and an input; Enter posts `Captured` and clears."""

    context: reactive[str] = reactive("")

    class Captured(Message):
        """Text typed and confirmed with Enter."""

        def __init__(self, bar: CaptureBar, text: str, kind: str | None = None) -> None:
            super().__init__()
            self.bar = bar
            self.text = text
            self.kind = kind
            """The kind of note chosen when Enter was read (screens with a `KindStrip`)."""

        @property
        def control(self) -> CaptureBar:
            return self.bar

    def __init__(self, placeholder: str = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._placeholder = placeholder

    def compose(self) -> ComposeResult:
        yield Static(self.context, classes="capture-context")
        yield CaptureInput(placeholder=self._placeholder, classes="capture-input")

    def watch_context(self, value: str) -> None:
        if self.is_mounted:
            self.query_one(".capture-context", Static).update(value)

    def on_mount(self) -> None:
        self.watch_context(self.context)

    @property
    def input(self) -> Input:
        return self.query_one(".capture-input", Input)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if text:
            self.post_message(self.Captured(self, text, getattr(event, "kind", None)))

    def focus_input(self) -> None:
        self.input.focus()
