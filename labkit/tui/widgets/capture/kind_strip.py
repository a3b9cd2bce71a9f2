"""The kind of the next note, chosen explicitly: a strip above the capture line always shows every
kind with its number, the one the next note takes highlighted; Ctrl+T then a digit picks one.

Ctrl+T and the digit are read by the capture line itself, in order with the text and Enter
(not by a dialog, nor by a binding that runs ahead of the keys still queued): a facilitator
typing « Ctrl+T 3 Combien de temps ? ⏎ » fast gets exactly that question. (A key per kind
would be quicker, but terminals do not pass Alt+digits through: Textual reads Esc+3 as « £ »,
the macOS Option key's character.)
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from labkit.i18n import t

MAX_KINDS = 9


class KindStrip(Static):
    """« Type de la note (Ctrl+T) : 1 note  2 citation … », the current kind in reverse video;
    while a digit is awaited (after Ctrl+T), the strip says so.

    The capture line reads Ctrl+T and the digit itself (`CaptureInput`), in the same key queue
    as the text and Enter, and stamps each entry with the kind chosen when its Enter was read.
    """

    current: reactive[str] = reactive("")
    choosing: reactive[bool] = reactive(False)

    class Picked(Message):
        """A kind was chosen."""

        def __init__(self, kind: str) -> None:
            super().__init__()
            self.kind = kind

    def __init__(self, kinds: tuple[str, ...], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.kinds = kinds[:MAX_KINDS]
        self.set_reactive(KindStrip.current, self.kinds[0] if self.kinds else "")

    def render(self) -> Text:
        if self.choosing:
            strip = Text(t("tui.kind.choose") + " ", style="bold reverse")
        else:
            strip = Text(t("tui.notes.kind_next") + " ", style="dim")
        for number, kind in enumerate(self.kinds, 1):
            chosen = kind == self.current
            strip.append(f" {number} ", style="bold")
            strip.append(f"{t('tui.kind.' + kind)} ", style="reverse bold" if chosen else "")
        return strip

    def toggle(self) -> None:
        """Await the digit of a kind (again: give up)."""
        self.choosing = not self.choosing

    def pick(self, key: str) -> bool:
        """Take `key` as the digit of a kind if one is awaited; whether it was."""
        if not self.choosing:
            return False
        self.choosing = False
        if not (key.isdigit() and 1 <= int(key) <= len(self.kinds)):
            return False
        self.current = self.kinds[int(key) - 1]
        self.post_message(self.Picked(self.current))
        return True
