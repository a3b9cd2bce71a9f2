"""User text on screen exactly as typed: a title, a name or an idea holding ``[/]``, ``[red]`` or
``[/bold]`` is shown, never read as markup (which would crash the app or restyle the screen).

Every text widget of the live app is a `Plain` (strings are literal); the few messages that bold a
part build a `Content` with `bold_lead` or `message`, whose values are inserted as typed.
"""

from __future__ import annotations

from typing import Any

from textual.content import Content
from textual.widgets import Static

from labkit.i18n import t


class Plain(Static):
    """A `Static` whose strings are shown as they are (no markup)."""

    def __init__(self, content: Any = "", **kwargs: Any) -> None:
        kwargs.setdefault("markup", False)
        super().__init__(content, **kwargs)


def bold_lead(lead: str, rest: str = "") -> Content:
    """`lead` in bold, then `rest`; both as typed."""
    return Content.assemble((lead, "bold"), rest)


def message(key: str, **values: Any) -> Content:
    """A catalog message whose own markup is kept (``[b]F6[/b]``) and whose text values are
    shown as typed (they are substituted after the markup is parsed)."""
    texts = {name: value for name, value in values.items() if isinstance(value, str)}
    template = t(key, **{**values, **{name: "${" + name + "}" for name in texts}})
    return Content.from_markup(template, **texts)
