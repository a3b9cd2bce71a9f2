"""A QR code drawn with half-block characters, so that two module rows fit in one text row."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static


def qr_matrix(data: str, border: int = 2) -> list[list[bool]]:
    """The QR code of `data` as rows of dark (True) / light modules, with a quiet zone."""
    import qrcode

    code = qrcode.QRCode(border=border, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(data)
    code.make(fit=True)
    return [list(row) for row in code.get_matrix()]


def qr_lines(data: str, border: int = 2) -> list[str]:
    """The QR code as text: each character is two modules stacked (▀ ▄ █ or space).

    The characters draw the *light* modules, so that the code reads dark-on-light when shown as
    light characters on a dark background (and the widget forces black on white anyway).
    """
    matrix = qr_matrix(data, border)
    if len(matrix) % 2:
        matrix.append([False] * len(matrix[0]))
    lines = []
    for top, bottom in zip(matrix[0::2], matrix[1::2], strict=True):
        chars = []
        for up, down in zip(top, bottom, strict=True):
            light_up, light_down = not up, not down
            chars.append(
                "█" if light_up and light_down
                else "▀" if light_up
                else "▄" if light_down
                else " "
            )  # fmt: skip
        lines.append("".join(chars))
    return lines


class QrCode(Static):
    """A scannable QR code of `url`: white modules drawn on black, whatever the theme."""

    url: reactive[str] = reactive("")

    def watch_url(self, url: str) -> None:
        if not url:
            self.update("")
            return
        text = Text("\n".join(qr_lines(url)), style="#ffffff on #000000", no_wrap=True)
        self.update(text)
