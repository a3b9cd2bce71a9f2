"""The domain packages stay free of user-interface libraries (textual, typer, rich) and of the web
stack (starlette, uvicorn, `labkit.web`).

`labkit.cli`, `labkit.tui` and `labkit.web` are the only layers allowed to import them; the check
imports every module of the domain packages in a fresh interpreter and lists the UI modules that
got loaded. This run-time guard backs the static contracts of ``tests/test_import_contracts.py``:
it also sees imports made by third-party libraries and by ``importlib``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOMAIN = (
    "labkit.model",
    "labkit.document",
    "labkit.methods",
    "labkit.store",
    "labkit.planning",
    "labkit.prepare",
    "labkit.report",
    "labkit.docx_kit",
)
UI = ("textual", "typer", "rich", "click", "starlette", "uvicorn")
UI_LAYERS = ("labkit.web",)


def modules_of(package: str) -> list[str]:
    """Every module file of the package, namespace sub-folders included (pkgutil skips those)."""
    folder = ROOT.joinpath(*package.split("."))
    found = []
    for path in sorted(folder.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found.append(".".join(parts))
    return found


PACKAGES = [p for p in DOMAIN if ROOT.joinpath(*p.split(".")).is_dir()]


def test_the_domain_packages_exist() -> None:
    assert {"labkit.model", "labkit.store"} <= set(PACKAGES)
    assert "labkit.model.validation" in modules_of("labkit.model")


@pytest.mark.parametrize("package", PACKAGES)
def test_domain_package_imports_no_ui_library(package: str) -> None:
    modules = modules_of(package)
    code = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        f"print(json.dumps(sorted(k for k in sys.modules if k.split('.')[0] in {UI!r}\n"
        f"    or k.startswith({UI_LAYERS!r}))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    loaded = json.loads(out.stdout.strip().splitlines()[-1])
    assert loaded == [], f"{package} pulls in {sorted({m.split('.')[0] for m in loaded})}"


def test_the_check_would_see_a_ui_import() -> None:
    code = "import sys, labkit.cli.app; print(sorted(k for k in sys.modules if k == 'typer'))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, timeout=120)
    assert out.stdout.strip() == "['typer']"
