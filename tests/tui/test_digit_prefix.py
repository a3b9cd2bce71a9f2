"""Ctrl+T, then a digit: what each key read means (no Textual)."""

from __future__ import annotations

from labkit.tui.widgets.capture.digit_prefix import DigitPrefix


def test_the_digit_after_the_prefix_is_a_choice_and_alone_it_is_text() -> None:
    prefix = DigitPrefix()
    assert prefix.read("3") is None  # text
    assert prefix.read("ctrl+t") == 0 and prefix.armed
    assert prefix.read("3") == 3 and not prefix.armed
    assert prefix.read("ctrl+t") == 0 and prefix.read("ctrl+t") == 0 and not prefix.armed
    assert prefix.read("ctrl+t") == 0 and prefix.read("x") is None and not prefix.armed
    assert prefix.read("alt+2") == 2  # where a terminal passes Alt+digit
