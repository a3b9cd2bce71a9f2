"""French typography, plain wording and babel's plural rules."""

from __future__ import annotations

from labkit.document.typography import NBSP, french
from labkit.document.wording import Words
from labkit.i18n import plain_gender, plain_writing, t


def test_no_break_spaces_before_double_punctuation_and_inside_guillemets() -> None:
    text = french("Catherine : « Pourquoi ? » ; vite ! de 6 h 45 à 7 h (1 h 40, 20 min)")
    assert text == (f"Catherine{NBSP}: «{NBSP}Pourquoi{NBSP}?{NBSP}» ; vite{NBSP}!".replace(
        " ;", f"{NBSP};") + f" de 6{NBSP}h{NBSP}45 à 7{NBSP}h (1{NBSP}h{NBSP}40, 20{NBSP}min)")
    assert french("https://x.fr/?a=1") == "https://x.fr/?a=1"


def test_plain_wording_drops_the_point_median_of_fixed_strings_only() -> None:
    assert plain_gender("Les participant·es, facilitateur·rice, satisfait·e, tou·tes") == (
        "Les participants, facilitateur, satisfait, tous")  # fmt: skip
    with plain_writing():
        assert t("report.cli.written", "fr", path="a·es").endswith("a·es")  # params untouched


def test_zero_and_one_are_singular_in_french_by_babel() -> None:
    fr, en = Words("fr"), Words("en")
    assert [fr.count("dots", n) for n in (0, 1, 2)] == ["0 gommette", "1 gommette", "2 gommettes"]
    assert [en.count("dots", n) for n in (0, 1, 2)] == ["0 dots", "1 dot", "2 dots"]
    assert fr.count("commitments_count", 0) == "Aucun engagement n'a été pris."  # not "Un …"


def test_the_first_of_the_month_is_1er_in_french() -> None:
    import datetime as dt

    from labkit.i18n import format_date

    assert format_date(dt.date(2027, 7, 1), "fr", "long") == "1er juillet 2027"
    assert format_date(dt.date(2027, 7, 11), "fr", "long") == "11 juillet 2027"
    assert format_date(dt.date(2027, 7, 1), "en", "long") == "1 July 2027"
