"""Issue 15: realistic typos and hostile files give a plain error (file, line, field), exit 1,
in bounded time — through the real CLI."""

from __future__ import annotations

import json
import re
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from labkit.cli.app import app


def run(*args: str | Path) -> Any:
    return CliRunner().invoke(app, ["--lang", "fr", *map(str, args)], env={"NO_COLOR": "1"})


def _refused(result: Any, *needles: str) -> str:
    """The output of a refused command, which names every needle and shows no traceback."""
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    for needle in needles:
        assert needle in result.output, result.output
    return str(result.output)


def _plan_text(session_data: dict[str, Any], write_session: Callable[..., Path]) -> str:
    return write_session(session_data, folder="modele").read_text(encoding="utf-8")


@pytest.mark.parametrize("date", ["2027-02-29", "2027-04-31", "2027-13-01"])
@pytest.mark.parametrize("command", ["validate", "agenda", "plan", "participants"])
def test_an_impossible_date_names_file_line_and_field(
    date: str, command: str, write_session: Callable[..., Path], session_data: dict[str, Any]
) -> None:
    text = _plan_text(session_data, write_session)
    first = text.index("date: ") + len("date: ")
    text = text[:first] + date + text[first + 10 :]
    path = write_session(text, folder="typo")
    line = text[:first].count("\n") + 1
    args = ["list", path.parent] if command == "participants" else [path.parent]
    output = _refused(run(command, *args), f"session.yaml:{line}", "days[1] → date", date)
    assert "n'est pas une date" in output


def test_deep_nesting_is_refused_with_its_line(write_session: Callable[..., Path]) -> None:
    path = write_session("title: " + "[" * 5000 + "]" * 5000 + "\n", folder="deep")
    _refused(run("validate", path.parent), "session.yaml:1", "imbrication trop profonde")
    text = "x:\n" + "".join(" " * (i + 1) + "a:\n" for i in range(3000))
    path = write_session(text, folder="deep-map")
    _refused(run("validate", path.parent), "session.yaml:", "imbrication trop profonde")


def test_an_alias_bomb_is_refused_quickly(write_session: Callable[..., Path]) -> None:
    names = "abcdefghi"
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"{n}: &{n} [" + ",".join([f"*{p}"] * 9) + "]"
              for p, n in zip(names, names[1:], strict=False)]
    path = write_session("\n".join(lines) + "\n", folder="bomb")
    assert path.stat().st_size < 400
    started = time.monotonic()
    _refused(run("validate", path.parent), "session.yaml", "alias")
    # expanded, the bomb is 9⁹ strings: hours and gigabytes; refused, a command's start-up (a
    # wide bound: the machine may be loaded, and this is no speed test)
    assert time.monotonic() - started < 60


def test_a_huge_session_file_is_refused_naming_the_limit(
    write_session: Callable[..., Path], session_data: dict[str, Any]
) -> None:
    text = _plan_text(session_data, write_session)
    padding = "".join(f"# commentaire {i:08d} " + "x" * 80 + "\n" for i in range(60_000))
    path = write_session(text + padding, folder="huge")
    _refused(run("validate", path.parent), "session.yaml", "fichier trop gros", "5.0 MB")


@pytest.mark.parametrize("field", ["duration", "tables"])
def test_true_is_not_a_number(
    field: str, write_session: Callable[..., Path], session_data: dict[str, Any]
) -> None:
    text = _plan_text(session_data, write_session)
    where = text.index(f"{field}: ")
    end = text.index("\n", where)
    text = text[:where] + f"{field}: true" + text[end:]
    path = write_session(text, folder="bool")
    line = text[:where].count("\n") + 1
    _refused(run("validate", path.parent), f"session.yaml:{line}", f"→ {field}",
             "«\u00a0true\u00a0»")


def test_an_unknown_time_zone_fails_validate(
    write_session: Callable[..., Path], session_data: dict[str, Any]
) -> None:
    session_data["timezone"] = "Europe/Pariss"
    path = write_session(session_data, folder="zone")
    _refused(run("validate", path.parent), "session.yaml:", "timezone", "Europe/Pariss")


