"""Who recorded an entry, as the short tag a list shows beside it ("ici", "tél.", "pc-2·Ana").

Every journal event carries its device and, when known, its person: this app ("ici"), another
laptop through `labkit note` or another `labkit run` (its host name), a participant's phone or a
table host through `labkit serve` ("tél.", "hôte").
"""

from __future__ import annotations

from rich.text import Text

from labkit.i18n import t

SOURCE_WIDTH = 6
"""The width of a list's source column."""
_PREFIXES = ("note-", "tui-")


def device_label(device: str, own: str) -> str:
    """A device as a short word: this app's, a phone, a host, or another machine's name."""
    if device == own:
        return t("tui.source.here")
    if device in ("phone", "host"):
        return t(f"tui.source.{device}")
    for prefix in _PREFIXES:
        if device.startswith(prefix) and len(device) > len(prefix):
            return device[len(prefix):]
    return device


def source_tag(device: str, recorder: str | None, own: str) -> Text:
    """The dim tag of an entry: its device, then its person when one is known."""
    label = device_label(device, own)
    if recorder:
        label = f"{label}·{recorder}"
    return Text(label, style="dim", overflow="ellipsis", no_wrap=True)
