"""Fixtures of the journal tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from labkit.i18n import set_ui_language
from labkit.store.journal import Journal


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """Messages in English, whatever the machine's locale."""
    set_ui_language("en")
    yield
    set_ui_language(None)


@pytest.fixture
def session_dir(tmp_path: Path) -> Path:
    """An empty session folder."""
    folder = tmp_path / "session"
    folder.mkdir()
    return folder


@pytest.fixture
def journal(session_dir: Path) -> Iterator[Journal]:
    """A new, empty journal in `session_dir`."""
    with Journal.open(session_dir / "journal.db", device="test") as opened:
        yield opened
