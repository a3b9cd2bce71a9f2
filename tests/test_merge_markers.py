"""No merge-conflict markers left in the project's text files (a README row once kept them)."""

from __future__ import annotations

import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MARKER = re.compile(r"^(<{7}|>{7})( |$)|^={7}$", re.MULTILINE)
TEXT = {".py", ".md", ".toml", ".yaml", ".yml", ".j2", ".html", ".css", ".js", ".cfg", ".txt"}


def _text_files() -> list[Path]:
    skip = {".venv", ".git", "node_modules", "__pycache__", ".hypothesis", ".ruff_cache"}
    found: list[Path] = []
    for folder, dirs, files in os.walk(ROOT):
        dirs[:] = [d for d in dirs if d not in skip and not d.startswith(".venv")]
        found += [Path(folder, name) for name in files if Path(name).suffix in TEXT]
    return found


def test_no_conflict_markers() -> None:
    found = [f"{path.relative_to(ROOT)}:{text.count(chr(10), 0, match.start()) + 1}"
             for path in _text_files()
             for text in [path.read_text(encoding="utf-8", errors="replace")]
             for match in MARKER.finditer(text)]  # fmt: skip
    assert not found, found
