"""The footer of every screen: its keys always fit the terminal's width (80 columns too).

When the keys and their descriptions do not fit, the footer gives way, in this order, until they
do: F1's description (F1 is the help, which lists every key), then the screen's keys from the
last one (those it inherits, such as Ctrl+E on every list, before those of its own class, such as
the café's next round), then the session keys (start, pause, end, undo) from the last one. A key
goes with its description: the footer never shows a key without saying what it does (but F1),
nor cuts one.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

HELP_ACTION = "help"


@dataclass(frozen=True)
class FooterItem:
    """A key as the footer shows it: what is displayed, its description, and whose it is."""

    key: str
    description: str
    session: bool = False
    """An app-wide key (F-keys, undo), the same on every screen."""
    help: bool = False
    inherited: bool = False
    """A screen key its class inherits (common to several screens): it gives way first."""


def fit_descriptions(items: list[FooterItem], width: int) -> list[str | None]:
    """The description each item keeps so that all fit in `width` cells: "" for F1 without
    its description, None for a key left out (the help lists it)."""
    descriptions: list[str | None] = [item.description for item in items]

    def needed() -> int:
        cells = [cell_len(i.key) + (1 + cell_len(d) if d else 0)
                 for i, d in zip(items, descriptions, strict=True) if d is not None]  # fmt: skip
        return sum(cells) + max(len(cells) - 1, 0)  # one cell between keys

    order = [n for n, i in enumerate(items) if i.help]
    screen = [n for n in reversed(range(len(items))) if not items[n].session and not items[n].help]
    order += [n for n in screen if items[n].inherited]
    order += [n for n in screen if not items[n].inherited]
    order += [n for n in reversed(range(len(items))) if items[n].session and not items[n].help]
    for index in order:
        if needed() <= width:
            break
        descriptions[index] = "" if items[index].help else None
    return descriptions


class FitFooter(Footer):
    """A compact footer that drops descriptions rather than cut keys at the right edge."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id, compact=True, show_command_palette=False)
        self._fitted_width = 0

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        shown: dict[str, ActiveBinding] = {}
        for active in self.screen.active_bindings.values():
            if active.binding.show and active.binding.action not in shown:
                shown[active.binding.action] = active
        own = {b.action for b in type(self.screen).__dict__.get("BINDINGS", ())
               if isinstance(b, Binding)}
        items = [
            FooterItem(self.app.get_key_display(a.binding), a.binding.description,
                       session=a.node is self.app, help=a.binding.action == HELP_ACTION,
                       inherited=a.node is self.screen and a.binding.action not in own)
            for a in shown.values()
        ]  # fmt: skip
        self._fitted_width = self.size.width or self.app.size.width
        descriptions = fit_descriptions(items, self._fitted_width)
        for active, item, description in zip(shown.values(), items, descriptions, strict=True):
            if description is None:
                continue
            yield FooterKey(
                active.binding.key, item.key, description, active.binding.action,
                disabled=not active.enabled,
                tooltip=active.tooltip or active.binding.description,
            ).data_bind(compact=Footer.compact)  # fmt: skip

    def on_resize(self) -> None:
        if self._bindings_ready and self.size.width != self._fitted_width:
            self.call_after_refresh(self.recompose)
