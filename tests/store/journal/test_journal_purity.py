"""The journal is domain code: importing it never pulls in a user-interface library."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import labkit.store.journal as journal_package


def test_the_journal_imports_no_ui_library() -> None:
    modules = [
        f"labkit.store.journal.{m.name}" for m in pkgutil.iter_modules(journal_package.__path__)
    ]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'typer', 'rich'}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
    assert len(modules) >= 10
