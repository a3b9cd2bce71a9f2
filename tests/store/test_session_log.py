"""The session's log file: attached for a while, owner-only, rotating, absent when all went well."""

from __future__ import annotations

import logging
from pathlib import Path

from labkit.store import session_log as sl


def test_a_logged_traceback_lands_in_the_session_folder(tmp_path: Path) -> None:
    logger = logging.getLogger("labkit.some.worker")
    with sl.session_log(tmp_path) as path:
        try:
            raise ValueError("boom")
        except ValueError:
            logger.exception("the worker failed")
    assert path == tmp_path / "labkit.log"
    text = path.read_text(encoding="utf-8")
    assert "ERROR labkit.some.worker" in text and "the worker failed" in text
    assert "Traceback (most recent call last)" in text and "ValueError: boom" in text
    assert path.stat().st_mode & 0o777 == 0o600


def test_nothing_logged_no_file_and_the_handler_is_detached(tmp_path: Path) -> None:
    labkit_logger = logging.getLogger("labkit")
    before = list(labkit_logger.handlers)
    with sl.session_log(tmp_path):
        logging.getLogger("labkit.x").debug("below the level")
    assert not (tmp_path / "labkit.log").exists()
    assert labkit_logger.handlers == before
    with sl.session_log(tmp_path):
        pass
    logging.getLogger("labkit.x").error("after the session")
    assert not (tmp_path / "labkit.log").exists()


def test_the_log_rotates_and_stays_small(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(sl, "MAX_BYTES", 2_000)
    with sl.session_log(tmp_path) as path:
        for n in range(200):
            logging.getLogger("labkit.x").warning("line %s %s", n, "x" * 40)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["labkit.log", "labkit.log.1", "labkit.log.2"]
    assert all((tmp_path / n).stat().st_size <= 2_000 for n in names)
    assert all((tmp_path / n).stat().st_mode & 0o777 == 0o600 for n in names)
    assert "line 199" in path.read_text(encoding="utf-8")


def test_an_existing_log_is_made_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "labkit.log"
    path.write_text("old\n", encoding="utf-8")
    path.chmod(0o644)
    with sl.session_log(tmp_path):
        logging.getLogger("labkit.x").warning("new")
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.read_text(encoding="utf-8").startswith("old\n")
