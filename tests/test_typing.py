"""labkit type-checks: mypy, configured in ``pyproject.toml`` (``[tool.mypy]``).

The whole package is checked, the domain packages and the UI (`tui`, `cli`) alike;
`warn_unused_ignores` makes every remaining ``type: ignore`` prove that it is still needed. A
failure prints mypy's report.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_mypy_finds_no_error() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success: no issues found" in result.stdout
