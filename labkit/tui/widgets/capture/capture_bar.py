"""The capture line: where a facilitator types what a host or a group reports, then Enter.

Enter empties the line at once (keys typed meanwhile start a new entry), but the bar keeps the
text until the screen says whether the journal wrote it (`settle`): an entry the journal could not
write (full disk, read-only or locked journal) comes back into the line, or, when something new
is being typed there, waits its turn (the context label counts them) and comes back once the line
is empty again. Nothing typed is dropped while the screen is open.

The bar takes Enter in the capture line's key turn and hands the entry to the screen at once
(`on_captured`): it is written before the next key acts (« idée ⏎ F8 » records the idea, then
ends the block).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Input, Static

from labkit.i18n import t
from labkit.tui.widgets.capture.capture_input import CaptureInput
from labkit.tui.widgets.plain import Plain


class CaptureBar(Horizontal):
    """A context label ("Table 2 · Q2 ›") and an input; Enter posts `Captured` and clears;
    `settle` puts back an entry that was not recorded."""

    context: reactive[str] = reactive("")

    class Captured(Message):
        """Text typed and confirmed with Enter."""

        def __init__(
            self, bar: CaptureBar, text: str, kind: str | None = None
        ) -> None:
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
        self.unsaved: list[str] = []
        """Entries not recorded, waiting for the line to be empty to come back into it."""
        self.on_captured: Callable[[CaptureBar.Captured], object] | None = None
        """Who writes an entry in its Enter's turn (the screen); else `Captured` is posted."""

    def compose(self) -> ComposeResult:
        yield Plain(self.context, classes="capture-context")
        yield CaptureInput(placeholder=self._placeholder, classes="capture-input")

    def watch_context(self, value: str) -> None:
        if self.is_mounted:
            label = value
            if self.unsaved:
                label = f"{t('tui.capture.waiting', count=len(self.unsaved))} {value}"
            widget = self.query_one(".capture-context", Static)
            content = Content(label)
            if widget.content == content:
                return  # each entry settles the bar: an unchanged label costs nothing
            # The label's width is its text's (auto): a layout only when that width changes.
            wider = getattr(widget.content, "cell_length", -1) != content.cell_length
            widget.update(content, layout=wider)

    def on_mount(self) -> None:
        self.query_one(CaptureInput).on_enter = self.entered
        self.watch_context(self.context)

    def settle(self, text: str, *, failed: bool) -> None:
        """The journal has handled `text`; when it `failed` to write it, the text comes back into
        the line (or waits while the line holds something new). After any other entry, the next
        waiting one comes back into an empty line. (Once the keys already typed are read: in a
        burst « un ⏎ deux ⏎ », « deux » is a new entry, not the end of « un » come back.)"""
        if failed:
            self.unsaved.append(text)
            self.watch_context(self.context)
        self.input.call_later(self._bring_back)

    def _bring_back(self) -> None:
        """The first waiting entry into the line, if it is empty."""
        field = self.input
        if self.unsaved and not field.value:
            field.value = self.unsaved.pop(0)
            field.cursor_position = len(field.value)
        self.watch_context(self.context)

    @property
    def input(self) -> Input:
        return self.query_one(".capture-input", Input)

    def entered(self, event: Input.Submitted) -> None:
        """Enter in the line (in its key turn): the entry to the screen."""
        text = event.value.strip()
        if text:
            message = self.Captured(self, text, getattr(event, "kind", None))
            if self.on_captured is not None:
                self.on_captured(message)
            else:
                self.post_message(message)
        else:  # Enter on an empty line: the next entry not written comes back
            self._bring_back()

    def focus_input(self) -> None:
        self.input.focus()
