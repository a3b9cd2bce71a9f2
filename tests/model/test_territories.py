"""Territories: départements and regions read as people type them, shown with their names."""

from __future__ import annotations

import pytest

from labkit.model import PeerHelpConfig
from labkit.model import events as ev
from labkit.model.participants import Participant
from labkit.model.territories import (
    all_territories,
    find_territory,
    normalise_territory,
    region_of,
    territory_label,
)


def test_the_table_holds_every_departement_and_region_of_the_cog() -> None:
    kinds = [x.kind for x in all_territories()]
    assert kinds.count("departement") == 101 and kinds.count("region") == 18
    codes = {x.code for x in all_territories()}
    assert {"2A", "2B", "971", "972", "973", "974", "976", "R84", "R94", "R06"} <= codes
    assert "20" not in codes and "975" not in codes
    assert all(x.region in codes for x in all_territories() if x.kind == "departement")


@pytest.mark.parametrize(
    ("typed", "code"),
    [("7", "07"), ("07", "07"), ("Ardèche", "07"), ("ARDECHE", "07"), ("07 - Ardèche", "07"),
     ("Ardèche (07)", "07"), ("2a", "2A"), ("974", "974"), ("Guadeloupe", "971"),
     ("Côte d'Or", "21"), ("R84", "R84"), ("région 84", "R84"), ("Auvergne-Rhône-Alpes", "R84"),
     ("Auvergne-Rhône-Alpes (région 84)", "R84"), ("Corse", "R94"), ("84", "84")],
)
def test_a_territory_is_read_as_its_insee_code(typed: str, code: str) -> None:
    assert normalise_territory(typed) == code


@pytest.mark.parametrize("typed", ["Nord-Isère", "99", "20", "Loire (69)", "Métropole de Lyon"])
def test_other_territories_are_kept_as_typed(typed: str) -> None:
    assert find_territory(typed) is None
    assert normalise_territory(typed) == typed == territory_label(typed)


def test_labels_give_the_name_and_the_code() -> None:
    assert territory_label("7") == "Ardèche (07)"
    assert territory_label("42") == "Loire (42)"
    assert territory_label("R84", "fr") == "Auvergne-Rhône-Alpes (région 84)"
    assert territory_label("R84", "en") == "Auvergne-Rhône-Alpes (region 84)"
    region = region_of("Ardèche")
    assert region is not None and region.code == "R84"


def test_the_model_keeps_a_known_territory_as_its_code() -> None:
    person = Participant(id="p1", first_name="Anne", group="g", territory=7)
    assert person.territory == "07"
    assert PeerHelpConfig(territories=["Ardèche", 42, "Nord-Isère"]).territories == [
        "07", "42", "Nord-Isère"]
    assert ev.CommitmentAdded(what="Un relais", territory="Loire").territory == "42"
    assert ev.ContributionAdded(text="Note", territory="région 84").territory == "R84"
