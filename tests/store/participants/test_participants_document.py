"""Writing an import into session.yaml: append, replace, dry run, comments kept, all or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from participants_helpers import FIXTURES, _without_participants, _write

from labkit.errors import InvalidInputError
from labkit.store.participants import import_participants
from labkit.store.session_folder import open_session


# -- writing -------------------------------------------------------------------------------------
def test_import_appends_and_keeps_comments(session_dir: Path) -> None:
    folder = open_session(session_dir)
    plan = import_participants(folder, FIXTURES / "inscrits_excel_cp1252.csv", lang="fr")
    text = (session_dir / "session.yaml").read_text(encoding="utf-8")
    assert "# Déjà inscrite à la main par l'équipe du Lab." in text
    assert "- key: demandeurs  # parents demandeurs d'emploi" in text
    assert "days: [1, 2]" in text
    reloaded = open_session(session_dir).session
    assert [p.id for p in reloaded.participants] == [p.id for p in plan.participants]
    assert reloaded.participant("p002").first_name == "Hélène"
    assert folder.session == reloaded


def test_reimporting_the_same_file_changes_nothing(session_dir: Path) -> None:
    folder = open_session(session_dir)
    import_participants(folder, FIXTURES / "inscrits.xlsx")
    before = (session_dir / "session.yaml").read_bytes()
    plan = import_participants(open_session(session_dir), FIXTURES / "inscrits.xlsx")
    assert not plan.changed
    assert len(plan.skipped_existing) == 4
    assert (session_dir / "session.yaml").read_bytes() == before


def test_bad_file_leaves_session_yaml_byte_identical(session_dir: Path) -> None:
    before = (session_dir / "session.yaml").read_bytes()
    with pytest.raises(InvalidInputError):
        import_participants(open_session(session_dir), FIXTURES / "inscrits_erreurs.csv")
    assert (session_dir / "session.yaml").read_bytes() == before


def test_dry_run_writes_nothing(session_dir: Path) -> None:
    before = (session_dir / "session.yaml").read_bytes()
    plan = import_participants(
        open_session(session_dir), FIXTURES / "registrations_utf8_bom.csv", dry_run=True
    )
    assert len(plan.added) == 4
    assert (session_dir / "session.yaml").read_bytes() == before


def test_participants_key_is_created_after_groups(session_dir: Path) -> None:
    _without_participants(session_dir)
    import_participants(open_session(session_dir), FIXTURES / "registrations_utf8_bom.csv")
    text = (session_dir / "session.yaml").read_text(encoding="utf-8")
    assert text.index("groups:") < text.index("participants:") < text.index("days:")
    assert len(open_session(session_dir).session.participants) == 4


def test_empty_flow_list_becomes_a_block_list(session_dir: Path) -> None:
    _without_participants(session_dir)
    yaml_path = session_dir / "session.yaml"
    text = yaml_path.read_text(encoding="utf-8").replace("days:", "participants: []\ndays:", 1)
    yaml_path.write_text(text, encoding="utf-8")
    import_participants(open_session(session_dir), FIXTURES / "registrations_utf8_bom.csv")
    text = yaml_path.read_text(encoding="utf-8")
    assert "participants:\n  - id: c01\n" in text


def test_replace_keeps_ids_updates_details_and_removes_the_others(
    session_dir: Path, tmp_path: Path
) -> None:
    import_participants(open_session(session_dir), FIXTURES / "inscrits_excel_cp1252.csv")
    ids = {p.full_name: p.id for p in open_session(session_dir).session.participants}
    assert len(ids) == 8
    path = _write(
        tmp_path,
        "Prénom;Nom;Structure;Collège;Rôle;Courriel;Département;Consentement;Jours\n"
        # unchanged
        "Hélène;Martin;Caisse d'allocations familiales;CAF;hôte de table;"
        "helene.martin@caf.example;93;oui;1,2\n"
        # now consents and attends day 2 only
        "Hélène;Dubois;Conseil départemental;partenaires;;;93;oui;2\n"
        # new
        "Ousmane;Diallo;;demandeurs;;;93;;\n",
    )
    plan = import_participants(open_session(session_dir), path, replace=True)

    after = {p.full_name: p for p in open_session(session_dir).session.participants}
    assert set(after) == {"Hélène Dubois", "Hélène Martin", "Ousmane Diallo"}
    assert after["Hélène Martin"].id == ids["Hélène Martin"]
    assert after["Hélène Dubois"].id == "p001"
    assert after["Hélène Dubois"].consent_named is True
    assert after["Hélène Dubois"].days == [2]
    assert after["Ousmane Diallo"].id == "p009"  # never the id of someone removed
    assert [p.full_name for p in plan.kept] == ["Hélène Martin"]
    assert [p.full_name for p in plan.updated] == ["Hélène Dubois"]
    assert [p.full_name for p in plan.added] == ["Ousmane Diallo"]
    assert {p.full_name for p in plan.removed} == {
        "Sébastien Lefèvre", "Aïcha Benali", "Françoise Nguyen", "Jérôme Œillet",
        "Zoé Da Silva", "Mélanie Roux",
    }
    text = (session_dir / "session.yaml").read_text("utf-8")
    assert "# Déjà inscrite à la main" in text
    assert text.count("- id: ") == 3


BANNER_SESSION = """\
slug: banner
title: Banner
lab: Lab
groups:
  - key: caf
    label: CAF
