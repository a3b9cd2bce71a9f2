"""The session folder: plain, line-numbered errors; comment-keeping, atomic saves; resolution."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml.comments import CommentedMap

from labkit.errors import InvalidInputError, SessionNotFoundError, StorageError
from labkit.model import Level
from labkit.store.atomic import write_bytes_atomic, write_text_atomic
from labkit.store.plain_errors import clean_loc, field_path
from labkit.store.session_folder import (
    SessionFolder,
    load_document,
    open_session,
    resolve_session_path,
    save_session_document,
    sessions_home,
    validate_document,
)
from labkit.store.yaml_document import locate, parse_yaml

GOOD = """\
# Atelier de test — a comment at the top
slug: atelier   # the slug
title: Atelier
lab: Lab
sponsor: null
groups:
  - key: ds          # job seekers
    label: Demandeurs d'emploi
participants:
  - {id: p01, first_name: Hélène, group: ds}
days:
  - date: 2026-03-12
    start: "9h00"
    end: "17:00"
    agenda:
      # the morning
      - id: ouverture
        title: Ouverture
        duration: 30
        method: plenary
      - id: pause
        title: Pause
        duration: 15
        method: break
"""

# four problems of different kinds, each on a known line
BROKEN = """\
slug: atelier
titel: Atelier
lab: Lab
days:
  - date: 2026-03-12
    start: "25h00"
    agenda:
      - id: ouverture
        title: Ouverture
        method: plenary
      - id: pause
        title: Pause
        duration: 15
        method: plenery
