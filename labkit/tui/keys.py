"""Key bindings whose descriptions are i18n keys, translated when a screen or app is created.

Textual reads `BINDINGS` when a class is defined; labkit's UI language is chosen at run time
(`labkit --lang en run ...`). Bindings therefore carry a catalog key (``tui.key.start``) as their
description, and `translate_bindings` swaps in the text of the current UI language.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from labkit.i18n import t


def translate_bindings(node: Any) -> None:
    """Replace the `tui.*` descriptions of a node's bindings by their translation."""
    table = node._bindings.key_to_bindings
    for key, bindings in table.items():
        table[key] = [
            replace(b, description=t(b.description))
            if b.description.startswith("tui.")
            else b
            for b in bindings
        ]


def describe_bindings(app: Any, *nodes: Any) -> list[tuple[str, str]]:
    """Every key of `nodes` (then the app) with its description, for the help overlay."""
    seen: set[tuple[str, str]] = set()
    rows: list[tuple[str, str]] = []
    for node in (*nodes, app):
        by_action: dict[str, list[str]] = {}
        texts: dict[str, str] = {}
        for _key, binding in node._bindings:
            if not binding.description:
                continue
            by_action.setdefault(binding.action, []).append(app.get_key_display(binding))
            texts[binding.action] = binding.description
        for action, keys in by_action.items():
            row = (" / ".join(dict.fromkeys(keys)), texts[action])
            if row not in seen:
                seen.add(row)
                rows.append(row)
    return rows
