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


def big_lines(text: str) -> list[str]:
    """`text` (digits, ':', '-') drawn in 7 lines of full blocks, two cells per dot."""
    glyphs = [FONT.get(char, FONT[" "]) for char in text]
    lines = []
    for row in range(7):
        parts = [
            "".join("██" if dot == "#" else "  " for dot in glyph[row]) for glyph in glyphs
        ]
        lines.append("  ".join(parts))
    return lines


class BigDigits(Static):
    """A countdown in large dots (the `-wide` layout shows it instead of `Digits`)."""

    value: reactive[str] = reactive("")

    def watch_value(self, value: str) -> None:
        self.update(Text("\n".join(big_lines(value)), no_wrap=True))
