"""A widget that takes the focus at once when a text field reading a key asks for it.

Textual's `Widget.focus` asks the app to move the focus in a later turn of the app's queue. A
text field reads the keys of a burst in its own queue before that turn comes: « Échap ↑ Ctrl+E »
typed at once in the capture line moved to the list only after ↑ (the previous table) and Ctrl+E
had been read by the capture line. With the focus moved in the key's own turn, the field sees
that the key took the focus away and hands the keys behind it to the widget reached
(`TextField._gave_focus`). Other moves keep Textual's turn: the keys typed behind « i » on the
vote's list still reach the list, which sends them to the capture line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Self

from textual.widget import Widget

if TYPE_CHECKING:
    _Base = Widget
else:
    _Base = object


class FocusNow(_Base):
    """Mixed into a widget class, before it: its `focus` acts at once while a text field of
    the app's screen reads a key (`TextField.reading`). (A plain mixin: Textual gathers a
    widget's component classes along its bases, and a `Widget` base ahead of `DataTable` hid
    the table's.)"""

    def focus(self, scroll_visible: bool = True) -> Self:
        if self.is_mounted and self.is_attached and self.screen is self.app.screen and (
            self.focusable and getattr(self.screen.focused, "reading", False)
        ):
            self.refresh()
            self.screen.set_focus(self, scroll_visible=scroll_visible)
            return self
        return super().focus(scroll_visible)
