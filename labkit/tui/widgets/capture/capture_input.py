"""An input that takes Enter in the order keys were typed, and empties itself at once.

Facilitators type fast ("idea one⏎idea two⏎", or a burst from a paste or tmux). In Textual,
Enter is a *binding*: the key bubbles up to the app, which then runs the input's submit action
— by which time the following keys may already be in the input, and two entries merge into one.
This input handles Enter itself, in its own key queue (as every `TextField` runs its keys, the
editing keys included: « idéx⌫e ⏎ » typed fast saves « idée »), and clears its text in the same
step, so that the next keys always start a new entry.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

from textual import events

from labkit.model.text import without_controls
from labkit.tui.widgets.capture.kind_strip import KindStrip
from labkit.tui.widgets.text_field import TextField


class KeyRouter(Protocol):
    """The screen behind a capture line, for the keys that choose where the next entry goes."""

    def route_key(self, key: str, *, typing: bool) -> bool:
        """Apply `key` if it changes where the next entry goes (table, team, facet); whether
        it did (then it is not text)."""
        ...


_LINE_BREAKS = re.compile(r"[ \t]*[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+[ \t]*")


def one_line(text: str) -> str:
    """Pasted text on one capture line: its lines joined by a space (an input keeps one line,
    and Textual's kept only the first, dropping the rest of a pasted paragraph); a tab is a
    space and other control characters go (a pasted tab stayed, a raw tab in the report)."""
    return without_controls(_LINE_BREAKS.sub(" ", text.strip("\r\n")))


class CaptureInput(TextField):
    """An `Input` whose Enter hands over `Submitted` with the text typed so far (`on_enter`)
    and clears it.

    Coming back to it never selects its text: a letter typed on a list is sent here (see
    `LiveScreen.on_key`) and the next one must not replace it.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("select_on_focus", False)
        super().__init__(*args, **kwargs)

    kind_strip: KindStrip | None = None
    """The kinds of note this line offers (Ctrl+T, then a digit), if any."""

    router: KeyRouter | None = None
    """The screen's keys that choose where the next entry goes (↑/↓, Ctrl+T then a digit),
    read here, in order with the text and Enter: in a burst « idea ⏎ ↓ idea ⏎ », the second
    idea goes where ↓ pointed, and the first where it was typed (written in its Enter's turn)."""

    _typing = False

    def _watch_value(self, value: str) -> None:
        self._typing = True
        try:
            super()._watch_value(value)
        finally:
            self._typing = False

    def refresh(self, *regions: Any, repaint: bool = True, layout: bool = False,
                recompose: bool = False) -> Any:  # fmt: skip
        """As `Input.refresh`, except that a character typed repaints the line without laying
        out the whole screen again: Textual's input asks for a layout at each keystroke (its
        virtual width follows the text), which costs a screen's worth of rendering per key,
        while the size of this line never depends on its text (unless its width is auto)."""
        if layout and self._typing and not self.styles.auto_dimensions:
            layout = False
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    async def read_key(self, event: events.Key) -> bool:
        strip = self.kind_strip
        if strip is not None and (event.key == "ctrl+t" or strip.pick(event.key)):
            if event.key == "ctrl+t":
                strip.toggle()
            return True
        if self.router is not None and self.router.route_key(event.key, typing=True):
            return True
        if event.key == "enter":
            await self.action_submit()
            return True
        return False

    def _on_paste(self, event: events.Paste) -> None:
        """Every line of a paste, joined (`Input._on_paste`, called after this one by Textual's
        dispatch, inserts it)."""
        if event.text:
            event.text = one_line(event.text)

    async def action_submit(self) -> None:
        value = self.value
        self.value = ""
        message = self.Submitted(self, value, None)
        message.kind = self.kind_strip.current if self.kind_strip else None  # type: ignore[attr-defined]
        self.submitted(message)
