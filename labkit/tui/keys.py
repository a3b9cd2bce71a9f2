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
    """Every labkit key of `nodes` (then the app) with what it does, for the help overlay.

    Only the bindings labkit declares are listed (Textual's own cursor keys are not), each
    description once with all its keys ("f1 / ?", "1 / 2 / 3").
    """
    from textual.binding import Binding

    seen: set[tuple[str, str]] = set()
    rows: list[tuple[str, str]] = []
    for node in (*nodes, app):
        by_action: dict[str, list[str]] = {}
        texts: dict[str, str] = {}
        for cls in type(node).__mro__:
            if not cls.__module__.startswith("labkit."):
                continue
            for binding in cls.__dict__.get("BINDINGS", []):
                if not isinstance(binding, Binding) or not binding.description:
                    continue
                text = (t(binding.description) if binding.description.startswith("tui.")
                        else binding.description)
                for key in binding.key.split(","):
                    single = Binding(key.strip(), binding.action, binding.description)
                    by_action.setdefault(text, []).append(app.get_key_display(single))
                texts.setdefault(text, text)
        for action, keys in by_action.items():
            unique = list(dict.fromkeys(keys))
            if len(unique) > 2 and all(k.isdigit() for k in unique):
                shown = f"{unique[0]}–{unique[-1]}"
            else:
                shown = " / ".join(unique)
            row = (shown, texts[action])
            if row not in seen:
                seen.add(row)
                rows.append(row)
    return rows


KEY_NAMES = {"space": "tui.keyname.space", "escape": "tui.keyname.escape",
             "delete": "tui.keyname.delete"}
"""Keys Textual names in English (« space », « esc », « del »), in the UI's language."""
MODIFIER_NAMES = {"ctrl": "tui.keyname.ctrl", "shift": "tui.keyname.shift"}


def key_display(binding: Any, textual_name: Any) -> str:
    """A key as the footer and the help show it, as the rest of the UI writes it: « Ctrl+Z »,
    « F6 », « Maj+F9 », and « Espace », « Échap », « Suppr » in French (Textual's would be
    « ^z », « f6 », « space »); `textual_name(binding)` names the other keys."""
    from textual.binding import Binding

    modifiers, key = binding.parse_key()
    if key in KEY_NAMES:
        name = t(KEY_NAMES[key])
    elif len(key) <= 3 and key[:1] == "f" and key[1:].isdigit():
        name = key.upper()
    elif len(key) == 1:
        name = key.upper() if modifiers else key
    else:
        name = textual_name(Binding(key, binding.action))
    names = [t(MODIFIER_NAMES[m]) if m in MODIFIER_NAMES else m.capitalize() for m in modifiers]
    return "+".join([*names, name])
