"""Keys act in the order they were typed, whoever has the focus.

Textual runs a priority binding (F8, Ctrl+Z, Ctrl+E…) as its key arrives at the app, ahead of
the keys typed before it that are still queued for the focused widget. `KeyOrderApp` holds such
a binding back while a text field (`TextField`, which runs it in its turn) or a list
(`SelectTable`, whose key comes back up to the app in its turn) has the focus, and holds every
key typed while a screen opens until that screen is ready (`KeyHold`).
"""

from __future__ import annotations

from typing import Any, Protocol, cast

from textual import events
from textual.app import App

from labkit.tui.key_hold import KeyHold
from labkit.tui.widgets.tables import SelectTable
from labkit.tui.widgets.text_field import TextField


class TypesLetters(Protocol):
    """A screen that sends a letter typed on its list to its text field (`LiveScreen`)."""

    def type_letter(self, character: str) -> None: ...


class KeyOrderApp(App[None]):
    """An app whose keys act in typed order (see the module's docstring)."""

    key_hold: KeyHold
    """Keys typed while a screen opens (set by the app's constructor)."""

    async def _check_bindings(self, key: str, priority: bool = False) -> bool:
        """Textual's binding check, except that while a text field or a list has the focus, a
        priority binding (F8, Ctrl+Z, Ctrl+E…) does not act as the key arrives: the field
        receives the key and runs it after the keys typed before it (`key_in_turn`), the list
        lets it come back up to the app (`_on_key`). A screen's
        ``KEYS_AT_ONCE`` act as they arrive: they move the focus (a form's Enter), so that the
        keys typed after them go to the next field."""
        if priority and self._waits_its_turn(key):
            return False
        return await super()._check_bindings(key, priority)

    def _waits_its_turn(self, key: str) -> bool:
        """Whether the priority bindings of `key` wait for the key's turn: a text field or a
        list has the focus (see `_check_bindings` and `_on_key`). A key of ``KEYS_AT_ONCE``
        waits too behind a key queued in the field that is not text: « Ctrl+O texte ⏎ » at
        once in a form saved it on Enter, before Ctrl+O (read in its turn) had acted, and
        the text went into the form instead of the screen the save led to."""
        focused = self.focused
        if key in getattr(self.screen, "KEYS_AT_ONCE", ()):
            return isinstance(focused, TextField) and focused.command_queued()
        return isinstance(focused, (TextField, SelectTable))

    async def _on_key(self, event: events.Key) -> None:
        """A key typed on a list whose priority binding waited (`_check_bindings`): it has
        come back up here unhandled, behind the keys typed before it, whose bindings (↑, ↓,
        letters) act here too; its priority binding acts now, in its turn. « ↑ Ctrl+E » at
        once corrected the entry below the one ↑ reached: Ctrl+E acted as it arrived, ↑ only
        once it had come back up. (Textual's `App._on_key` runs next, unless it acted.)"""
        screen = getattr(event, "typed_on", None)  # a LiveScreen (`type_letter`)
        if screen is not None and event.character is not None:  # a letter typed on a list
            event.stop()
            event.prevent_default()
            if self.screen is screen:
                cast(TypesLetters, screen).type_letter(event.character)
            else:  # a screen opened since (not yet held): the letter is that screen's
                (self.focused or self.screen)._forward_event(
                    events.Key(event.key, event.character))
            return
        if getattr(event, "list_turn", False) and await self.key_in_turn(event.key):
            event.stop()
            event.prevent_default()

    def push_screen(self, *args: Any, **kwargs: Any) -> Any:
        """Textual's, and the keys typed while the screen opens wait for it (`KeyHold`)."""
        pushed = super().push_screen(*args, **kwargs)
        self.key_hold.opened(self.screen_stack[-1])
        return pushed

    async def on_event(self, event: events.Event) -> None:
        if self.key_hold.keep(event):
            event.stop()
            event.prevent_default()
            return
        if isinstance(event, events.Key) and not event.is_forwarded and (
            isinstance(self.focused, SelectTable) and self._waits_its_turn(event.key)
        ):
            event.list_turn = True  # type: ignore[attr-defined]  # read in `_on_key`
        await super().on_event(event)

    async def key_in_turn(self, key: str) -> bool:
        """The priority bindings of `key`, read by the focused text field in its turn; whether
        one acted."""
        return await super()._check_bindings(key, priority=True)