def test_an_unclosed_bracket_is_reported_where_it_opened(
    write_session: Callable[..., Path], session_data: dict[str, Any]
) -> None:
    text = _plan_text(session_data, write_session)
    where = text.index("\nlab:") + 1
    end = text.index("\n", where)
    text = text[:where] + "lab: [un, deux" + text[end:]
    path = write_session(text, folder="bracket")
    line = text[:where].count("\n") + 1
    output = _refused(run("validate", path.parent), f"session.yaml:{line}:")
    assert "remarqué ligne" in output


def test_markup_in_titles_and_long_titles(
    write_session: Callable[..., Path], session_data: dict[str, Any], tmp_path: Path
) -> None:
    session_data["title"] = "Atelier [/] et [/bold] " + "très long titre " * 20
    path = write_session(session_data, folder="markup")
    result = run("plan", path.parent, "--today", "2026-01-05")
    assert result.exit_code == 0, result.output
    assert "Atelier [/] et [/bold]" in result.output
    result = run("agenda", path.parent, "--docx", tmp_path / "agenda.docx")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "agenda.docx").stat().st_size > 0


def _xlsx(path: Path, broken: bool) -> Path:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet: Any = workbook.active
    sheet.append(["Prénom", "Nom", "Collège"])
    sheet.append(["Anne", "Martin", "parents"])
    workbook.save(tmp := path.with_suffix(".tmp.xlsx"))
    with zipfile.ZipFile(tmp) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if broken and item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]
            target.writestr(item, data)
    return path


def test_an_xlsx_with_broken_xml_is_a_plain_error(
    write_session: Callable[..., Path], session_data: dict[str, Any], tmp_path: Path
) -> None:
    path = write_session(session_data, folder="xlsx")
    broken = _xlsx(tmp_path / "inscrits.xlsx", broken=True)
    _refused(run("participants", "import", path.parent, broken, "--dry-run"),
             "inscrits.xlsx", "illisible")


def test_a_utf16_csv_without_bom_keeps_its_accents(
    write_session: Callable[..., Path], session_data: dict[str, Any], tmp_path: Path
) -> None:
    path = write_session(session_data, folder="utf16")
    group = session_data["groups"][0]["key"]
    csv = tmp_path / "inscrits.csv"
    csv.write_bytes(f"Prénom;Nom;Collège\nŒuvre;Dupont;{group}\n".encode("utf-16-le"))
    result = run("participants", "import", path.parent, csv)
    assert result.exit_code == 0, result.output
    assert "first_name: Œuvre" in path.read_text(encoding="utf-8")


def test_an_import_with_two_ideas_sharing_one_id_is_refused(
    write_session: Callable[..., Path], session_data: dict[str, Any], tmp_path: Path
) -> None:
    session = write_session(session_data, folder="source").parent
    for text in ("Places réservées", "Horaires élargis"):
        assert run("note", session, text, "--kind", "idea").exit_code == 0
    assert run("export", session, "--out", tmp_path / "json").exit_code == 0
    exported = tmp_path / "json" / "journal.json"
    document = json.loads(exported.read_text(encoding="utf-8"))
    first, second = document["events"][:2]
    id_field = next(k for k in first["payload"] if first["payload"][k] and k.endswith("id"))
    second["payload"][id_field] = first["payload"][id_field]
    exported.write_text(json.dumps(document), encoding="utf-8")
    target = write_session(session_data, folder="copie").parent
    _refused(run("import", target, exported), "journal.json", "identifiant déjà donné")


@pytest.mark.parametrize("swallowing", [False, True])
@pytest.mark.parametrize("key", ["title", "lab", "context"])
def test_an_unclosed_quote_is_reported_where_it_opened(
    write_session: Callable[..., Path], session_data: dict[str, Any], key: str, swallowing: bool
) -> None:
    """« title: "Atelier » runs to the next quote (a later quoted value) or to the end: the
    error names the line where the quote opened, not the line where the parser gave up."""
    session_data.setdefault("context", "Le contexte")
    text = _plan_text(session_data, write_session)
    where = text.index(f"\n{key}:") + 1
    end = text.index("\n", where)
    text = text[:where] + f'{key}: "Une valeur sans fin' + text[end:]
    if swallowing:
        text += 'contact: "Camille"\n'
    path = write_session(text, folder=f"quote-{key}")
    line = text[:where].count("\n") + 1
    output = _refused(run("validate", path.parent))
    assert re.search(rf"session\.yaml:{line}[:\u00a0 ]", output), output
    assert "remarqué ligne" in output or "guillemet ouvert" in output
