"""`import --update`: a second file updates the people of the session and adds the others."""

from __future__ import annotations

from pathlib import Path

import pytest
from participants_helpers import _plan, _write

from labkit.errors import InvalidInputError
from labkit.model import Role
from labkit.store.participants import import_participants
from labkit.store.session_folder import open_session

UPDATE = """Prénom;Nom;Collège;Consentement;Rôle;Département
helene;DUBOIS;;oui;hôte de table;7
Zoé;Martin;caf;non;;Ardèche
"""


def _second_helene(folder: Path) -> None:
    path = folder / "session.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("days:\n", "  - id: p002\n    first_name: Hélène\n    last_name: Dubois\n"
                        "    organisation: CAF\n    group: caf\n    email: h.dubois@caf.fr\n"
                        "days:\n", 1)  # fmt: skip
    path.write_text(text, encoding="utf-8")


def test_an_update_changes_the_columns_given_and_adds_new_people(
    session_dir: Path, tmp_path: Path
) -> None:
    plan = import_participants(open_session(session_dir), _write(tmp_path, UPDATE), update=True,
                               lang="fr")  # fmt: skip
    assert [c.describe("fr") for c in plan.changes["p001"]] == [
        "Rôle\u00a0: participant·e → hôte de table",
        "Département\u00a0: Seine-Saint-Denis (93) → Ardèche (07)",
        "Consentement\u00a0: non → oui",
    ]
    assert plan.rows == {"p001": 2}
    people = {p.id: p for p in open_session(session_dir).session.participants}
    helene, zoe = people["p001"], people["p002"]
    assert (helene.consent_named, helene.role, helene.territory) == (True, Role.TABLE_HOST, "07")
    assert (helene.organisation, helene.group) == ("Conseil départemental", "partenaires")
    assert (zoe.full_name, zoe.group, zoe.territory) == ("Zoé Martin", "caf", "07")
    text = (session_dir / "session.yaml").read_text(encoding="utf-8")
    assert "# Déjà inscrite à la main par l'équipe du Lab." in text
    assert "# parents demandeurs d'emploi" in text


def test_an_update_never_removes_anyone(session_dir: Path, tmp_path: Path) -> None:
    _second_helene(session_dir)
    file = _write(tmp_path, "Prénom;Nom;Email;Consentement\nHélène;Dubois;H.Dubois@caf.fr;oui\n")
    plan = import_participants(open_session(session_dir), file, update=True, lang="fr")
    assert [p.id for p in plan.updated] == ["p002"]  # matched by e-mail, whatever its case
    people = open_session(session_dir).session.participants
    assert [(p.id, p.consent_named) for p in people] == [("p001", False), ("p002", True)]


def test_an_ambiguous_row_is_refused_with_the_names_and_nothing_is_written(
    session_dir: Path, tmp_path: Path
) -> None:
    _second_helene(session_dir)
    before = (session_dir / "session.yaml").read_text(encoding="utf-8")
    file = _write(tmp_path, "Prénom;Nom;Collège;Consentement\nZoé;Martin;caf;oui\n"
                            "HELENE;dubois;;oui\n")  # fmt: skip
    with pytest.raises(InvalidInputError) as caught:
        import_participants(open_session(session_dir), file, update=True, lang="fr")
    (problem,) = caught.value.problems
    assert problem.startswith("ligne 3\u00a0: «\u00a0HELENE dubois\u00a0» désigne plusieurs"
                               " personnes")
    assert "Hélène Dubois (Conseil départemental), Hélène Dubois (CAF)" in problem
    assert (session_dir / "session.yaml").read_text(encoding="utf-8") == before


def test_a_new_person_needs_a_group_and_one_person_is_updated_once(
    session_dir: Path, tmp_path: Path
) -> None:
    file = _write(tmp_path, "Prénom;Nom;Structure;Consentement\nZoé;Martin;;oui\n"
                            "Hélène;Dubois;Mairie;oui\nHelene;Dubois;CD 93;non\n")  # fmt: skip
    with pytest.raises(InvalidInputError) as caught:
        _plan(session_dir, file, update=True)
    assert [p.split("\u00a0: ", 1)[0] for p in caught.value.problems] == ["ligne 2", "ligne 4"]
    assert "collège manquant" in caught.value.problems[0]
    assert "déjà mis·e à jour par la ligne 3" in caught.value.problems[1]


def test_update_and_replace_are_refused_together(session_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match="ne vont pas ensemble"):
        _plan(session_dir, _write(tmp_path, UPDATE), update=True, replace=True)
