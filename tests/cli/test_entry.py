"""The root command: the static table lists exactly what the modules register, `--help` needs
no command module, and a command imports only its own module (issue 16: cold-start CLI)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from labkit.cli.app import module_commands
from labkit.cli.commands import COMMANDS, MODULE_OF

HEAVY = ("textual", "docx", "matplotlib", "starlette", "labkit.report", "labkit.tui",
         "labkit.web", "labkit.prepare", "labkit.planning", "openpyxl", "numpy")


def test_the_table_lists_exactly_what_each_module_registers() -> None:
    for module in set(MODULE_OF.values()):
        registered = {n for n, c in module_commands(module).items() if not c.hidden}
        assert registered == {name for name, mod, _ in COMMANDS if mod == module}, module


def _modules_after(*argv: str, cwd: Path | None = None) -> tuple[str, set[str]]:
    code = (
        "import sys, atexit, json\n"
        "atexit.register(lambda: print('MODULES', json.dumps(sorted(sys.modules))))\n"
        f"sys.argv = ['labkit', *{list(argv)!r}]\n"
        "from labkit.cli.entry import main; main()\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=cwd,
                         env={"LABKIT_LANG": "en", "PATH": "/usr/bin:/bin"})
    line = next(x for x in out.stdout.splitlines() if x.startswith("MODULES "))
    return out.stdout, set(json.loads(line[len("MODULES "):]))


def _loaded(modules: set[str], package: str) -> bool:
    return any(m == package or m.startswith(package + ".") for m in modules)


def test_help_imports_no_command_module_nor_pydantic() -> None:
    text, modules = _modules_after("--help")
    for name, _, _ in COMMANDS:
        assert f"  {name} " in text
    command_modules = {f"labkit.cli.{m}" for m in MODULE_OF.values()}
    assert not command_modules & modules
    assert not _loaded(modules, "pydantic")


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cli")
    subprocess.run([sys.executable, "-m", "labkit", "examples", "copy", "cooperation-territoriale",
                    "--blank"], cwd=root, check=True, capture_output=True)
    return root / "sessions" / "cooperation-territoriale"


@pytest.mark.parametrize("argv", [["note", "{s}", "Une idée"], ["validate", "{s}"],
                                  ["agenda", "{s}"]])
def test_a_command_imports_none_of_the_heavy_modules(example: Path, argv: list[str]) -> None:
    _, modules = _modules_after(*[a.format(s=example) for a in argv])
    assert [m for m in HEAVY if _loaded(modules, m)] == []
    others = {f"labkit.cli.{m}" for m in MODULE_OF.values()} - {
        f"labkit.cli.{MODULE_OF[argv[0]]}"}
    assert not others & modules


def test_adhoc_rotate_json_goes_through_the_general_path() -> None:
    text, modules = _modules_after("rotate", "--size", "20", "--tables", "5", "--rounds", "5",
                                   "--json")
    assert json.loads(text.splitlines()[0])["metrics"]["repeats"] == 0
    assert "labkit.cli.rotate" in modules


def test_python_dash_m_runs_commands(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "labkit", "--lang", "en", "validate", str(tmp_path / "none")],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 1
    assert "no session found" in out.stdout + out.stderr


def test_note_reads_neither_the_plan_nor_the_method_registry(example: Path) -> None:
    """A note goes to the journal beside the plan: the YAML, the session's pydantic models and
    the method registry are not loaded (they are when `--block` asks for a check)."""
    text, modules = _modules_after("note", str(example), "Une idée")
    assert text.splitlines()[0].startswith("c")
    unneeded = ("ruamel", "labkit.model.session", "labkit.methods", "labkit.store.session_folder")
    assert [m for m in unneeded if _loaded(modules, m)] == []


def test_agenda_builds_no_journal_model_nor_the_method_registry(example: Path) -> None:
    _, modules = _modules_after("agenda", str(example))
    unneeded = ("labkit.model.events", "labkit.model.views", "labkit.store.journal",
                "labkit.store.seating", "labkit.methods")
    assert [m for m in unneeded if _loaded(modules, m)] == []


def test_a_command_is_built_alone_not_with_its_module_siblings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`note` shares its module with history, export and import: only `note` becomes a click
    command (each costs its parameters' inspection), and a group is built as a whole."""
    import typer

    from labkit.cli.app import app

    built: list[str] = []
    real = typer.main.get_command_from_info

    def counting(command_info: typer.models.CommandInfo, **kwargs: object) -> object:
        built.append(command_info.name or "")
        return real(command_info=command_info, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(typer.main, "get_command_from_info", counting)
    root = typer.main.get_command(app)
    ctx = root.make_context("labkit", ["note", "x", "y"], resilient_parsing=True)
    assert root.get_command(ctx, "note").name == "note"  # type: ignore[attr-defined]
    assert built == ["note"]
    group = root.get_command(ctx, "participants")  # type: ignore[attr-defined]
    assert group is not None and "import" in group.commands
    assert root.get_command(ctx, "nope") is None  # type: ignore[attr-defined]


def test_validate_loads_neither_the_views_nor_the_document_elements(example: Path) -> None:
    """The method checks need each spec, not the live views nor the report's elements that the
    specs build in other methods (about 50 ms of `labkit validate`, issue 16)."""
    text, modules = _modules_after("validate", str(example))
    assert "0 errors" in text
    assert _loaded(modules, "labkit.methods")
    unneeded = ("labkit.model.views", "labkit.document.elements", "labkit.document.wording",
                "labkit.document.chart_labels")
    assert [m for m in unneeded if _loaded(modules, m)] == []


def test_agenda_dates_need_neither_babel_dates_nor_pytz(example: Path) -> None:
    """`babel.dates` looks up the machine's time zone on import, through pytz (about 60 ms of
    `labkit agenda`, issue 16); the agenda's dates are written by `labkit.i18n.dates`."""
    text, modules = _modules_after("agenda", str(example))
    assert "2026" in text or "2027" in text
    assert [m for m in ("babel.dates", "pytz") if _loaded(modules, m)] == []


def _fake_pydantic_plugin(root: Path) -> Path:
    """An installed-looking distribution declaring a pydantic plugin that says when it loads."""
    site = root / "site"
    info = site / "labkit_probe_plugin-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: labkit-probe-plugin\n"
                                   "Version: 1.0\n", encoding="utf-8")  # fmt: skip
    (info / "entry_points.txt").write_text("[pydantic]\nprobe = labkit_probe_plugin:plugin\n",
                                           encoding="utf-8")  # fmt: skip
    (site / "labkit_probe_plugin.py").write_text(
        "import sys\n"
        "sys.stderr.write('PROBE PLUGIN LOADED\\n')\n"
        "class Plugin:\n"
        "    def new_schema_validator(self, *args, **kwargs):\n"
        "        return None, None, None\n"
        "plugin = Plugin()\n",
        encoding="utf-8",
    )
    return site


