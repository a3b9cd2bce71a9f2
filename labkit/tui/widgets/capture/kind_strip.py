"""The kinds a note can have, each with its key, the one the next note takes highlighted."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.binding import Binding
from textual.reactive import reactive
from textual.widgets import Static

from labkit.i18n import t

MAX_KINDS = 6


def kind_bindings() -> list[Binding]:
    """Alt+1, Alt+2… choose a kind (shown once in the footer)."""
    return [Binding(f"alt+{n}", f"pick_kind({n})", "tui.key.pick_kind", show=n == 1,
                    key_display="Alt+1…" if n == 1 else None, priority=True)
            for n in range(1, MAX_KINDS + 1)]  # fmt: skip


class KindStrip(Static):
    """« Alt+1 note  Alt+2 citation … », the current kind in reverse video."""

    current: reactive[str] = reactive("")

    def __init__(self, kinds: tuple[str, ...], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.kinds = kinds[:MAX_KINDS]

    def render(self) -> Text:
        strip = Text(t("tui.notes.kind_next") + " ", style="dim")
        for number, kind in enumerate(self.kinds, 1):
            chosen = kind == self.current
            strip.append(f" Alt+{number} ", style="bold" if chosen else "dim")
            strip.append(f"{t('tui.kind.' + kind)} ", style="reverse bold" if chosen else "")
        return strip
