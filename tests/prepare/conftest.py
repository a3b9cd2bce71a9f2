"""Fixtures of the preparation tests: a session folder written in a temporary directory."""

from __future__ import annotations

from pathlib import Path

import pytest
from prepare_fixtures import write_session

from labkit.store.session_folder import SessionFolder, open_session


@pytest.fixture
def session_dir(tmp_path: Path) -> Path:
    return write_session(tmp_path)


@pytest.fixture
def folder(session_dir: Path) -> SessionFolder:
    return open_session(session_dir)
