"""`may_be_rtl`: the one-scan test that lets a table row skip `is_rtl` line by line (issue 16)."""

from __future__ import annotations

import sys
import unicodedata

from labkit.document.text import is_rtl, may_be_rtl


def test_every_right_to_left_character_is_in_the_scanned_blocks() -> None:
    missed = [hex(cp) for cp in range(sys.maxunicode + 1)
              if unicodedata.bidirectional(chr(cp)) in ("R", "AL") and not may_be_rtl(chr(cp))]
    assert missed == []


def test_latin_text_skips_and_right_to_left_text_does_not() -> None:
    assert not may_be_rtl("Contribution 12 : proposer un référent « vite » !")
    for text in ("مرحبا", "שלום", "a\u200fb"):
        assert may_be_rtl(text)
    assert is_rtl("مرحبا") and may_be_rtl("Bonjour\nمرحبا")
