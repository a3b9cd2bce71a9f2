"""The layering declared in ``pyproject.toml`` (``[tool.importlinter]``) holds.

`lint-imports` checks the static import graph: the layers (`cli` > `tui` > `report | prepare` >
`planning | store` > `methods | docx_kit` > `document` > `model` > `i18n | errors | resources`),
no UI library in the domain packages, and the journal's storage internals reachable only from
`labkit.store`. A failure prints import-linter's report, which names the offending import chain.
"""
from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_are_kept() -> None:
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint_imports)], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_every_package_has_a_layer() -> None:
    """A new top-level package must be placed in the layers (the contract is exhaustive too)."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    layers = next(c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers")
    declared = {name.strip() for layer in layers["layers"] for name in layer.split("|")}
    found = {
        path.stem if path.is_file() else path.name
        for path in (ROOT / "labkit").iterdir()
        if (path.suffix == ".py" or (path / "__init__.py").exists())
        and path.name not in {"__init__.py", "__main__.py"}
    }
    assert found == declared
