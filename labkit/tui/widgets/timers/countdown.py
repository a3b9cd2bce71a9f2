"""A large countdown (Textual's `Digits`) with a caption; it turns to an alert once overrun."""

from __future__ import annotations

from datetime import timedelta

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import Digits, Static

from labkit.tui.live_state import clock_text
from labkit.tui.widgets.plain import Plain
from labkit.tui.widgets.timers.big_digits import BigDigits


class Countdown(Vertical):
    """Time left, in big digits; `-03:10` and the `-overrun` class once the time is up."""

    remaining: reactive[timedelta | None] = reactive(None)
    caption: reactive[str] = reactive("")
    paused: reactive[bool] = reactive(False)

    def compose(self) -> ComposeResult:
        yield Plain(id="countdown-caption", classes="countdown-caption")
        yield Digits("--:--", id="countdown-digits")
        yield BigDigits(id="countdown-big")

    def watch_remaining(self, value: timedelta | None) -> None:
        text = clock_text(value) if value is not None else "--:--"
        self.query_one(Digits).update(text)
        self.query_one(BigDigits).value = text
        self.set_class(value is not None and value.total_seconds() <= 0, "-overrun")

    def watch_caption(self, value: str) -> None:
        self.query_one("#countdown-caption", Static).update(value)

    def watch_paused(self, value: bool) -> None:
        self.set_class(value, "-paused")
