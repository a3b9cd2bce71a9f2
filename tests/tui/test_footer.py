"""The footer's keys fit 80 columns: descriptions go, F1's first, keys never."""

from __future__ import annotations

from labkit.tui.widgets.footer import FooterItem, fit_descriptions

ITEMS = [
    FooterItem("space", "Cocher"), FooterItem("g", "Regrouper"), FooterItem("k", "Retenir"),
    FooterItem("f1", "Aide", session=True, help=True), FooterItem("f6", "Démarrer", session=True),
    FooterItem("f8", "Terminer", session=True), FooterItem("^z", "Annuler", session=True),
]  # fmt: skip


def test_everything_is_kept_when_it_fits() -> None:
    assert fit_descriptions(ITEMS, 200) == [i.description for i in ITEMS]


def test_help_then_the_screen_keys_from_the_last_lose_their_description() -> None:
    full = "space Cocher g Regrouper k Retenir f1 Aide f6 Démarrer f8 Terminer ^z Annuler"
    assert fit_descriptions(ITEMS, len(full) - 1)[3] == ""
    assert fit_descriptions(ITEMS, len(full) - 6) == [
        "Cocher", "Regrouper", "", "", "Démarrer", "Terminer", "Annuler"]
    assert fit_descriptions(ITEMS, 30) == ["", "", "", "", "Démarrer", "", ""]
    assert fit_descriptions(ITEMS, 5) == [""] * 7