"""


def raised(path_or_text: Any) -> InvalidInputError:
    with pytest.raises(InvalidInputError) as info:
        open_session(path_or_text)
    return info.value


def line_of(problem: str) -> int:
    match = re.search(r"session\.yaml:(\d+)", problem)
    assert match, problem
    return int(match[1])


# -- YAML syntax -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("slug: a\ntitle: T\n  lab: L\n", "3:6"),
        ("slug: a\n\tlab: L\n", "2:1"),
        ("slug: a\ntitle: T\nslug: b\n", "3:1"),
        ("slug: a\ntitle: Atelier: mars\n", "2:15"),
        ("slug: a\nquestions: [a, b\nlab: L\n", "2:12"),  # where the bracket opened
    ],
    ids=["indent", "tab", "duplicate-key", "colon", "bracket"],
)
def test_yaml_syntax_errors_name_file_line_and_column(write_session: Any, text: str,
                                                      where: str) -> None:
    path = write_session(text)
    error = raised(path)
    assert type(error) is InvalidInputError
    assert str(error).startswith(f"{path}:{where}\u00a0: YAML illisible\u00a0: ")
    assert "Traceback" not in str(error)


def test_yaml_syntax_error_in_english(write_session: Any, en_ui: None) -> None:
    error = raised(write_session("slug: a\ntitle: T\n  lab: L\n"))
    assert ":3:6: unreadable YAML: mapping values are not allowed here" in str(error)


# -- field errors ------------------------------------------------------------------------------
def test_every_field_error_is_reported_with_its_line_in_plain_words(write_session: Any) -> None:
    path = write_session(BROKEN)
    error = raised(path)
    assert error.message == f"{path}\u00a0: 5 problèmes à corriger"
    assert error.problems == [
        f"{path}:1\u00a0: title\u00a0: champ obligatoire manquant",
        (f"{path}:2\u00a0: titel\u00a0: champ inconnu\u00a0: vouliez-vous dire"
         f" «\u00a0title\u00a0»\u00a0?"),
        f"{path}:6\u00a0: days[1] → start\u00a0: «\u00a025h00\u00a0» n'est pas une heure "
        "(HH:MM, par ex. 09:30 ou 9h30)",
        f"{path}:8\u00a0: days[1] → agenda[1] → duration\u00a0: champ obligatoire manquant",
        f"{path}:14\u00a0: days[1] → agenda[2] → method\u00a0: méthode inconnue"
        f" «\u00a0plenery\u00a0» "
        "(méthodes\u00a0: break, closing, commitments, crossed_interviews, idea_vote, lunch, "
        "peer_help, persona_journey, plenary, prototype_test, territorial_diagnostic, world_cafe)",
    ]
    assert "  - " + error.problems[1] in str(error)


def test_field_errors_in_english(write_session: Any, en_ui: None) -> None:
    error = raised(write_session(BROKEN))
    text = str(error)
    assert "5 problems to fix" in text
    assert "titel: unknown field: did you mean 'title'?" in text
    assert "'25h00' is not a time" in text
    assert "required field missing" in text
    assert "unknown method 'plenery'" in text


@pytest.mark.parametrize(
    ("change", "line", "words"),
    [
        (("    start: \"9h00\"", "    start: 9.5"), 13, "«\u00a09.5\u00a0» n'est pas une heure"),
        (("        duration: 30", "        duration: trente"), 19, ("«\u00a0trente\u00a0» n'est"
                                                                    " pas un")),
        (("        duration: 30", "        duration: 0"), 19, "doit valoir au moins 1"),
        (("  - date: 2026-03-12", "  - date: 12/03/2026"), 12, ("«\u00a012/03/2026\u00a0» n'est"
                                                                " pas une date")),
        (("  - date: 2026-03-12", "  - date: 2026-03-12 10:00"), 12, "n'est pas une date"),
        (("method: plenary", "method: 5"), 20, ("des champs «\u00a0clé: valeur\u00a0» sont"
                                                " attendus")),
        (("method: plenary", "method:\n          kind: opening"), 20,
         "indiquez la méthode avec «\u00a0type: …\u00a0»"),
        (("    label: Demandeurs d'emploi", "    label: DE\n    colour: bleu"), 9,
         "«\u00a0bleu\u00a0»"),
        (("group: ds}", "group: ds, role: animateur}"), 10,
         "valeur attendue\u00a0: participant, table_host"),
        (("group: ds}", "group: ds, email: helene}"), 10, ("«\u00a0helene\u00a0» n'est pas une"
                                                           " adresse")),
        (("lab: Lab", "lab: Lab\nlanguage: de"), 5, "valeur attendue\u00a0: fr, en"),
        (("lab: Lab", "lab: Lab\nurls: {questionnaire: forms}"), 5,
         "«\u00a0forms\u00a0» n'est pas une adresse web"),
        (("slug: atelier ", "slug: Atelier_1 "), 2, ("«\u00a0Atelier_1\u00a0»\u00a0: lettres"
                                                     " minuscules")),
        (("        title: Ouverture", "        title: \"\""), 18, "ne peut pas être vide"),
        (("  - {id: p01, first_name: Hélène, group: ds}", "  - {id: p01, group: ds}"), 10,
         "champ obligatoire manquant"),
        (("      - id: pause\n", "      - id: pause\n        frase: x\n"), 22,
         "champ inconnu\u00a0: vouliez-vous dire «\u00a0phase\u00a0»\u00a0?"),
    ],
)
def test_field_errors_are_plain_words_on_the_right_line(write_session: Any,
                                                        change: tuple[str, str], line: int,
                                                        words: str) -> None:
    old, new = change
    assert old in GOOD
    error = raised(write_session(GOOD.replace(old, new, 1)))
    (problem,) = error.problems
    assert line_of(problem) == line, problem
    assert words in problem
    assert "Input should" not in problem and "pydantic" not in problem


def test_a_world_cafe_typo_suggests_the_field(write_session: Any) -> None:
    text = GOOD.replace(
        "        method: break\n",
        "        method:\n          type: world_cafe\n          questions: [Q]\n"
        "          tabels: 2\n          rounds: 2\n",
    )
    problems = raised(write_session(text)).problems
    assert len(problems) == 2
    assert "method → tables\u00a0: champ obligatoire manquant" in problems[0]
    assert line_of(problems[0]) == 24  # the method: line
    assert ("tabels\u00a0: champ inconnu\u00a0: vouliez-vous dire"
            " «\u00a0tables\u00a0»\u00a0?") in problems[1]
    assert line_of(problems[1]) == 27


def test_a_newer_schema_version_is_a_plain_error_on_its_line(write_session: Any) -> None:
    error = raised(write_session(GOOD + "schema_version: 9\n"))
    (problem,) = error.problems
    assert "schema_version\u00a0: ce fichier est au format 9" in problem and "(1)" in problem
    assert line_of(problem) == 25


def test_a_file_in_cp1252_is_a_clear_error(write_session: Any) -> None:
    path = write_session(GOOD.replace("—", "-"), encoding="cp1252")  # first accent: Hélène
    error = raised(path)
    assert str(error) == f"{path}:10\u00a0: ce fichier n'est pas en UTF-8 (enregistrez-le en UTF-8)"


def test_a_utf8_bom_is_tolerated(write_session: Any) -> None:
    path = write_session("\ufeff" + GOOD)
    assert open_session(path).session.participants[0].first_name == "Hélène"


@pytest.mark.parametrize("text", ["", "# only a comment\n", "- a\n- b\n", "just text\n"])
def test_a_file_that_is_not_a_mapping(write_session: Any, text: str) -> None:
    path = write_session(text)
    assert "le fichier doit décrire une session" in str(raised(path))


def test_control_characters_in_the_file_never_reach_the_model(write_session: Any) -> None:
    path = write_session(GOOD.replace("title: Atelier", 'title: "Ate\\x07lier\\u200b"'))
    assert open_session(path).session.title == "Atelier"


# -- strict loading and problems ---------------------------------------------------------------
def test_strict_loading_raises_plan_errors_but_not_warnings(write_session: Any) -> None:
    overrun = GOOD.replace('end: "17:00"', 'end: "09:30"')
    path = write_session(overrun)
    folder = open_session(path)  # a plan with errors still loads
    assert [p.code for p in folder.problems()] == ["day_overrun"]
    with pytest.raises(InvalidInputError) as info:
        open_session(path, strict=True)
    (problem,) = info.value.problems
    assert line_of(problem) == 21 and "le jour 1 déborde" in problem

    phases = GOOD.replace("        duration: 30\n", "        duration: 30\n        phase: act\n")
    phases = phases.replace("        duration: 15\n", "        duration: 15\n        phase: scan\n")
    phases = phases.replace("method: break", "method: plenary")
    folder = open_session(write_session(phases, folder="warn"), strict=True)
    assert [p.level for p in folder.problems()] == [Level.WARNING]


def test_describe_names_file_line_and_field(write_session: Any) -> None:
    path = write_session(GOOD.replace('end: "17:00"', 'end: "09:30"'))
    folder = open_session(path)
    (problem,) = folder.problems()
    assert folder.describe(problem) == (
        f"{path}:21\u00a0: days[1] → agenda[2]\u00a0: le jour 1 déborde\u00a0:"
        f" «\u00a0Pause\u00a0» finit à 09:45, "
        "après la fin prévue (09:30), soit 15 min de trop"
    )
    assert folder.describe(problem, "en").startswith(f"{path}:21: days[1] → agenda[2]: day 1")


# -- saving ------------------------------------------------------------------------------------
def test_update_keeps_comments_and_key_order(write_session: Any) -> None:
    path = write_session(GOOD)
    folder = open_session(path)

    def change(doc: CommentedMap) -> None:
        doc["title"] = "Atelier de mars"
        doc["days"][0]["agenda"][1]["duration"] = 20

    folder.update(change)
    text = path.read_text(encoding="utf-8")
    assert text == GOOD.replace("title: Atelier", "title: Atelier de mars").replace(
        "duration: 15", "duration: 20"
    )
    assert folder.session.title == "Atelier de mars"
    assert folder.session.days[0].agenda[1].duration == 20
    assert folder.document["title"] == "Atelier de mars"


def test_update_with_no_change_leaves_the_file_identical(write_session: Any) -> None:
    path = write_session(GOOD)
    open_session(path).update(lambda doc: None)
    assert path.read_text(encoding="utf-8") == GOOD


def test_update_appends_at_the_end_of_the_mapping(write_session: Any) -> None:
    path = write_session(GOOD)
    folder = open_session(path)
    folder.update(lambda doc: doc["participants"].append(
        {"id": "p02", "first_name": "Karim", "group": "ds"}))
    assert [p.id for p in folder.session.participants] == ["p01", "p02"]
    assert open_session(path).session.participants[1].first_name == "Karim"
    assert "# job seekers" in path.read_text(encoding="utf-8")


def test_an_invalid_update_writes_nothing(write_session: Any) -> None:
    path = write_session(GOOD)
    before = path.read_bytes()
    folder = open_session(path)
    with pytest.raises(InvalidInputError) as info:
        folder.update(lambda doc: doc["days"][0]["agenda"][0].__setitem__("duration", "long"))
    assert "«\u00a0long\u00a0» n'est pas un nombre entier" in str(info.value)
    assert path.read_bytes() == before
    assert folder.session.days[0].agenda[0].duration == 30
    assert sorted(os.listdir(path.parent)) == ["session.yaml"]


def test_update_of_a_plan_not_called_session_yaml(tmp_path: Path) -> None:
    plan = tmp_path / "plan-mars.yaml"
    plan.write_text(GOOD, encoding="utf-8")
    (tmp_path / "session.yaml").write_text("slug: other\n", encoding="utf-8")
    folder = open_session(plan)
    assert folder.yaml_path == plan
    folder.update(lambda doc: doc.__setitem__("title", "Nouveau"))
    assert "title: Nouveau" in plan.read_text(encoding="utf-8")
    assert (tmp_path / "session.yaml").read_text(encoding="utf-8") == "slug: other\n"


def test_save_session_document_refuses_an_invalid_document(write_session: Any) -> None:
    path = write_session(GOOD)
    before = path.read_bytes()
    document = load_document(path)
    document["days"] = []
    with pytest.raises(InvalidInputError):
        save_session_document(path, document)
    assert path.read_bytes() == before
    document = load_document(path)
    document["lab"] = "Lab 93"
    save_session_document(path, document)
    assert open_session(path).session.lab == "Lab 93"


def test_saving_leaves_no_temporary_file(write_session: Any) -> None:
    path = write_session(GOOD)
    for n in range(3):
        open_session(path).update(lambda doc, n=n: doc.__setitem__("title", f"T{n}"))
    assert sorted(os.listdir(path.parent)) == ["session.yaml"]


def test_a_failed_rename_keeps_the_old_file(write_session: Any,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_session(GOOD)
    before = path.read_bytes()
    folder = open_session(path)

    def refuse(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(StorageError) as info:
        folder.update(lambda doc: doc.__setitem__("title", "Autre"))
    assert "No space left on device" in str(info.value)
    assert path.read_bytes() == before
    assert sorted(os.listdir(path.parent)) == ["session.yaml"]


def test_a_folder_that_refuses_files_is_a_storage_error(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    def refuse(**kwargs: Any) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(StorageError, match="Permission denied"):
        write_text_atomic(tmp_path / "x.yaml", "a: 1\n")


def test_atomic_write_creates_folders_and_keeps_modes(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "file.txt"
    write_bytes_atomic(target, b"one")
    umask = os.umask(0o022)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    target.chmod(0o640)
    write_text_atomic(target, "deux é")
    assert target.read_text(encoding="utf-8") == "deux é"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert os.listdir(target.parent) == ["file.txt"]


# -- locating fields ---------------------------------------------------------------------------
@pytest.fixture
def document() -> CommentedMap:
    return parse_yaml(GOOD, Path("session.yaml"))


@pytest.mark.parametrize(
    ("loc", "line"),
    [
        ((), 2),  # the first key (line 1 is a comment)
        (("slug",), 2),
        (("groups", 0, "label"), 8),
        (("participants", 0, "group"), 10),  # flow style: the item's line
        (("days", 0, "start"), 13),
        (("days", 0, "agenda", 1), 21),
        (("days", 0, "agenda", 1, "duration"), 23),
        (("days", 0, "agenda", 0, "method"), 20),
        (("days", 0, "agenda", 0, "method", "plenary", "kind"), 20),  # union tag, absent key
        (("days", 0, "agenda", 7, "title"), 15),  # no such block: the agenda's line
        (("days", 0, "missing"), 12),
        (("nothing",), 2),
    ],
)
def test_locate(document: CommentedMap, loc: tuple[str | int, ...], line: int) -> None:
    assert locate(document, loc) == line


def test_field_paths_count_from_one_and_drop_union_tags() -> None:
    assert field_path(("days", 0, "agenda", 2, "duration")) == "days[1] → agenda[3] → duration"
    assert field_path(("days", 0, "agenda", 0, "method", "world_cafe", "tables")) == (
        "days[1] → agenda[1] → method → tables"
    )
    assert field_path(()) == "(document)"
    assert field_path((0,)) == "[1]"
    assert clean_loc(("days", 0, "agenda", 0, "method", "break", "x")) == (
        "days", 0, "agenda", 0, "method", "x",
    )
    assert clean_loc(("break",)) == ("break",)  # only after `method`


# -- resolving SESSION arguments ---------------------------------------------------------------
def test_sessions_home_honours_labkit_sessions(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    assert sessions_home() == tmp_path / "sessions"
    monkeypatch.delenv("LABKIT_SESSIONS")
    assert sessions_home() == Path("sessions")


def test_session_resolution_by_folder_file_and_slug(sessions_dir: Path, tmp_path: Path) -> None:
    plan = sessions_dir / "atelier" / "session.yaml"
    plan.parent.mkdir()
    plan.write_text(GOOD, encoding="utf-8")
    assert resolve_session_path(plan.parent) == plan
    assert resolve_session_path(str(plan)) == plan
    assert resolve_session_path("atelier") == plan
    folder = open_session("atelier")
    assert isinstance(folder, SessionFolder)
    assert folder.root == plan.parent and folder.yaml_path == plan
    assert folder.journal_path == plan.parent / "journal.db"
    assert folder.rotations_dir.name == "rotations" and folder.attachments_dir.parent == folder.root


def test_an_unknown_session_is_a_plain_error() -> None:
    with pytest.raises(SessionNotFoundError) as info:
        resolve_session_path("inconnue")
    assert str(info.value).startswith("«\u00a0inconnue\u00a0»\u00a0: aucune session trouvée")
    assert isinstance(info.value, InvalidInputError)


def test_validate_document_directly(document: CommentedMap) -> None:
    session = validate_document(document, Path("session.yaml"))
    assert session.slug == "atelier" and session.days[0].start.hour == 9
