"""What the method screens with a capture line share (notes, café ideas, ingredients, votes…).

The capture line has the focus when the screen opens; Escape moves to the list (its arrows), and
any letter typed there goes back into the capture line, so typing never runs a command. Each
screen writes an entry in `capture`; an entry the journal did not record comes back into the line
(`CaptureBar.settle`), and the error message says why and that the text was kept. (An entry
the journal refuses, a questionnaire line with an unknown group, is quoted in its message and not
put back: the next entry, typed at once, would start with it.) On a list,
Ctrl+E corrects the entry under the cursor (its text in a one-line form, Enter saves) and Suppr
(Delete) deletes it after one confirmation; both are journal events that Ctrl+Z undoes
(`labkit.methods.corrections`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Input

from labkit.i18n import t
from labkit.methods.corrections import Entry, EntryKind
from labkit.tui.screens.base import BlockScreen
from labkit.tui.screens.forms import prompt
from labkit.tui.widgets.agenda.block_bar import BlockBar
from labkit.tui.widgets.capture.capture_bar import CaptureBar
from labkit.tui.widgets.capture.capture_input import CaptureInput
from labkit.tui.widgets.capture.digit_prefix import DigitPrefix
from labkit.tui.widgets.footer import FitFooter


class CaptureScreen(BlockScreen):
    """A block screen with a capture line at the bottom: Escape leaves it, `i` comes back."""

    BINDINGS = [
        Binding("escape", "to_list", "tui.key.list", show=False),
        Binding("ctrl+e", "edit_entry", "tui.key.edit_entry", priority=True),
        Binding("delete", "delete_entry", "tui.key.delete_entry"),
    ]

    ENTRY_LISTS: dict[str, EntryKind] = {}
    """The lists whose rows are entries (their row keys), by widget id, with their kind; the
    first is the one Ctrl+E acts on while the capture line has the focus."""

    def compose_bar(self) -> ComposeResult:
        yield BlockBar(id="block-bar")

    def compose_capture(self, placeholder: str) -> ComposeResult:
        yield CaptureBar(placeholder, id="capture")
        yield FitFooter()

    START_IN_LIST = False
    """Whether the list has the focus first (the vote's digits), else the capture line."""

    def on_mount(self) -> None:
        self.query_one(CaptureInput).router = self
        self.query_one(CaptureBar).on_captured = self.write_entry
        super().on_mount()
        if self.START_IN_LIST:
            self.action_to_list()
        else:
            self.action_capture()

    captured_kind: str | None = None
    """The kind of note chosen when the entry being written was typed (`KindStrip`)."""

    def write_entry(self, message: CaptureBar.Captured) -> None:
        """An entry typed and confirmed, written in its Enter's turn (`CaptureBar`)."""
        self.captured_kind = message.kind
        with self.labkit.keeping_text() as attempt:
            self.capture(message.text)
        message.bar.settle(message.text, failed=attempt.failed)
        # The entry on screen before the keys typed after it are read: the app's `revision`
        # watcher would run in this screen's queue, after them.
        self.catch_up()
        self.draw_now()

    def capture(self, text: str) -> None:
        """Write the entry typed in the capture line (a failed write puts the text back)."""
        raise NotImplementedError

    # --- keys choosing where the next entry goes (read in the capture line's key queue) -------

    routes: KeyRoutes | None = None
    """What ↑/↓, Ctrl+N/Ctrl+F and Ctrl+T then a digit do on this screen, if anything."""

    def route_key(self, key: str, *, typing: bool) -> bool:
        """Apply `key` if it chooses where the next entry goes (a table, a team, a facet), and
        say whether it did. The capture line asks first (`typing`), in order with the text and
        Enter (in a burst « idée ⏎ ↓ idée ⏎ », each idea goes where it was typed); a list with
        the focus asks through `on_key`. ↑/↓ and Ctrl+N/Ctrl+F count only in the capture line;
        Ctrl+T then a digit anywhere."""
        routes = self.routes
        if routes is None:
            return False
        if typing and key in ("up", "down"):
            routes.step(-1 if key == "up" else 1)
            return True
        if typing and key in ("ctrl+n", "ctrl+f"):  # what was typed before stays in its part
            routes.next_part() if key == "ctrl+n" else routes.end_part()
            return True
        armed = routes.prefix.armed
        chosen = routes.prefix.read(key)
        if chosen:
            routes.pick(chosen)
        if chosen is not None or armed:
            routes.relabel()
        return chosen is not None

    def on_key(self, event: events.Key) -> None:
        """A list has the focus: Ctrl+T and its digit still choose (before the letters go to
        the capture line, `LiveScreen.on_key`)."""
        if not isinstance(self.focused, Input) and self.route_key(event.key, typing=False):
            event.stop()
            event.prevent_default()

    def typing_field(self) -> Input | None:
        return self.query_one(CaptureBar).input

    def action_capture(self) -> None:
        self.query_one(CaptureBar).focus_input()

    def action_to_list(self) -> None:
        lists = [table for table in self.query(DataTable) if table.display]
        entries = [table for table in lists if table.id in self.ENTRY_LISTS]
        if entries or lists:
            (entries or lists)[0].focus()

    def refresh_clock(self, now: datetime) -> None:
        self.query_one(BlockBar).info = self.bar_info(now)

    # --- correcting an entry ------------------------------------------------------------------

    def selected_entry(self) -> Entry | None:
        """The entry under the cursor of the focused entry list (else of the first one)."""
        if not self.ENTRY_LISTS:
            return None
        focused = self.focused
        shown = [n for n in self.ENTRY_LISTS if self.query_one(f"#{n}", DataTable).display]
        if not shown:
            return None
        name = shown[0]
        if isinstance(focused, DataTable) and focused.id in shown:
            name = str(focused.id)
        table = self.query_one(f"#{name}", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.live.entry(self.ENTRY_LISTS[name], str(key))

    def action_edit_entry(self) -> None:
        edit_entry(self, self.selected_entry())

    def action_delete_entry(self) -> None:
        entry = self.selected_entry()
        if entry is not None:
            delete_entry(self, entry, self.entry_label(entry))

    def entry_label(self, entry: Entry) -> str:
        """How the confirmation names an entry (its text; a screen names the others)."""
        return entry.text or entry.entry_id


def edit_entry(screen: BlockScreen, entry: Entry | None) -> None:
    """Correct `entry`'s text in a one-line form (Enter saves): a journal event, that Ctrl+Z
    undoes. Any screen with a list of entries (the capture screens, the café harvest)."""
    if entry is None or entry.text is None:
        screen.notify(t("tui.entry.none_to_edit"), severity="warning", timeout=3)
        return

    def saved(values: dict[str, object] | None) -> None:
        if values is not None and screen.act(screen.live.edit_entry, entry,
                                             str(values["value"])):  # fmt: skip
            screen.notify(t("tui.entry.edited"), timeout=4)

    screen.app.push_screen(prompt(t("tui.entry.edit_title"), t("tui.entry.text"), entry.text),
                           saved)  # fmt: skip


def delete_entry(screen: BlockScreen, entry: Entry, label: str) -> None:
    """Delete `entry` (named `label`) after one confirmation: a journal event (the journal
    keeps the entry), that Ctrl+Z undoes."""

    def delete() -> None:
        if screen.act(screen.live.delete_entry, entry) is not None:
            screen.notify(t("tui.entry.deleted"), timeout=6)

    screen.labkit.confirm(t("tui.entry.confirm_delete", entry=label), delete)


@dataclass(frozen=True)
class KeyRoutes:
    """A capture screen's keys for where the next entry goes, read by `route_key`."""

    prefix: DigitPrefix
    """Ctrl+T, then a digit: `pick` that number."""
    step: Callable[[int], object]
    """↑/↓: the previous or next place (table, team)."""
    next_part: Callable[[], object]
    """Ctrl+N: the next round or part."""
    end_part: Callable[[], object]
    """Ctrl+F: end the running round or part."""
    pick: Callable[[int], object]
    relabel: Callable[[], object]
    """The capture label again (while Ctrl+T waits for its digit, and after)."""