participants:
  - id: p01
    first_name: Anne
    group: caf
  - id: p02
    first_name: Bruno
    group: caf{last_line}

# ─────────────
# Les jours
# ─────────────
days:
  - date: 2026-03-12
    agenda: []
"""


@pytest.mark.parametrize(
    "last_line",
    ["", "  # arrive à 10 h", "\n    days: [1]", "\n    days:\n      - 1"],
    ids=["plain", "end-of-line-comment", "flow-days", "block-days"],
)
def test_append_keeps_the_banner_above_the_next_key(tmp_path: Path, last_line: str) -> None:
    (tmp_path / "session.yaml").write_text(
        BANNER_SESSION.format(last_line=last_line), encoding="utf-8"
    )
    path = _write(tmp_path, "Prénom;Collège\nChloé;caf\n")
    import_participants(open_session(tmp_path), path)
    text = (tmp_path / "session.yaml").read_text(encoding="utf-8")
    expected = BANNER_SESSION.format(
        last_line=last_line + "\n  - id: p03\n    first_name: Chloé\n    group: caf"
    )
    assert text == expected


def test_replace_removing_the_last_entry_keeps_the_banner(tmp_path: Path) -> None:
    (tmp_path / "session.yaml").write_text(
        BANNER_SESSION.format(last_line="  # arrive à 10 h"), encoding="utf-8"
    )
    path = _write(tmp_path, "Prénom;Collège\nAnne;caf\n")
    import_participants(open_session(tmp_path), path, replace=True)
    text = (tmp_path / "session.yaml").read_text(encoding="utf-8")
    assert "Bruno" not in text
    assert "    group: caf\n\n# ─────────────\n# Les jours\n# ─────────────\ndays:" in text


def test_replace_refuses_to_drop_a_world_cafe_host(session_dir: Path, tmp_path: Path) -> None:
    yaml_path = session_dir / "session.yaml"
    text = yaml_path.read_text(encoding="utf-8").replace(
        "    end: \"17:00\"\n    agenda: []",
        "    end: \"17:00\"\n    agenda:\n"
        "      - id: cafe\n        title: World café\n        duration: 90\n"
        "        method:\n          type: world_cafe\n          questions: [Q1]\n"
        "          tables: 1\n          rounds: 3\n          hosts: [p001]\n",
        1,
    )
    yaml_path.write_text(text, encoding="utf-8")
    before = yaml_path.read_bytes()
    path = _write(tmp_path, "Prénom;Nom;Collège\nAnne;Dupuis;caf\n")
    with pytest.raises(InvalidInputError) as caught:
        import_participants(open_session(session_dir), path, replace=True, lang="fr")
    assert "remplacement refusé" in caught.value.message
    assert "p001" in caught.value.problems[0]
    assert yaml_path.read_bytes() == before
    # Appending the same file is fine.
    import_participants(open_session(session_dir), path)
    assert len(open_session(session_dir).session.participants) == 2

