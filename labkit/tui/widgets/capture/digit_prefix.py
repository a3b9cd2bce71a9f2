"""A prefix key, then a digit: how a capture screen picks a table, a team's facet… by number.

Terminals do not pass Alt+digit through (tmux and many emulators send Esc, then the digit, or
nothing; Textual may read it as « £ »), and a digit alone is text. So the choice is Ctrl+T, then
the digit, read by the capture line in order with the text and Enter. Alt+digit, when a terminal
does pass it, picks at once.
"""

from __future__ import annotations

from dataclasses import dataclass

PREFIX = "ctrl+t"


@dataclass
class DigitPrefix:
    """Whether the prefix key was just typed, and what each key read means."""

    key: str = PREFIX
    armed: bool = False
    """The prefix was typed: the next key is a digit to take (any other key gives up)."""

    def read(self, key: str) -> int | None:
        """What `key` means: None when it is not for this prefix (text, another command);
        0 when it is taken without a choice (the prefix itself, typed again to give up); else
        the digit chosen (after the prefix, or with Alt)."""
        if key == self.key:
            self.armed = not self.armed
            return 0
        if len(key) == 5 and key.startswith("alt+") and key[4].isdigit():
            self.armed = False
            return int(key[4])
        if self.armed:
            self.armed = False
            if len(key) == 1 and key.isdigit():
                return int(key)
        return None
