"""Every stored SVG snapshot belongs to a test of test_snapshots.py.

syrupy fails a run on unused snapshots only in one process: under pytest-xdist (the default
here) it leaves that check out, so this test keeps it.
"""

from __future__ import annotations

import inspect
from pathlib import Path

from . import test_snapshots

STORED = Path(__file__).parent / "__snapshots__" / "test_snapshots"


def test_every_stored_snapshot_belongs_to_a_test_and_every_test_has_its_snapshots() -> None:
    tests = [name for name, value in vars(test_snapshots).items()
             if name.startswith("test_") and inspect.isfunction(value)]  # fmt: skip
    expected = {f"{name}[{size.id}].svg" for name in tests for size in test_snapshots.SIZES}
    stored = {path.name for path in STORED.glob("*.svg")}
    assert stored - expected == set(), "snapshots of no test: delete them"
    assert expected - stored == set(), "tests without a snapshot: run with --snapshot-update"
