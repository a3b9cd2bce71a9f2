"""Large countdown digits for a projector: a 5×7 dot font, each dot two cells wide."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

FONT: dict[str, tuple[str, ...]] = {
    "0": (".###.", "#...#", "#..##", "#.#.#", "##..#", "#...#", ".###."),
    "1": ("..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."),
    "2": (".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####"),
    "3": ("#####", "...#.", "..#..", "...#.", "....#", "#...#", ".###."),
    "4": ("...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#."),
    "5": ("#####", "#....", "####.", "....#", "....#", "#...#", ".###."),
    "6": ("..##.", ".#...", "#....", "####.", "#...#", "#...#", ".###."),
    "7": ("#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#..."),
    "8": (".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###."),
    "9": (".###.", "#...#", "#...#", ".####", "....#", "...#.", ".##.."),
    ":": (".", "#", "#", ".", "#", "#", "."),
    "-": ("....", "....", "....", "####", "....", "....", "...."),
    " ": ("..", "..", "..", "..", "..", "..", ".."),
}


def big_lines(text: str, cell: int = 2) -> list[str]:
    """`text` (digits, ':', '-') drawn in 7 lines of full blocks, `cell` cells per dot."""
    glyphs = [FONT.get(char, FONT[" "]) for char in text]
    lines = []
    for row in range(7):
        parts = [
            "".join("█" * cell if dot == "#" else " " * cell for dot in glyph[row])
            for glyph in glyphs
        ]
        lines.append((" " * cell).join(parts))
    return lines


def big_width(text: str, cell: int = 2) -> int:
    """How many cells `big_lines(text, cell)` takes across."""
    return len(big_lines(text, cell)[0])


class BigDigits(Static):
    """A countdown in large dots (the `-wide` layout shows it instead of `Digits`)."""

    value: reactive[str] = reactive("")

    def watch_value(self, value: str) -> None:
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    def _draw(self) -> None:
        """Two cells per dot when the text fits, else one ("1:05:00" stays whole and legible
        in a narrow panel instead of being cut)."""
        width = self.content_size.width or 10_000
        cell = 2 if big_width(self.value, 2) <= width else 1
        self.update(Text("\n".join(big_lines(self.value, cell)), no_wrap=True))
