"""Keys typed while a screen opens wait for it.

A form or a prompt opens in the turn of the key that asks for it (Enter on a journey cell,
Ctrl+E on an entry, F4), but it has no focused field until it is mounted: keys typed right after
(a fast typist, tmux, a paste) would reach the new screen with nothing focused, run its or the
app's bindings, or be lost. From the moment a screen is pushed until it is mounted and its focus
set, `KeyHold` keeps the keys that arrive and then hands them over in the order typed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from textual import events
from textual.screen import Screen

if TYPE_CHECKING:
    from textual.app import App

MOST_REFRESHES = 20
"""After this many refreshes without the screen being ready, the keys go on anyway."""
MOST_SECONDS = 0.5
"""… and after this long: a key is never held longer."""


@dataclass(order=True)
class HeldKey:
    """A key typed while a screen opened, with when it was typed."""

    time: float
    key: str = field(compare=False)
    character: str | None = field(compare=False)


class KeyHold:
    """The keys held while `app` opens a screen (see the module's docstring).

    Two kinds of keys wait: those that arrive at the app while the screen opens, and those the
    app had already handed to the previous screen's focused widget (queued there behind the key
    that opened the screen), which come back to the app unhandled or are given back by a text
    field of a screen no longer on top. They are handed over sorted by when they were typed."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self.held: list[HeldKey] | None = None
        self._screen: Screen[object] | None = None
        self._hold = 0
        """Which hold is on (a safety timer ends only its own)."""

    @property
    def holding(self) -> bool:
        return self.held is not None

    def opened(self, screen: object) -> None:
        """`screen` was pushed: hold the keys that arrive until it is ready."""
        if isinstance(screen, Screen):
            self.start()
            self.until_ready(screen)

    def start(self) -> int:
        """Hold the keys from now on, until `until_ready` (or at most `MOST_SECONDS`); which
        hold is on."""
        if self.held is None:
            self.held = []
            self._hold += 1
            hold = self._hold
            self.app.set_timer(MOST_SECONDS, lambda: self._release_if(hold))
        return self._hold

    def until_ready(self, screen: Screen[object], hold: int | None = None) -> None:
        """Hand the held keys over once `screen` (or whatever is on top by then) is ready —
        if `hold` is given, only if that hold is still the one on."""
        if hold is not None and (self.held is None or hold != self._hold):
            return
        self._screen = screen
        self.app.call_after_refresh(self._release_when_ready, screen, 0)

    def keep(self, event: events.Event) -> bool:
        """Whether `event` is a key held for later (then it is to be stopped)."""
        if self.held is None or not isinstance(event, events.Key):
            return False
        self.held.append(HeldKey(event.time, event.key, event.character))
        return True

    def _ready(self, screen: Screen[object]) -> bool:
        if not screen.is_mounted:
            return False
        return screen.focused is not None or not screen.focus_chain

    async def _release_when_ready(self, screen: Screen[object], refreshes: int) -> None:
        if self._screen is not screen:
            return
        if self.app.screen is not screen or self._ready(screen) or refreshes >= MOST_REFRESHES:
            await self.release()
        else:
            self.app.call_after_refresh(self._release_when_ready, screen, refreshes + 1)

    async def _release_if(self, hold: int) -> None:
        if self.held is not None and self._hold == hold:
            await self.release()

    async def release(self) -> None:
        """Hand the held keys to the app in the order typed; if one of them opens another
        screen, the rest wait for that one."""
        held, self.held, self._screen = sorted(self.held or []), None, None
        for index, key in enumerate(held):
            await self.app.on_event(events.Key(key.key, key.character))
            if self.held is not None:  # this key opened a screen: the rest wait for it
                self.held[:0] = held[index + 1 :]
                return
