"""French elision before a name: « départ d'Océane », « départ de Karim »."""

from __future__ import annotations

from labkit.i18n import t
from labkit.i18n.elision import elide


def test_de_and_que_are_elided_before_a_vowel_accented_or_not() -> None:
    assert elide("de", "Océane") == "d'Océane"
    assert elide("de", "Émile") == "d'Émile"
    assert elide("de", "agnès") == "d'agnès"
    assert elide("que", "Inès") == "qu'Inès"
    assert elide("De", "Anne") == "D'Anne"


def test_a_consonant_an_h_a_number_or_nothing_keeps_the_word() -> None:
    assert elide("de", "Karim") == "de Karim"
    assert elide("de", "Hugo") == "de Hugo"  # mute or aspirated: the spelling does not say
    assert elide("de", 7) == "de 7"
    assert elide("de", "") == "de "


def test_the_undo_notices_elide_before_a_vowel_and_english_is_unchanged() -> None:
    assert t("tui.undone.left", "fr", name="Océane Martin") == "départ d'Océane Martin"
    assert t("tui.undone.arrived", "fr", name="Karim B.") == "arrivée de Karim B."
    assert t("tui.undone.absent", "fr", name="Inès") == "absence d'Inès"
    assert t("tui.undone.left", "en", name="Océane") == "Océane's departure"
    assert t("prepare.sheet.privacy_contact", "fr", who="Agnès Roux") == " auprès d'Agnès Roux"


def test_no_french_message_writes_de_before_a_name_field_unelided() -> None:
    """Every « de {name} » / « que {name} » of a person, a contact or a session is elided
    (« de {minutes} », a number, stays)."""
    import re

    from labkit.i18n import _catalog

    names = r"name|who|session|person|owner|first_name|participant|contact|host"
    bad = [key for key, texts in _catalog().items()
           if re.search(rf"\b(de|que)\s\{{({names})\}}", texts["fr"])]
    assert bad == []
