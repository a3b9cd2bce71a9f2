"""A one-line text field that reads every key in its own turn, bindings included.

Facilitators type fast, and tmux or a paste delivers a whole burst (« idée ⏎ F8 ») before any key
is handled. Textual runs a key's bindings elsewhere than where its text goes: a priority binding
(F8, Ctrl+Z) in the app's loop, as soon as the key arrives, before the field has read the text
typed before it; the field's own bindings (Ctrl+U, ←) once the key has bubbled up to the app,
after the text typed *after* it. Either way, the key acts on the wrong text.

While a `TextField` has the focus, the app hands it every key (`LabkitApp._check_bindings`), and
the field runs the key's bindings itself, in the order Textual would (priority bindings, then the
field's keys and text, then the other bindings): after every key queued before it, and before
every key queued after it. With no text field focused, keys act at once as Textual does.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual import events
from textual.widgets import Input


class TextField(Input):
    """An `Input` whose keys act in the order they were typed."""

    on_enter: Callable[[Input.Submitted], object] | None = None
    """Who takes Enter in the key's own turn (its entry is then written before the next key
    acts: « idée ⏎ Ctrl+Z » undoes that idea); else `Submitted` is posted, as Textual does."""

    async def _on_key(self, event: events.Key) -> None:
        hold = getattr(self.app, "key_hold", None)
        if hold is not None and self.screen is not self.app.screen and hold.keep(event):
            self._taken(event)  # typed after a key that opened a screen: it goes there
            return
        in_turn: Callable[[str], Awaitable[bool]] | None = getattr(self.app, "key_in_turn", None)
        if in_turn is not None and await in_turn(event.key):
            self._taken(event)  # a priority binding, in the field's turn
            return
        if await self.read_key(event):
            self._taken(event)
            return
        await super()._on_key(event)  # text
        if in_turn is not None and not event.is_printable and (
            await self.app._check_bindings(event.key)
        ):
            self._taken(event)  # the field's bindings (Ctrl+U, ←), the screen's, the app's

    @staticmethod
    def _taken(event: events.Key) -> None:
        event.stop()
        event.prevent_default()

    async def read_key(self, event: events.Key) -> bool:
        """A key this field reads itself before its text (none here); whether it did."""
        return False

    async def action_submit(self) -> None:
        result = self.validate(self.value) if "submitted" in self.validate_on else None
        self.submitted(self.Submitted(self, self.value, result))

    def submitted(self, message: Input.Submitted) -> None:
        """Hand Enter's `message` to `on_enter` at once, else post it."""
        if self.on_enter is not None:
            self.on_enter(message)
        else:
            self.post_message(message)
