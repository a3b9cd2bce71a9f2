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

A burst's plain characters are inserted together (`gathered`): Textual's `Input` costs about half
a millisecond per character inserted (its value, cursor and scroll watchers, a repaint), so a
52-character idea typed in one burst (tmux, a paste, a fast typist on a loaded laptop) held its
Enter back by 25 ms. A character is kept aside while the next message in the field's own queue is
a key, and every kept character is inserted, in one edit, before anything else the field reads:
the next key that is not a plain character (Enter, ←, Ctrl+U…), any other message, or the end of
the burst. To everything outside the field this is as if those keys were still queued.

A key that moves the focus to another field (Tab, Maj+Tab) hands the keys queued behind it to
the field it reached.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from textual import events
from textual.message import Message
from textual.widgets import Input

from labkit.tui.widgets.focus_now import FocusNow

if TYPE_CHECKING:
    from labkit.tui.key_hold import KeyHold


class TextField(FocusNow, Input):
    """An `Input` whose keys act in the order they were typed."""

    gathered = ""
    """Plain characters read and not yet inserted: the next key waits in this field's queue."""

    on_enter: Callable[[Input.Submitted], object] | None = None
    """Who takes Enter in the key's own turn (its entry is then written before the next key
    acts: « idée ⏎ Ctrl+Z » undoes that idea); else `Submitted` is posted, as Textual does."""

    reading = False
    """A key's bindings are being read here, in its turn (the keys queued here came after it)."""

    _giving_back = False
    """A key read here moved the focus away: the keys queued here behind it are given back to
    the app's `KeyHold`, which hands them to the field the focus went to (`_gave_focus`)."""

    async def _on_key(self, event: events.Key) -> None:
        if self._plain(event):
            self._taken(event)
            if await self.read_key(event):  # a digit after Ctrl+T: text typed before it is
                return  # already in (Ctrl+T is not a plain key)
            assert event.character is not None
            self.gathered += event.character
            if not self._key_queued():
                self.insert_gathered()
            return
        self.insert_gathered()  # the characters typed before this key, before it acts
        hold = getattr(self.app, "key_hold", None)
        if hold is not None and (
            self.screen is not self.app.screen or self._giving_back
        ) and hold.keep(event):
            self._taken(event)  # typed after a key that took the focus away: it goes there
            return
        focused = self.screen.focused
        self.reading = True
        try:
            await self._read(event)
        finally:
            self.reading = False
            if hold is not None and self.screen.focused is not focused:
                self._gave_focus(hold)

    async def _read(self, event: events.Key) -> None:
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

    def _plain(self, event: events.Key) -> bool:
        """Whether `event` only types its character: printable, consumed by the field (so no
        binding but the field's own can act on it, `Screen._binding_chain`), bound to nothing
        here, no keymap, no restriction on the value, and the field on the app's screen."""
        character = event.character
        return (
            event.is_printable and character is not None
            and self.check_consume_key(event.key, character)
            and event.key not in self._bindings.key_to_bindings
            and not self.app._keymap
            and not (self.restrict or self.max_length) and self.type == "text"
            and self.screen is self.app.screen and not self._giving_back
        )  # fmt: skip

    def _key_queued(self) -> bool:
        """Whether the next message in this field's own queue is a key (it will be read here,
        before anything else this field does)."""
        waiting: deque[Message | None] = self._message_queue.values
        return bool(waiting) and isinstance(waiting[0], events.Key)

    def command_queued(self) -> bool:
        """Whether a key that is not text (Ctrl+O, Tab, ←…) waits in this field's queue."""
        waiting: deque[Message | None] = self._message_queue.values
        return any(isinstance(m, events.Key) and not m.is_printable for m in waiting)

    def insert_gathered(self) -> None:
        """Insert the characters read and kept aside, as `Input` inserts one (over the
        selection, else at the cursor)."""
        text = self.gathered
        if not text:
            return
        self.gathered = ""
        self._restart_blink()
        selection = self.selection
        if selection.is_empty:
            self.insert_text_at_cursor(text)
        else:
            self.replace(text, *selection)

    def _gave_focus(self, hold: KeyHold) -> None:
        """The key just read moved the focus: if to another widget of this screen (Tab,
        Maj+Tab), the keys behind it, already queued here, are not this field's: they wait,
        with those typed from now on, and go where the focus is once this field has given
        them back (« Maj+Tab Ctrl+U texte » at once emptied the field Maj+Tab reached and put
        the text here)."""
        screen = self.screen
        if self._giving_back or screen is not self.app.screen or screen.focused is self:
            return
        if screen.focused is None or hold.holding:
            return  # the focus went nowhere, or whoever holds the keys hands them over
        self._giving_back = True
        number = hold.start()

        def given_back() -> None:
            self._giving_back = False
            hold.until_ready(self.app.screen, number)

        self.call_later(given_back)

    def give_back_queued(self) -> None:
        """The key being read closes or leaves this field (a form's Ctrl+O): the keys queued
        here behind it are given back to the app's `KeyHold` (which must be holding) until
        `given_back`, to act where the focus is then."""
        self._giving_back = True

    def given_back(self) -> None:
        self._giving_back = False

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
