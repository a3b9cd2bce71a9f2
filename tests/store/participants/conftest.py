"""The participants import tests' session folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from participants_helpers import FIXTURES


@pytest.fixture
def session_dir(tmp_path: Path) -> Path:
    """A copy of the fixture session (2 days, 5 groups, Hélène Dubois already in)."""
    folder = tmp_path / "garde-enfants-test"
    folder.mkdir()
    shutil.copy(FIXTURES / "session.yaml", folder / "session.yaml")
    return folder