@pytest.mark.parametrize("disabled", [None, ""])
def test_commands_do_not_look_for_pydantic_plugins(
    example: Path, tmp_path: Path, disabled: str | None
) -> None:
    """Looking for pydantic plugins reads every installed distribution's metadata when the first
    model is built (about 10 ms of each command, issue 16): the CLI turns them off, unless the
    environment sets PYDANTIC_DISABLE_PLUGINS itself (here to "", i.e. plugins on)."""
    env = {"LABKIT_LANG": "en", "PATH": "/usr/bin:/bin",
           "PYTHONPATH": str(_fake_pydantic_plugin(tmp_path))}  # fmt: skip
    if disabled is not None:
        env["PYDANTIC_DISABLE_PLUGINS"] = disabled
    out = subprocess.run([sys.executable, "-m", "labkit", "note", str(example), "Une idée"],
                         capture_output=True, text=True, env=env)  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert ("PROBE PLUGIN LOADED" in out.stderr) == (disabled is not None)


def _built_models_after(*argv: str) -> set[str]:
    """The pydantic models whose validator a labkit call built (a deferred model is built on
    its first use: the call paid for those only)."""
    code = (
        "import sys, atexit, json\n"
        "def built():\n"
        "    from pydantic import BaseModel\n"
        "    todo, seen = [BaseModel], set()\n"
        "    while todo:\n"
        "        for sub in todo.pop().__subclasses__():\n"
        "            todo.append(sub)\n"
        "            if sub.__module__.startswith('labkit') and sub.__pydantic_complete__:\n"
        "                seen.add(sub.__name__)\n"
        "    print('BUILT', json.dumps(sorted(seen)))\n"
        "atexit.register(built)\n"
        f"sys.argv = ['labkit', *{list(argv)!r}]\n"
        "from labkit.cli.entry import main; main()\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={"LABKIT_LANG": "en", "PATH": "/usr/bin:/bin"})  # fmt: skip
    line = next(x for x in out.stdout.splitlines() if x.startswith("BUILT "))
    return set(json.loads(line[len("BUILT "):]))


def test_note_builds_only_the_event_model_it_writes(example: Path, tmp_path: Path) -> None:
    """The 34 event models are deferred: a note on a journal holding only contributions builds
    the contribution's model, nothing else (each model built costs about a millisecond)."""
    import shutil

    folder = tmp_path / "session"
    shutil.copytree(example, folder)
    assert _built_models_after("note", str(folder), "Une idée") == {"ContributionAdded"}
    assert _built_models_after("note", str(folder), "Une autre") == {"ContributionAdded"}


def test_validate_builds_the_session_model_but_no_event_model(example: Path) -> None:
    """The plan's models are deferred: validating a plan builds the session's model, whose
    schema holds its parts (a part built on its own at import, as the restitution's model was,
    is work done twice); the method checks import the event models but build none."""
    from labkit.model.events import EVENT_MODELS

    built = _built_models_after("validate", str(example))
    assert "Session" in built
    assert not built & {"Restitution", "NextMeeting", "Day", "Block", "Participant"}
    assert not built & {model.__name__ for model in EVENT_MODELS}


@pytest.mark.parametrize("argv", [["--help"], ["rotate", "--size", "20", "--tables", "5",
                                               "--rounds", "5", "--json"]])  # fmt: skip
def test_commands_without_a_session_import_no_pydantic(argv: list[str]) -> None:
    """`labkit --help` and an ad hoc rotation validate nothing with pydantic. Typer 0.29 built a
    pydantic TypeAdapter per parameter (pydantic imported by every command; 13.8x python -c pass
    for a minimal Typer app against 5.6x on 0.28): labkit pins typer<0.29."""
    _, modules = _modules_after(*argv)
    assert not _loaded(modules, "pydantic") and not _loaded(modules, "pydantic_core")
    assert not _loaded(modules, "ruamel")


def _event_modules(modules: set[str]) -> set[str]:
    return {m.rsplit(".", 1)[1] for m in modules if m.startswith("labkit.model.events.")}


def test_note_defines_the_contribution_models_only(example: Path, tmp_path: Path) -> None:
    """The event models are defined by family on first use (issue 16): a note on a journal of
    contributions imports the contributions' module (3 models), not the 34 event models."""
    import shutil

    folder = tmp_path / "session"
    shutil.copytree(example, folder)
    for text in ("Une idée", "Une autre"):
        out, modules = _modules_after("note", str(folder), text)
        assert out.startswith("c")
        assert _event_modules(modules) == {"base", "fields", "contributions"}


@pytest.mark.parametrize("command", ["validate", "agenda"])
def test_plan_commands_define_no_event_model(example: Path, command: str) -> None:
    """The method specs name their events by type (strings): checking or showing a plan defines
    no event model (about 28 ms of `labkit validate` before, issue 16)."""
    _, modules = _modules_after(command, str(example))
    assert _event_modules(modules) <= {"base", "fields"}


def test_validate_prints_its_marks_without_rich(example: Path, tmp_path: Path) -> None:
    """`labkit validate` writes a few marked lines with Typer's styling: rich (about 20 ms of
    its start, issue 16) is not imported, for a valid plan nor for a missing one."""
    text, modules = _modules_after("validate", str(example), str(tmp_path / "none"))
    assert "✓" in text and "0 errors" in text and "✗" in text and "no session found" in text
    assert "\x1b[" not in text  # not a terminal: no colour codes
    assert not _loaded(modules, "rich")
