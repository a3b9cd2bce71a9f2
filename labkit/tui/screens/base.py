"""What every live screen shares: the journal revision and clock it follows, the block it acts on.

Attributes flow down: the app holds `revision` (bumped after each journal change) and `now` (one
clock reading a second); a screen re-reads the live session when they change and hands plain
values to its widgets. After an entry, a screen may instead apply just the events the revision
added (`apply_changes`), so that it redraws only the rows they change. Messages flow up:
widgets post, the screen calls `LiveSession` to write.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, TypeVar

from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widgets import DataTable, Input

from labkit.i18n import t
from labkit.model import Block
from labkit.model.views import Contribution, RecordedEvent
from labkit.tui import live_state as ls
from labkit.tui.frames import MAX_DEFER, draw_now, keys_waiting
from labkit.tui.keys import translate_bindings
from labkit.tui.sources import SOURCE_WIDTH, source_tag
from labkit.tui.widgets.agenda.block_bar import BarInfo
from labkit.tui.widgets.capture.capture_input import one_line

if TYPE_CHECKING:
    from labkit.tui.app import LabkitApp
    from labkit.tui.controller import LiveSession

R = TypeVar("R")
C = TypeVar("C")


def checked(value: object, kind: type[C]) -> C:
    """`value` as a `kind` (a block's method config or spec): a screen opened on a block of another
    method fails here, with a message, rather than later on a missing attribute."""
    if not isinstance(value, kind):
        raise TypeError(f"expected a {kind.__name__}, got a {type(value).__name__}")
    return value


class LiveScreen(Screen):
    """A screen that follows the journal and the clock."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        translate_bindings(self)
        self._stale = False
        self._seen = 0
        """The live session's revision this screen shows."""
        self._drawn_at = 0.0
        """When this screen last drew a frame (`time.monotonic`)."""

    @property
    def labkit(self) -> LabkitApp:
        return self.app  # type: ignore[return-value]

    @property
    def live(self) -> LiveSession:
        return self.labkit.live

    _mounted = False

    def on_mount(self) -> None:
        """Follow the app's revision and clock, and show the state, once. (Textual calls the
        `on_mount` of every class of the screen's hierarchy, and each screen's own calls
        `super().on_mount()` too: without this, a café screen read and drew its state three
        times before its first frame.)"""
        if self._mounted:
            return
        self._mounted = True
        self.watch(self.app, "revision", self._on_revision, init=False)
        self.watch(self.app, "now", self._on_now, init=False)
        self._reread()
        self.refresh_clock(self.live.now())

    def _reread(self) -> None:
        self._seen = self.live.revision
        self.refresh_view()

    @property
    def shown(self) -> bool:
        """Whether this screen is on view: the top one, or under dialogs only. (Textual's
        `is_current` also holds for the screen just below the top one, e.g. the dashboard under
        a method screen, which would then be redrawn, unseen, after every entry.)"""
        stack = self.app.screen_stack
        if self not in stack:
            return False
        return all(screen.is_modal for screen in stack[stack.index(self) + 1 :])

    def _on_revision(self, _: int) -> None:
        if self.shown:
            added = self.live.changes_since(self._seen)
            if added is None or not self.apply_changes(added):
                self._reread()
            self._seen = self.live.revision
            self.refresh_clock(self.live.now())
        else:
            self._stale = True

    def _on_timer_update(self) -> None:
        """Textual's frame, except while keys wait for the focused text field (for at most
        `MAX_DEFER`): they are read first (`labkit.tui.frames`). The timer keeps running, so the
        frame follows as soon as they are."""
        now = time.monotonic()
        if now - self._drawn_at < MAX_DEFER and keys_waiting(self.app):
            return
        self._drawn_at = now
        super()._on_timer_update()

    def draw_now(self) -> None:
        """Draw what changed at once, in the current key's turn (after an entry is written,
        before the keys typed after it are read: `labkit.tui.frames.draw_now`)."""
        if draw_now(self):
            self._drawn_at = time.monotonic()

    def catch_up(self) -> None:
        """Show the live session's latest revision now, in the current turn (the app's
        `revision` watcher calls `_on_revision` later, in this screen's queue: then a no-op)."""
        if self._seen != self.live.revision:
            self._on_revision(self.live.revision)

    def _on_now(self, now: datetime) -> None:
        if self.shown:
            self.refresh_clock(now)

    def on_screen_resume(self) -> None:
        if self._stale:
            self._stale = False
            self._reread()
        self.refresh_clock(self.live.now())

    LIST_KEYS: frozenset[str] = frozenset()
    """Printable keys this screen's lists use themselves (the vote's digits); every other
    printable key typed on a screen with a text field goes into that field."""

    def typing_field(self) -> Input | None:
        """The screen's text field, if it has one (where stray letters are sent)."""
        return None

    field_asked = False
    """A key read in its turn on a list sent the typing to the text field (« i » on the vote's),
    whose focus comes a turn later: until then the keys typed behind still reach the list, and
    they are text, the list's own keys (space, digits, k…) included."""

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if event.widget is not self.typing_field():
            self.field_asked = False

    def on_key(self, event: events.Key) -> None:
        """A letter typed while a list has the focus goes into the text field: on a screen where
        one types, a printable key never runs a command."""
        field = self.typing_field()
        if field is None or not event.is_printable or event.character is None:
            return
        if isinstance(self.focused, Input):
            return
        if event.key in self.LIST_KEYS and not self.field_asked:
            return
        event.typed_on = self  # type: ignore[attr-defined]  # read by the app: `type_letter`

    def type_letter(self, character: str) -> None:
        """A letter typed on a list, into the text field: in the key's turn at the app, behind
        the priority keys typed before it (`KeyOrderApp._on_key`) — « Ctrl+E texte » at once
        on the café's list put « texte » in the capture line before Ctrl+E opened the form."""
        field = self.typing_field()
        if field is not None:
            self.set_focus(field)  # now: an Enter typed behind, read next here, submits it
            field.insert_text_at_cursor(character)

    def on_paste(self, event: events.Paste) -> None:
        """Text pasted while a list has the focus goes into the text field too (it used to
        vanish: only a letter typed there was sent to the field)."""
        field = self.typing_field()
        if field is None or isinstance(self.focused, Input) or not event.text:
            return
        event.stop()
        field.focus()
        field.insert_text_at_cursor(one_line(event.text))

    def refresh_view(self) -> None:
        """Re-read the journal state (after a change)."""

    def apply_changes(self, added: list[RecordedEvent]) -> bool:
        """Show the events a revision added without re-reading everything; False when this
        screen cannot (then `refresh_view` runs). By default a screen re-reads."""
        return False

    def refresh_clock(self, now: datetime) -> None:
        """Update the timers (every second)."""

    def target_block(self, action: str) -> Block | None:
        """The block the lifecycle keys act on (start, pause, extend, end)."""
        if action == "start":
            row = ls.next_row(self.live.rows())
            return row.block if row else None
        return self.live.current_block()

    def method_block(self) -> Block | None:
        """The block whose method screen `m` opens."""
        return self.live.focus_block()

    def act(self, action: Callable[..., R], *args: Any, **kwargs: Any) -> R | None:
        """Run a write through the app (errors become notifications); its result or None."""
        return self.labkit.act(action, *args, **kwargs)


class BlockScreen(LiveScreen):
    """A screen about one block of the agenda (a method screen)."""

    def __init__(self, block: Block, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.block = block

    def target_block(self, action: str) -> Block | None:
        """This block; for `start` once it has started, the day's next block."""
        if action == "start" and self.timing.status != "not_started":
            return super().target_block(action)
        return self.block

    def method_block(self) -> Block | None:
        return self.block

    def add_source_column(self, table: DataTable) -> None:
        """The column saying who recorded each row (see `source_of`)."""
        table.add_column(t("tui.source.column"), key="source", width=SOURCE_WIDTH)

    def source_of(self, entry: Contribution | int) -> Text:
        """Which device and person recorded a contribution (or the event numbered so), as a
        short tag."""
        if isinstance(entry, int):
            device, recorder = self.live.source(entry)
        else:
            device, recorder = entry.device, entry.recorder
        return source_tag(device, recorder, self.live.journal.device)

    @property
    def timing(self) -> Any:
        return self.live.state.block(self.block.id)

    def bar_info(self, now: datetime, round_label: str = "",
                 round_remaining: timedelta | None = None) -> BarInfo:
        """The header line of this block at `now`."""
        rows = self.live.rows(now)
        row = next((r for r in rows if r.block.id == self.block.id), None)
        remaining = ls.remaining(row, now) if row else None
        return BarInfo(
            title=self.block.title,
            phase=self.block.phase.value,
            status=self.timing.status,
            remaining=remaining,
            round_label=round_label,
            round_remaining=round_remaining,
            drift=ls.drift_text(ls.day_drift(rows, now, self.live.on_session_date)),
            day_over=ls.next_row(rows) is None and ls.current_row(rows) is None,
        )
